// Property: any URL (path segments, query strings) on the public pages and the list endpoints,
// and any form posted to the server-rendered pages (help-center feedback, satisfaction survey),
// gets a page, a redirect or a 4xx, never a 5xx.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { insertSurveys } from '../../src/features/csat/csat.store.ts';
import { call, createWorkspace, type TestApp } from '../harness.ts';
import { checkProperty, fuzzTimeout, nastyString } from './fuzz-settings.ts';

/** Registers this file's properties against a running test app. */
export async function publicPageProperties(app: TestApp): Promise<void> {
  const ws = await createWorkspace(app);
  await call(app, 'PUT', '/api/v1/kb/categories/accounts', { token: ws.tokens.admin, body: { names: { en: 'Accounts' } } });
  const article = await call(app, 'POST', '/api/v1/kb/articles', { token: ws.tokens.admin, body: { key: 'reset', locale: 'en', title: 'Reset', category: 'accounts', body: 'Steps.' } });
  assert.equal(article.status, 201, JSON.stringify(article.body));

  // A URL component: usually percent-encoded text, sometimes raw escapes a client should not send.
  const component = fc.oneof(
    { weight: 4, arbitrary: nastyString(30).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'))) },
    { weight: 1, arbitrary: fc.constantFrom('%00', 'a%00b', '%ZZ', '%', '%C3', '%ED%A0%80', '..', '%2e%2e', '%2F', 'reset', ws.slug, 'en', 'fa', '') },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('reset', 'a', 'en', '1', 'yes'), fc.constantFrom('%00', '%07', '%E2%80%AE', '%0D%0A')).map(([s, c]) => s + c) },
  );
  const query = (keys: string[]) => fc.array(fc.tuple(fc.constantFrom(...keys), component), { minLength: 1, maxLength: 3 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
  const page = fc.tuple(fc.constantFrom(
    (c: string) => `/help/${c}`,
    (c: string) => `/help/${ws.slug}/${c}`,
    (c: string) => `/help/${ws.slug}/en/articles/${c}`,
    (c: string) => `/help/${ws.slug}/en/categories/${c}`,
    (c: string) => `/help/${ws.slug}/en/guides/${c}`,
    (c: string) => `/csat/${ws.id}/${c}`,
    (c: string) => `/unsubscribe/${ws.id}/${c}`,
    (c: string) => `/api/v1/widget/${c}/config`,
  ), component).map(([path, c]) => path(c));
  const list = fc.oneof(
    query(['q', 'thanks', 'search']).map((q) => `/help/${ws.slug}/en/search?${q}`),
    query(['identity', 'cursor', 'limit']).map((q) => `/api/v1/customers?${q}`),
    query(['status', 'cursor', 'limit', 'assigneeId', 'label']).map((q) => `/api/v1/conversations?${q}`),
    query(['locale', 'status', 'category', 'cursor']).map((q) => `/api/v1/kb/articles?${q}`),
    query(['from', 'to', 'channel']).map((q) => `/api/v1/analytics/overview?${q}`),
  );
  const url = fc.oneof(page, list);

  describe('public pages and list endpoints under random URLs and forms', () => {
    it('any URL gets a page, a redirect or a 4xx, never a 5xx', { timeout: fuzzTimeout() }, async (t) => {
      const statuses: Record<number, number> = {};
      await checkProperty(t, fc.asyncProperty(url, async (target) => {
        const res = await app.http.inject({ method: 'GET', url: target, headers: { authorization: `Bearer ${ws.tokens.agent}` } });
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        assert.ok(res.statusCode < 500, `${target}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }), 200);
      t.diagnostic(`statuses: ${JSON.stringify(statuses)}`);
    });

    it('any help-center feedback form gets a page or a redirect, never a 5xx', { timeout: fuzzTimeout() }, async (t) => {
      const field = (name: string, value: fc.Arbitrary<string>) => fc.option(value.map((v) => `${name}=${v}`), { freq: 4 });
      const form = fc.tuple(field('helpful', fc.oneof(fc.constantFrom('yes', 'no'), component)), field('comment', component), field('x', component))
        .map((fields) => fields.filter((f) => f !== null).join('&'));
      await checkProperty(t, fc.asyncProperty(form, async (payload) => {
        const res = await app.http.inject({ method: 'POST', url: `/help/${ws.slug}/en/articles/reset/feedback`, payload, remoteAddress: `10.9.${payload.length % 250}.${(payload.charCodeAt(0) || 1) % 250}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        assert.ok(res.statusCode < 500, `${payload}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }), 100);
    });

    // Found by the properties above: a NUL in a query value, a path key or a comment reached a
    // database query, which refused it (a 500).
    it('a NUL in a URL or a form comment is refused or ignored, never a 5xx', async () => {
      for (const target of ['/api/v1/customers?identity=a%00', `/help/${ws.slug}/en/guides/a%00`]) {
        const res = await app.http.inject({ method: 'GET', url: target, headers: { authorization: `Bearer ${ws.tokens.agent}` } });
        assert.equal(res.statusCode, 400, `${target}: ${res.body}`);
      }
      const feedback = await app.http.inject({ method: 'POST', url: `/help/${ws.slug}/en/articles/reset/feedback`, payload: 'helpful=no&comment=a%00b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.ok(feedback.statusCode < 500, feedback.body);
    });

    it('a NUL in a satisfaction-survey comment is dropped and the answer is stored', async () => {
      const inbound = await call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: 'csat@example.com' }, body: 'hi', idempotencyKey: `k-${randomUUID()}` } });
      const token = 'fuzz-survey-token-0123456789abcdef';
      await insertSurveys(app.deps.db, [{
        workspaceId: ws.id, conversationId: inbound.body.conversation.id, customerId: inbound.body.conversation.customerId, agentId: null, channel: 'email', status: 'asked',
        tokenHash: createHash('sha256').update(token).digest('hex'), handedOff: false, dueAt: new Date(), askedAt: new Date(), createdAt: new Date(),
      }]);
      const answer = await app.http.inject({ method: 'POST', url: `/csat/${ws.id}/${token}`, payload: 'rating=4&comment=ok%00', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(answer.statusCode, 200, answer.body.slice(0, 300));
      const csat = await call(app, 'GET', `/api/v1/conversations/${inbound.body.conversation.id}/csat`, { token: ws.tokens.agent });
      assert.deepEqual([csat.body.rating, csat.body.comment], [4, 'ok']);
    });
  });
}
