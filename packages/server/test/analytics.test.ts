// The dashboards' numbers on a small, hand-computed history: every figure below is worked out
// in the comment next to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, createWorkspace, call } from './harness.ts';

let now = new Date('2026-11-02T09:00:00Z');
const app = await startTestApp({ clock: () => now });
const at = (iso: string) => (now = new Date(iso));
const ws = await createWorkspace(app);
const token = ws.tokens.owner;

async function customerWrites(identity: { kind: string; value: string }, channel: string, body: string): Promise<string> {
  const res = await call(app, 'POST', '/api/v1/inbound-messages', { token, body: { channel, identity, body } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.conversation.id as string;
}
const reply = async (id: string, body: string) => assert.equal((await call(app, 'POST', `/api/v1/conversations/${id}/messages`, { token: ws.tokens.agent, body: { body } })).status, 201);
const resolve = async (id: string) => assert.equal((await call(app, 'PATCH', `/api/v1/conversations/${id}`, { token, body: { status: 'resolved' } })).status, 200);

// A (email): asks 09:00, answered 09:10 (600 s), asks again 09:20, answered 09:25 (300 s), resolved 09:30 (1800 s).
at('2026-11-02T09:00:00Z');
const a = await customerWrites({ kind: 'email', value: 'an@example.com' }, 'email', 'Where is my order?');
at('2026-11-02T09:10:00Z'); await reply(a, 'Shipped yesterday.');
at('2026-11-02T09:20:00Z'); await customerWrites({ kind: 'email', value: 'an@example.com' }, 'email', 'Which carrier?');
at('2026-11-02T09:25:00Z'); await reply(a, 'VNPost.');
at('2026-11-02T09:30:00Z'); await resolve(a);
// B (web): asks 10:00, answered 10:30 (1800 s), resolved 12:00 (7200 s).
at('2026-11-02T10:00:00Z');
const b = await customerWrites({ kind: 'email', value: 'binh@example.vn' }, 'web', 'Đổi size được không?');
at('2026-11-02T10:30:00Z'); await reply(b, 'Được ạ.');
at('2026-11-02T12:00:00Z'); await resolve(b);
// C (sms): asks 23:30, never answered, still open.
at('2026-11-02T23:30:00Z');
await customerWrites({ kind: 'phone', value: '+84901234567' }, 'sms', 'Alo?');

test('overview: volume, response and resolution times, resolution counts, from the facts the pass keeps', async () => {
  at('2026-11-03T08:00:00Z');
  await app.services.facts.refresh(ws.id);
  const res = await call(app, 'GET', '/api/v1/analytics/overview?from=2026-11-02&to=2026-11-02', { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const o = res.body;
  assert.equal(o.conversations, 3);
  assert.deepEqual(o.volume.byChannel.map((c: { channel: string; conversations: number }) => [c.channel, c.conversations]).sort(), [['email', 1], ['sms', 1], ['web', 1]]);
  assert.deepEqual(o.volume.byHour.map((h: { hour: number }) => h.hour), [9, 10, 23]);
  // Customer messages that day: A 2, B 1, C 1.
  assert.deepEqual(o.volume.byDay, [{ day: '2026-11-02', conversations: 3, customerMessages: 4 }]);
  // First responses [600, 1800]: median (600+1800)/2 = 1200, p90 = 600 + 0.9 × 1200 = 1680.
  assert.deepEqual(o.responseTimes.firstResponse, { count: 2, median: 1200, p90: 1680 });
  assert.deepEqual(o.responseTimes.nextResponse, { count: 1, median: 300, p90: 300 });
  // Resolutions [1800, 7200]: median 4500, p90 = 1800 + 0.9 × 5400 = 6660.
  assert.deepEqual(o.responseTimes.resolution, { count: 2, median: 4500, p90: 6660 });
  assert.deepEqual(o.resolution.loose, { bot: 0, agent: 2 });
  assert.equal(o.resolution.honest.agent, 2);
  assert.ok(o.definitions.firstResponse.length > 20, 'the definition is published with the number');
});

test('a filter narrows every figure: only the web conversation', async () => {
  const o = (await call(app, 'GET', '/api/v1/analytics/overview?from=2026-11-02&to=2026-11-02&channel=web', { token })).body;
  assert.equal(o.conversations, 1);
  assert.deepEqual(o.responseTimes.firstResponse, { count: 1, median: 1800, p90: 1800 });
});

test('the satisfaction survey is asked after the delay, a bare "2" answers it without reopening, and it reaches the feedback inbox', async () => {
  at('2026-11-03T09:00:00Z');
  await app.services.csat.pass(ws.id);
  const thread = (await call(app, 'GET', `/api/v1/conversations/${a}/messages?limit=50`, { token })).body.items as Array<{ author: string; body: string; channel: string }>;
  const question = thread.at(-1)!;
  assert.equal(question.author, 'bot');
  assert.equal(question.channel, 'email');
  assert.match(question.body, /\/csat\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{32}/);
  await customerWrites({ kind: 'email', value: 'an@example.com' }, 'email', ' 2 ');
  const conversation = (await call(app, 'GET', `/api/v1/conversations/${a}`, { token })).body;
  assert.equal(conversation.status, 'resolved', 'a survey answer does not reopen');
  const csat = (await call(app, 'GET', `/api/v1/conversations/${a}/csat`, { token })).body;
  assert.deepEqual([csat.status, csat.rating], ['answered', 2]);
  const feedback = (await call(app, 'GET', '/api/v1/feedback?kind=csat', { token })).body;
  assert.deepEqual(feedback.items.map((i: { conversationId: string; rating: number }) => [i.conversationId, i.rating]), [[a, 2]]);
  // Ratings count on the day they are given: 3 November, not the conversation's 2 November.
  const given = (await call(app, 'GET', '/api/v1/analytics/overview?from=2026-11-03&to=2026-11-03', { token })).body;
  assert.deepEqual(given.csat, { responses: 1, average: 2, satisfiedShare: 0 });
  const before = (await call(app, 'GET', '/api/v1/analytics/overview?from=2026-11-02&to=2026-11-02&channel=email', { token })).body;
  assert.equal(before.csat.responses, 0);
});

test('the survey page answers once, in Persian when asked for, and a second answer is refused', async () => {
  at('2026-11-03T12:00:00Z');
  await app.services.csat.pass(ws.id);
  const question = ((await call(app, 'GET', `/api/v1/conversations/${b}/messages?limit=50`, { token })).body.items as Array<{ body: string }>).at(-1)!;
  const path = /\/csat\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{32}/.exec(question.body)![0];
  const page = await app.http.inject({ method: 'GET', url: path, headers: { 'accept-language': 'fa' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<html lang="fa" dir="rtl">/);
  const answer = await app.http.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'rating=5&comment=%D8%B9%D8%A7%D9%84%DB%8C' });
  assert.equal(answer.statusCode, 200);
  const again = await app.http.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'rating=1' });
  assert.equal(again.statusCode, 409);
  const csat = (await call(app, 'GET', `/api/v1/conversations/${b}/csat`, { token })).body;
  assert.deepEqual([csat.rating, csat.comment], [5, 'عالی']);
  assert.equal((await app.http.inject({ method: 'GET', url: path.replace(/.{4}$/, 'AAAA') })).statusCode, 404);
});

test('staffing puts arrivals in their weekday and half hour; agents may not read analytics', async () => {
  const s = (await call(app, 'GET', '/api/v1/analytics/staffing?from=2026-11-02&to=2026-11-02', { token })).body;
  // 2026-11-02 is a Monday (1): arrivals at 09:00, 10:00 and 23:30 UTC, one day in range.
  const busy = s.intervals.filter((i: { arrivals: number }) => i.arrivals > 0).map((i: { weekday: number; slot: number; arrivals: number }) => [i.weekday, i.slot, i.arrivals]);
  assert.deepEqual(busy, [[1, 18, 1], [1, 20, 1], [1, 47, 1]]);
  assert.equal((await call(app, 'GET', '/api/v1/analytics/overview?from=2026-11-02&to=2026-11-02', { token: ws.tokens.agent })).status, 403);
  assert.equal((await call(app, 'GET', '/api/v1/analytics/overview?from=2026-11-03&to=2026-11-02', { token })).status, 400);
});
