import type { MessagingProvider } from '../messaging-provider.ts';
import type { WhatsAppConfig } from './whatsapp.config.ts';
import { fetchWhatsAppMedia } from './whatsapp.media.ts';
import { parseWhatsAppWebhook } from './whatsapp.parse.ts';
import { sendWhatsAppMessage } from './whatsapp.send.ts';
import { verifyWhatsAppSignature } from './whatsapp.signature.ts';

export { signWhatsAppBody, verifySubscription, type SubscriptionQuery } from './whatsapp.signature.ts';
export { classifyGraphFailure } from './whatsapp.send.ts';

/** WhatsApp through Meta's Cloud API (Graph API). */
export const whatsAppProvider: MessagingProvider<WhatsAppConfig> = {
  verify: (request, config) => verifyWhatsAppSignature(request, config.appSecret),
  parse: parseWhatsAppWebhook,
  send: sendWhatsAppMessage,
  fetchMedia: fetchWhatsAppMedia,
};
