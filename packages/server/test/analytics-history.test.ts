// The dashboards over generated weeks of history: every view answers, and its totals agree with
// counts taken straight from the tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { startTestApp, createWorkspace, call } from './harness.ts';
import { rowsOf } from '../src/adapters/postgres/database.ts';
import { generateHistory } from '../src/admin/history/generate-history.ts';
import { seededRandom } from '../src/admin/history/history-shape.ts';
import { selfServiceSessions } from '@tandem/core';

const now = new Date('2026-11-30T12:00:00Z');
const app = await startTestApp({ clock: () => now });
const ws = await createWorkspace(app);
const token = ws.tokens.owner;
assert.equal((await call(app, 'PUT', '/api/v1/kb/categories/general', { token, body: { names: { en: 'General' } } })).status, 200);
const article = await app.services.articles.create(ws.id, { key: 'returns', locale: 'en', title: 'Returns', summary: '', category: 'general', tags: [], sampleQuestions: [], related: [], status: 'published', body: 'Send it back within 30 days.' }, null);
const generated = await generateHistory(app.deps.db, {
  workspaceId: ws.id, now, days: 14, conversationsPerDay: 20, customers: 150, agentIds: [ws.agentIds.agent, ws.agentIds.admin], teamIds: [],
  articles: [{ id: article.id, key: article.key, title: article.title }], guideIds: [], utcOffsetHours: 0, random: seededRandom(7), newId: app.deps.ids,
});
while ((await app.services.facts.refresh(ws.id, 10)) > 0);
const range = 'from=2026-11-16&to=2026-11-29';

test('every conversation of the range is counted once, and channels add up to the total', async () => {
  const [counted] = rowsOf<{ n: string }>(await app.deps.db.execute(sql`
    SELECT count(*) AS n FROM conversations WHERE workspace_id = ${ws.id} AND created_at >= '2026-11-16T00:00:00Z' AND created_at < '2026-11-30T00:00:00Z'`));
  const o = (await call(app, 'GET', `/api/v1/analytics/overview?${range}`, { token })).body;
  assert.ok(generated.conversations > 200);
  assert.equal(o.conversations, Number(counted!.n));
  assert.equal(o.volume.byChannel.reduce((sum: number, c: { conversations: number }) => sum + c.conversations, 0), o.conversations);
  assert.equal(o.volume.byDay.length, 14);
  assert.ok(o.csat.responses > 0 && o.csat.average >= 1 && o.csat.average <= 5);
  assert.ok(o.resolution.loose.bot >= o.resolution.honest.bot, 'honest never counts more than loose');
});

test('the self-service rate the database counts is the one core defines, over the same sessions', async () => {
  const rows = rowsOf<{ started_at: string; conversation_at: string | null }>(await app.deps.db.execute(sql`
    SELECT s.started_at, (SELECT min(f.created_at) FROM conversations f WHERE f.workspace_id = ${ws.id} AND f.customer_id = s.customer_id
      AND f.created_at >= s.started_at AND f.created_at < s.started_at + interval '24 hours') AS conversation_at
    FROM (SELECT customer_id, min(created_at) AS started_at FROM kb_searches WHERE workspace_id = ${ws.id} AND customer_id IS NOT NULL
      AND created_at >= '2026-11-16T00:00:00Z' AND created_at < '2026-11-30T00:00:00Z' GROUP BY customer_id, (created_at AT TIME ZONE 'UTC')::date) s`));
  const expected = selfServiceSessions(rows.map((r) => ({ startedAt: new Date(r.started_at), searched: true, readArticle: false, conversationStartedAt: r.conversation_at ? new Date(r.conversation_at) : null })), now);
  const s = (await call(app, 'GET', `/api/v1/analytics/self-service?${range}`, { token })).body;
  assert.ok(expected.sessions > 50);
  assert.deepEqual(s.selfServiceRate, expected);
});

test('self-service, journeys, staffing and agents answer with consistent shapes', async () => {
  const s = (await call(app, 'GET', `/api/v1/analytics/self-service?${range}`, { token })).body;
  assert.ok(s.helpCenter.searches >= s.helpCenter.zeroResultSearches && s.helpCenter.zeroResultSearches > 0);
  assert.ok(s.topZeroResultQueries.length > 0);
  assert.ok(s.botContainment.botConversations >= s.botContainment.contained);
  const j = (await call(app, 'GET', `/api/v1/analytics/journeys?${range}`, { token })).body;
  const nodes = new Set(j.sankey.nodes.map((n: { id: string }) => n.id));
  assert.ok(j.sankey.links.length > 0 && j.sankey.links.every((l: { source: string; target: string }) => nodes.has(l.source) && nodes.has(l.target)));
  assert.ok(j.handoffReasons.length > 0);
  const st = (await call(app, 'GET', `/api/v1/analytics/staffing?${range}`, { token })).body;
  assert.equal(st.intervals.length, 7 * 48);
  assert.ok(st.intervals.some((i: { agentsNeeded: number }) => i.agentsNeeded > 0));
  const agents = (await call(app, 'GET', `/api/v1/analytics/agents?${range}`, { token })).body;
  assert.equal(agents.items.length, 2);
});

test('the feedback inbox pages through low ratings without repeats, and a conversation becomes a draft article', async () => {
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const res = await call(app, 'GET', `/api/v1/feedback?kind=csat&limit=5${cursor ? `&cursor=${cursor}` : ''}`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    for (const item of res.body.items as Array<{ id: string; rating: number }>) {
      assert.ok(item.rating <= 3);
      assert.ok(!seen.has(item.id), 'no item twice');
      seen.add(item.id);
    }
    cursor = res.body.nextCursor;
  } while (cursor);
  const [low] = rowsOf<{ n: string }>(await app.deps.db.execute(sql`SELECT count(*) AS n FROM csat_surveys WHERE workspace_id = ${ws.id} AND rating <= 3`));
  assert.equal(seen.size, Number(low!.n));
  assert.equal((await call(app, 'GET', '/api/v1/feedback?cursor=garbage', { token })).status, 400);
  const conversationId = [...seen][0]!;
  const draft = await call(app, 'POST', '/api/v1/feedback/article-drafts', { token, body: { conversationId } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const created = (await call(app, 'GET', `/api/v1/kb/articles/${draft.body.articleId}`, { token })).body;
  assert.deepEqual([created.status, created.category], ['draft', 'general']);
});
