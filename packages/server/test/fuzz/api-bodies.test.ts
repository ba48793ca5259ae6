// Property: whatever JSON reaches a write route, the answer is a 2xx or a 4xx problem document
// with a stable code, never a 5xx; and a refused request leaves the workspace exactly as it was.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { call, createWorkspace, startTestApp, type TestApp, type TestWorkspace } from '../harness.ts';
import { checkProperty } from './fuzz-settings.ts';
import { bodyFor } from './json-mutations.ts';
import { changedTables, createSnapshotter, settle } from './workspace-snapshot.ts';

const app = await startTestApp();
const snapshot = await createSnapshotter(app);
const ws = await createWorkspace(app);

interface Fixture {
  ws: TestWorkspace;
  conversationId: string;
  customerId: string;
  articleId: string;
  widgetToken: string;
}

async function fixture(): Promise<Fixture> {
  const ok = (res: { status: number; body: any }, what: string) => (assert.ok(res.status < 300, `${what}: ${JSON.stringify(res.body)}`), res.body);
  ok(await call(app, 'PUT', '/api/v1/kb/categories/accounts', { token: ws.tokens.admin, body: { names: { en: 'Accounts' } } }), 'category');
  const article = ok(await call(app, 'POST', '/api/v1/kb/articles', { token: ws.tokens.admin, body: validArticle() }), 'article');
  const inbound = ok(await call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: validInbound() }), 'inbound');
  const session = ok(await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { name: 'Visitor' } }), 'session');
  return { ws, conversationId: inbound.conversation.id, customerId: inbound.conversation.customerId, articleId: article.id, widgetToken: session.token };
}

const validInbound = (u: string = randomUUID()) => ({ channel: 'email', identity: { kind: 'email', value: 'fuzz@example.com' }, body: 'hello', idempotencyKey: `k-${u}` });
const validArticle = (u: string = randomUUID()) => ({ key: `a-${u.slice(0, 8)}`, locale: 'en', title: 'Reset your password', summary: 'Get back in.', category: 'accounts', sampleQuestions: ['forgot password'], body: '## Steps\n\n1. Click **Forgot**.' });
const text = { en: 'Hello', vi: 'Xin chào' };

interface Route {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH';
  url: (f: Fixture) => string;
  token: (f: Fixture) => string | undefined;
  /** A body the route accepts; `u` is a fresh UUID per run, for keys that must be unique. */
  valid: (f: Fixture, u: string) => unknown;
  runs: number;
}

