import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { AgentRole } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { agents } from '../../adapters/postgres/schema.ts';
import type { AgentRecord } from '../../domain/records.ts';

type Row = typeof agents.$inferSelect;
// Picks the record's fields: the password hash, the TOTP secret and the lockout counters stay in
// this file (and the sign-in path), so no record handed around can leak them into a log.
const toRecord = (row: Row): AgentRecord => ({
  workspaceId: row.workspaceId,
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as AgentRole,
  skills: row.skills,
  createdAt: row.createdAt,
});

/** What signing in checks beyond the record: the password, the lockout and two-factor state. */
export interface AgentCredentials {
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Date | null;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
}

export async function insertAgent(q: Queryable, agent: AgentRecord & { passwordHash: string }): Promise<void> {
  await q.insert(agents).values(agent);
}

export async function findAgent(q: Queryable, workspaceId: string, id: string): Promise<AgentRecord | null> {
  const [row] = await q.select().from(agents).where(and(eq(agents.workspaceId, workspaceId), eq(agents.id, id)));
  return row ? toRecord(row) : null;
}

/** The agent with its credentials, for sign-in only. */
export async function findAgentCredentials(
  q: Queryable,
  workspaceId: string,
  email: string,
): Promise<{ agent: AgentRecord; credentials: AgentCredentials } | null> {
  const [row] = await q.select().from(agents).where(and(eq(agents.workspaceId, workspaceId), eq(agents.email, email)));
  if (!row) return null;
  const { passwordHash, failedLogins, lockedUntil, totpSecret, totpEnabledAt } = row;
  return { agent: toRecord(row), credentials: { passwordHash, failedLogins, lockedUntil, totpSecret, totpEnabledAt } };
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
