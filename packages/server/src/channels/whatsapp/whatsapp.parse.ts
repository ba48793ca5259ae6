import type { z } from 'zod';
import { PROVIDER_STATUSES } from '../messaging-provider.ts';
import type { InboundMedia, InboundText, ParseResult, ProviderStatus, StatusUpdate, WebhookRequest } from '../messaging-provider.ts';
import { WaMessagesValue, WaWebhook } from './whatsapp.webhook.schemas.ts';
import type { WaInboundMessage, WaMedia, WaStatus } from './whatsapp.webhook.schemas.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

type Content = { kind: 'content'; body: string; media: InboundMedia[] } | { kind: 'skip' } | { kind: 'malformed'; reason: string };

export function parseWhatsAppWebhook(request: WebhookRequest): ParseResult {
  const json = decodeJson(request.rawBody);
  if (json.kind === 'malformed') return json;
  const envelope = WaWebhook.safeParse(json.value);
  if (!envelope.success) return malformed(describeIssue(envelope.error, []));
  const messages: InboundText[] = [];
  const statuses: StatusUpdate[] = [];
  for (const [entryIndex, entry] of envelope.data.entry.entries()) {
    for (const [changeIndex, change] of entry.changes.entries()) {
      if (change.field !== 'messages') continue;
      const path = ['entry', entryIndex, 'changes', changeIndex, 'value'];
      const value = WaMessagesValue.safeParse(change.value);
      if (!value.success) return malformed(describeIssue(value.error, path));
      for (const [index, message] of (value.data.messages ?? []).entries()) {
        const content = contentOf(message);
        if (content.kind === 'malformed') return malformed(`${[...path, 'messages', index].join('.')}: ${content.reason}`);
        if (content.kind === 'content') messages.push(toInboundText(message, content, value.data));
      }
      for (const status of value.data.statuses ?? []) {
        const update = toStatusUpdate(status);
        if (update) statuses.push(update);
      }
    }
  }
  return { kind: 'parsed', content: { messages, statuses } };
}

function decodeJson(rawBody: Buffer): { kind: 'json'; value: unknown } | { kind: 'malformed'; reason: string } {
  try {
    return { kind: 'json', value: JSON.parse(utf8.decode(rawBody)) };
  } catch (error) {
    // TextDecoder (fatal) throws TypeError for bytes that are not UTF-8; JSON.parse throws SyntaxError.
    if (error instanceof TypeError) return malformed('body is not UTF-8');
    if (error instanceof SyntaxError) return malformed('body is not JSON');
    throw error;
  }
}

function contentOf(message: WaInboundMessage): Content {
  switch (message.type) {
    case 'text':
      return message.text ? content(message.text.body) : missing('text');
    case 'image':
    case 'document':
    case 'audio':
    case 'video':
    case 'sticker':
      return mediaContent(message[message.type], message.type);
    case 'location':
      return message.location ? content(describeLocation(message.location)) : missing('location');
    case 'button':
      return message.button ? content(message.button.text) : missing('button');
    case 'interactive': {
      const title = message.interactive?.button_reply?.title ?? message.interactive?.list_reply?.title;
      // Other replies (WhatsApp Flows' nfm_reply) carry JSON for a bot, not words for an agent.
      return title === undefined ? { kind: 'skip' } : content(title);
    }
    default:
      // reaction, unsupported, system (number changed), ephemeral…: nothing for the conversation.
      return { kind: 'skip' };
  }
}

function mediaContent(media: WaMedia | undefined, type: string): Content {
  if (!media) return missing(type);
  const item: InboundMedia = { ref: media.id, contentType: media.mime_type };
  return { kind: 'content', body: media.caption ?? '', media: [media.filename ? { ...item, filename: media.filename } : item] };
}

function describeLocation(location: NonNullable<WaInboundMessage['location']>): string {
  const place = [location.name, location.address].filter((part) => part !== undefined && part !== '').join(', ');
  const coordinates = `${location.latitude}, ${location.longitude}`;
  return place ? `Location: ${place} (${coordinates})` : `Location: ${coordinates}`;
}

function toInboundText(message: WaInboundMessage, body: { body: string; media: InboundMedia[] }, value: WaMessagesValue): InboundText {
  const profileName = value.contacts?.find((contact) => contact.wa_id === message.from)?.profile?.name;
  const inbound: InboundText = {
    providerMessageId: message.id,
    from: `+${message.from}`,
    to: value.metadata.phone_number_id,
    body: body.body,
    media: body.media,
    sentAt: fromUnixSeconds(message.timestamp),
  };
  return profileName ? { ...inbound, profileName } : inbound;
}

function toStatusUpdate(status: WaStatus): StatusUpdate | null {
  // Meta also sends `deleted` and `warning`; only the four delivery states reach the conversation.
  if (!isProviderStatus(status.status)) return null;
  const update: StatusUpdate = { providerMessageId: status.id, status: status.status, at: fromUnixSeconds(status.timestamp) };
  const errors = status.errors ?? [];
  if (status.status !== 'failed' || errors.length === 0) return update;
  const error = errors
    .map(({ code, title, message, error_data }) => `${code}: ${title ?? message ?? 'error'}${error_data ? ` (${error_data.details})` : ''}`)
    .join('; ');
  return { ...update, error };
}

function isProviderStatus(value: string): value is ProviderStatus {
  return (PROVIDER_STATUSES as readonly string[]).includes(value);
}

function fromUnixSeconds(seconds: string): Date {
  return new Date(Number(seconds) * 1000);
}

function describeIssue(error: z.ZodError, prefix: ReadonlyArray<string | number>): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  const path = [...prefix, ...issue.path.map(String)].join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function content(body: string): Content {
  return { kind: 'content', body, media: [] };
}

function missing(type: string): Content {
  return { kind: 'malformed', reason: `a ${type} message without its ${type} object` };
}

function malformed(reason: string): { kind: 'malformed'; reason: string } {
  return { kind: 'malformed', reason };
}
