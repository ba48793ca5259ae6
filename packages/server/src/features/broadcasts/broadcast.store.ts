import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { OutreachChannel, OutreachPurpose } from '@tandem/core';
import type { BroadcastBody } from '@tandem/protocol';
import type { z } from 'zod';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { broadcastRecipients, broadcasts } from '../../adapters/postgres/schema.ts';

type Body = z.output<typeof BroadcastBody>;

export interface BroadcastRecord {
  workspaceId: string;
  id: string;
  name: string;
  purpose: OutreachPurpose;
  audience: Body['audience'];
  channels: OutreachChannel[];
  message: Body['message'];
  ratePerMinute: number;
  status: 'scheduled' | 'sending' | 'done' | 'cancelled';
  createdBy: string | null;
  scheduledAt: Date;
  createdAt: Date;
  finishedAt: Date | null;
}

const toRecord = (row: typeof broadcasts.$inferSelect) => row as unknown as BroadcastRecord;

export async function insertBroadcast(q: Queryable, b: BroadcastRecord): Promise<void> {
  await q.insert(broadcasts).values({ ...b, audience: b.audience as Record<string, unknown>, message: b.message as Record<string, unknown> });
}

export async function findBroadcast(q: Queryable, workspaceId: string, id: string, options: { lock?: boolean } = {}): Promise<BroadcastRecord | null> {
  const query = q.select().from(broadcasts).where(and(eq(broadcasts.workspaceId, workspaceId), eq(broadcasts.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ? toRecord(row) : null;
}

export async function listBroadcasts(q: Queryable, workspaceId: string): Promise<BroadcastRecord[]> {
  return (await q.select().from(broadcasts).where(eq(broadcasts.workspaceId, workspaceId)).orderBy(desc(broadcasts.createdAt)).limit(200)).map(toRecord);
}

export async function setBroadcastStatus(q: Queryable, workspaceId: string, id: string, status: BroadcastRecord['status'], finishedAt: Date | null): Promise<void> {
  await q.update(broadcasts).set({ status, finishedAt }).where(and(eq(broadcasts.workspaceId, workspaceId), eq(broadcasts.id, id)));
}

/** Broadcasts of a workspace that are due (scheduled or part-sent), oldest first. */
export async function dueBroadcasts(q: Queryable, workspaceId: string, now: Date): Promise<BroadcastRecord[]> {
  return (await q.select().from(broadcasts).where(and(eq(broadcasts.workspaceId, workspaceId), inArray(broadcasts.status, ['scheduled', 'sending']), sql`${broadcasts.scheduledAt} <= ${now.toISOString()}::timestamptz`))
    .orderBy(broadcasts.scheduledAt)).map(toRecord);
}

export async function workspacesWithDueBroadcasts(q: Queryable, now: Date): Promise<string[]> {
  const rows = rowsOf<{ workspace_id: string }>(await q.execute(sql`
    SELECT DISTINCT workspace_id FROM broadcasts WHERE status IN ('scheduled', 'sending') AND scheduled_at <= ${now.toISOString()}::timestamptz`));
  return rows.map((r) => r.workspace_id);
}

/** Writes the recipient list; a customer already on it is left as is (re-running never duplicates). */
export async function addRecipients(q: Queryable, workspaceId: string, broadcastId: string, customerIds: readonly string[], now: Date): Promise<void> {
  for (let i = 0; i < customerIds.length; i += 1000) {
    const chunk = customerIds.slice(i, i + 1000);
    await q.insert(broadcastRecipients).values(chunk.map((customerId) => ({ workspaceId, broadcastId, customerId, status: 'pending', updatedAt: now }))).onConflictDoNothing();
  }
}

/** Takes up to `limit` pending recipients, locked until the caller's transaction ends (other processes skip them). */
export async function takePending(q: Queryable, workspaceId: string, broadcastId: string, limit: number): Promise<string[]> {
  const rows = rowsOf<{ customer_id: string }>(await q.execute(sql`
    SELECT customer_id FROM broadcast_recipients
    WHERE workspace_id = ${workspaceId} AND broadcast_id = ${broadcastId} AND status = 'pending'
    ORDER BY customer_id LIMIT ${limit} FOR UPDATE SKIP LOCKED`));
  return rows.map((r) => r.customer_id);
}

export interface RecipientChange {
  customerId: string;
  status: 'queued' | 'sent' | 'skipped';
  channel: OutreachChannel | null;
  reason: string | null;
  conversationId: string | null;
  messageId: string | null;
}

export async function updateRecipients(q: Queryable, workspaceId: string, broadcastId: string, changes: readonly RecipientChange[], now: Date): Promise<void> {
  if (changes.length === 0) return;
  const values = sql.join(changes.map((c) => sql`(${c.customerId}::uuid, ${c.status}, ${c.channel}, ${c.reason}, ${c.conversationId}::uuid, ${c.messageId}::uuid)`), sql`, `);
  await q.execute(sql`
    UPDATE broadcast_recipients r SET status = v.status, channel = v.channel, reason = v.reason, conversation_id = v.conversation_id, message_id = v.message_id, updated_at = ${now.toISOString()}::timestamptz
    FROM (VALUES ${values}) AS v(customer_id, status, channel, reason, conversation_id, message_id)
    WHERE r.workspace_id = ${workspaceId} AND r.broadcast_id = ${broadcastId} AND r.customer_id = v.customer_id`);
}

export async function skipPending(q: Queryable, workspaceId: string, broadcastId: string, reason: string, now: Date): Promise<void> {
  await q.update(broadcastRecipients).set({ status: 'skipped', reason, updatedAt: now })
    .where(and(eq(broadcastRecipients.workspaceId, workspaceId), eq(broadcastRecipients.broadcastId, broadcastId), eq(broadcastRecipients.status, 'pending')));
}

/** Sends handed to a channel in the last minute (what the rate limit counts). */
export async function sentInLastMinute(q: Queryable, workspaceId: string, broadcastId: string, now: Date): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await q.execute(sql`
    SELECT count(*)::int AS n FROM broadcast_recipients
    WHERE workspace_id = ${workspaceId} AND broadcast_id = ${broadcastId} AND status IN ('queued', 'sent')
      AND updated_at > ${new Date(now.getTime() - 60_000).toISOString()}::timestamptz`));
  return row?.n ?? 0;
}

// A queued recipient's status follows its message's delivery: stored (not yet sent) stays queued.
const RECIPIENT_STATUS = sql`CASE WHEN r.status <> 'queued' THEN r.status WHEN m.delivery_status IN ('sent', 'delivered', 'read', 'failed') THEN m.delivery_status ELSE 'queued' END`;

export async function recipientCounts(q: Queryable, workspaceId: string, broadcastId: string): Promise<Record<string, number>> {
  const rows = rowsOf<{ status: string; n: number }>(await q.execute(sql`
    SELECT ${RECIPIENT_STATUS} AS status, count(*)::int AS n
    FROM broadcast_recipients r LEFT JOIN messages m ON m.workspace_id = r.workspace_id AND m.id = r.message_id
    WHERE r.workspace_id = ${workspaceId} AND r.broadcast_id = ${broadcastId}
    GROUP BY 1`));
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export interface RecipientRow {
  customerId: string;
  name: string | null;
  channel: OutreachChannel | null;
  status: string;
  reason: string | null;
  conversationId: string | null;
  updatedAt: Date;
}

/** One page of recipients by customer id (the cursor), optionally of one status. */
export async function listRecipients(q: Queryable, workspaceId: string, broadcastId: string, filter: { status?: string | undefined; after: string | null; limit: number }): Promise<RecipientRow[]> {
  const rows = rowsOf<{ customer_id: string; name: string | null; channel: OutreachChannel | null; status: string; reason: string | null; error: string | null; conversation_id: string | null; updated_at: string | Date }>(await q.execute(sql`
    SELECT * FROM (
      SELECT r.customer_id, c.name, r.channel, ${RECIPIENT_STATUS} AS status, r.reason, m.delivery_error AS error, r.conversation_id, r.updated_at
      FROM broadcast_recipients r
      LEFT JOIN messages m ON m.workspace_id = r.workspace_id AND m.id = r.message_id
      LEFT JOIN customers c ON c.workspace_id = r.workspace_id AND c.id = r.customer_id
      WHERE r.workspace_id = ${workspaceId} AND r.broadcast_id = ${broadcastId}
        ${filter.after ? sql`AND r.customer_id > ${filter.after}::uuid` : sql``}
    ) page
    ${filter.status ? sql`WHERE page.status = ${filter.status}` : sql``}
    ORDER BY customer_id LIMIT ${filter.limit}`));
  return rows.map((r) => ({ customerId: r.customer_id, name: r.name, channel: r.channel, status: r.status, reason: r.status === 'failed' ? r.error ?? r.reason : r.reason, conversationId: r.conversation_id, updatedAt: new Date(r.updated_at) }));
}
