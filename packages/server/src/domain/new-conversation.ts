import type { ChannelKind, HandlerKind } from '@tandem/core';
import type { ConversationRecord } from './records.ts';

/** A conversation as it starts: open, normal priority, unassigned, nothing sent yet. */
export function newConversation(input: {
  workspaceId: string;
  id: string;
  customerId: string;
  handler: HandlerKind;
  channel: ChannelKind | null;
  threadKey?: string | null | undefined;
  subject?: string | null | undefined;
  now: Date;
}): ConversationRecord {
  return {
    workspaceId: input.workspaceId,
    id: input.id,
    customerId: input.customerId,
    status: 'open',
    handler: input.handler,
    assigneeId: null,
    teamId: null,
    priority: 'normal',
    language: null,
    channels: [],
    lastChannel: input.channel,
    threadKey: input.threadKey ?? null,
    subject: input.subject ?? null,
    labels: [],
    lastSeq: 0,
    customerDeliveredSeq: 0,
    customerReadSeq: 0,
    agentReadSeq: 0,
    snoozedUntil: null,
    mergedIntoId: null,
    createdAt: input.now,
    lastActivityAt: input.now,
    resolvedAt: null,
    queuedAt: input.handler === 'queue' ? input.now : null,
  };
}
