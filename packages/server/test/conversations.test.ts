import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, createWorkspace, startTestApp, type TestApp, type TestWorkspace } from './harness.ts';

const app: TestApp = await startTestApp();

const key = () => `k-${randomUUID()}`;

async function widgetSession(ws: TestWorkspace) {
  const res = await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { name: 'Ana' } });
  assert.equal(res.status, 201);
  return res.body as { token: string; customerId: string };
}

describe('one conversation across channels', () => {
  it('an email from a customer who chatted in the widget lands in the same open conversation', async () => {
    const ws = await createWorkspace(app);
    const visitor = await widgetSession(ws);
    const chat = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: visitor.token, body: { body: 'Xin chào, đơn hàng của tôi đâu?', idempotencyKey: key() } });
    assert.equal(chat.status, 201);
    // The agent learns the visitor's email and adds it as an identity.
    const added = await call(app, 'POST', `/api/v1/customers/${visitor.customerId}/identities`, { token: ws.tokens.agent, body: { kind: 'email', value: 'Ana@Example.com' } });
    assert.equal(added.status, 201);
    const email = await call(app, 'POST', '/api/v1/inbound-messages', {
      token: ws.tokens.agent,
      body: { channel: 'email', identity: { kind: 'email', value: 'ana@example.com' }, threadKey: '<m1@mail.example>', body: 'Following up by email', idempotencyKey: key() },
    });
    assert.equal(email.status, 201);
    assert.equal(email.body.conversation.id, chat.body.conversation.id);
    assert.deepEqual(email.body.conversation.channels, ['web', 'email']);
    assert.equal(email.body.conversation.lastChannel, 'email');
    assert.equal(email.body.message.seq, 2);
  });

  it("an agent's reply goes out on the channel the customer used last, unless the agent picks another", async () => {
    const ws = await createWorkspace(app);
    const visitor = await widgetSession(ws);
    const chat = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: visitor.token, body: { body: 'hi', idempotencyKey: key() } });
    await call(app, 'POST', `/api/v1/customers/${visitor.customerId}/identities`, { token: ws.tokens.agent, body: { kind: 'email', value: 'b@example.com' } });
    await call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: 'b@example.com' }, body: 'by mail' } });
    const id = chat.body.conversation.id;
    const reply = await call(app, 'POST', `/api/v1/conversations/${id}/messages`, { token: ws.tokens.agent, body: { body: 'On it!' } });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.channel, 'email');
    const picked = await call(app, 'POST', `/api/v1/conversations/${id}/messages`, { token: ws.tokens.agent, body: { body: 'Also here', channel: 'web' } });
    assert.equal(picked.body.channel, 'web');
    const unreachable = await call(app, 'POST', `/api/v1/conversations/${id}/messages`, { token: ws.tokens.agent, body: { body: 'sms?', channel: 'sms' } });
    assert.equal(unreachable.status, 400);
    assert.equal(unreachable.body.code, 'conversation.channel_not_reachable');
  });

  it('under thread grouping another email thread starts another conversation', async () => {
    const ws = await createWorkspace(app);
    const patched = await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings: { conversationGrouping: 'thread' } } });
    assert.equal(patched.body.settings.conversationGrouping, 'thread');
    const send = (threadKey: string) =>
      call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: 't@example.com' }, threadKey, body: `in ${threadKey}` } });
    const a1 = await send('<a@x>');
    const b1 = await send('<b@x>');
    const a2 = await send('<a@x>');
    assert.notEqual(a1.body.conversation.id, b1.body.conversation.id);
    assert.equal(a2.body.conversation.id, a1.body.conversation.id);
  });

  it('a customer message reopens a resolved conversation within the reopen window', async () => {
    const ws = await createWorkspace(app);
    const send = () => call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'sms', identity: { kind: 'phone', value: '+84 90 123 4567' }, body: 'tin nhắn' } });
    const first = await send();
    const id = first.body.conversation.id;
    const resolved = await call(app, 'PATCH', `/api/v1/conversations/${id}`, { token: ws.tokens.agent, body: { status: 'resolved' } });
    assert.equal(resolved.body.status, 'resolved');
    assert.ok(resolved.body.resolvedAt);
    const again = await send();
    assert.equal(again.body.conversation.id, id);
    assert.equal(again.body.conversation.status, 'open');
    assert.equal(again.body.conversation.resolvedAt, null);
  });

  it('sending the same idempotency key twice stores one message', async () => {
    const ws = await createWorkspace(app);
    const visitor = await widgetSession(ws);
    const idempotencyKey = key();
    const send = () => call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: visitor.token, body: { body: 'سلام، سفارشم کجاست؟', idempotencyKey } });
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    assert.equal(a.body.message.id, b.body.message.id);
    assert.equal(c.body.message.id, a.body.message.id);
    assert.equal(c.status, 200);
    assert.equal(c.body.duplicate, true);
    const list = await call(app, 'GET', `/api/v1/conversations/${a.body.conversation.id}/messages`, { token: ws.tokens.agent });
    assert.equal(list.body.items.length, 1);
    assert.equal(list.body.items[0].body, 'سلام، سفارشم کجاست؟');
  });
});

describe('conversation changes', () => {
  it('assigning an agent hands the conversation to them; unassigning returns it to the queue', async () => {
    const ws = await createWorkspace(app);
    const first = await call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: 'q@example.com' }, body: 'help' } });
    const id = first.body.conversation.id;
    const assigned = await call(app, 'PATCH', `/api/v1/conversations/${id}`, { token: ws.tokens.agent, body: { assigneeId: ws.agentIds.agent, priority: 'high' } });
    assert.equal(assigned.body.handler, 'agent');
    assert.equal(assigned.body.assigneeId, ws.agentIds.agent);
    assert.equal(assigned.body.priority, 'high');
    const mine = await call(app, 'GET', `/api/v1/conversations?assigneeId=${ws.agentIds.agent}`, { token: ws.tokens.agent });
    assert.deepEqual(mine.body.items.map((c: { id: string }) => c.id), [id]);
    const queued = await call(app, 'PATCH', `/api/v1/conversations/${id}`, { token: ws.tokens.agent, body: { assigneeId: null } });
    assert.equal(queued.body.handler, 'queue');
  });

  it('snoozing needs a time in the future', async () => {
    const ws = await createWorkspace(app);
    const first = await call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: 's@example.com' }, body: 'x' } });
    const id = first.body.conversation.id;
    const missing = await call(app, 'PATCH', `/api/v1/conversations/${id}`, { token: ws.tokens.agent, body: { status: 'snoozed' } });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.code, 'conversation.invalid_status');
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const ok = await call(app, 'PATCH', `/api/v1/conversations/${id}`, { token: ws.tokens.agent, body: { status: 'snoozed', snoozedUntil: until } });
    assert.equal(ok.body.status, 'snoozed');
    assert.equal(new Date(ok.body.snoozedUntil).toISOString(), until);
  });

  it('lists conversations page by page with a cursor, newest activity first', async () => {
    const ws = await createWorkspace(app);
    for (let i = 0; i < 5; i++) {
      await call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: `p${i}@example.com` }, body: `m${i}` } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof call>> = await call(app, 'GET', `/api/v1/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: ws.tokens.agent });
      assert.ok(res.body.items.length <= 2);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 5);
    assert.equal(new Set(seen).size, 5);
  });
});
