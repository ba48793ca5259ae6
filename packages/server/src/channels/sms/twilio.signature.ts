import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../constant-time.ts';
import type { WebhookRequest } from '../messaging-provider.ts';
import { decodeTwilioForm } from './twilio.form.ts';

/**
 * X-Twilio-Signature: base64(HMAC-SHA1(authToken, url + each POST parameter's name and value,
 * sorted by name)). https://www.twilio.com/docs/usage/webhooks/webhooks-security
 */
export function signTwilioRequest(url: string, params: Record<string, string>, authToken: string): string {
  return signTwilioPairs(url, Object.entries(params), authToken);
}

export function verifyTwilioSignature(request: WebhookRequest, authToken: string): boolean {
  const signature = request.headers['x-twilio-signature'];
  if (!signature) return false;
  const pairs = decodeTwilioForm(request.rawBody);
  if (!pairs) return false;
  return urlVariants(request.url).some((url) => constantTimeEqual(signature, signTwilioPairs(url, pairs, authToken)));
}

function signTwilioPairs(url: string, pairs: ReadonlyArray<readonly [string, string]>, authToken: string): string {
  // Twilio sorts case-sensitively (code-unit order, not locale order); repeated names are ordered by value.
  const sorted = [...pairs].sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB));
  const payload = url + sorted.map(([name, value]) => name + value).join('');
  return createHmac('sha1', authToken).update(payload, 'utf8').digest('base64');
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

// Twilio signs the URL sometimes with and sometimes without the scheme's default port
// (its own helper libraries try both), so a proxy's URL rebuild cannot break verification.
function urlVariants(url: string): string[] {
  const match = /^(https?):\/\/([^/?#]+)(.*)$/s.exec(url);
  if (!match) return [url];
  const [, scheme, authority = '', rest = ''] = match;
  const defaultPort = scheme === 'https' ? '443' : '80';
  const withoutPort = authority.endsWith(`:${defaultPort}`) ? authority.slice(0, -defaultPort.length - 1) : authority;
  const withPort = /:\d+$/.test(withoutPort) ? withoutPort : `${withoutPort}:${defaultPort}`;
  return [...new Set([url, `${scheme}://${withoutPort}${rest}`, `${scheme}://${withPort}${rest}`])];
}
