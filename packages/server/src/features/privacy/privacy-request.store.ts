import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PrivacyRequestStatus } from '@tandem/protocol';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { privacyRequests } from '../../adapters/postgres/schema.ts';

export type PrivacyRequestRecord = Omit<typeof privacyRequests.$inferSelect, 'status' | 'kind'> & { kind: 'erase'; status: PrivacyRequestStatus };

const toRecord = (row: typeof privacyRequests.$inferSelect) => row as PrivacyRequestRecord;

/** A failed attempt waits this many minutes per attempt made before the next one. */
export const RETRY_MINUTES_PER_ATTEMPT = 1;
/** A request `running` for longer than this was left by a process that died: it is taken again. */
export const STALE_RUNNING_MINUTES = 15;

export async function insertRequest(q: Queryable, request: PrivacyRequestRecord): Promise<void> {
  await q.insert(privacyRequests).values(request);
}

export async function findRequest(q: Queryable, workspaceId: string, id: string): Promise<PrivacyRequestRecord | null> {
  const [row] = await q.select().from(privacyRequests).where(and(eq(privacyRequests.workspaceId, workspaceId), eq(privacyRequests.id, id)));
  return row ? toRecord(row) : null;
}

/** The customer's erasure still to run, if any: asking again answers with it. */
export async function findOpenRequest(q: Queryable, workspaceId: string, customerId: string): Promise<PrivacyRequestRecord | null> {
  const [row] = await q.select().from(privacyRequests)
    .where(and(eq(privacyRequests.workspaceId, workspaceId), eq(privacyRequests.customerId, customerId), inArray(privacyRequests.status, ['queued', 'running'])))
    .orderBy(desc(privacyRequests.id)).limit(1);
  return row ? toRecord(row) : null;
}

export async function listRequests(
  q: Queryable,
  workspaceId: string,
  options: { before: string | null; limit: number; customerId?: string | undefined; status?: PrivacyRequestStatus | undefined },
): Promise<PrivacyRequestRecord[]> {
  const rows = await q.select().from(privacyRequests)
    .where(and(
      eq(privacyRequests.workspaceId, workspaceId),
      options.customerId ? eq(privacyRequests.customerId, options.customerId) : undefined,
      options.status ? eq(privacyRequests.status, options.status) : undefined,
      options.before ? sql`${privacyRequests.id} < ${options.before}::uuid` : undefined,
    ))
    .orderBy(desc(privacyRequests.id)).limit(options.limit);
  return rows.map(toRecord);
}

// Due: queued and past its retry wait, or running but abandoned (its process died mid-job).
const due = (now: Date) => {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`(
    (status = 'queued' AND (started_at IS NULL OR started_at <= ${at} - attempts * ${RETRY_MINUTES_PER_ATTEMPT}::int * interval '1 minute'))
    OR (status = 'running' AND started_at <= ${at} - ${STALE_RUNNING_MINUTES}::int * interval '1 minute'))`;
};

/**
 * Takes the oldest due request and marks it running with one more attempt. The row lock with
 * SKIP LOCKED means two processes never take the same request; `running` keeps it theirs after commit.
 */
export async function claimDueRequest(q: Queryable, workspaceId: string, now: Date, skip: readonly string[]): Promise<PrivacyRequestRecord | null> {
  const [picked] = rowsOf<{ id: string }>(await q.execute(sql`
    SELECT id FROM privacy_requests
    WHERE workspace_id = ${workspaceId} AND kind = 'erase' AND ${due(now)}
      ${skip.length ? sql`AND NOT (id = ANY(${`{${skip.join(',')}}`}::uuid[]))` : sql``}
    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`));
  if (!picked) return null;
  const [row] = await q.update(privacyRequests)
    .set({ status: 'running', attempts: sql`${privacyRequests.attempts} + 1`, startedAt: now })
    .where(and(eq(privacyRequests.workspaceId, workspaceId), eq(privacyRequests.id, picked.id)))
    .returning();
  return row ? toRecord(row) : null;
}

export async function updateRequest(
  q: Queryable,
  workspaceId: string,
  id: string,
  change: Partial<Pick<PrivacyRequestRecord, 'status' | 'report' | 'error' | 'finishedAt'>>,
): Promise<void> {
  await q.update(privacyRequests).set(change).where(and(eq(privacyRequests.workspaceId, workspaceId), eq(privacyRequests.id, id)));
}

/** Workspaces with a request to run (a cross-workspace read, for the periodic pass only). */
export async function workspacesWithDueRequests(q: Queryable, now: Date): Promise<string[]> {
  const rows = rowsOf<{ workspace_id: string }>(await q.execute(sql`SELECT DISTINCT workspace_id FROM privacy_requests WHERE kind = 'erase' AND ${due(now)}`));
  return rows.map((r) => r.workspace_id);
}
