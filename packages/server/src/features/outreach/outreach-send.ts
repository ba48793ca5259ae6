import type { HandlerKind, OutreachChannel } from '@tandem/core';
import type { Tx } from '../../adapters/postgres/database.ts';
import type { ConversationRecord, MessageRecord } from '../../domain/records.ts';
import { newConversation } from '../../domain/new-conversation.ts';
import { insertConversation } from '../conversations/conversation.store.ts';
import type { NewFeedEvent } from '../feed/feed.store.ts';
import { appendBatch } from '../messages/append-batch.ts';

export interface OutreachMessage {
  workspaceId: string;
  customerId: string;
  channel: OutreachChannel;
  subject: string | null;
  body: string;
  template: { name: string; language: string; parameters: string[] } | null;
  author: { kind: 'agent' | 'bot'; id: string | null };
  /** Replays of the same key store nothing new. */
  idempotencyKey: string;
  /** `pending`: open, waiting for the customer's answer; `resolved`: a notice they may still answer (it reopens). */
  status: 'pending' | 'resolved';
  /** Who answers the customer's reply. */
  handler: HandlerKind;
}

/**
 * Starts a conversation per message and stores the message in it, all in the caller's
 * transaction: the send job (deliveries) is written with it, so once this commits the message
 * will go out exactly as stored, and a crash before commit leaves nothing half-done.
 */
export async function storeOutreach(
  tx: Tx,
  batch: readonly OutreachMessage[],
  options: { now: Date; newId: () => string },
): Promise<{ sent: Array<{ conversation: ConversationRecord; message: MessageRecord }>; feed: NewFeedEvent[] }> {
  const conversations: ConversationRecord[] = batch.map((m) => ({
    ...newConversation({ workspaceId: m.workspaceId, id: options.newId(), customerId: m.customerId, handler: m.handler, channel: m.channel, subject: m.subject, now: options.now }),
    status: m.status,
    resolvedAt: m.status === 'resolved' ? options.now : null,
  }));
  await insertConversation(tx, conversations);
  const feed: NewFeedEvent[] = conversations.map((conversation) => ({ workspaceId: conversation.workspaceId, type: 'conversation.created', conversationId: conversation.id, conversation }));
  const appended = await appendBatch(tx, batch.map((m, i) => ({
    workspaceId: m.workspaceId,
    conversationId: conversations[i]!.id,
    author: m.author.kind,
    authorId: m.author.id,
    channel: m.channel,
    private: false,
    body: m.body,
    content: m.template ? { template: m.template } : {},
    idempotencyKey: m.idempotencyKey,
    keepsStatus: true,
  })), options);
  const sent = appended.results.flatMap((r) => (r.kind === 'stored' ? [{ conversation: r.conversation, message: r.message }] : []));
  return { sent, feed: [...feed, ...appended.feed] };
}
