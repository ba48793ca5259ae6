import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { AgentRole } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { agents } from '../../adapters/postgres/schema.ts';
import type { AgentRecord } from '../../domain/records.ts';

type Row = typeof agents.$inferSelect;
const toRecord = ({ passwordHash: _hash, ...row }: Row): AgentRecord => ({ ...row, role: row.role as AgentRole });

export async function insertAgent(q: Queryable, agent: AgentRecord & { passwordHash: string }): Promise<void> {
  await q.insert(agents).values(agent);
}

export async function findAgent(q: Queryable, workspaceId: string, id: string): Promise<AgentRecord | null> {
  const [row] = await q.select().from(agents).where(and(eq(agents.workspaceId, workspaceId), eq(agents.id, id)));
  return row ? toRecord(row) : null;
}

/** The agent with its password hash, for sign-in only. */
export async function findAgentCredentials(
  q: Queryable,
  workspaceId: string,
  email: string,
): Promise<(AgentRecord & { passwordHash: string }) | null> {
  const [row] = await q.select().from(agents).where(and(eq(agents.workspaceId, workspaceId), eq(agents.email, email)));
  return row ? { ...toRecord(row), passwordHash: row.passwordHash } : null;
}

export async function listAgents(q: Queryable, workspaceId: string, after: string | null, limit: number) {
  const rows = await q
    .select()
    .from(agents)
    .where(and(eq(agents.workspaceId, workspaceId), after ? gt(agents.id, after) : undefined))
    .orderBy(asc(agents.id))
    .limit(limit);
  return rows.map(toRecord);
}

export async function updateAgent(
  q: Queryable,
  workspaceId: string,
  id: string,
  change: Partial<Pick<AgentRecord, 'name' | 'role' | 'skills'>> & { passwordHash?: string },
): Promise<AgentRecord | null> {
  const [row] = await q
    .update(agents)
    .set(change)
    .where(and(eq(agents.workspaceId, workspaceId), eq(agents.id, id)))
    .returning();
  return row ? toRecord(row) : null;
}

/** The agents whose handle (their email's local part, lowercased: core's agentHandle) is one of these. */
export async function findAgentIdsByHandle(q: Queryable, workspaceId: string, handles: readonly string[]): Promise<string[]> {
  if (handles.length === 0) return [];
  const rows = await q.select({ id: agents.id }).from(agents)
    .where(and(eq(agents.workspaceId, workspaceId), inArray(sql`lower(split_part(${agents.email}, '@', 1))`, [...handles])));
  return rows.map((r) => r.id);
}

export async function countOwners(q: Queryable, workspaceId: string): Promise<number> {
  const rows = await q
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.workspaceId, workspaceId), eq(agents.role, 'owner')));
  return rows.length;
}
