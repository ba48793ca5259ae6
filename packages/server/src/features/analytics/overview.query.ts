import { sql } from 'drizzle-orm';
import type { AnalyticsQuery, Overview } from '@tandem/protocol';
import { DEFAULT_COMEBACK_DAYS, METRIC_DEFINITIONS, share } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { factsWhere, localMidnight, nextDay, num, numOrNull } from './analytics-filter.ts';

const stat = (r: Record<string, unknown>, prefix: string) => ({ count: num(r[`${prefix}_n`]), median: numOrNull(r[`${prefix}_p50`]), p90: numOrNull(r[`${prefix}_p90`]) });
const pick = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, (METRIC_DEFINITIONS as Record<string, string>)[id] ?? '']));

/** Volume, response times, SLA, CSAT and resolution over the filtered conversations (one scan of the facts each). */
export async function overview(q: Queryable, workspaceId: string, filter: AnalyticsQuery, options: { now: Date; timeZone: string; selfServiceResolved: Promise<number> }): Promise<Overview> {
  const { now, timeZone } = options;
  const where = factsWhere(workspaceId, filter);
  const windowDays = DEFAULT_COMEBACK_DAYS;
  const hasFilters = Boolean(filter.channel || filter.teamId || filter.agentId || filter.segment || filter.language);
  // Independent reads, sent together: the pool runs them side by side.
  const [totalsRows, nextRows, byDay, byChannel, byHour, messages, csatRows] = await Promise.all([
    q.execute(sql`
      SELECT count(*) AS n,
        count(first_response_seconds) AS frt_n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_seconds) AS frt_p50,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response_seconds) AS frt_p90,
        count(resolution_seconds) AS res_n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution_seconds) AS res_p50,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution_seconds) AS res_p90,
        count(*) FILTER (WHERE first_response_seconds IS NOT NULL OR sla_first_response_breached) AS frt_measured,
        count(*) FILTER (WHERE sla_first_response_breached) AS frt_breached,
        count(*) FILTER (WHERE resolved_at IS NOT NULL OR sla_resolution_breached) AS res_measured,
        count(*) FILTER (WHERE sla_resolution_breached) AS res_breached,
        count(*) FILTER (WHERE status = 'resolved' AND resolved_by = 'bot') AS loose_bot,
        count(*) FILTER (WHERE status = 'resolved' AND resolved_by = 'agent') AS loose_agent,
        -- Honest resolution: a bot resolution counts once its window is over without the customer starting another conversation.
        count(*) FILTER (WHERE status = 'resolved' AND resolved_by = 'bot' AND (came_back_at IS NULL OR came_back_at >= resolved_at + ${windowDays} * interval '24 hours')
          AND resolved_at + ${windowDays} * interval '24 hours' <= ${now.toISOString()}::timestamptz) AS honest_bot,
        count(*) FILTER (WHERE status = 'resolved' AND resolved_by = 'bot' AND came_back_at < resolved_at + ${windowDays} * interval '24 hours') AS came_back
      FROM conversation_facts f WHERE ${where}`),
    q.execute(sql`
      SELECT count(s) AS nrt_n, percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS nrt_p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY s) AS nrt_p90
      FROM conversation_facts f CROSS JOIN LATERAL unnest(f.next_response_seconds) AS s WHERE ${where}`),
    q.execute(sql`SELECT f.day::text AS day, count(*) AS n FROM conversation_facts f WHERE ${where} GROUP BY 1 ORDER BY 1`),
    q.execute(sql`SELECT f.first_channel AS channel, count(*) AS n FROM conversation_facts f WHERE ${where} GROUP BY 1 ORDER BY 2 DESC`),
    q.execute(sql`SELECT f.hour, count(*) AS n FROM conversation_facts f WHERE ${where} GROUP BY 1 ORDER BY 1`),
    q.execute(sql`
      SELECT day::text AS day, sum(count) AS n FROM message_daily
      WHERE workspace_id = ${workspaceId} AND author = 'customer' AND day BETWEEN ${filter.from}::date AND ${filter.to}::date
        ${filter.channel ? sql`AND channel = ${filter.channel}` : sql``}
      GROUP BY 1`),
    // Ratings given in the period (whenever the conversation started); its facts are joined only to apply filters.
    q.execute(sql`
      SELECT count(*) AS n, avg(s.rating) AS avg, count(*) FILTER (WHERE s.rating >= 4) AS satisfied FROM csat_surveys s
      ${hasFilters ? sql`JOIN conversation_facts f ON f.workspace_id = s.workspace_id AND f.conversation_id = s.conversation_id AND ${factsWhere(workspaceId, filter, { days: false })}` : sql``}
      WHERE s.workspace_id = ${workspaceId} AND s.rating IS NOT NULL
        AND s.answered_at >= ${localMidnight(filter.from, timeZone).toISOString()}::timestamptz AND s.answered_at < ${localMidnight(nextDay(filter.to), timeZone).toISOString()}::timestamptz`),
  ]);
  const [totals] = rowsOf<Record<string, unknown>>(totalsRows);
  const [next] = rowsOf<Record<string, unknown>>(nextRows);
  const [csat] = rowsOf<Record<string, unknown>>(csatRows);
  const honest = { bot: totals?.honest_bot, came_back: totals?.came_back };
  const messagesByDay = new Map(rowsOf<{ day: string; n: string }>(messages).map((m) => [m.day, num(m.n)]));
  const t = totals ?? {};
  const selfServiceResolved = await options.selfServiceResolved;
  return {
    conversations: num(t.n),
    volume: {
      byDay: rowsOf<{ day: string; n: string }>(byDay).map((d) => ({ day: d.day, conversations: num(d.n), customerMessages: messagesByDay.get(d.day) ?? 0 })),
      byChannel: rowsOf<{ channel: string; n: string }>(byChannel).map((c) => ({ channel: c.channel as Overview['volume']['byChannel'][number]['channel'], conversations: num(c.n) })),
      byHour: rowsOf<{ hour: number; n: string }>(byHour).map((h) => ({ hour: Number(h.hour), conversations: num(h.n) })),
    },
    responseTimes: { firstResponse: stat(t, 'frt'), nextResponse: stat(next ?? {}, 'nrt'), resolution: stat(t, 'res') },
    sla: {
      firstResponseMet: share(num(t.frt_measured) - num(t.frt_breached), num(t.frt_measured)),
      resolutionMet: share(num(t.res_measured) - num(t.res_breached), num(t.res_measured)),
      breaches: num(t.frt_breached) + num(t.res_breached),
    },
    csat: { responses: num(csat?.n), average: csat?.avg === null || csat?.avg === undefined ? null : Math.round(Number(csat.avg) * 100) / 100, satisfiedShare: share(num(csat?.satisfied), num(csat?.n)) },
    resolution: {
      windowDays,
      honest: { bot: num(honest.bot), selfService: selfServiceResolved, agent: num(t.loose_agent), cameBack: num(honest.came_back) },
      loose: { bot: num(t.loose_bot), agent: num(t.loose_agent) },
    },
    definitions: pick(['firstResponse', 'nextResponse', 'resolution', 'slaFirstResponseMet', 'slaResolutionMet', 'csatAverage', 'csatSatisfied', 'honestResolution', 'looseResolution']),
  };
}
