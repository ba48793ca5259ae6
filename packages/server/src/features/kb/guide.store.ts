import { and, eq, sql } from 'drizzle-orm';
import type { GuideDefinition } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { kbGuideEvents, kbGuideRevisions, kbGuides } from '../../adapters/postgres/schema.ts';

export interface GuideRecord {
  workspaceId: string;
  id: string;
  key: string;
  definition: GuideDefinition;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const toRecord = (row: typeof kbGuides.$inferSelect): GuideRecord => ({ ...row, definition: row.definition as unknown as GuideDefinition });

export async function findGuideByKey(q: Queryable, workspaceId: string, key: string): Promise<GuideRecord | null> {
  const [row] = await q.select().from(kbGuides).where(and(eq(kbGuides.workspaceId, workspaceId), eq(kbGuides.key, key)));
  return row ? toRecord(row) : null;
}

export async function listGuides(q: Queryable, workspaceId: string): Promise<GuideRecord[]> {
  return (await q.select().from(kbGuides).where(eq(kbGuides.workspaceId, workspaceId)).orderBy(kbGuides.key)).map(toRecord);
}

/** Saves a definition as the guide's next version, keeping every version. */
export async function saveGuideVersion(
  q: Queryable,
  input: { workspaceId: string; key: string; definition: GuideDefinition; authorId: string | null; now: Date; newId: () => string },
): Promise<GuideRecord> {
  const definition = input.definition as unknown as Record<string, unknown>;
  const [row] = await q
    .insert(kbGuides)
    .values({ workspaceId: input.workspaceId, id: input.newId(), key: input.key, definition, version: 1, createdAt: input.now, updatedAt: input.now })
    .onConflictDoUpdate({ target: [kbGuides.workspaceId, kbGuides.key], set: { definition, version: sql`${kbGuides.version} + 1`, updatedAt: input.now } })
    .returning();
  await q.insert(kbGuideRevisions).values({ workspaceId: input.workspaceId, id: input.newId(), guideId: row!.id, version: row!.version, definition, authorId: input.authorId, createdAt: input.now });
  return toRecord(row!);
}

export async function insertGuideEvent(q: Queryable, row: typeof kbGuideEvents.$inferInsert): Promise<void> {
  await q.insert(kbGuideEvents).values(row);
}

/** Per event and step: how many distinct runs. */
export async function guideEventCounts(q: Queryable, workspaceId: string, guideId: string): Promise<Array<{ event: string; stepId: string | null; runs: number }>> {
  const rows = await q
    .select({ event: kbGuideEvents.event, stepId: kbGuideEvents.stepId, runs: sql<number>`count(distinct ${kbGuideEvents.runId})::int` })
    .from(kbGuideEvents)
    .where(and(eq(kbGuideEvents.workspaceId, workspaceId), eq(kbGuideEvents.guideId, guideId)))
    .groupBy(kbGuideEvents.event, kbGuideEvents.stepId);
  return rows.map((r) => ({ ...r, runs: Number(r.runs) }));
}
