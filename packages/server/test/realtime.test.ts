import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, connect, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

const app = await startTestApp();
const base = (await app.listen()).replace('http', 'ws');
const key = () => `k-${randomUUID()}`;

async function agentSocket(ws: TestWorkspace, since?: number) {
  const client = await connect(`${base}/api/v1/ws`);
  client.send({ type: 'hello', token: ws.tokens.agent, ...(since !== undefined ? { since } : {}) });
  const ready = await client.waitFor((f) => f.type === 'ready');
  return { client, ready };
}

async function visitor(ws: TestWorkspace) {
  const res = await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { name: 'Visitor' } });
  return res.body as { token: string; customerId: string };
}

const inbound = (ws: TestWorkspace, body: string) =>
  call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: 'rt@example.com' }, body, idempotencyKey: key() } });

describe('agent feed', () => {
  it('an agent sees a new conversation and its message live', async () => {
    const ws = await createWorkspace(app);
    const { client } = await agentSocket(ws);
    const sent = await inbound(ws, 'live one');
    const created = await client.waitFor((f) => f.type === 'event' && f.event.type === 'conversation.created');
    const message = await client.waitFor((f) => f.type === 'event' && f.event.type === 'message.created');
    assert.equal(created.event.conversationId, sent.body.conversation.id);
    assert.equal(message.event.message.body, 'live one');
    assert.ok(message.event.seq > created.event.seq);
    await client.close();
  });

  it('a reconnecting agent receives exactly what it missed, in order, without duplicates', async () => {
    const ws = await createWorkspace(app);
    const first = await agentSocket(ws);
    await inbound(ws, 'before');
    const seen = await first.client.waitFor((f) => f.type === 'event' && f.event.message?.body === 'before');
    await first.client.close();
    for (const body of ['missed 1', 'missed 2', 'missed 3']) await inbound(ws, body);
    const second = await agentSocket(ws, seen.event.seq);
    await second.client.waitFor((f) => f.type === 'event' && f.event.message?.body === 'missed 3');
    await inbound(ws, 'after');
    await second.client.waitFor((f) => f.type === 'event' && f.event.message?.body === 'after');
    const events = second.client.frames.filter((f) => f.type === 'event').map((f) => f.event);
    assert.deepEqual(events.map((e) => e.message?.body), ['missed 1', 'missed 2', 'missed 3', 'after']);
    const seqs = events.map((e) => e.seq);
    assert.deepEqual(seqs, seqs.map((_, i) => seen.event.seq + 1 + i), 'contiguous sequence numbers');
    await second.client.close();
  });

  it("an agent never receives another workspace's events", async () => {
    const a = await createWorkspace(app);
    const b = await createWorkspace(app);
    const { client } = await agentSocket(a);
    await inbound(b, 'for B');
    await inbound(a, 'for A');
    await client.waitFor((f) => f.type === 'event' && f.event.message?.body === 'for A');
    assert.ok(!JSON.stringify(client.frames).includes('for B'));
    await client.close();
  });

  it('a socket that never says hello, or says it with a bad token, is closed', async () => {
    const client = await connect(`${base}/api/v1/ws`);
    client.send({ type: 'message.send', conversationId: randomUUID(), body: 'x', idempotencyKey: key() });
    assert.equal((await client.waitFor((f) => f.type === 'error')).code, 'ws.not_ready');
    client.send({ type: 'hello', token: 'tdk_forged' });
    assert.equal((await client.waitFor((f) => f.type === 'error' && f.code === 'auth.unauthenticated')).code, 'auth.unauthenticated');
    await new Promise((resolve) => client.socket.once('close', resolve));
  });
});

describe('customer channel', () => {
  it('a message is acknowledged only once stored, and the same key twice stores one message', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    const client = await connect(`${base}/api/v1/widget/${ws.id}/ws`);
    client.send({ type: 'hello', token: v.token });
    await client.waitFor((f) => f.type === 'ready');
    const idempotencyKey = key();
    client.send({ type: 'message.send', body: 'Tôi cần giúp đỡ', idempotencyKey });
    const ack = await client.waitFor((f) => f.type === 'message.ack' && f.idempotencyKey === idempotencyKey);
    const stored = await call(app, 'GET', `/api/v1/conversations/${ack.message.conversationId}/messages`, { token: ws.tokens.agent });
    assert.deepEqual(stored.body.items.map((m: { id: string }) => m.id), [ack.message.id]);
    client.send({ type: 'message.send', conversationId: ack.message.conversationId, body: 'Tôi cần giúp đỡ', idempotencyKey });
    const replay = await client.waitFor((f) => f.type === 'message.ack' && f.duplicate === true);
    assert.equal(replay.message.id, ack.message.id);
    await client.close();
  });

  it('a customer receives agent replies live but never private notes, and resumes per conversation', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    const opened = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: v.token, body: { body: 'hello', idempotencyKey: key() } });
    const conversationId = opened.body.conversation.id as string;
    const client = await connect(`${base}/api/v1/widget/${ws.id}/ws`);
    client.send({ type: 'hello', token: v.token, conversations: { [conversationId]: 1 } });
    await client.waitFor((f) => f.type === 'ready');
    const reply = (body: string, isPrivate = false) =>
      call(app, 'POST', `/api/v1/conversations/${conversationId}/messages`, { token: ws.tokens.agent, body: { body, private: isPrivate } });
    await reply('internal: VIP customer', true);
    await reply('Chào bạn!');
    const got = await client.waitFor((f) => f.type === 'message' && f.message.body === 'Chào bạn!');
    assert.equal(got.message.seq, 3);
    await client.close();
    await reply('while you were away');
    const back = await connect(`${base}/api/v1/widget/${ws.id}/ws`);
    back.send({ type: 'hello', token: v.token, conversations: { [conversationId]: 3 } });
    await back.waitFor((f) => f.type === 'message' && f.message.body === 'while you were away');
    const bodies = [...client.frames, ...back.frames].filter((f) => f.type === 'message').map((f) => f.message.body);
    assert.ok(!bodies.includes('internal: VIP customer'), 'private notes stay private');
    assert.deepEqual(back.frames.filter((f) => f.type === 'message').map((f) => f.message.body), ['while you were away']);
    await back.close();
  });

  it("a customer cannot subscribe to another customer's conversation", async () => {
    const ws = await createWorkspace(app);
    const owner = await visitor(ws);
    const other = await visitor(ws);
    const opened = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: owner.token, body: { body: 'mine', idempotencyKey: key() } });
    const client = await connect(`${base}/api/v1/widget/${ws.id}/ws`);
    client.send({ type: 'hello', token: other.token, conversations: { [opened.body.conversation.id]: 0 } });
    await client.waitFor((f) => f.type === 'ready');
    await call(app, 'POST', `/api/v1/conversations/${opened.body.conversation.id}/messages`, { token: ws.tokens.agent, body: { body: 'reply to owner' } });
    // The owner's own socket is the control: once it has the reply, the other has had its chance.
    const control = await connect(`${base}/api/v1/widget/${ws.id}/ws`);
    control.send({ type: 'hello', token: owner.token, conversations: { [opened.body.conversation.id]: 0 } });
    await control.waitFor((f) => f.type === 'message' && f.message.body === 'reply to owner');
    assert.equal(client.frames.filter((f) => f.type === 'message').length, 0);
    await client.close();
    await control.close();
  });
});
