import type { ChannelKind, IdentityKind } from '@tandem/core';
import type { z } from 'zod';
import type { MessagingProvider } from './messaging-provider.ts';
import { TwilioConfig } from './sms/twilio.config.ts';
import { twilioProvider } from './sms/twilio.provider.ts';
import { WhatsAppConfig } from './whatsapp/whatsapp.config.ts';
import { whatsAppProvider } from './whatsapp/whatsapp.provider.ts';

export type MessagingKind = Extract<ChannelKind, 'sms' | 'whatsapp'>;

interface MessagingChannel {
  provider: MessagingProvider<never>;
  config: z.ZodType<unknown>;
  /** The customer handle this channel reaches. */
  identity: IdentityKind;
}

/** The provider behind each messaging channel kind (one per kind for now; `provider` in the config names it). */
export const MESSAGING_CHANNELS: Record<MessagingKind, MessagingChannel> = {
  sms: { provider: twilioProvider as MessagingProvider<never>, config: TwilioConfig, identity: 'phone' },
  whatsapp: { provider: whatsAppProvider as MessagingProvider<never>, config: WhatsAppConfig, identity: 'whatsapp' },
};

export const isMessagingKind = (kind: ChannelKind): kind is MessagingKind => kind === 'sms' || kind === 'whatsapp';
