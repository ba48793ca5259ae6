// Collision detection: agents tell each other which conversation they have open, over the agent
// WebSocket, and a closed socket stops "viewing" on its own.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { addAgent, call, connect, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

const app = await startTestApp();
const base = (await app.listen()).replace('http', 'ws');

async function agentSocket(token: string) {
  const client = await connect(`${base}/api/v1/ws`);
  client.send({ type: 'hello', token });
  await client.waitFor((f) => f.type === 'ready');
  return client;
}

async function conversationIn(ws: TestWorkspace) {
  const res = await call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: `${randomUUID()}@example.com` }, body: 'Hi', idempotencyKey: `k-${randomUUID()}` } });
  return res.body.conversation.id as string;
}

async function twoAgents() {
  const ws = await createWorkspace(app);
  const ana = await addAgent(app, ws.id, { name: 'Ana' });
  const bao = await addAgent(app, ws.id, { name: 'Bao' });
  return { ws, ana: { ...ana, socket: await agentSocket(ana.token) }, bao: { ...bao, socket: await agentSocket(bao.token) } };
}

const viewingFrame = (conversationId: string, viewing: boolean) => (f: { type: string; conversationId?: string; viewing?: boolean }) =>
  f.type === 'viewing' && f.conversationId === conversationId && f.viewing === viewing;

describe('who is viewing a conversation', () => {
  it('other agents learn who opened a conversation, and that they left when their socket closed', async () => {
    const { ws, ana, bao } = await twoAgents();
    const id = await conversationIn(ws);
    ana.socket.send({ type: 'viewing', conversationId: id, viewing: true });
    assert.deepEqual(await bao.socket.waitFor(viewingFrame(id, true)), { type: 'viewing', conversationId: id, agentId: ana.id, name: 'Ana', viewing: true });
    await ana.socket.close();
    assert.deepEqual(await bao.socket.waitFor(viewingFrame(id, false)), { type: 'viewing', conversationId: id, agentId: ana.id, name: 'Ana', viewing: false });
    await bao.socket.close();
  });

  it('opening another conversation leaves the previous one', async () => {
    const { ws, ana, bao } = await twoAgents();
    const [first, second] = [await conversationIn(ws), await conversationIn(ws)];
    ana.socket.send({ type: 'viewing', conversationId: first, viewing: true });
    ana.socket.send({ type: 'viewing', conversationId: second, viewing: true });
    await bao.socket.waitFor(viewingFrame(first, false));
    const seen = bao.socket.frames.filter((f) => f.type === 'viewing').map((f) => `${f.conversationId === first ? 'first' : 'second'}:${f.viewing}`);
    assert.deepEqual(seen, ['first:true', 'second:true', 'first:false']);
    await Promise.all([ana.socket.close(), bao.socket.close()]);
  });

  it("another workspace's conversation is refused and nothing is published", async () => {
    const { ana, bao, ws } = await twoAgents();
    const foreign = await conversationIn(await createWorkspace(app));
    ana.socket.send({ type: 'viewing', conversationId: foreign, viewing: true });
    assert.equal((await ana.socket.waitFor((f) => f.type === 'error')).code, 'conversation.not_found');
    // Signals go out in the order sent: once this one arrives, the refused one would have too.
    const mine = await conversationIn(ws);
    ana.socket.send({ type: 'viewing', conversationId: mine, viewing: true });
    await bao.socket.waitFor(viewingFrame(mine, true));
    assert.ok(!JSON.stringify(bao.socket.frames).includes(foreign));
    await Promise.all([ana.socket.close(), bao.socket.close()]);
  });
});
