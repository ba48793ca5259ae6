import type { InboundMedia, ParseResult, ProviderStatus, WebhookContent, WebhookRequest } from '../messaging-provider.ts';
import { isE164 } from '../phone-number.ts';
import { decodeTwilioForm } from './twilio.form.ts';

/** Set by our HTTP layer when the webhook arrives (ISO 8601); it must overwrite any value the client sent. */
export const RECEIVED_AT_HEADER = 'x-tandem-received-at';
// An MMS carries at most 10 media items (Twilio Messaging API limits).
const MAX_MEDIA = 10;
const STATUS_BY_TWILIO = new Map<string, ProviderStatus>([
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
  ['undelivered', 'failed'],
  ['failed', 'failed'],
]);
// Inbound webhooks for some senders (WhatsApp through Twilio) also carry MessageStatus=received:
// those describe a message arriving, not the fate of one we sent.
const INBOUND_STATES = new Set(['received', 'receiving']);

type Form = ReadonlyMap<string, string>;

export function parseTwilioWebhook(request: WebhookRequest): ParseResult {
  const pairs = decodeTwilioForm(request.rawBody);
  if (!pairs) return malformed('body is not UTF-8 form data');
  const form = new Map<string, string>();
  for (const [name, value] of pairs) if (!form.has(name)) form.set(name, value);
  const at = receivedAt(request.headers[RECEIVED_AT_HEADER]);
  if (!at) return malformed(`${RECEIVED_AT_HEADER} is not a date`);
  const status = form.get('MessageStatus');
  if (status !== undefined && !INBOUND_STATES.has(status)) return statusCallback(form, status, at);
  return inboundMessage(form, at);
}

// Twilio's webhooks carry no timestamp, so the time is when we received the request.
function receivedAt(header: string | undefined): Date | null {
  if (header === undefined) return new Date();
  const at = new Date(header);
  return Number.isNaN(at.getTime()) ? null : at;
}

function inboundMessage(form: Form, sentAt: Date): ParseResult {
  const providerMessageId = form.get('MessageSid') || form.get('SmsMessageSid');
  if (!providerMessageId) return malformed('MessageSid is missing');
  const rawFrom = form.get('From');
  if (rawFrom === undefined) return malformed('From is missing');
  const from = rawFrom.trim();
  // The number itself stays out of the reason: reasons are logged, numbers are personal data.
  if (!isE164(from)) return malformed('From is not an E.164 phone number');
  const to = form.get('To')?.trim();
  if (!to) return malformed('To is missing');
  const media = inboundMedia(form);
  if ('reason' in media) return malformed(media.reason);
  const profileName = form.get('ProfileName')?.trim();
  const message = { providerMessageId, from, to, body: form.get('Body') ?? '', media: media.items, sentAt };
  return parsed({ messages: [profileName ? { ...message, profileName } : message], statuses: [] });
}

function inboundMedia(form: Form): { items: InboundMedia[] } | { reason: string } {
  const count = form.get('NumMedia') ?? '0';
  if (!/^\d{1,2}$/.test(count) || Number(count) > MAX_MEDIA) return { reason: `NumMedia must be a number from 0 to ${MAX_MEDIA}` };
  const items: InboundMedia[] = [];
  for (let index = 0; index < Number(count); index += 1) {
    const ref = form.get(`MediaUrl${index}`);
    if (!ref) return { reason: `MediaUrl${index} is missing (NumMedia is ${count})` };
    items.push({ ref, contentType: form.get(`MediaContentType${index}`) || 'application/octet-stream' });
  }
  return { items };
}

function statusCallback(form: Form, twilioStatus: string, at: Date): ParseResult {
  const providerMessageId = form.get('MessageSid') || form.get('SmsSid');
  if (!providerMessageId) return malformed('MessageSid is missing');
  const status = STATUS_BY_TWILIO.get(twilioStatus);
  // queued, accepted, sending, scheduled, canceled…: progress we do not show.
  if (!status) return parsed({ messages: [], statuses: [] });
  const update = { providerMessageId, status, at };
  return parsed({ messages: [], statuses: [status === 'failed' ? { ...update, error: failureText(form, twilioStatus) } : update] });
}

function failureText(form: Form, twilioStatus: string): string {
  const code = form.get('ErrorCode');
  const message = form.get('ErrorMessage');
  if (code && message) return `${code}: ${message}`;
  return code || message || twilioStatus;
}

function parsed(content: WebhookContent): ParseResult {
  return { kind: 'parsed', content };
}

function malformed(reason: string): ParseResult {
  return { kind: 'malformed', reason };
}
