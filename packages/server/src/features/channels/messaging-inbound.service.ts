import { createHash } from 'node:crypto';
import { MESSAGE_MAX_CHARS, type AttachmentMeta } from '@tandem/protocol';
import type { InboundText, WebhookRequest } from '../../channels/messaging-provider.ts';
import { isMessagingKind, MESSAGING_CHANNELS, type MessagingKind } from '../../channels/messaging-providers.ts';
import { storableContent } from '../../channels/storable-content.ts';
import { verifySubscription } from '../../channels/whatsapp/whatsapp.provider.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { isOptOutReply } from '@tandem/core';
import { savePreference } from '../outreach/contact-preferences.store.ts';
import type { ReceiveService } from '../conversations/receive.service.ts';
import type { CustomerService } from '../customers/customer.service.ts';
import type { UploadService } from '../files/upload.service.ts';
import type { DeliveryService } from '../deliveries/delivery.service.ts';
import { findChannel } from './channel.store.ts';

export interface WebhookOutcome {
  messages: number;
  duplicates: number;
  statuses: number;
}

/**
 * SMS and WhatsApp webhooks: the signature is checked before anything is read, each message is
 * stored once however often the provider retries (keyed by its message id), and delivery-status
 * callbacks move the status of the messages we sent.
 */
export function createMessagingInboundService(deps: ServiceDeps & {
  receive: ReceiveService; customers: CustomerService; uploads: UploadService; deliveries: DeliveryService; fetch: typeof fetch;
}) {
  async function channelOf(workspaceId: string, channelId: string) {
    const channel = await findChannel(deps.db, workspaceId, channelId);
    if (!channel?.enabled || !isMessagingKind(channel.kind)) throw appError('channel.not_found');
    const kind: MessagingKind = channel.kind;
    const config = MESSAGING_CHANNELS[kind].config.safeParse(channel.config);
    if (!config.success) throw appError('channel.not_configured', `The ${kind} channel's provider settings are incomplete.`);
    return { kind, config: config.data as never, provider: MESSAGING_CHANNELS[kind].provider };
  }


  async function receiveOne(workspaceId: string, channel: Awaited<ReturnType<typeof channelOf>>, message: InboundText) {
    const customerId = await deps.customers.resolve(workspaceId, MESSAGING_CHANNELS[channel.kind].identity, message.from, message.profileName);
    // "STOP" stops notices; the reply is still stored, so agents see it.
    if (isOptOutReply(message.body)) await savePreference(deps.db, workspaceId, customerId, { noticesOptedOut: true }, deps.clock());
    const attachments: AttachmentMeta[] = [];
    const notKept: string[] = [];
    for (const media of message.media) {
      try {
        const { data, contentType } = await channel.provider.fetchMedia(media, channel.config, deps.fetch);
        attachments.push(await deps.uploads.upload({ workspaceId, owner: { customerId }, filename: media.filename ?? `${channel.kind}-media`, declaredType: contentType, data }));
      } catch (error) {
        // The text still counts: a media item we cannot fetch or keep is named in the message instead.
        deps.log.warn({ err: error, workspaceId }, 'inbound media not kept');
        notKept.push(media.filename ?? media.contentType);
      }
    }
    const note = notKept.length > 0 ? `\n[${notKept.join(', ')}]` : '';
    const body = `${message.body}${note}`.trim() || attachments.map((a) => a.name).join(', ') || '—';
    return deps.receive.deliver({
      workspaceId, customerId, channel: channel.kind,
      body: body.slice(0, MESSAGE_MAX_CHARS),
      content: attachments.length > 0 ? { attachments } : {},
      idempotencyKey: `${channel.kind}-${createHash('sha256').update(message.providerMessageId).digest('base64url').slice(0, 43)}`,
    });
  }

  return {
    async webhook(workspaceId: string, channelId: string, request: WebhookRequest): Promise<WebhookOutcome> {
      const channel = await channelOf(workspaceId, channelId);
      if (!channel.provider.verify(request, channel.config)) throw appError('channel.signature_invalid');
      const parsed = channel.provider.parse(request);
      if (parsed.kind === 'malformed') throw appError('channel.payload_invalid', parsed.reason);
      const content = storableContent(parsed.content);
      const outcome: WebhookOutcome = { messages: 0, duplicates: 0, statuses: 0 };
      for (const message of content.messages) {
        const received = await receiveOne(workspaceId, channel, message);
        if (received.duplicate) outcome.duplicates++;
        else outcome.messages++;
      }
      for (const status of content.statuses) {
        if (await deps.deliveries.statusUpdate(workspaceId, channel.kind, status)) outcome.statuses++;
      }
      return outcome;
    },

    /** Meta's subscription handshake (GET with hub.mode, hub.verify_token, hub.challenge). */
    async verifySubscription(workspaceId: string, channelId: string, query: Record<string, string | undefined>): Promise<string> {
      const channel = await channelOf(workspaceId, channelId);
      if (channel.kind !== 'whatsapp') throw appError('channel.not_found');
      const challenge = verifySubscription(query, channel.config);
      if (challenge === null) throw appError('channel.signature_invalid', 'The verify token does not match.');
      return challenge;
    },
  };
}

export type MessagingInboundService = ReturnType<typeof createMessagingInboundService>;
