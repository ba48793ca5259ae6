import { and, asc, eq, sql } from 'drizzle-orm';
import type { ChannelKind, ConversationTimes, Priority, SlaPolicy } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { slaEvents, slaPolicies } from '../../adapters/postgres/schema.ts';

export async function listSlaPolicies(q: Queryable, workspaceId: string): Promise<SlaPolicy[]> {
  const rows = await q.select().from(slaPolicies).where(eq(slaPolicies.workspaceId, workspaceId)).orderBy(asc(slaPolicies.position));
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    priorities: r.priorities as Priority[],
    channels: r.channels as ChannelKind[],
    segments: r.segments,
    targets: r.targets,
    warnAtFraction: r.warnAtFraction,
    escalation: r.escalation,
  }));
}

/** Replaces the ordered list in one go (the order decides which policy a conversation gets). */
export async function replaceSlaPolicies(q: Queryable, workspaceId: string, policies: readonly SlaPolicy[], now: Date): Promise<void> {
  await q.delete(slaPolicies).where(eq(slaPolicies.workspaceId, workspaceId));
  if (policies.length === 0) return;
  await q.insert(slaPolicies).values(policies.map((p, position) => ({
    workspaceId, position, key: p.key, name: p.name, priorities: [...p.priorities], channels: [...p.channels], segments: [...p.segments],
    targets: p.targets, warnAtFraction: p.warnAtFraction, escalation: p.escalation, updatedAt: now,
  })));
}

export async function workspacesWithSla(q: Queryable): Promise<string[]> {
  return (await q.selectDistinct({ id: slaPolicies.workspaceId }).from(slaPolicies)).map((r) => r.id);
}

export interface MeasuredConversation extends ConversationTimes {
  id: string;
  customerId: string;
  status: string;
  priority: Priority;
  channel: ChannelKind | null;
  teamId: string | null;
  assigneeId: string | null;
}

interface TimesRow {
  id: string; customer_id: string; status: string; priority: string; last_channel: string | null; team_id: string | null; assignee_id: string | null;
  created_at: string | Date; resolved_at: string | Date | null; pending_periods: Array<{ from: string; to: string | null }> | string;
  first_reply: string | Date | null; last_reply: string | Date | null; awaiting: string | Date | null; customer_messages: Array<string> | string | null;
}

const at = (v: string | Date | null): Date | null => (v === null ? null : new Date(v));
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/**
 * What SLA clocks are measured from, for open and pending conversations (or the ones named): first and last
 * agent replies, the first customer message since the last reply, and the pending periods. A
 * pending period left open by the customer's own reply ends at that reply.
 */
export async function conversationTimes(q: Queryable, workspaceId: string, conversationIds: readonly string[] | null): Promise<MeasuredConversation[]> {
  if (conversationIds?.length === 0) return [];
  const rows = rowsOf<TimesRow>(await q.execute(sql`
    SELECT c.id, c.customer_id, c.status, c.priority, c.last_channel, c.team_id, c.assignee_id, c.created_at, c.resolved_at, c.pending_periods,
      r.first_reply, r.last_reply,
      (SELECT min(m.created_at) FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
        AND m.author = 'customer' AND m.created_at > coalesce(r.last_reply, '-infinity'::timestamptz)) AS awaiting,
      (SELECT jsonb_agg(m.created_at ORDER BY m.created_at) FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
        AND m.author = 'customer' AND jsonb_array_length(c.pending_periods) > 0) AS customer_messages
    FROM conversations c
    LEFT JOIN LATERAL (
      SELECT min(m.created_at) AS first_reply, max(m.created_at) AS last_reply FROM messages m
      WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND m.author = 'agent' AND NOT m.private) r ON true
    WHERE c.workspace_id = ${workspaceId} AND c.merged_into_id IS NULL
      AND ${conversationIds === null ? sql`c.status IN ('open', 'pending')` : sql`c.id IN (${sql.join(conversationIds.map((id) => sql`${id}::uuid`), sql`, `)})`}`));
  return rows.map((r) => {
    const customerMessages = (r.customer_messages ? json(r.customer_messages) : []).map((m) => new Date(m));
    const pauses = json(r.pending_periods).map((p) => {
      const from = new Date(p.from);
      const endedByReply = p.to === null && r.status !== 'pending' ? customerMessages.find((m) => m > from) ?? null : null;
      return { from, to: p.to ? new Date(p.to) : endedByReply };
    });
    return {
      id: r.id, customerId: r.customer_id, status: r.status, priority: r.priority as Priority, channel: r.last_channel as ChannelKind | null, teamId: r.team_id, assigneeId: r.assignee_id,
      createdAt: new Date(r.created_at), resolvedAt: at(r.resolved_at), firstAgentReplyAt: at(r.first_reply),
      awaitingSince: r.last_reply ? at(r.awaiting) : null, pauses,
    };
  });
}

/** Records a warning or breach once; true only for the call that recorded it (it escalates). */
export async function recordSlaEvent(q: Queryable, event: typeof slaEvents.$inferInsert): Promise<boolean> {
  const rows = await q.insert(slaEvents).values(event).onConflictDoNothing().returning({ id: slaEvents.id });
  return rows.length > 0;
}

export function listSlaEvents(q: Queryable, workspaceId: string, conversationId: string) {
  return q.select().from(slaEvents).where(and(eq(slaEvents.workspaceId, workspaceId), eq(slaEvents.conversationId, conversationId))).orderBy(asc(slaEvents.createdAt));
}
