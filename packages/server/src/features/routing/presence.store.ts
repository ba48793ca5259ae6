import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { capacityKindOf, DEFAULT_CAPACITY, NO_LOAD, type AgentStatus, type Capacity, type ChannelKind, type Load, type RoutingAgent } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { agentPresence, agents, conversations, teamMembers } from '../../adapters/postgres/schema.ts';
import { WHOLE_WORKSPACE, type StoredPolicy } from './queue-policy.store.ts';

/** Open conversations each agent holds, by capacity kind. Pending and snoozed ones wait on the customer. */
async function loads(q: Queryable, workspaceId: string): Promise<Map<string, Load>> {
  const rows = await q
    .select({ agentId: conversations.assigneeId, channel: conversations.lastChannel, n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.status, 'open'), isNotNull(conversations.assigneeId)))
    .groupBy(conversations.assigneeId, conversations.lastChannel);
  const byAgent = new Map<string, Load>();
  for (const row of rows) {
    const kind = capacityKindOf(row.channel as ChannelKind | null);
    const load = byAgent.get(row.agentId!) ?? NO_LOAD;
    byAgent.set(row.agentId!, { ...load, [kind]: load[kind] + row.n });
  }
  return byAgent;
}

/** Every agent as routing sees them now: presence, teams, skills, capacity (own, else team's, else default) and load. */
export async function loadAgents(q: Queryable, workspaceId: string, policies: ReadonlyMap<string, StoredPolicy>): Promise<RoutingAgent[]> {
  const [rows, memberships, load] = await Promise.all([
    q.select({ id: agents.id, name: agents.name, skills: agents.skills, status: agentPresence.status, capacity: agentPresence.capacity, lastAssignedAt: agentPresence.lastAssignedAt })
      .from(agents)
      .leftJoin(agentPresence, and(eq(agentPresence.workspaceId, agents.workspaceId), eq(agentPresence.agentId, agents.id)))
      .where(eq(agents.workspaceId, workspaceId)),
    q.select().from(teamMembers).where(eq(teamMembers.workspaceId, workspaceId)),
    loads(q, workspaceId),
  ]);
  const teamsOf = new Map<string, string[]>();
  for (const m of memberships) teamsOf.set(m.agentId, [...(teamsOf.get(m.agentId) ?? []), m.teamId]);
  return rows.map((r) => {
    const teamIds = teamsOf.get(r.id) ?? [];
    const teamCapacity = teamIds.map((t) => policies.get(t)?.capacity).find((c) => c);
    return {
      id: r.id,
      name: r.name,
      status: (r.status ?? 'offline') as AgentStatus,
      teamIds: [...teamIds, WHOLE_WORKSPACE],
      skills: r.skills,
      capacity: r.capacity ?? teamCapacity ?? DEFAULT_CAPACITY,
      load: load.get(r.id) ?? NO_LOAD,
      lastAssignedAt: r.lastAssignedAt,
    };
  });
}

export async function recordAssigned(q: Queryable, workspaceId: string, agentId: string, now: Date): Promise<void> {
  await q.insert(agentPresence).values({ workspaceId, agentId, status: 'offline', statusChangedAt: now, lastAssignedAt: now })
    .onConflictDoUpdate({ target: [agentPresence.workspaceId, agentPresence.agentId], set: { lastAssignedAt: now } });
}

export async function savePresence(q: Queryable, workspaceId: string, agentId: string, change: { status?: AgentStatus; capacity?: Capacity | null }, now: Date): Promise<void> {
  const set = {
    ...(change.status ? { status: change.status, statusChangedAt: now } : {}),
    ...(change.capacity !== undefined ? { capacity: change.capacity } : {}),
  };
  await q.insert(agentPresence).values({ workspaceId, agentId, status: change.status ?? 'offline', capacity: change.capacity ?? null, statusChangedAt: now })
    .onConflictDoUpdate({ target: [agentPresence.workspaceId, agentPresence.agentId], set });
}
