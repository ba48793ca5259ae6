import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { matchingSegments, type ChannelKind, type CustomerFacts, type LastMode, type Segment, type ServiceStrategy } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { customers, segments } from '../../adapters/postgres/schema.ts';

export async function listSegments(q: Queryable, workspaceId: string): Promise<Segment[]> {
  const rows = await q.select().from(segments).where(eq(segments.workspaceId, workspaceId)).orderBy(desc(segments.priority), asc(segments.key));
  return rows.map((r) => ({ key: r.key, name: r.name, rule: r.rule, strategy: r.strategy as ServiceStrategy | null, priority: r.priority }));
}

export async function saveSegment(q: Queryable, workspaceId: string, segment: Segment, now: Date): Promise<void> {
  const values = { name: { ...segment.name }, rule: segment.rule, strategy: segment.strategy, priority: segment.priority, updatedAt: now };
  await q.insert(segments).values({ workspaceId, key: segment.key, ...values })
    .onConflictDoUpdate({ target: [segments.workspaceId, segments.key], set: values });
}

export async function deleteSegment(q: Queryable, workspaceId: string, key: string): Promise<boolean> {
  return (await q.delete(segments).where(and(eq(segments.workspaceId, workspaceId), eq(segments.key, key))).returning({ key: segments.key })).length > 0;
}

/** The most recently active customers: what a preview looks at. */
export async function recentCustomerIds(q: Queryable, workspaceId: string, limit: number): Promise<string[]> {
  const rows = await q.select({ id: customers.id }).from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), isNull(customers.mergedIntoId))).orderBy(desc(customers.updatedAt)).limit(limit);
  return rows.map((r) => r.id);
}

const idList = (ids: readonly string[]) => sql`(${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`;

/**
 * What segment rules look at, for each customer, computed from what is stored now — so a
 * segment follows attributes and behaviour as they change, with nothing to recompute.
 * Resolved with a person's reply counts for people; resolved without one, for self-service.
 */
export async function customerFacts(q: Queryable, workspaceId: string, customerIds: readonly string[], now: Date): Promise<Map<string, CustomerFacts & { name: string | null }>> {
  if (customerIds.length === 0) return new Map();
  const [people, history, channels] = await Promise.all([
    q.select({ id: customers.id, name: customers.name, attributes: customers.attributes }).from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), sql`${customers.id} IN ${idList(customerIds)}`)),
    q.execute(sql`
      WITH conv AS (
        SELECT c.customer_id, c.status, c.last_activity_at,
          EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND m.author = 'agent' AND NOT m.private) AS had_person,
          EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND m.author = 'bot') AS had_bot
        FROM conversations c
        WHERE c.workspace_id = ${workspaceId} AND c.customer_id IN ${idList(customerIds)} AND c.merged_into_id IS NULL)
      SELECT customer_id, count(*)::int AS conversations,
        (count(*) FILTER (WHERE status = 'resolved' AND NOT had_person))::int AS by_self,
        (count(*) FILTER (WHERE status = 'resolved' AND had_person))::int AS by_people,
        max(last_activity_at) AS last_contact,
        (array_agg(CASE WHEN had_person THEN 'person' WHEN had_bot THEN 'bot' ELSE 'self-service' END ORDER BY last_activity_at DESC)
          FILTER (WHERE status = 'resolved'))[1] AS last_mode
      FROM conv GROUP BY customer_id`),
    q.execute(sql`
      SELECT c.customer_id, m.channel, count(*)::int AS n
      FROM messages m JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
      WHERE m.workspace_id = ${workspaceId} AND m.author = 'customer' AND c.customer_id IN ${idList(customerIds)}
      GROUP BY c.customer_id, m.channel`),
  ]);
  const byCustomer = new Map(rowsOf<{ customer_id: string; conversations: number; by_self: number; by_people: number; last_contact: string | Date | null; last_mode: LastMode | null }>(history).map((r) => [r.customer_id, r]));
  const used = new Map<string, Partial<Record<ChannelKind, number>>>();
  for (const r of rowsOf<{ customer_id: string; channel: ChannelKind; n: number }>(channels)) used.set(r.customer_id, { ...used.get(r.customer_id), [r.channel]: r.n });
  return new Map(people.map((p) => {
    const h = byCustomer.get(p.id);
    const last = h?.last_contact ? new Date(h.last_contact) : null;
    return [p.id, {
      name: p.name,
      attributes: p.attributes,
      behaviour: {
        conversations: h?.conversations ?? 0,
        resolvedBySelfService: h?.by_self ?? 0,
        resolvedByPeople: h?.by_people ?? 0,
        channels: used.get(p.id) ?? {},
        lastMode: h?.last_mode ?? null,
        daysSinceLastContact: last ? Math.floor((now.getTime() - last.getTime()) / 86_400_000) : null,
      },
    }];
  }));
}

/** Each customer's segment keys, highest priority first (for SLA policies that match segments). */
export async function segmentsOf(q: Queryable, workspaceId: string, customerIds: readonly string[], now: Date): Promise<Map<string, string[]>> {
  const all = await listSegments(q, workspaceId);
  if (all.length === 0 || customerIds.length === 0) return new Map();
  const facts = await customerFacts(q, workspaceId, [...new Set(customerIds)], now);
  return new Map([...facts].map(([id, f]) => [id, matchingSegments(all, f).map((s) => s.key)]));
}
