import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { conversationFacts } from '../../adapters/postgres/schema.ts';

export type FactsRow = typeof conversationFacts.$inferInsert;

export interface StaleConversation {
  id: string;
  customerId: string;
  status: string;
  handler: string;
  teamId: string | null;
  assigneeId: string | null;
  language: string | null;
  channels: string[];
  lastChannel: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  lastActivityAt: Date;
  pendingPeriods: Array<{ from: string; to: string | null }>;
}

/** Conversations whose facts are missing or older than the conversation (a message, a status, an assignee since). */
export async function staleConversations(q: Queryable, workspaceId: string, limit: number): Promise<StaleConversation[]> {
  const rows = rowsOf<Record<string, unknown>>(await q.execute(sql`
    SELECT c.id, c.customer_id, c.status, c.handler, c.team_id, c.assignee_id, c.language, c.channels, c.last_channel,
      c.created_at, c.resolved_at, c.last_activity_at, c.pending_periods
    FROM conversations c
    LEFT JOIN conversation_facts f ON f.workspace_id = c.workspace_id AND f.conversation_id = c.id
    WHERE c.workspace_id = ${workspaceId} AND c.merged_into_id IS NULL
      AND (f.conversation_id IS NULL OR f.source_activity_at < c.last_activity_at OR f.source_status <> c.status
        OR f.agent_id IS DISTINCT FROM c.assignee_id OR f.team_id IS DISTINCT FROM c.team_id)
    LIMIT ${limit}`));
  return rows.map((r) => ({
    id: String(r.id), customerId: String(r.customer_id), status: String(r.status), handler: String(r.handler),
    teamId: (r.team_id as string | null) ?? null, assigneeId: (r.assignee_id as string | null) ?? null, language: (r.language as string | null) ?? null,
    channels: (r.channels as string[]) ?? [], lastChannel: (r.last_channel as string | null) ?? null,
    createdAt: new Date(r.created_at as string), resolvedAt: r.resolved_at ? new Date(r.resolved_at as string) : null,
    lastActivityAt: new Date(r.last_activity_at as string),
    pendingPeriods: (typeof r.pending_periods === 'string' ? JSON.parse(r.pending_periods) : r.pending_periods) as StaleConversation['pendingPeriods'],
  }));
}

export interface FactMessage {
  conversationId: string;
  author: 'customer' | 'bot' | 'agent' | 'system';
  private: boolean;
  channel: string;
  createdAt: Date;
}

export async function messagesOf(q: Queryable, workspaceId: string, conversationIds: readonly string[]): Promise<FactMessage[]> {
  if (conversationIds.length === 0) return [];
  const rows = rowsOf<Record<string, unknown>>(await q.execute(sql`
    SELECT conversation_id, author, private, channel, created_at FROM messages
    WHERE workspace_id = ${workspaceId} AND conversation_id = ANY(${`{${conversationIds.join(',')}}`}::uuid[])
    ORDER BY conversation_id, seq`));
  return rows.map((r) => ({ conversationId: String(r.conversation_id), author: r.author as FactMessage['author'], private: Boolean(r.private), channel: String(r.channel), createdAt: new Date(r.created_at as string) }));
}

/** The first handoff of each conversation, and which SLA clocks were breached. */
export async function handoffsAndBreaches(q: Queryable, workspaceId: string, conversationIds: readonly string[]) {
  const ids = `{${conversationIds.join(',')}}`;
  const handoffs = rowsOf<{ conversation_id: string; reason: string; created_at: string }>(await q.execute(sql`
    SELECT DISTINCT ON (conversation_id) conversation_id, reason, created_at FROM handoffs
    WHERE workspace_id = ${workspaceId} AND conversation_id = ANY(${ids}::uuid[]) ORDER BY conversation_id, created_at`));
  const breaches = rowsOf<{ conversation_id: string; metric: string }>(await q.execute(sql`
    SELECT DISTINCT conversation_id, metric FROM sla_events
    WHERE workspace_id = ${workspaceId} AND kind = 'breach' AND conversation_id = ANY(${ids}::uuid[])`));
  return {
    handoffs: new Map(handoffs.map((h) => [h.conversation_id, { reason: h.reason, at: new Date(h.created_at) }])),
    breached: new Set(breaches.map((b) => `${b.conversation_id}/${b.metric}`)),
  };
}

