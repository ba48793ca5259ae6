import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, connect, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

const app = await startTestApp();
const base = (await app.listen()).replace('http', 'ws');
const key = () => `k-${randomUUID()}`;

async function setUp() {
  const ws = await createWorkspace(app);
  const v = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {} })).body as { token: string; customerId: string };
  const opened = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: v.token, body: { body: 'Xin chào', idempotencyKey: key() } });
  const customer = await connect(`${base}/api/v1/widget/${ws.id}/ws`);
  customer.send({ type: 'hello', token: v.token, conversations: { [opened.body.conversation.id]: 1 } });
  await customer.waitFor((f) => f.type === 'ready');
  const agent = await connect(`${base}/api/v1/ws`);
  agent.send({ type: 'hello', token: ws.tokens.agent });
  await agent.waitFor((f) => f.type === 'ready');
  return { ws, v, conversationId: opened.body.conversation.id as string, customer, agent };
}

const conversationOf = async (ws: TestWorkspace, id: string) => (await call(app, 'GET', `/api/v1/conversations/${id}`, { token: ws.tokens.agent })).body;

describe('typing and receipts', () => {
  it('typing goes both ways and is never stored', async () => {
    const { ws, conversationId, customer, agent } = await setUp();
    customer.send({ type: 'typing', conversationId, typing: true });
    const seen = await agent.waitFor((f) => f.type === 'typing');
    assert.deepEqual(seen, { type: 'typing', conversationId, author: 'customer', typing: true });
    agent.send({ type: 'typing', conversationId, typing: true });
    const shown = await customer.waitFor((f) => f.type === 'typing');
    assert.equal(shown.author, 'agent');
    assert.equal(shown.name, 'agent');
    assert.equal((await conversationOf(ws, conversationId)).lastSeq, 1);
    await Promise.all([customer.close(), agent.close()]);
  });

  it('read receipts are stored as high-water marks and shown to the other side', async () => {
    const { ws, conversationId, customer, agent } = await setUp();
    await call(app, 'POST', `/api/v1/conversations/${conversationId}/messages`, { token: ws.tokens.agent, body: { body: 'Chào bạn!' } });
    await customer.waitFor((f) => f.type === 'message' && f.message.seq === 2);
    customer.send({ type: 'receipt', conversationId, delivered: 2, read: 2 });
    const receipt = await agent.waitFor((f) => f.type === 'receipt' && f.by === 'customer');
    assert.deepEqual([receipt.deliveredSeq, receipt.readSeq], [2, 2]);
    // Older or impossible marks never move it back or past the last message.
    customer.send({ type: 'receipt', conversationId, read: 1 });
    customer.send({ type: 'receipt', conversationId, read: 99 });
    agent.send({ type: 'receipt', conversationId, read: 1 });
    const agentRead = await customer.waitFor((f) => f.type === 'receipt' && f.by === 'agent');
    assert.equal(agentRead.readSeq, 1);
    const stored = await conversationOf(ws, conversationId);
    assert.deepEqual([stored.customerDeliveredSeq, stored.customerReadSeq, stored.agentReadSeq], [2, 2, 1]);
    await Promise.all([customer.close(), agent.close()]);
  });

  it("a customer cannot signal on someone else's conversation", async () => {
    const { ws, conversationId, customer, agent } = await setUp();
    const other = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {} })).body;
    const intruder = await connect(`${base}/api/v1/widget/${ws.id}/ws`);
    intruder.send({ type: 'hello', token: other.token });
    await intruder.waitFor((f) => f.type === 'ready');
    intruder.send({ type: 'receipt', conversationId, read: 1 });
    const error = await intruder.waitFor((f) => f.type === 'error');
    assert.equal(error.code, 'conversation.not_found');
    assert.equal((await conversationOf(ws, conversationId)).customerReadSeq, 0);
    await Promise.all([customer.close(), agent.close(), intruder.close()]);
  });

  it('the customer sees conversation changes live, such as a handoff to a person', async () => {
    const { ws, v, conversationId, customer, agent } = await setUp();
    await call(app, 'PATCH', `/api/v1/conversations/${conversationId}`, { token: ws.tokens.agent, body: { handler: 'bot' } });
    const handed = await call(app, 'POST', `/api/v1/widget/${ws.id}/conversations/${conversationId}/handoff`, { token: v.token });
    assert.equal(handed.status, 200);
    assert.equal(handed.body.handler, 'queue');
    const frame = await customer.waitFor((f) => f.type === 'conversation' && f.conversation.handler === 'queue');
    assert.equal(frame.conversation.id, conversationId);
    await Promise.all([customer.close(), agent.close()]);
  });
});
