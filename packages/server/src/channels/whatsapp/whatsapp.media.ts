import { z } from 'zod';
import { downloadMedia, MAX_MEDIA_BYTES } from '../media-download.ts';
import type { Fetch, InboundMedia } from '../messaging-provider.ts';
import { joinUrl, redact, requestProvider } from '../provider-request.ts';
import type { WhatsAppConfig } from './whatsapp.config.ts';
import { describeGraphError, graphError } from './whatsapp.send.ts';

// GET /{media-id} answers with a short-lived URL (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media).
const MediaInfo = z.looseObject({
  url: z.url({ protocol: /^https?$/ }),
  mime_type: z.string().min(1),
  // Documented as a number; some API versions send it as a string.
  file_size: z.coerce.number().int().nonnegative().optional(),
});

// The download URL needs the bearer too. Meta serves it from lookaside.fbsbx.com (and its CDNs);
// any other host gets no token, even if the lookup or a redirect points there.
const META_MEDIA_HOST_SUFFIXES = ['.fbsbx.com', '.fbcdn.net', '.whatsapp.net'];

function mayCarryToken(url: URL, apiOrigin: string): boolean {
  if (url.origin === apiOrigin) return true;
  return url.protocol === 'https:' && META_MEDIA_HOST_SUFFIXES.some((suffix) => url.hostname.endsWith(suffix));
}

export async function fetchWhatsAppMedia(media: InboundMedia, config: WhatsAppConfig, fetchImpl: Fetch): Promise<{ data: Buffer; contentType: string }> {
  // Media ids are numeric; anything else could walk the Graph path (`../`) with our token.
  if (!/^\d{1,30}$/.test(media.ref)) throw new Error('WhatsApp media: the media id must be digits');
  const secrets = [config.accessToken, config.appSecret, config.verifyToken];
  const bearer = { authorization: `Bearer ${config.accessToken}` };
  const lookup = await requestProvider(fetchImpl, joinUrl(config.apiBaseUrl, media.ref), { headers: { ...bearer, accept: 'application/json' } });
  if (lookup.kind === 'unreachable') throw new Error(`WhatsApp media lookup: ${redact(lookup.error, secrets)}`);
  if (lookup.status !== 200) throw new Error(`WhatsApp media lookup: ${redact(describeGraphError(lookup.status, graphError(lookup.json)), secrets)}`);
  const info = MediaInfo.safeParse(lookup.json);
  if (!info.success) throw new Error('WhatsApp media lookup: the answer has no usable url and mime_type');
  if ((info.data.file_size ?? 0) > MAX_MEDIA_BYTES) throw new Error(`WhatsApp media: ${info.data.file_size} bytes is over the ${MAX_MEDIA_BYTES}-byte limit`);
  const apiOrigin = new URL(config.apiBaseUrl).origin;
  try {
    const { data } = await downloadMedia(info.data.url, { fetchImpl, headersFor: (url): Record<string, string> => (mayCarryToken(url, apiOrigin) ? bearer : {}) });
    // Meta's declared type is authoritative; the download host often answers application/octet-stream.
    return { data, contentType: info.data.mime_type };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`WhatsApp media: ${redact(message, secrets)}`, { cause: error });
  }
}
