import type { Fetch } from './messaging-provider.ts';

/** Inbound media larger than this is refused: WhatsApp's limit for images, audio and video, above Twilio MMS's 5 MB. */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const DOWNLOAD_TIMEOUT_MS = 60_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface MediaDownloadOptions {
  fetchImpl: Fetch;
  /** Headers for one hop. Asked again after every redirect, so credentials go only to hosts it trusts. */
  headersFor(url: URL): Record<string, string>;
  maxBytes?: number;
}

/**
 * GETs media, following redirects by hand: fetch's own redirect handling would carry the
 * Authorization header on to wherever the provider points (signed S3/CDN URLs).
 */
export async function downloadMedia(url: string, options: MediaDownloadOptions): Promise<{ data: Buffer; contentType: string | undefined }> {
  const maxBytes = options.maxBytes ?? MAX_MEDIA_BYTES;
  const signal = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  let current = httpUrl(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await options.fetchImpl(current, { headers: options.headersFor(current), redirect: 'manual', signal });
    if (REDIRECT_STATUSES.has(response.status)) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location) throw new Error(`media download from ${current.host}: redirect without a Location header`);
      current = httpUrl(new URL(location, current).href);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`media download from ${current.host} failed with HTTP ${response.status}`);
    }
    const data = await readCapped(response, maxBytes, current.host);
    return { data, contentType: response.headers.get('content-type') ?? undefined };
  }
  throw new Error(`media download: more than ${MAX_REDIRECTS} redirects`);
}

function httpUrl(raw: string): URL {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new Error('media URL must be an http(s) URL');
  return url;
}

async function readCapped(response: Response, maxBytes: number, host: string): Promise<Buffer> {
  const tooLarge = () => new Error(`media from ${host} is larger than the ${maxBytes}-byte limit`);
  // Content-Length is only a hint (chunked responses have none), so the stream is counted as well.
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
