import { sql } from 'drizzle-orm';
import type { AnalyticsQuery, Journeys } from '@tandem/protocol';
import { journeySankey, leaveFunnel, METRIC_DEFINITIONS, topCounts } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { factsWhere, num } from './analytics-filter.ts';

const ENTRY: Record<string, string> = { web: 'widget', email: 'email', sms: 'sms', whatsapp: 'whatsapp', voice: 'voice', api: 'api' };
// Journeys are drawn from the most recent conversations of the range: enough for the shape, bounded in cost.
const SAMPLE = 5_000;

type Stage = 'entry' | 'search' | 'article' | 'guide' | 'bot' | 'handoff' | 'resolved';

/** The paths customers take (help center → bot → person, widget → email…), where they leave, and what to fix first. */
export async function journeys(q: Queryable, workspaceId: string, filter: AnalyticsQuery): Promise<Journeys> {
  const where = factsWhere(workspaceId, filter);
  const facts = rowsOf<Record<string, unknown>>(await q.execute(sql`
    SELECT f.conversation_id, f.customer_id, f.created_at, f.first_channel, f.channels, f.bot_handled, f.handed_off, f.agent_messages, f.status, f.handoff_reason
    FROM conversation_facts f WHERE ${where} ORDER BY f.created_at DESC LIMIT ${SAMPLE}`));
  const customers = [...new Set(facts.map((f) => String(f.customer_id)))];
  const searches = customers.length === 0 ? [] : rowsOf<{ customer_id: string; created_at: string; clicked: boolean }>(await q.execute(sql`
    SELECT customer_id, created_at, clicked_id IS NOT NULL AS clicked FROM kb_searches
    WHERE workspace_id = ${workspaceId} AND customer_id = ANY(${`{${customers.join(',')}}`}::uuid[])
      AND created_at BETWEEN ${`${filter.from}T00:00:00Z`}::timestamptz - interval '1 day' AND ${`${filter.to}T00:00:00Z`}::timestamptz + interval '2 days'`));
  const steps = new Map<string, Array<{ at: number; labels: string[]; stages: Stage[] }>>();
  const add = (customer: string, at: number, labels: string[], stages: Stage[]) => steps.set(customer, [...(steps.get(customer) ?? []), { at, labels, stages }]);
  for (const s of searches) add(s.customer_id, new Date(s.created_at).getTime(), ['help_center'], s.clicked ? ['search', 'article'] : ['search']);
  for (const f of facts) {
    const labels = [ENTRY[String(f.first_channel)] ?? String(f.first_channel)];
    const stages: Stage[] = [];
    if (f.bot_handled) {
      labels.push('bot');
      stages.push('bot');
    }
    if (f.handed_off || num(f.agent_messages) > 0) {
      labels.push('person');
      stages.push('handoff');
    }
    for (const other of (f.channels as string[]).filter((c) => c !== f.first_channel)) labels.push(ENTRY[other] ?? other);
    if (f.status === 'resolved') stages.push('resolved');
    add(String(f.customer_id), new Date(String(f.created_at)).getTime(), labels, stages);
  }
  const ordered = [...steps.values()].map((list) => list.sort((a, b) => a.at - b.at));
  const handoffs = rowsOf<{ packet: unknown }>(await q.execute(sql`
    SELECT h.packet FROM handoffs h JOIN conversation_facts f ON f.workspace_id = h.workspace_id AND f.conversation_id = h.conversation_id
    WHERE ${where} LIMIT ${SAMPLE}`));
  const packets = handoffs.map((h) => (typeof h.packet === 'string' ? JSON.parse(h.packet) : h.packet) as { intents?: Array<{ intent: string }>; articlesShown?: Array<{ key: string; title: string }>; pagesVisited?: Array<{ url: string | null }> });
  const intentGaps = topCounts(packets.flatMap((p) => (p.intents?.[0] ? [p.intents[0].intent] : [])), 10).map((g) => ({ kind: 'intent' as const, id: g.key, label: g.key, handoffs: g.count }));
  const articleTitles = new Map(packets.flatMap((p) => p.articlesShown ?? []).map((a) => [a.key, a.title]));
  const articleGaps = topCounts(packets.flatMap((p) => (p.articlesShown ?? []).map((a) => a.key)), 10).map((g) => ({ kind: 'article' as const, id: g.key, label: articleTitles.get(g.key) ?? g.key, handoffs: g.count }));
  const startPages = topCounts(packets.flatMap((p) => (p.pagesVisited?.[0]?.url ? [p.pagesVisited[0].url] : [])), 10);
  return {
    sankey: journeySankey(ordered.map((list) => list.flatMap((s) => s.labels)), { maxSteps: 4 }),
    funnel: leaveFunnel(ordered.map((list) => ({ stages: new Set<Stage>(['entry', ...list.flatMap((s) => s.stages)]) }))),
    handoffReasons: topCounts(facts.flatMap((f) => (f.handoff_reason ? [String(f.handoff_reason)] : [])), 10).map((r) => ({ reason: r.key, count: r.count })),
    gaps: [...articleGaps, ...intentGaps].sort((a, b) => b.handoffs - a.handoffs).slice(0, 15),
    topStartPages: startPages.map((p) => ({ url: p.key, conversations: p.count })),
    definitions: Object.fromEntries(['journeys', 'funnel', 'handoffReasons', 'gaps'].map((id) => [id, (METRIC_DEFINITIONS as Record<string, string>)[id] ?? ''])),
  };
}
