import { sql } from 'drizzle-orm';
import type { AnalyticsQuery, SelfService } from '@tandem/protocol';
import { botContainment, METRIC_DEFINITIONS, SELF_SERVICE_WINDOW_HOURS, share } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { factsWhere, localMidnight, nextDay, num } from './analytics-filter.ts';

const localDay = (column: string, timeZone: string) => sql`(${sql.raw(column)} AT TIME ZONE ${timeZone})::date`;

/**
 * Widget search sessions (a customer's searches on one local day) and how many had no conversation
 * within 24 hours: core's `selfServiceSessions`, counted by the database so no session row travels.
 */
export async function searchSessions(q: Queryable, workspaceId: string, filter: AnalyticsQuery, timeZone: string, now: Date) {
  const settled = new Date(now.getTime() - SELF_SERVICE_WINDOW_HOURS * 3_600_000).toISOString();
  const [row] = rowsOf<{ sessions: string; resolved: string }>(await q.execute(sql`
    WITH s AS (
      SELECT customer_id, min(created_at) AS started_at FROM kb_searches
      WHERE workspace_id = ${workspaceId} AND customer_id IS NOT NULL
        AND created_at >= ${localMidnight(filter.from, timeZone).toISOString()}::timestamptz AND created_at < ${localMidnight(nextDay(filter.to), timeZone).toISOString()}::timestamptz
      GROUP BY customer_id, ${localDay('created_at', timeZone)})
    SELECT count(*) AS sessions,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM conversation_facts f WHERE f.workspace_id = ${workspaceId} AND f.customer_id = s.customer_id
        AND f.created_at >= s.started_at AND f.created_at < s.started_at + ${SELF_SERVICE_WINDOW_HOURS} * interval '1 hour')) AS resolved
    FROM s WHERE s.started_at <= ${settled}::timestamptz`));
  const sessions = num(row?.sessions);
  const resolved = num(row?.resolved);
  return { sessions, resolved, rate: share(resolved, sessions) };
}

/** Help center, guides, widget search sessions and the bot, over the filter's days. */
export async function selfService(q: Queryable, workspaceId: string, filter: AnalyticsQuery, timeZone: string, now: Date): Promise<SelfService> {
  // Whole local days as an instant range, so the created_at indexes serve it.
  const from = localMidnight(filter.from, timeZone).toISOString();
  const to = localMidnight(nextDay(filter.to), timeZone).toISOString();
  const inRange = (column: string) => sql`${sql.raw(column)} >= ${from}::timestamptz AND ${sql.raw(column)} < ${to}::timestamptz`;
  const [searchRows, zeroRows, articleRows, guideRows, botRows, sessions] = await Promise.all([
    q.execute(sql`
    SELECT count(*) AS n, count(*) FILTER (WHERE cardinality(result_ids) = 0) AS zero FROM kb_searches WHERE workspace_id = ${workspaceId} AND ${inRange('created_at')}`),
    q.execute(sql`
    SELECT lower(trim(normalize(query, NFC))) AS query, count(*) AS n FROM kb_searches
    WHERE workspace_id = ${workspaceId} AND cardinality(result_ids) = 0 AND ${inRange('created_at')}
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`),
    q.execute(sql`
    SELECT d.article_id, a.title, sum(d.views) AS views,
      (SELECT count(*) FROM kb_feedback k WHERE k.workspace_id = d.workspace_id AND k.article_id = d.article_id AND k.helpful AND ${inRange('k.created_at')}) AS helpful,
      (SELECT count(*) FROM kb_feedback k WHERE k.workspace_id = d.workspace_id AND k.article_id = d.article_id AND NOT k.helpful AND ${inRange('k.created_at')}) AS not_helpful,
      (SELECT count(DISTINCT s.id) FROM kb_searches s JOIN conversation_facts f ON f.workspace_id = s.workspace_id AND f.customer_id = s.customer_id
        AND f.created_at BETWEEN s.created_at AND s.created_at + interval '24 hours'
        WHERE s.workspace_id = d.workspace_id AND s.clicked_id = d.article_id AND ${inRange('s.created_at')}) AS followed
    FROM kb_article_daily d JOIN kb_articles a ON a.workspace_id = d.workspace_id AND a.id = d.article_id
    WHERE d.workspace_id = ${workspaceId} AND d.day BETWEEN ${filter.from}::date AND ${filter.to}::date
    GROUP BY d.workspace_id, d.article_id, a.title ORDER BY views DESC, a.title LIMIT 20`),
    q.execute(sql`
    SELECT e.guide_id, coalesce(g.definition->'title'->>'en', g.definition->'title'->>'vi', g.definition->'title'->>'fa', g.key) AS title, count(DISTINCT e.run_id) FILTER (WHERE e.event = 'started') AS started, count(DISTINCT e.run_id) FILTER (WHERE e.event = 'completed') AS completed
    FROM kb_guide_events e JOIN kb_guides g ON g.workspace_id = e.workspace_id AND g.id = e.guide_id
    WHERE e.workspace_id = ${workspaceId} AND ${inRange('e.created_at')}
    GROUP BY e.guide_id, g.definition, g.key ORDER BY started DESC LIMIT 20`),
    q.execute(sql`SELECT f.bot_handled, f.handed_off, f.status = 'resolved' AS resolved FROM conversation_facts f WHERE ${factsWhere(workspaceId, filter)} AND f.bot_handled`),
    searchSessions(q, workspaceId, filter, timeZone, now),
  ]);
  const [searches] = rowsOf<Record<string, unknown>>(searchRows);
  const zeroQueries = rowsOf<{ query: string; n: string }>(zeroRows);
  const articles = rowsOf<Record<string, unknown>>(articleRows);
  const guides = rowsOf<Record<string, unknown>>(guideRows);
  const bot = rowsOf<{ bot_handled: boolean; handed_off: boolean; resolved: boolean }>(botRows);
  return {
    helpCenter: { articleViews: articles.reduce((sum, a) => sum + num(a.views), 0), searches: num(searches?.n), zeroResultSearches: num(searches?.zero) },
    topZeroResultQueries: zeroQueries.map((z) => ({ query: z.query, count: num(z.n) })),
    articles: articles.map((a) => ({ articleId: String(a.article_id), title: String(a.title), views: num(a.views), helpful: num(a.helpful), notHelpful: num(a.not_helpful), followedByConversation: num(a.followed) })),
    guides: guides.map((g) => ({ guideId: String(g.guide_id), title: String(g.title), started: num(g.started), completed: num(g.completed) })),
    selfServiceRate: sessions,
    botContainment: botContainment(bot.map((b) => ({ botHandled: b.bot_handled, handedOff: b.handed_off, resolved: b.resolved }))),
    definitions: Object.fromEntries(['selfServiceRate', 'botContainment', 'zeroResultSearches', 'articleHelpfulness', 'guideCompletion'].map((id) => [id, (METRIC_DEFINITIONS as Record<string, string>)[id] ?? ''])),
  };
}
