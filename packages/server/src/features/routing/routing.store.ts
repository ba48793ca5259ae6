import { and, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  capacityKindOf,
  DEFAULT_CAPACITY,
  DEFAULT_POLICY,
  NO_LOAD,
  type AgentStatus,
  type Capacity,
  type CapacityKind,
  type ChannelKind,
  type Load,
  type Priority,
  type QueuedConversation,
  type QueuePolicy,
  type RoutingAgent,
  type Schedule,
} from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { agentPresence, agents, conversations, queuePolicies, routingEvents, teamMembers } from '../../adapters/postgres/schema.ts';
import { conversationFromRow } from '../../adapters/postgres/row-mappers.ts';
import type { ConversationRecord } from '../../domain/records.ts';

/** Every agent belongs to this pseudo-team: conversations without a team may go to anyone. */
export const WHOLE_WORKSPACE = '*';

export type RoutingEventKind = 'queued' | 'assigned' | 'accepted' | 'transferred' | 'requeued';

/** Serializes routing decisions per workspace (across processes): nobody is given past capacity by a race. */
export async function lockRouting(q: Queryable, workspaceId: string): Promise<void> {
  await q.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`routing:${workspaceId}`}, 0))`);
}

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

export interface QueueEntry extends QueuedConversation {
  customerId: string;
}

const waitingFilter = (workspaceId: string) =>
  and(eq(conversations.workspaceId, workspaceId), eq(conversations.handler, 'queue'), eq(conversations.status, 'open'), isNull(conversations.mergedIntoId));

/** The conversations waiting for a person, with who helped each customer last (for sticky routing). */
export async function loadQueue(q: Queryable, workspaceId: string): Promise<QueueEntry[]> {
  const rows = await q.select().from(conversations).where(waitingFilter(workspaceId));
  if (rows.length === 0) return [];
  // Who helped each customer last in another conversation: a returning customer goes back to them.
  const last = rowsOf<{ id: string; assignee_id: string; at: Date | string }>(await q.execute(sql`
    SELECT w.id, p.assignee_id, p.last_activity_at AS at
    FROM conversations w
    CROSS JOIN LATERAL (
      SELECT assignee_id, last_activity_at FROM conversations p
      WHERE p.workspace_id = w.workspace_id AND p.customer_id = w.customer_id AND p.id <> w.id AND p.assignee_id IS NOT NULL
      ORDER BY p.last_activity_at DESC LIMIT 1) p
    WHERE w.workspace_id = ${workspaceId} AND w.handler = 'queue' AND w.status = 'open' AND w.merged_into_id IS NULL`));
  const lastAgent = new Map(last.map((r) => [r.id, { id: r.assignee_id, at: new Date(r.at) }]));
  return rows.map((r) => ({
    conversationId: r.id,
    customerId: r.customerId,
    priority: r.priority as Priority,
    queuedAt: r.queuedAt ?? r.lastActivityAt,
    complaint: r.routingFlags.includes('complaint'),
    vip: r.routingFlags.includes('vip'),
    slaDueAt: null,
    capacityKind: capacityKindOf(r.lastChannel as ChannelKind | null),
    language: r.language,
    skills: r.routingSkills,
    lastAgent: lastAgent.get(r.id) ?? null,
    targetAgentId: r.targetAgentId,
    teamId: r.teamId,
  }));
}

export async function countWaiting(q: Queryable, workspaceId: string): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(conversations).where(waitingFilter(workspaceId));
  return row?.n ?? 0;
}

/** Workspaces with someone waiting: the periodic pass only looks at these. */
export async function workspacesWithQueue(q: Queryable): Promise<string[]> {
  const rows = await q.selectDistinct({ id: conversations.workspaceId }).from(conversations)
    .where(and(eq(conversations.handler, 'queue'), eq(conversations.status, 'open'), isNull(conversations.mergedIntoId)));
  return rows.map((r) => r.id);
}

/** Gives a waiting conversation to an agent; null if it was no longer waiting (someone else took it). */
export async function assignWaiting(q: Queryable, workspaceId: string, conversationId: string, agentId: string, teamId: string | null): Promise<ConversationRecord | null> {
  const [row] = await q.update(conversations)
    .set({ handler: 'agent', assigneeId: agentId, teamId: sql`coalesce(${conversations.teamId}, ${teamId})`, queuedAt: null, targetAgentId: null })
    .where(and(waitingFilter(workspaceId), eq(conversations.id, conversationId), isNull(conversations.assigneeId)))
    .returning();
  return row ? conversationFromRow(row) : null;
}

export async function markQueued(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
  change: { now: Date; teamId?: string | null | undefined; language?: string | null | undefined; targetAgentId: string | null; skills: readonly string[]; flags: readonly string[] },
): Promise<ConversationRecord | null> {
  const [row] = await q.update(conversations)
    .set({
      handler: 'queue',
      assigneeId: null,
      queuedAt: change.now,
      targetAgentId: change.targetAgentId,
      routingSkills: [...change.skills],
      routingFlags: [...change.flags],
      ...(change.teamId !== undefined ? { teamId: change.teamId } : {}),
      ...(change.language ? { language: sql`coalesce(${conversations.language}, ${change.language})` } : {}),
    })
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId), isNull(conversations.mergedIntoId)))
    .returning();
  return row ? conversationFromRow(row) : null;
}

/** Starts the waiting clock of a conversation that reached the queue another way (an agent unassigned it); true if it was not running. */
export async function startWaiting(q: Queryable, workspaceId: string, conversationId: string, now: Date): Promise<boolean> {
  const rows = await q.update(conversations).set({ queuedAt: now })
    .where(and(waitingFilter(workspaceId), eq(conversations.id, conversationId), isNull(conversations.queuedAt)))
    .returning({ id: conversations.id });
  return rows.length > 0;
}

/** The customer's language, detected from what they wrote, when the conversation does not know it yet. */
export async function setLanguageIfUnknown(q: Queryable, workspaceId: string, conversationId: string, language: string): Promise<void> {
  await q.update(conversations).set({ language })
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId), isNull(conversations.language)));
}

/** Open conversations go back to the queue (their agent went offline, or did not answer), keeping their priority. */
export async function requeue(q: Queryable, workspaceId: string, which: { agentId: string } | { conversationIds: readonly string[] }, now: Date): Promise<ConversationRecord[]> {
  if ('conversationIds' in which && which.conversationIds.length === 0) return [];
  const rows = await q.update(conversations)
    .set({ handler: 'queue', assigneeId: null, queuedAt: now })
    .where(and(
      eq(conversations.workspaceId, workspaceId), eq(conversations.handler, 'agent'), eq(conversations.status, 'open'), isNull(conversations.mergedIntoId),
      'agentId' in which ? eq(conversations.assigneeId, which.agentId) : inArray(conversations.id, [...which.conversationIds]),
    ))
    .returning();
  return rows.map(conversationFromRow);
}

/** Conversations assigned longer ago than their team's reassign time with no agent reply since. */
export async function unanswered(q: Queryable, workspaceId: string, now: Date): Promise<Array<{ id: string; assigneeId: string; seconds: number }>> {
  return rowsOf<{ id: string; assignee_id: string; seconds: number }>(await q.execute(sql`
    SELECT c.id, c.assignee_id, p.reassign_after_seconds AS seconds
    FROM conversations c
    JOIN queue_policies p ON p.workspace_id = c.workspace_id AND p.team_id = c.team_id AND p.reassign_after_seconds > 0
    CROSS JOIN LATERAL (
      SELECT created_at FROM routing_events e
      WHERE e.workspace_id = c.workspace_id AND e.conversation_id = c.id AND e.kind IN ('assigned', 'accepted')
      ORDER BY e.created_at DESC LIMIT 1) a
    WHERE c.workspace_id = ${workspaceId} AND c.handler = 'agent' AND c.status = 'open'
      AND a.created_at < ${now.toISOString()}::timestamptz - make_interval(secs => p.reassign_after_seconds)
      AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND m.author = 'agent' AND m.created_at >= a.created_at)`))
    .map((r) => ({ id: r.id, assigneeId: r.assignee_id, seconds: Number(r.seconds) }));
}

/** Workspaces where a team reassigns unanswered conversations: the periodic pass looks at these too. */
export async function workspacesReassigning(q: Queryable): Promise<string[]> {
  const rows = await q.selectDistinct({ id: queuePolicies.workspaceId }).from(queuePolicies).where(gte(queuePolicies.reassignAfterSeconds, 1));
  return rows.map((r) => r.id);
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

export async function savePolicy(q: Queryable, workspaceId: string, { schedule, ...policy }: Omit<StoredPolicy, 'roundRobinCursor'>, now: Date): Promise<void> {
  const values = { ...policy, hours: schedule.hours, holidays: [...schedule.holidays], requiredSkills: [...policy.requiredSkills], optionalSkills: [...policy.optionalSkills], overflow: [...policy.overflow], updatedAt: now };
  await q.insert(queuePolicies).values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: [queuePolicies.workspaceId, queuePolicies.teamId], set: values });
}

export async function saveCursor(q: Queryable, workspaceId: string, teamId: string, agentId: string): Promise<void> {
  await q.update(queuePolicies).set({ roundRobinCursor: agentId }).where(and(eq(queuePolicies.workspaceId, workspaceId), eq(queuePolicies.teamId, teamId)));
}

export async function insertRoutingEvent(q: Queryable, event: typeof routingEvents.$inferInsert): Promise<void> {
  await q.insert(routingEvents).values(event);
}

export function listRoutingEvents(q: Queryable, workspaceId: string, conversationId: string) {
  return q.select().from(routingEvents)
    .where(and(eq(routingEvents.workspaceId, workspaceId), eq(routingEvents.conversationId, conversationId)))
    .orderBy(routingEvents.createdAt, routingEvents.id);
}

/** Conversations taken from the queue since `since`: how fast the queue moves. */
export async function countTakenSince(q: Queryable, workspaceId: string, since: Date): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(routingEvents)
    .where(and(eq(routingEvents.workspaceId, workspaceId), inArray(routingEvents.kind, ['assigned', 'accepted']), gte(routingEvents.createdAt, since)));
  return row?.n ?? 0;
}

export async function holdsOfKind(q: Queryable, workspaceId: string, agentId: string, kind: CapacityKind): Promise<number> {
  const rows = await q.select({ channel: conversations.lastChannel, n: sql<number>`count(*)::int` }).from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.status, 'open'), eq(conversations.assigneeId, agentId)))
    .groupBy(conversations.lastChannel);
  return rows.filter((r) => capacityKindOf(r.channel as ChannelKind | null) === kind).reduce((sum, r) => sum + r.n, 0);
}

