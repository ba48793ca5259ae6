import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { capacityKindOf, type ChannelKind, type Priority, type QueuedConversation } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { conversations, routingEvents } from '../../adapters/postgres/schema.ts';
import { conversationFromRow } from '../../adapters/postgres/row-mappers.ts';
import type { ConversationRecord } from '../../domain/records.ts';

/** Serializes routing decisions per workspace (across processes): nobody is given past capacity by a race. */
export async function lockRouting(q: Queryable, workspaceId: string): Promise<void> {
  await q.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`routing:${workspaceId}`}, 0))`);
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
  change: { now: Date; teamId?: string | null | undefined; targetAgentId: string | null; skills: readonly string[]; flags: readonly string[] },
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