// A sample of write routes across features: messages, customers, knowledge base, bot, proactive, segments, widget.
const ROUTES: Route[] = [
  { name: 'POST /inbound-messages', method: 'POST', url: () => '/api/v1/inbound-messages', token: (f) => f.ws.tokens.agent, valid: (_f, u) => validInbound(u), runs: 60 },
  { name: 'POST /conversations/:id/messages', method: 'POST', url: (f) => `/api/v1/conversations/${f.conversationId}/messages`, token: (f) => f.ws.tokens.agent, valid: (_f, u) => ({ body: 'reply', private: false, content: { quickReplies: [{ label: 'Yes', value: 'yes' }] }, idempotencyKey: `k-${u}` }), runs: 60 },
  { name: 'POST /conversations', method: 'POST', url: () => '/api/v1/conversations', token: (f) => f.ws.tokens.agent, valid: (f) => ({ customerId: f.customerId, subject: 'Order', channel: 'email', message: { body: 'hi' } }), runs: 40 },
  { name: 'PATCH /conversations/:id', method: 'PATCH', url: (f) => `/api/v1/conversations/${f.conversationId}`, token: (f) => f.ws.tokens.agent, valid: () => ({ status: 'open', priority: 'high', labels: ['vip', 'order'], language: 'vi' }), runs: 40 },
  { name: 'POST /customers', method: 'POST', url: () => '/api/v1/customers', token: (f) => f.ws.tokens.agent, valid: (_f, u) => ({ name: 'Lan', attributes: { tier: 'gold', orders: 3 }, identities: [{ kind: 'email', value: `${u}@example.com` }, { kind: 'phone', value: `+849${parseInt(u.slice(0, 7), 16) % 100_000_000}`.padEnd(12, '0') }] }), runs: 50 },
  { name: 'PATCH /customers/:id', method: 'PATCH', url: (f) => `/api/v1/customers/${f.customerId}`, token: (f) => f.ws.tokens.agent, valid: () => ({ name: 'Lan N.', attributes: { tier: null, city: 'Huế' } }), runs: 40 },
  { name: 'POST /kb/articles', method: 'POST', url: () => '/api/v1/kb/articles', token: (f) => f.ws.tokens.admin, valid: (_f, u) => validArticle(u), runs: 40 },
  { name: 'PATCH /kb/articles/:id', method: 'PATCH', url: (f) => `/api/v1/kb/articles/${f.articleId}`, token: (f) => f.ws.tokens.admin, valid: () => ({ title: 'New title', body: 'New *body*', sampleQuestions: ['a', 'b'] }), runs: 40 },
  { name: 'PUT /bot/intents/:key', method: 'PUT', url: () => '/api/v1/bot/intents/greeting', token: (f) => f.ws.tokens.admin, valid: () => ({ title: { en: 'Hello' }, phrases: { en: ['hello', 'hi there', 'good morning'] }, answer: 'reply', reply: { en: 'Hello!' } }), runs: 25 },
  {
    name: 'PUT /bot/flows/:key', method: 'PUT', url: () => '/api/v1/bot/flows/order', token: (f) => f.ws.tokens.admin, runs: 40,
    valid: () => ({ key: 'order', title: text, start: 'ask', steps: [
      { id: 'ask', kind: 'question', slot: 'email', slotKind: 'email', text, retryText: text, maxAttempts: 2, next: 'pick' },
      { id: 'pick', kind: 'choice', text: { en: 'For {{slots.email}}?' }, choices: [{ value: 'yes', label: text, next: 'check' }, { value: 'no', label: text, next: 'bye' }] },
      { id: 'check', kind: 'condition', branches: [{ when: { source: 'attribute', name: 'tier', op: 'equals', value: 'gold' }, next: 'person' }], otherwise: 'bye' },
      { id: 'person', kind: 'handoff', reason: 'vip', text },
      { id: 'bye', kind: 'end', text },
    ] }),
  },
  {
    name: 'PUT /kb/guides/:key', method: 'PUT', url: () => '/api/v1/kb/guides/login-help', token: (f) => f.ws.tokens.admin, runs: 40,
    valid: () => ({ key: 'login-help', title: text, start: 'a', steps: [{ id: 'a', text, choices: [{ label: text, next: 'b' }, { label: text, next: 'c' }] }, { id: 'b', text, end: { kind: 'resolved', message: text } }, { id: 'c', text, end: { kind: 'handoff', message: text } }] }),
  },
  {
    name: 'POST /proactive/rules', method: 'POST', url: () => '/api/v1/proactive/rules', token: (f) => f.ws.tokens.admin, runs: 40,
    valid: () => ({ name: 'Pricing help', trigger: { kind: 'time_on_page', seconds: 20, urlPattern: '/pricing*' }, action: { kind: 'bot_message', text: { en: 'Questions?', fa: 'سؤالی دارید؟' }, quickReplies: [{ en: 'Compare plans' }] } }),
  },
  { name: 'PUT /segments/:key', method: 'PUT', url: () => '/api/v1/segments/gold', token: (f) => f.ws.tokens.admin, valid: () => ({ name: { en: 'Gold', vi: 'Vàng' }, rule: { all: [{ field: 'attributes.tier', op: 'equals', value: 'gold' }, { field: 'attributes.orders', op: 'gt', value: 2 }] } }), runs: 40 },
  { name: 'POST /segments/preview', method: 'POST', url: () => '/api/v1/segments/preview', token: (f) => f.ws.tokens.admin, valid: () => ({ rule: { any: [{ field: 'attributes.tier', op: 'in', value: ['gold', 'silver'] }] } }), runs: 30 },
  { name: 'POST /widget/:ws/sessions', method: 'POST', url: (f) => `/api/v1/widget/${f.ws.id}/sessions`, token: () => undefined, valid: () => ({ name: 'Visitor', locale: 'vi', consent: { behaviour: true } }), runs: 40 },
  { name: 'POST /widget/:ws/messages', method: 'POST', url: (f) => `/api/v1/widget/${f.ws.id}/messages`, token: (f) => f.widgetToken, valid: (_f, u) => ({ body: 'Tôi cần giúp', idempotencyKey: `k-${u}` }), runs: 60 },
];

