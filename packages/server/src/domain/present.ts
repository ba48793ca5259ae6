// Domain records → wire DTOs (protocol shapes). Picking fields explicitly keeps internal
// columns (workspace ids, thread keys, hashes) off the wire.
import { agentHandle } from '@tandem/core';
import type { Agent, Conversation, FeedEvent, Message } from '@tandem/protocol';
import type { AgentRecord, ConversationRecord, FeedEventRecord, MessageRecord } from './records.ts';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());

export function presentAgent(a: AgentRecord): Agent {
  return { id: a.id, email: a.email, handle: agentHandle(a.email), name: a.name, role: a.role, skills: a.skills, createdAt: iso(a.createdAt) };
}

export function presentConversation(c: ConversationRecord): Conversation {
  return {
    id: c.id,
    customerId: c.customerId,
    status: c.status,
    handler: c.handler,
    assigneeId: c.assigneeId,
    teamId: c.teamId,
    priority: c.priority,
    language: c.language,
    channels: c.channels,
    lastChannel: c.lastChannel,
    subject: c.subject,
    labels: c.labels,
    lastSeq: c.lastSeq,
    customerDeliveredSeq: c.customerDeliveredSeq,
    customerReadSeq: c.customerReadSeq,
    agentReadSeq: c.agentReadSeq,
    snoozedUntil: isoOrNull(c.snoozedUntil),
    mergedIntoId: c.mergedIntoId,
    createdAt: iso(c.createdAt),
    lastActivityAt: iso(c.lastActivityAt),
    resolvedAt: isoOrNull(c.resolvedAt),
  };
}

/** A conversation as its customer sees it: labels are the agents' own notes on it, so the list stays empty. */
export const presentCustomerConversation = (c: ConversationRecord): Conversation => ({ ...presentConversation(c), labels: [] });

export function presentMessage(m: MessageRecord): Message {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    author: m.author,
    authorId: m.authorId,
    channel: m.channel,
    private: m.private,
    body: m.body,
    content: m.content,
    deliveryStatus: m.deliveryStatus,
    deliveryError: m.deliveryError,
    idempotencyKey: m.idempotencyKey,
    createdAt: iso(m.createdAt),
  };
}

export function presentFeedEvent(e: FeedEventRecord): FeedEvent {
  return {
    seq: e.seq,
    type: e.type,
    conversationId: e.conversationId,
    ...(e.conversation ? { conversation: presentConversation(e.conversation) } : {}),
    ...(e.message ? { message: presentMessage(e.message) } : {}),
    data: e.data,
    createdAt: iso(e.createdAt),
  };
}
