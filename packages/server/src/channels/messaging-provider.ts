// The contract every SMS or WhatsApp provider implements (one file set per provider under
// channels/<kind>/). Providers are pure over their wire format except `send` and `fetchMedia`,
// which talk HTTP through the `fetch` they are given (tests point it at a loopback provider).
import type { SendFailureKind } from '@tandem/core';

/** What arrived at a webhook, as the provider signed it. Header names are lower-case. */
export interface WebhookRequest {
  /** The full public URL the provider posted to (Twilio signs it). */
  url: string;
  headers: Readonly<Record<string, string | undefined>>;
  rawBody: Buffer;
}

/** A media item of an inbound message; fetched with `fetchMedia` before it is stored. */
export interface InboundMedia {
  /** Provider reference: a URL (Twilio) or a media id (WhatsApp). */
  ref: string;
  contentType: string;
  filename?: string | undefined;
}

/** One customer message from the provider. */
export interface InboundText {
  /** Unique per provider: replays of the same delivery carry the same id. */
  providerMessageId: string;
  /** The customer's handle in E.164 (`+84901234567`); WhatsApp wa_ids get a leading `+`. */
  from: string;
  /** Our number (E.164) or WhatsApp phone-number id the message was sent to. */
  to: string;
  profileName?: string | undefined;
  body: string;
  media: InboundMedia[];
  sentAt: Date;
}

export const PROVIDER_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

/** A delivery-status callback for a message we sent. */
export interface StatusUpdate {
  providerMessageId: string;
  status: ProviderStatus;
  /** Provider error code and text when failed. */
  error?: string | undefined;
  at: Date;
}

export interface WebhookContent {
  messages: InboundText[];
  statuses: StatusUpdate[];
}

export type ParseResult = { kind: 'parsed'; content: WebhookContent } | { kind: 'malformed'; reason: string };

/** An outbound message: free text, or (WhatsApp outside its 24-hour window) an approved template. */
export type OutboundMessage =
  | { kind: 'text'; to: string; body: string; mediaUrls?: string[] | undefined }
  | { kind: 'template'; to: string; template: { name: string; language: string; parameters: string[] } };

/** How a failed send is treated (core's retry policy): retry later, a bad credential, or a refused message. */
export type { SendFailureKind } from '@tandem/core';

export type SendResult =
  | { kind: 'sent'; providerMessageId: string }
  | { kind: 'failed'; failure: SendFailureKind; error: string };

export type Fetch = typeof fetch;

export interface MessagingProvider<Config> {
  /** Checks the provider's signature header against the raw body (constant-time). */
  verify(request: WebhookRequest, config: Config): boolean;
  /** Pure: the wire payload to domain values, or why it is malformed. */
  parse(request: WebhookRequest): ParseResult;
  send(message: OutboundMessage, config: Config, fetchImpl: Fetch): Promise<SendResult>;
  fetchMedia(media: InboundMedia, config: Config, fetchImpl: Fetch): Promise<{ data: Buffer; contentType: string }>;
}
