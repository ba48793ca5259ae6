import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../constant-time.ts';
import type { WebhookRequest } from '../messaging-provider.ts';

/** The full `X-Hub-Signature-256` value Meta sends: `sha256=` + hex HMAC-SHA256 of the raw body under the app secret. */
export function signWhatsAppBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function verifyWhatsAppSignature(request: WebhookRequest, appSecret: string): boolean {
  const signature = request.headers['x-hub-signature-256'];
  if (!signature) return false;
  return constantTimeEqual(signature.toLowerCase(), signWhatsAppBody(request.rawBody, appSecret));
}

export interface SubscriptionQuery {
  'hub.mode'?: string | undefined;
  'hub.verify_token'?: string | undefined;
  'hub.challenge'?: string | undefined;
}

/**
 * Meta's GET handshake when a webhook URL is registered: answer with `hub.challenge` only when
 * the token is ours (https://developers.facebook.com/docs/graph-api/webhooks/getting-started).
 */
export function verifySubscription(query: SubscriptionQuery, config: { verifyToken: string }): string | null {
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (query['hub.mode'] !== 'subscribe' || token === undefined || !challenge) return null;
  return constantTimeEqual(token, config.verifyToken) ? challenge : null;
}
