// Raw SQL results come back with snake_case columns and, through drizzle's drivers, timestamps
// as strings; these turn them into domain records. Query-builder results need only the casts.
import type { ConversationRecord, MessageRecord } from '../../domain/records.ts';
import type { conversations, messages } from './schema.ts';

type Raw = Record<string, unknown>;

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export function conversationFromRaw(r: Raw): ConversationRecord {
  return {
    workspaceId: r.workspace_id as string,
    id: r.id as string,
    customerId: r.customer_id as string,
    status: r.status as ConversationRecord['status'],
    handler: r.handler as ConversationRecord['handler'],
    assigneeId: (r.assignee_id as string | null) ?? null,
    teamId: (r.team_id as string | null) ?? null,
    priority: r.priority as ConversationRecord['priority'],
    language: (r.language as string | null) ?? null,
    channels: json<ConversationRecord['channels']>(r.channels),
    lastChannel: (r.last_channel as ConversationRecord['lastChannel']) ?? null,
    threadKey: (r.thread_key as string | null) ?? null,
    subject: (r.subject as string | null) ?? null,
    labels: json<string[]>(r.labels),
    lastSeq: Number(r.last_seq),
    customerDeliveredSeq: Number(r.customer_delivered_seq ?? 0),
    customerReadSeq: Number(r.customer_read_seq ?? 0),
    agentReadSeq: Number(r.agent_read_seq ?? 0),
    snoozedUntil: dateOrNull(r.snoozed_until),
    mergedIntoId: (r.merged_into_id as string | null) ?? null,
    createdAt: date(r.created_at),
    lastActivityAt: date(r.last_activity_at),
    resolvedAt: dateOrNull(r.resolved_at),
    queuedAt: dateOrNull(r.queued_at),
  };
}

export function messageFromRaw(r: Raw): MessageRecord {
  return {
    workspaceId: r.workspace_id as string,
    id: r.id as string,
    conversationId: r.conversation_id as string,
    seq: Number(r.seq),
    author: r.author as MessageRecord['author'],
    authorId: (r.author_id as string | null) ?? null,
    channel: r.channel as MessageRecord['channel'],
    private: Boolean(r.private),
    body: r.body as string,
    content: json<MessageRecord['content']>(r.content),
    deliveryStatus: r.delivery_status as MessageRecord['deliveryStatus'],
    deliveryError: (r.delivery_error as string | null | undefined) ?? null,
    idempotencyKey: (r.idempotency_key as string | null) ?? null,
    createdAt: date(r.created_at),
  };
}

export const conversationFromRow = (row: typeof conversations.$inferSelect) => row as ConversationRecord;
export const messageFromRow = (row: typeof messages.$inferSelect) => row as MessageRecord;
