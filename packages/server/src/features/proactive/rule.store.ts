import { and, asc, eq, sql } from 'drizzle-orm';
import type { ProactiveRule } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { proactiveRules } from '../../adapters/postgres/schema.ts';

export type RuleRecord = ProactiveRule & { createdAt: Date; updatedAt: Date };

const toRecord = (row: typeof proactiveRules.$inferSelect): RuleRecord => {
  const { workspaceId: _, ...rule } = row;
  return rule;
};

export async function listRules(q: Queryable, workspaceId: string, only?: { enabled: true; web?: boolean; event?: string }): Promise<RuleRecord[]> {
  const rows = await q.select().from(proactiveRules).where(and(
    eq(proactiveRules.workspaceId, workspaceId),
    only ? eq(proactiveRules.enabled, true) : undefined,
    only?.web ? sql`${proactiveRules.trigger}->>'kind' <> 'business_event'` : undefined,
    only?.event ? sql`${proactiveRules.trigger}->>'kind' = 'business_event' AND ${proactiveRules.trigger}->>'event' = ${only.event}` : undefined,
  )).orderBy(asc(proactiveRules.createdAt), asc(proactiveRules.id));
  return rows.map(toRecord);
}

export async function findRule(q: Queryable, workspaceId: string, id: string): Promise<RuleRecord | null> {
  const [row] = await q.select().from(proactiveRules).where(and(eq(proactiveRules.workspaceId, workspaceId), eq(proactiveRules.id, id)));
  return row ? toRecord(row) : null;
}

export async function insertRule(q: Queryable, workspaceId: string, rule: RuleRecord): Promise<void> {
  await q.insert(proactiveRules).values({ ...rule, workspaceId });
}

export async function updateRule(q: Queryable, workspaceId: string, rule: RuleRecord): Promise<void> {
  const { id, createdAt: _, ...change } = rule;
  await q.update(proactiveRules).set(change).where(and(eq(proactiveRules.workspaceId, workspaceId), eq(proactiveRules.id, id)));
}

export async function deleteRule(q: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const rows = await q.delete(proactiveRules).where(and(eq(proactiveRules.workspaceId, workspaceId), eq(proactiveRules.id, id))).returning({ id: proactiveRules.id });
  return rows.length > 0;
}