async function send(test: TestApp, route: Route, f: Fixture, body: unknown, remoteAddress: string) {
  const token = route.token(f);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const response = await test.http.inject({
    method: route.method,
    url: route.url(f),
    remoteAddress,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });
  return response;
}

describe('write routes under arbitrary JSON bodies', async () => {
  const f = await fixture();
  // The session route is limited per client address: each run comes from its own.
  const address = fc.tuple(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(([a, b, c]) => `10.${a}.${b}.${c}`);

  for (const route of ROUTES) {
    it(`${route.name} answers 2xx or a 4xx problem, and a 4xx changes nothing`, { timeout: 60_000 }, async (t) => {
      const seen = { ok: 0, refused: 0 };
      // Taken again only after a success: a refusal must leave it as it was.
      let baseline: Awaited<ReturnType<typeof snapshot>> | null = null;
      await checkProperty(t, fc.asyncProperty(bodyFor(fc.uuid().map((u) => route.valid(f, u))), address, async (body, remoteAddress) => {
        await settle(app);
        baseline ??= await snapshot(f.ws.id);
        const response = await send(app, route, f, body, remoteAddress);
        const status = response.statusCode;
        assert.ok(status < 500, `${status} ${response.body}`);
        if (status < 400) {
          seen.ok++;
          baseline = null;
          return;
        }
        seen.refused++;
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
        const problem = response.json() as { code?: unknown; status?: unknown };
        assert.equal(typeof problem.code, 'string', response.body);
        assert.equal(problem.status, status);
        await settle(app);
        const after = await snapshot(f.ws.id);
        assert.deepEqual(changedTables(baseline, after), [], `${status} ${String(problem.code)} changed something`);
      }), route.runs);
      t.diagnostic(`2xx: ${seen.ok}, 4xx: ${seen.refused}`);
    });
  }

  it('a body that is not JSON at all is refused with a problem, never a 5xx', { timeout: 60_000 }, async (t) => {
    const raw = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)), fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)));
    const contentType = fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '');
    await checkProperty(t, fc.asyncProperty(raw, contentType, fc.constantFrom(...ROUTES.filter((r) => r.method === 'POST')), async (payload, type, route) => {
      const token = route.token(f);
      const response = await app.http.inject({ method: route.method, url: route.url(f), payload, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(type ? { 'content-type': type } : {}) } });
      assert.ok(response.statusCode < 500, `${response.statusCode} ${response.body}`);
      if (response.statusCode >= 400) assert.equal(typeof response.json().code, 'string', response.body);
    }), 100);
  });

  // Found by the properties above: PostgreSQL cannot store either, so they failed at the database (500).
  it('a NUL or half a surrogate pair anywhere in a JSON body is a 400 that stores nothing', async () => {
    for (const text of ['a\u0000b', 'a\ud800b', '\udc00']) {
      for (const body of [{ ...validInbound(), body: text }, { name: 'x', attributes: { [text]: 1 } }]) {
        const url = 'name' in body ? '/api/v1/customers' : '/api/v1/inbound-messages';
        const before = await snapshot(f.ws.id);
        const res = await call(app, 'POST', url, { token: f.ws.tokens.agent, body });
        assert.deepEqual([res.status, res.body.code], [400, 'request.invalid'], JSON.stringify(res.body));
        assert.deepEqual(changedTables(before, await snapshot(f.ws.id)), []);
      }
    }
  });
});
