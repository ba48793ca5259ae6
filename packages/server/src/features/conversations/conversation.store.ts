import { and, arrayContains, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ConversationStatus } from '@tandem/core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { conversations } from '../../adapters/postgres/schema.ts';
import { conversationFromRow } from '../../adapters/postgres/row-mappers.ts';
import type { ConversationRecord } from '../../domain/records.ts';

export async function insertConversation(q: Queryable, c: ConversationRecord | readonly ConversationRecord[]): Promise<void> {
  const rows = [c].flat();
  if (rows.length) await q.insert(conversations).values(rows);
}

export async function findConversation(
  q: Queryable,
  workspaceId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ConversationRecord | null> {
  const query = q
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ? conversationFromRow(row) : null;
}

export interface ConversationFilter {
  status?: ConversationStatus;
  assigneeId?: string;
  teamId?: string;
  customerId?: string;
  label?: string;
}

/** Most recently active first; keyset-paginated on (last_activity_at, id). Merged ones are hidden. */
export async function listConversations(
  q: Queryable,
  workspaceId: string,
  filter: ConversationFilter,
  options: { before: [string, string] | null; limit: number },
): Promise<ConversationRecord[]> {
  const rows = await q
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        isNull(conversations.mergedIntoId),
        filter.status ? eq(conversations.status, filter.status) : undefined,
        filter.assigneeId ? eq(conversations.assigneeId, filter.assigneeId) : undefined,
        filter.teamId ? eq(conversations.teamId, filter.teamId) : undefined,
        filter.customerId ? eq(conversations.customerId, filter.customerId) : undefined,
        filter.label ? arrayContains(conversations.labels, [filter.label]) : undefined,
        options.before
          ? sql`(${conversations.lastActivityAt}, ${conversations.id}) < (${options.before[0]}::timestamptz, ${options.before[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(options.limit);
  return rows.map(conversationFromRow);
}

/** Every label on the workspace's live (not merged) conversations, with how many open ones carry it. */
export async function countLabels(q: Queryable, workspaceId: string): Promise<Array<{ label: string; openConversations: number }>> {
  const rows = rowsOf<{ label: string; open: number }>(await q.execute(sql`
    SELECT l.label, (count(DISTINCT c.id) FILTER (WHERE c.status = 'open'))::int AS open
    FROM conversations c CROSS JOIN LATERAL unnest(c.labels) AS l(label)
    WHERE c.workspace_id = ${workspaceId} AND c.merged_into_id IS NULL
    GROUP BY l.label ORDER BY l.label`));
  return rows.map((r) => ({ label: r.label, openConversations: Number(r.open) }));
}

/** The customer's live conversations, newest first: what the grouping policy chooses among. */
export async function customerConversations(q: Queryable, workspaceId: string, customerId: string) {
  const rows = await q
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        eq(conversations.customerId, customerId),
        isNull(conversations.mergedIntoId),
      ),
    )
    .orderBy(desc(conversations.lastActivityAt))
    .limit(100);
  return rows.map(conversationFromRow);
}

export async function updateConversationRow(
  q: Queryable,
  workspaceId: string,
  id: string,
  change: Partial<Omit<ConversationRecord, 'workspaceId' | 'id' | 'createdAt'>>,
): Promise<ConversationRecord | null> {
  const [row] = await q
    .update(conversations)
    .set(change)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)))
    .returning();
  return row ? conversationFromRow(row) : null;
}

/**
 * Moves read/delivered marks forward only (never back, never past the last message), so
 * receipts arriving out of order from several devices are harmless.
 */
export async function advanceReceipts(
  q: Queryable,
  workspaceId: string,
  id: string,
  marks: { customerDeliveredSeq?: number | undefined; customerReadSeq?: number | undefined; agentReadSeq?: number | undefined },
): Promise<ConversationRecord | null> {
  const forward = (column: AnyPgColumn, value: number | undefined) =>
    value === undefined ? column : sql`greatest(${column}, least(${value}, ${conversations.lastSeq}))`;
  const [row] = await q
    .update(conversations)
    .set({
      customerDeliveredSeq: forward(conversations.customerDeliveredSeq, marks.customerDeliveredSeq ?? marks.customerReadSeq),
      customerReadSeq: forward(conversations.customerReadSeq, marks.customerReadSeq),
      agentReadSeq: forward(conversations.agentReadSeq, marks.agentReadSeq),
    })
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)))
    .returning();
  return row ? conversationFromRow(row) : null;
}

/**
 * Keeps the record of when the conversation waited on the customer (SLA clocks stand still then):
 * entering `pending` opens a period, leaving it closes the open one.
 */
export async function recordPending(q: Queryable, workspaceId: string, id: string, pending: boolean, now: Date): Promise<void> {
  const at = now.toISOString();
  const change = pending
    ? sql`${conversations.pendingPeriods} || jsonb_build_array(jsonb_build_object('from', ${at}::text, 'to', null))`
    : sql`(SELECT coalesce(jsonb_agg(CASE WHEN p->>'to' IS NULL THEN jsonb_set(p, '{to}', to_jsonb(${at}::text)) ELSE p END), '[]'::jsonb) FROM jsonb_array_elements(${conversations.pendingPeriods}) p)`;
  await q.update(conversations).set({ pendingPeriods: change }).where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)));
}
