import { and, desc, eq, gt, inArray, lt, or } from 'drizzle-orm';
import type { PastExposure } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { proactiveExposures } from '../../adapters/postgres/schema.ts';

export type ExposureRow = typeof proactiveExposures.$inferSelect;

export async function insertExposure(q: Queryable, row: ExposureRow): Promise<void> {
  await q.insert(proactiveExposures).values(row);
}

/** The customer's shows and holdouts since a moment (what the caps count). */
export async function pastExposures(q: Queryable, workspaceId: string, customerId: string, since: Date): Promise<PastExposure[]> {
  return q.select({ ruleId: proactiveExposures.ruleId, sessionId: proactiveExposures.sessionId, at: proactiveExposures.occurredAt })
    .from(proactiveExposures)
    .where(and(
      eq(proactiveExposures.workspaceId, workspaceId),
      eq(proactiveExposures.customerId, customerId),
      inArray(proactiveExposures.outcome, ['shown', 'holdout']),
      gt(proactiveExposures.occurredAt, since),
    ));
}

/** Marks a shown message clicked or dismissed; returns its rule, or null if there is no such shown message. */
export async function setEngagement(q: Queryable, workspaceId: string, customerId: string, id: string, engagement: string): Promise<string | null> {
  const rows = await q.update(proactiveExposures).set({ engagement })
    .where(and(eq(proactiveExposures.workspaceId, workspaceId), eq(proactiveExposures.id, id), eq(proactiveExposures.customerId, customerId), eq(proactiveExposures.outcome, 'shown')))
    .returning({ ruleId: proactiveExposures.ruleId });
  return rows[0]?.ruleId ?? null;
}

/** The log, newest first, keyset-paged on (occurred_at, id). */
export async function listExposures(
  q: Queryable,
  workspaceId: string,
  filter: { ruleId?: string | undefined; outcome?: string | undefined },
  page: { before: [string, string] | null; limit: number },
): Promise<ExposureRow[]> {
  const before = page.before;
  return q.select().from(proactiveExposures).where(and(
    eq(proactiveExposures.workspaceId, workspaceId),
    filter.ruleId ? eq(proactiveExposures.ruleId, filter.ruleId) : undefined,
    filter.outcome ? eq(proactiveExposures.outcome, filter.outcome) : undefined,
    before ? or(lt(proactiveExposures.occurredAt, new Date(before[0])), and(eq(proactiveExposures.occurredAt, new Date(before[0])), lt(proactiveExposures.id, before[1]))) : undefined,
  )).orderBy(desc(proactiveExposures.occurredAt), desc(proactiveExposures.id)).limit(page.limit);
}