export async function saveFacts(q: Queryable, rows: readonly FactsRow[]): Promise<void> {
  if (rows.length === 0) return;
  await q.insert(conversationFacts).values([...rows]).onConflictDoUpdate({
    target: [conversationFacts.workspaceId, conversationFacts.conversationId],
    set: Object.fromEntries(Object.keys(rows[0]!).filter((k) => k !== 'workspaceId' && k !== 'conversationId').map((k) => [k, sql.raw(`excluded.${toSnake(k)}`)])),
  });
}

const toSnake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Facts of conversations merged into others since: the survivor counts for both. */
export async function dropMergedFacts(q: Queryable, workspaceId: string): Promise<void> {
  await q.execute(sql`
    DELETE FROM conversation_facts f USING conversations c
    WHERE f.workspace_id = ${workspaceId} AND c.workspace_id = f.workspace_id AND c.id = f.conversation_id AND c.merged_into_id IS NOT NULL`);
}

/** Adds the messages committed since the cursor to the per-day counts; the feed's order means none is missed or counted twice. */
export async function rollUpMessages(q: Queryable, workspaceId: string, timeZone: string): Promise<void> {
  await q.execute(sql`
    WITH cursor AS (
      SELECT coalesce((SELECT feed_seq FROM analytics_cursors WHERE workspace_id = ${workspaceId}), 0) AS seq
    ), fresh AS (
      SELECT f.seq, m.created_at, m.channel, m.author FROM feed_events f
      JOIN messages m ON m.workspace_id = f.workspace_id AND m.id = f.message_id
      WHERE f.workspace_id = ${workspaceId} AND f.type = 'message.created' AND f.seq > (SELECT seq FROM cursor)
      ORDER BY f.seq LIMIT 50000
    ), counted AS (
      INSERT INTO message_daily (workspace_id, day, channel, author, count)
      SELECT ${workspaceId}, (created_at AT TIME ZONE ${timeZone})::date, channel, author, count(*) FROM fresh GROUP BY 2, 3, 4
      ON CONFLICT (workspace_id, day, channel, author) DO UPDATE SET count = message_daily.count + excluded.count
      RETURNING 1
    )
    INSERT INTO analytics_cursors (workspace_id, feed_seq, updated_at)
    SELECT ${workspaceId}, max(seq), now() FROM fresh HAVING count(*) > 0
    ON CONFLICT (workspace_id) DO UPDATE SET feed_seq = excluded.feed_seq, updated_at = excluded.updated_at`);
}

/**
 * For the customers of freshly computed facts, when each of their resolved conversations saw the
 * customer start another one (at or after the resolution): honest resolution then reads one column.
 */
export async function markComebacks(q: Queryable, workspaceId: string, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await q.execute(sql`
    UPDATE conversation_facts f SET came_back_at = sub.next_at
    FROM (
      SELECT r.conversation_id, (SELECT min(g.created_at) FROM conversation_facts g
        WHERE g.workspace_id = r.workspace_id AND g.customer_id = r.customer_id AND g.conversation_id <> r.conversation_id AND g.created_at >= r.resolved_at) AS next_at
      FROM conversation_facts r
      WHERE r.workspace_id = ${workspaceId} AND r.customer_id = ANY(${`{${[...new Set(customerIds)].join(',')}}`}::uuid[]) AND r.resolved_at IS NOT NULL
    ) sub
    WHERE f.workspace_id = ${workspaceId} AND f.conversation_id = sub.conversation_id AND f.came_back_at IS DISTINCT FROM sub.next_at`);
}
