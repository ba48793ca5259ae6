import { and, desc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { csatSurveys } from '../../adapters/postgres/schema.ts';

export type SurveyRow = typeof csatSurveys.$inferSelect;

/** Resolved conversations of the last week without a survey yet: each gets one, once. */
export async function surveysToSchedule(q: Queryable, workspaceId: string, since: Date, limit: number) {
  return rowsOf<{ id: string; customer_id: string; assignee_id: string | null; last_channel: string | null; resolved_at: string; handed_off: boolean }>(await q.execute(sql`
    SELECT c.id, c.customer_id, c.assignee_id, c.last_channel, c.resolved_at,
      EXISTS (SELECT 1 FROM handoffs h WHERE h.workspace_id = c.workspace_id AND h.conversation_id = c.id) AS handed_off
    FROM conversations c
    WHERE c.workspace_id = ${workspaceId} AND c.status = 'resolved' AND c.merged_into_id IS NULL AND c.resolved_at >= ${since.toISOString()}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM csat_surveys s WHERE s.workspace_id = c.workspace_id AND s.conversation_id = c.id)
    LIMIT ${limit}`));
}

export async function insertSurveys(q: Queryable, rows: Array<typeof csatSurveys.$inferInsert>): Promise<void> {
  if (rows.length > 0) await q.insert(csatSurveys).values(rows).onConflictDoNothing();
}

export async function dueSurveys(q: Queryable, workspaceId: string, now: Date, limit: number): Promise<SurveyRow[]> {
  return q.select().from(csatSurveys)
    .where(and(eq(csatSurveys.workspaceId, workspaceId), eq(csatSurveys.status, 'scheduled'), sql`${csatSurveys.dueAt} <= ${now.toISOString()}::timestamptz`))
    .limit(limit);
}

/** Moves a survey on from `from` only: false when another process (or answer) got there first. */
export async function moveSurvey(q: Queryable, key: { workspaceId: string; conversationId: string; from: string }, change: Partial<typeof csatSurveys.$inferInsert>): Promise<boolean> {
  const rows = await q.update(csatSurveys).set(change)
    .where(and(eq(csatSurveys.workspaceId, key.workspaceId), eq(csatSurveys.conversationId, key.conversationId), eq(csatSurveys.status, key.from)))
    .returning({ id: csatSurveys.conversationId });
  return rows.length === 1;
}

export async function findSurvey(q: Queryable, workspaceId: string, conversationId: string): Promise<SurveyRow | null> {
  const [row] = await q.select().from(csatSurveys).where(and(eq(csatSurveys.workspaceId, workspaceId), eq(csatSurveys.conversationId, conversationId)));
  return row ?? null;
}

export async function findSurveyByToken(q: Queryable, workspaceId: string, tokenHash: string): Promise<SurveyRow | null> {
  const [row] = await q.select().from(csatSurveys).where(and(eq(csatSurveys.workspaceId, workspaceId), eq(csatSurveys.tokenHash, tokenHash)));
  return row ?? null;
}

/** The customer's open question: the survey asked most recently and not answered yet. */
export async function askedSurveyOf(q: Queryable, workspaceId: string, customerId: string, since: Date): Promise<SurveyRow | null> {
  const [row] = await q.select().from(csatSurveys)
    .where(and(eq(csatSurveys.workspaceId, workspaceId), eq(csatSurveys.customerId, customerId), eq(csatSurveys.status, 'asked'), sql`${csatSurveys.askedAt} >= ${since.toISOString()}::timestamptz`))
    .orderBy(desc(csatSurveys.askedAt)).limit(1);
  return row ?? null;
}
