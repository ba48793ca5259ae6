import type { z } from 'zod';
import type { ChannelKind } from '@tandem/core';
import { EmailConfig, EMAIL_SECRET_FIELDS } from './email/email.config.ts';
import { TwilioConfig, TWILIO_SECRET_FIELDS } from './sms/twilio.config.ts';
import { WhatsAppConfig, WHATSAPP_SECRET_FIELDS } from './whatsapp/whatsapp.config.ts';

interface ConfigDescriptor {
  schema: z.ZodType<Record<string, unknown>>;
  /** Fields never sent back to clients; a PATCH that leaves them out keeps them. */
  secrets: readonly string[];
  /** Addresses that route inbound traffic to this channel and must be unique across workspaces. */
  addresses(config: Record<string, unknown>): string[];
}

/** What each channel kind keeps in its config. Kinds not listed (web, voice, api) keep none. */
export const CHANNEL_CONFIGS: Partial<Record<ChannelKind, ConfigDescriptor>> = {
  email: { schema: EmailConfig, secrets: EMAIL_SECRET_FIELDS, addresses: (c) => (c as EmailConfig).addresses },
  sms: { schema: TwilioConfig, secrets: TWILIO_SECRET_FIELDS, addresses: () => [] },
  whatsapp: { schema: WhatsAppConfig, secrets: WHATSAPP_SECRET_FIELDS, addresses: () => [] },
};

export const SECRET_MASK = '********';

/** The config as clients see it: secrets masked. */
export function maskSecrets(kind: ChannelKind, config: Record<string, unknown>): Record<string, unknown> {
  const secrets = CHANNEL_CONFIGS[kind]?.secrets ?? [];
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secrets.includes(k) && v ? SECRET_MASK : v]));
}
