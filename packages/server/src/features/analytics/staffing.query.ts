import { sql } from 'drizzle-orm';
import type { AgentStats, AnalyticsQuery, Staffing } from '@tandem/protocol';
import { averageSlots, METRIC_DEFINITIONS, staffingPlan } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { factsWhere, localMidnight, nextDay, num, numOrNull } from './analytics-filter.ts';

/**
 * A chat-style target: 80% answered within 60 seconds, each conversation taking 6 minutes of an
 * agent's attention. Handle time is not measured yet (agents work several conversations at once),
 * so it is a stated assumption, shown with the plan.
 */
const TARGET = { serviceLevel: 0.8, withinSeconds: 60, handleSeconds: 360 };

const definitions = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, (METRIC_DEFINITIONS as Record<string, string>)[id] ?? '']));

export async function staffing(q: Queryable, workspaceId: string, filter: AnalyticsQuery, timeZone: string): Promise<Staffing> {
  const where = factsWhere(workspaceId, filter);
  // Counted by the database per local weekday and half hour (time zones with half-hour offsets included).
  const counts = rowsOf<{ weekday: number; slot: number; n: string }>(await q.execute(sql`
    SELECT extract(dow FROM f.created_at AT TIME ZONE ${timeZone})::int AS weekday,
      (extract(hour FROM f.created_at AT TIME ZONE ${timeZone}) * 2 + floor(extract(minute FROM f.created_at AT TIME ZONE ${timeZone}) / 30))::int AS slot, count(*) AS n
    FROM conversation_facts f WHERE ${where} GROUP BY 1, 2`));
  // Whole local days, `to` included: from the local midnight of the first to that after the last.
  const slots = averageSlots(counts.map((c) => ({ weekday: Number(c.weekday), slot: Number(c.slot), count: num(c.n) })), timeZone, { from: localMidnight(filter.from, timeZone), to: localMidnight(nextDay(filter.to), timeZone) });
  return { intervalMinutes: 30, target: TARGET, intervals: staffingPlan(slots, TARGET), definitions: definitions(['staffing']) };
}

/** Per agent: conversations they hold, how fast they first answered, and their customers' ratings. */
export async function agentStats(q: Queryable, workspaceId: string, filter: AnalyticsQuery): Promise<AgentStats> {
  const rows = rowsOf<Record<string, unknown>>(await q.execute(sql`
    SELECT f.agent_id, a.name, count(*) AS n, count(*) FILTER (WHERE f.status = 'resolved') AS resolved,
      count(f.first_response_seconds) AS frt_n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY f.first_response_seconds) AS frt_p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY f.first_response_seconds) AS frt_p90,
      avg(s.rating) AS csat, count(s.rating) AS csat_n
    FROM conversation_facts f
    JOIN agents a ON a.workspace_id = f.workspace_id AND a.id = f.agent_id
    LEFT JOIN csat_surveys s ON s.workspace_id = f.workspace_id AND s.conversation_id = f.conversation_id
    WHERE ${factsWhere(workspaceId, filter)} AND f.agent_id IS NOT NULL
    GROUP BY f.agent_id, a.name ORDER BY n DESC, a.name`));
  return {
    items: rows.map((r) => ({
      agentId: String(r.agent_id), name: String(r.name), conversations: num(r.n), resolved: num(r.resolved),
      firstResponse: { count: num(r.frt_n), median: numOrNull(r.frt_p50), p90: numOrNull(r.frt_p90) },
      csatAverage: r.csat === null ? null : Math.round(Number(r.csat) * 100) / 100, csatResponses: num(r.csat_n),
      // Presence is kept as the current state only, not its history: these need a presence log first.
      occupancy: null, concurrency: null,
    })),
    definitions: definitions(['firstResponse', 'csatAverage', 'occupancy', 'concurrency']),
  };
}
