// Domain records → wire DTOs (protocol shapes). Picking fields explicitly keeps internal
// columns (workspace ids, thread keys, hashes) off the wire.
import { agentHandle } from '@tandem/core';
import { API_TOKEN_SCOPES, type Agent, type ApiToken, type Conversation, type CustomerConversation, type FeedEvent, type Message } from '@tandem/protocol';
import type { AgentRecord, ConversationRecord, FeedEventRecord, MessageRecord } from './records.ts';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());

export function presentAgent(a: AgentRecord): Agent {
  return { id: a.id, email: a.email, handle: agentHandle(a.email), name: a.name, role: a.role, skills: a.skills, createdAt: iso(a.createdAt) };
}

/** An API token without its hash: the secret itself is shown once, by the route that made it. */
export function presentApiToken(t: {
  id: string;
  name: string | null;
  agentId: string | null;
  scopes: readonly string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiToken {
  return {
    id: t.id,
    name: t.name ?? '',
    agentId: t.agentId ?? '',
    scopes: API_TOKEN_SCOPES.filter((s) => t.scopes.includes(s)),
    createdAt: iso(t.createdAt),
    lastUsedAt: isoOrNull(t.lastUsedAt),
    revokedAt: isoOrNull(t.revokedAt),
  };
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

/** A conversation as its customer sees it: the team's own bookkeeping (labels, priority, team, snooze) stays with the team. */
export function presentCustomerConversation(c: ConversationRecord): CustomerConversation {
  const { labels: _labels, priority: _priority, teamId: _teamId, snoozedUntil: _snoozedUntil, ...visible } = presentConversation(c);
  return visible;
}

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
