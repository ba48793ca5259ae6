import type { MessagingProvider } from '../messaging-provider.ts';
import type { TwilioConfig } from './twilio.config.ts';
import { fetchTwilioMedia } from './twilio.media.ts';
import { parseTwilioWebhook } from './twilio.parse.ts';
import { sendTwilioMessage } from './twilio.send.ts';
import { verifyTwilioSignature } from './twilio.signature.ts';

export { signTwilioRequest } from './twilio.signature.ts';
export { RECEIVED_AT_HEADER } from './twilio.parse.ts';
export { classifyTwilioStatus } from './twilio.send.ts';

/** SMS and MMS through Twilio's Programmable Messaging API. */
export const twilioProvider: MessagingProvider<TwilioConfig> = {
  verify: (request, config) => verifyTwilioSignature(request, config.authToken),
  parse: parseTwilioWebhook,
  send: sendTwilioMessage,
  fetchMedia: fetchTwilioMedia,
};
