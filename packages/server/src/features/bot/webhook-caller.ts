import { createHmac } from 'node:crypto';
import type { FlowActionOutcome } from '@tandem/core';
import type { WebhookRecord } from './bot.store.ts';

const MAX_RESPONSE_BYTES = 64 * 1024;

/** `X-Tandem-Signature: sha256=<hex HMAC of "<timestamp>.<body>">`, with `X-Tandem-Timestamp` (seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The body as text, or null once it passes `limit` bytes (the rest is never read). */
async function readAtMost(response: Response, limit: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Calls a workspace's webhook for a flow action. Every failure (timeout, HTTP error, a body that
 * is not a JSON object, too large) becomes `{ ok: false }`, so the flow takes its error path
 * instead of getting stuck. A path (`/demo/...`) is resolved against this server's own URL.
 */
export async function callWebhook(webhook: Pick<WebhookRecord, 'url' | 'secret' | 'timeoutMs'>, payload: Record<string, unknown>, options: { selfUrl: string | null; now: Date }): Promise<FlowActionOutcome> {
  const url = webhook.url.startsWith('/') ? (options.selfUrl ? new URL(webhook.url, options.selfUrl).toString() : null) : webhook.url;
  if (!url) return { ok: false, error: 'no public URL to resolve the webhook path against' };
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(options.now.getTime() / 1000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tandem-timestamp': String(timestamp), 'x-tandem-signature': signWebhook(webhook.secret, timestamp, body) },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(webhook.timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, error: `HTTP ${response.status}` };
    }
    const text = await readAtMost(response, MAX_RESPONSE_BYTES);
    if (text === null) return { ok: false, error: 'response too large' };
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: 'response is not a JSON object' };
    return { ok: true, data: data as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : 'call failed' };
  }
}
