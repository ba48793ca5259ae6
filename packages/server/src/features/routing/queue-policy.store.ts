import { and, eq, gte } from 'drizzle-orm';
import { DEFAULT_POLICY, type Capacity, type QueuePolicy, type Schedule } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { queuePolicies } from '../../adapters/postgres/schema.ts';

/** Every agent belongs to this pseudo-team: conversations without a team may go to anyone. */
export const WHOLE_WORKSPACE = '*';

export interface StoredPolicy extends QueuePolicy {
  capacity: Capacity | null;
  reassignAfterSeconds: number;
  schedule: Schedule;
  roundRobinCursor: string | null;
}

export async function loadPolicies(q: Queryable, workspaceId: string): Promise<Map<string, StoredPolicy>> {
  const rows = await q.select().from(queuePolicies).where(eq(queuePolicies.workspaceId, workspaceId));
  return new Map(rows.map((r) => [r.teamId, {
    teamId: r.teamId,
    method: r.method as QueuePolicy['method'],
    requiredSkills: r.requiredSkills,
    optionalSkills: r.optionalSkills,
    stickyWindowSeconds: r.stickyWindowSeconds,
    overflow: r.overflow,
    capacity: r.capacity,
    reassignAfterSeconds: r.reassignAfterSeconds,
    schedule: { hours: r.hours, holidays: r.holidays },
    roundRobinCursor: r.roundRobinCursor,
  }]));
}

export const fallbackPolicy = (): QueuePolicy => ({ ...DEFAULT_POLICY, teamId: WHOLE_WORKSPACE, overflow: [] });

export async function savePolicy(q: Queryable, workspaceId: string, { schedule, ...policy }: Omit<StoredPolicy, 'roundRobinCursor'>, now: Date): Promise<void> {
  const values = { ...policy, hours: schedule.hours, holidays: [...schedule.holidays], requiredSkills: [...policy.requiredSkills], optionalSkills: [...policy.optionalSkills], overflow: [...policy.overflow], updatedAt: now };
  await q.insert(queuePolicies).values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: [queuePolicies.workspaceId, queuePolicies.teamId], set: values });
}

export async function saveCursor(q: Queryable, workspaceId: string, teamId: string, agentId: string): Promise<void> {
  await q.update(queuePolicies).set({ roundRobinCursor: agentId }).where(and(eq(queuePolicies.workspaceId, workspaceId), eq(queuePolicies.teamId, teamId)));
}

/** Workspaces where a team reassigns unanswered conversations: the periodic pass looks at these too. */
export async function workspacesReassigning(q: Queryable): Promise<string[]> {
  const rows = await q.selectDistinct({ id: queuePolicies.workspaceId }).from(queuePolicies).where(gte(queuePolicies.reassignAfterSeconds, 1));
  return rows.map((r) => r.id);
}
