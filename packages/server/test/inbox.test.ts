// The console's conversation list through the API: previews, who is waiting on us, SLA deadlines,
// filters, pagination and isolation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

let now = Date.parse('2026-12-07T09:00:00Z');
const app = await startTestApp({ clock: () => new Date(now) });
const minutes = (n: number) => { now += n * 60_000; };
const iso = (ms: number) => new Date(ms).toISOString();

interface Row {
  conversation: { id: string; status: string; customerId: string; handler: string };
  customer: { id: string; name: string | null; email: string | null; segments: string[] };
  preview: { body: string; author: string; private: boolean; createdAt: string } | null;
  waitingSince: string | null;
  slaDueAt: string | null;
  slaBreached: boolean;
}

async function customerWrites(ws: TestWorkspace, email: string, body: string, extra: Record<string, unknown> = {}) {
  const res = await call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: email }, body, idempotencyKey: `k-${randomUUID()}`, ...extra } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.conversation.id as string;
}

async function agentWrites(ws: TestWorkspace, conversationId: string, body: string, isPrivate = false) {
  const res = await call(app, 'POST', `/api/v1/conversations/${conversationId}/messages`, { token: ws.tokens.agent, body: { body, private: isPrivate } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

async function rowOf(ws: TestWorkspace, conversationId: string): Promise<Row> {
  const res = await call(app, 'GET', `/api/v1/inbox/${conversationId}`, { token: ws.tokens.agent });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as Row;
}

async function listAll(ws: TestWorkspace, query: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (let cursor: string | null = null, pages = 0; pages === 0 || cursor; pages++) {
    const res = await call(app, 'GET', `/api/v1/inbox?${query}${cursor ? `&cursor=${cursor}` : ''}`, { token: ws.tokens.agent });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    rows.push(...res.body.items);
    cursor = res.body.nextCursor;
  }
  return rows;
}

describe('inbox rows', () => {
  it('a row shows the customer and the latest message on one line, a Persian reply or a private note included', async () => {
    const ws = await createWorkspace(app);
    const id = await customerWrites(ws, 'sara@example.com', 'Where is my order?', { customerName: 'Sara' });
    minutes(1);
    await agentWrites(ws, id, '  سلام سارا،\n\nسفارش شما   فردا می‌رسد.  ');
    const row = await rowOf(ws, id);
    assert.deepEqual(row.customer, { id: row.conversation.customerId, name: 'Sara', email: 'sara@example.com', segments: [] });
    assert.deepEqual(row.preview, { body: 'سلام سارا، سفارش شما فردا می‌رسد.', author: 'agent', private: false, createdAt: iso(now) });
    minutes(1);
    await agentWrites(ws, id, `Refund approved. ${'x'.repeat(300)}`, true);
    const noted = await rowOf(ws, id);
    assert.equal(noted.preview?.private, true);
    assert.equal(noted.preview?.body.length, 160);
    assert.ok(noted.preview?.body.startsWith('Refund approved. xxx'));
  });

  it('the customer waits from their first unanswered message until an agent replies; a private note is no reply', async () => {
    const ws = await createWorkspace(app);
    const first = now;
    const id = await customerWrites(ws, 'wait@example.com', 'Hello?');
    minutes(2);
    await customerWrites(ws, 'wait@example.com', 'Anyone there?');
    assert.equal((await rowOf(ws, id)).waitingSince, iso(first));
    await agentWrites(ws, id, 'Looking into it', true);
    assert.equal((await rowOf(ws, id)).waitingSince, iso(first));
    await agentWrites(ws, id, 'Hi! Checking now.');
    assert.equal((await rowOf(ws, id)).waitingSince, null);
    minutes(1);
    const again = now;
    await customerWrites(ws, 'wait@example.com', 'Thanks, and the invoice?');
    assert.equal((await rowOf(ws, id)).waitingSince, iso(again));
  });

  it("after the bot hands off, the customer waits from the message that asked for a person, not from the bot's goodbye", async () => {
    const ws = await createWorkspace(app, { bot: true });
    await call(app, 'PUT', '/api/v1/bot/intents/greeting', { token: ws.tokens.admin, body: { title: { en: 'Hello' }, phrases: { en: ['hello', 'hi there', 'good morning'] }, answer: 'reply', reply: { en: 'Hello!' } } });
    await call(app, 'PUT', '/api/v1/bot/intents/thanks', { token: ws.tokens.admin, body: { title: { en: 'Thanks' }, phrases: { en: ['thank you', 'thanks a lot', 'cheers'] }, answer: 'reply', reply: { en: 'You are welcome!' } } });
    await app.services.botModels.settled();
    const session = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { locale: 'fa' } })).body as { token: string };
    const sent = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: session.token, body: { body: 'می‌خواهم با یک همکار صحبت کنم', idempotencyKey: `k-${randomUUID()}` } });
    const id = sent.body.conversation.id as string;
    const asked = now;
    minutes(1);
    await app.services.botTurns.settled();
    const row = await rowOf(ws, id);
    assert.notEqual(row.conversation.handler, 'bot', 'handed off');
    assert.equal(row.preview?.author, 'bot', "the bot's last words are the last message");
    assert.equal(row.waitingSince, iso(asked));
  });

  it('the earliest running SLA deadline is shown, and flagged once it has passed', async () => {
    const ws = await createWorkspace(app);
    const saved = await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.admin, body: { items: [{ key: 'standard', name: 'Standard', targets: { first_response: 600, resolution: 7200 } }] } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const started = now;
    const id = await customerWrites(ws, 'sla@example.com', 'Help');
    assert.deepEqual(await rowOf(ws, id).then((r) => [r.slaDueAt, r.slaBreached]), [iso(started + 600_000), false]);
    minutes(11);
    assert.deepEqual(await rowOf(ws, id).then((r) => [r.slaDueAt, r.slaBreached]), [iso(started + 600_000), true]);
    await agentWrites(ws, id, 'Sorry for the wait');
    assert.deepEqual(await rowOf(ws, id).then((r) => [r.slaDueAt, r.slaBreached]), [iso(started + 7_200_000), false], 'only the resolution target still runs');
    await call(app, 'PATCH', `/api/v1/conversations/${id}`, { token: ws.tokens.agent, body: { status: 'resolved' } });
    assert.deepEqual(await rowOf(ws, id).then((r) => [r.slaDueAt, r.slaBreached]), [null, false]);
  });

  it("a row names the customer's segments now, so the console can filter by them", async () => {
    const ws = await createWorkspace(app);
    const gold = { name: { en: 'Gold', fa: 'طلایی' }, rule: { all: [{ field: 'attributes.tier', op: 'equals', value: 'Gold' }] }, strategy: null, priority: 0 };
    assert.equal((await call(app, 'PUT', '/api/v1/segments/gold', { token: ws.tokens.admin, body: gold })).status, 200);
    const id = await customerWrites(ws, 'minh@example.com', 'Tôi cần đổi địa chỉ giao hàng');
    assert.deepEqual((await rowOf(ws, id)).customer.segments, []);
    const customerId = (await rowOf(ws, id)).customer.id;
    assert.equal((await call(app, 'PATCH', `/api/v1/customers/${customerId}`, { token: ws.tokens.agent, body: { attributes: { tier: 'Gold' } } })).status, 200);
    assert.deepEqual((await rowOf(ws, id)).customer.segments, ['gold']);
    assert.deepEqual((await listAll(ws, 'limit=10')).map((r) => r.customer.segments), [['gold']]);
  });

  it('lists open, pending and snoozed conversations by default, and the statuses asked for otherwise', async () => {
    const ws = await createWorkspace(app);
    const ids: Record<string, string> = {};
    for (const status of ['open', 'pending', 'snoozed', 'resolved'] as const) {
      ids[status] = await customerWrites(ws, `${status}@example.com`, status);
      const change = status === 'snoozed' ? { status, snoozedUntil: iso(now + 86_400_000) } : { status };
      if (status !== 'open') assert.equal((await call(app, 'PATCH', `/api/v1/conversations/${ids[status]}`, { token: ws.tokens.agent, body: change })).status, 200);
      minutes(1);
    }
    const idsOf = (rows: Row[]) => rows.map((r) => r.conversation.id);
    assert.deepEqual(idsOf(await listAll(ws, '')), [ids.snoozed, ids.pending, ids.open]);
    assert.deepEqual(idsOf(await listAll(ws, 'status=resolved')), [ids.resolved]);
    assert.deepEqual(idsOf(await listAll(ws, 'status=pending,open,pending')), [ids.pending, ids.open]);
  });

  it('paging returns every conversation exactly once, merged ones left out', async () => {
    const ws = await createWorkspace(app);
    await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings: { conversationGrouping: 'thread' } } });
    const ids: string[] = [];
    // Some share a last-activity time: the id breaks the tie.
    for (let i = 0; i < 11; i++) {
      ids.push(await customerWrites(ws, `page${i % 4}@example.com`, `n${i}`, { threadKey: `<t${i}>` }));
      if (i % 3 === 0) minutes(1);
    }
    const merged = await call(app, 'POST', `/api/v1/conversations/${ids[4]}/merge`, { token: ws.tokens.agent, body: { conversationId: ids[0] } });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    const listed = (await listAll(ws, 'limit=3')).map((r) => r.conversation.id);
    assert.equal(new Set(listed).size, listed.length, 'no duplicates');
    assert.deepEqual([...listed].sort(), ids.filter((id) => id !== ids[0]).sort());
  });

  it("another workspace's conversations never appear", async () => {
    const a = await createWorkspace(app);
    const b = await createWorkspace(app);
    await customerWrites(a, 'a@example.com', 'for A');
    const secret = await customerWrites(b, 'b@example.com', 'B only');
    const text = JSON.stringify(await listAll(a, 'status=open,pending,snoozed,resolved'));
    assert.ok(text.includes('for A'));
    assert.ok(!text.includes(secret) && !text.includes('B only'));
    const stranger = await call(app, 'GET', `/api/v1/inbox/${secret}`, { token: a.tokens.agent });
    assert.deepEqual([stranger.status, stranger.body.code], [404, 'conversation.not_found']);
  });

  it('a bad status, limit or cursor is a 400 problem, and changes nothing', async () => {
    const ws = await createWorkspace(app);
    await customerWrites(ws, 'bad@example.com', 'still here');
    const before = await listAll(ws, '');
    for (const query of ['status=open,closed', 'status=', 'limit=1001']) {
      const res = await call(app, 'GET', `/api/v1/inbox?${query}`, { token: ws.tokens.agent });
      assert.equal(res.status, 400, query);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(res.body.code, 'request.invalid');
      assert.ok(res.body.errors.some((e: { path: string }) => e.path.startsWith(`querystring.${query.split('=')[0]}`)), JSON.stringify(res.body.errors));
    }
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    const res = await call(app, 'GET', `/api/v1/inbox?cursor=${forged}`, { token: ws.tokens.agent });
    assert.deepEqual([res.status, res.body.code], [400, 'request.invalid'], 'a forged cursor');
    assert.deepEqual(await listAll(ws, ''), before);
  });
});
