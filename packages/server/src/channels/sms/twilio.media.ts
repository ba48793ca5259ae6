import { downloadMedia } from '../media-download.ts';
import type { Fetch, InboundMedia } from '../messaging-provider.ts';
import { redact } from '../provider-request.ts';
import type { TwilioConfig } from './twilio.config.ts';
import { twilioBasicAuth } from './twilio.send.ts';

// MediaUrl points at api.twilio.com, which answers with a redirect to a signed CDN URL.
// Basic auth (needed when the account enforces it for media) goes to the API origin only.
export async function fetchTwilioMedia(media: InboundMedia, config: TwilioConfig, fetchImpl: Fetch): Promise<{ data: Buffer; contentType: string }> {
  const apiOrigin = new URL(config.apiBaseUrl).origin;
  const authorization = twilioBasicAuth(config);
  try {
    const { data, contentType } = await downloadMedia(media.ref, {
      fetchImpl,
      headersFor: (url): Record<string, string> => (url.origin === apiOrigin ? { authorization } : {}),
    });
    return { data, contentType: contentType ?? media.contentType };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Twilio media: ${redact(message, [config.authToken, authorization])}`, { cause: error });
  }
}
