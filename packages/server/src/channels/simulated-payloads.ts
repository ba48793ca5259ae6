// Webhook payloads shaped exactly like the ones Twilio and Meta post, for the `simulate` CLI
// command and for tests. Callers sign them with signTwilioRequest / signWhatsAppBody.
import { randomBytes } from 'node:crypto';
import type { ProviderStatus } from './messaging-provider.ts';

/** A Twilio SID: two-letter prefix (SM message, MM media message, AC account, ME media) and 32 hex digits. */
export function twilioSid(prefix: 'SM' | 'MM' | 'AC' | 'ME'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

/** A WhatsApp message id: `wamid.` and an opaque base64 blob. */
export function whatsAppMessageId(): string {
  return `wamid.${randomBytes(36).toString('base64')}`;
}

export interface TwilioInboundInput {
  from: string;
  to: string;
  body: string;
  messageSid?: string | undefined;
  accountSid?: string | undefined;
  profileName?: string | undefined;
  media?: Array<{ url: string; contentType: string }> | undefined;
}

/** The form fields of Twilio's incoming-message webhook. */
export function twilioInboundForm(input: TwilioInboundInput): Record<string, string> {
  const media = input.media ?? [];
  const sid = input.messageSid ?? twilioSid(media.length > 0 ? 'MM' : 'SM');
  const form: Record<string, string> = {
    SmsMessageSid: sid,
    NumMedia: String(media.length),
    SmsSid: sid,
    SmsStatus: 'received',
    Body: input.body,
    To: input.to,
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: input.accountSid ?? twilioSid('AC'),
    From: input.from,
    ApiVersion: '2010-04-01',
  };
  media.forEach((item, index) => {
    form[`MediaContentType${index}`] = item.contentType;
    form[`MediaUrl${index}`] = item.url;
  });
  if (input.profileName) form.ProfileName = input.profileName;
  return form;
}

export interface TwilioStatusInput {
  messageSid: string;
  status: string;
  to: string;
  from: string;
  errorCode?: string | undefined;
  accountSid?: string | undefined;
}

/** The form fields of a Twilio status callback (Twilio repeats the status as SmsStatus). */
export function twilioStatusForm(input: TwilioStatusInput): Record<string, string> {
  const form: Record<string, string> = {
    SmsSid: input.messageSid,
    SmsStatus: input.status,
    MessageStatus: input.status,
    To: input.to,
    MessageSid: input.messageSid,
    AccountSid: input.accountSid ?? twilioSid('AC'),
    From: input.from,
    ApiVersion: '2010-04-01',
  };
  if (input.errorCode) form.ErrorCode = input.errorCode;
  return form;
}

interface WhatsAppEnvelopeInput {
  phoneNumberId: string;
  displayPhoneNumber: string;
}

export interface WhatsAppInboundInput extends WhatsAppEnvelopeInput {
  /** The customer's number, E.164 or bare digits. */
  from: string;
  name?: string | undefined;
  body: string;
  id?: string | undefined;
  timestamp?: Date | undefined;
  image?: { id: string; mimeType: string; caption?: string | undefined } | undefined;
}

/** A `messages` webhook carrying one customer message (text, or an image with a caption). */
export function whatsAppInboundPayload(input: WhatsAppInboundInput): Record<string, unknown> {
  const waId = digits(input.from);
  const base = { from: waId, id: input.id ?? whatsAppMessageId(), timestamp: unixSeconds(input.timestamp) };
  const message = input.image
    ? { ...base, type: 'image', image: imageObject(input.image, input.body) }
    : { ...base, type: 'text', text: { body: input.body } };
  return envelope(input, { contacts: [{ profile: { name: input.name ?? 'Customer' }, wa_id: waId }], messages: [message] });
}

export interface WhatsAppStatusInput extends WhatsAppEnvelopeInput {
  id: string;
  status: ProviderStatus;
  recipientId: string;
  timestamp?: Date | undefined;
  error?: { code: number; title: string; details?: string | undefined } | undefined;
}

/** A `messages` webhook carrying one delivery status for a message we sent. */
export function whatsAppStatusPayload(input: WhatsAppStatusInput): Record<string, unknown> {
  const status: Record<string, unknown> = { id: input.id, status: input.status, timestamp: unixSeconds(input.timestamp), recipient_id: digits(input.recipientId) };
  if (input.status === 'sent') {
    status.conversation = { id: randomBytes(16).toString('hex'), origin: { type: 'service' } };
    status.pricing = { billable: true, pricing_model: 'CBP', category: 'service' };
  }
  if (input.error) {
    const { code, title, details } = input.error;
    status.errors = [{ code, title, message: title, ...(details ? { error_data: { details } } : {}) }];
  }
  return envelope(input, { statuses: [status] });
}

function envelope(input: WhatsAppEnvelopeInput, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: String(100_000_000_000_000 + randomBytes(4).readUInt32BE()),
        changes: [
          {
            field: 'messages',
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: digits(input.displayPhoneNumber), phone_number_id: input.phoneNumberId }, ...value },
          },
        ],
      },
    ],
  };
}

function imageObject(image: NonNullable<WhatsAppInboundInput['image']>, body: string): Record<string, unknown> {
  const caption = image.caption ?? body;
  return { ...(caption ? { caption } : {}), mime_type: image.mimeType, sha256: randomBytes(32).toString('base64'), id: image.id };
}

function digits(phone: string): string {
  return phone.replace(/^\+/, '');
}

function unixSeconds(at: Date | undefined): string {
  return String(Math.floor((at ?? new Date()).getTime() / 1000));
}
