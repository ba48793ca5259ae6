// SLA policies and clocks through the API: warnings and breaches with escalation (priority,
// notification, reassignment), exactly once however often the pass runs; pauses while pending;
// business hours; and nothing lost when the process that measured them is gone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createSlaService } from '../src/features/sla/sla.service.ts';
import { readFeedSince } from '../src/features/feed/feed.store.ts';
import { addAgent, call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

let now = Date.parse('2026-12-07T09:00:00Z');
const app = await startTestApp({ clock: () => new Date(now) });
const { sla, routing } = app.services;
const minutes = (n: number) => { now += n * 60_000; };

const standard = (over: Record<string, unknown> = {}) => ({ key: 'standard', name: 'Standard', targets: { first_response: 600, next_response: 900, resolution: 7200 }, ...over });

async function customerSays(ws: TestWorkspace, body: string, session?: { token: string; conversationId?: string }) {
  const s = session ?? (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { locale: 'en' } })).body as { token: string };
  const sent = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: s.token, body: { body, idempotencyKey: `k-${randomUUID()}`, ...(session?.conversationId ? { conversationId: session.conversationId } : {}) } });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  await routing.settled();
  return { token: s.token, conversationId: sent.body.conversation.id as string };
}

const slaOf = async (ws: TestWorkspace, id: string) => (await call(app, 'GET', `/api/v1/conversations/${id}/sla`, { token: ws.tokens.agent })).body as {
  policy: string | null; measures: Array<{ metric: string; state: string; dueAt: string | null }>; events: Array<{ metric: string; kind: string }>;
};
const stateOf = async (ws: TestWorkspace, id: string) => Object.fromEntries((await slaOf(ws, id)).measures.map((m) => [m.metric, m.state]));

describe('SLA', () => {
  it('refuses policies that name strangers, repeat keys or set no target, and keeps the list as it was', async () => {
    const ws = await createWorkspace(app);
    const stranger = await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.admin, body: { items: [standard({ escalation: { notifyAgentIds: [randomUUID()] } })] } });
    assert.deepEqual([stranger.status, stranger.body.errors[0].path], [400, 'items.0.escalation.notifyAgentIds.0']);
    const twice = await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.admin, body: { items: [standard(), standard()] } });
    assert.equal(twice.status, 400);
    const empty = await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.admin, body: { items: [standard({ targets: {} })] } });
    assert.equal(empty.status, 400);
    const negative = await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.admin, body: { items: [standard({ targets: { first_response: -1 } })] } });
    assert.equal(negative.status, 400);
    assert.equal((await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.agent, body: { items: [] } })).status, 403);
    assert.deepEqual((await call(app, 'GET', '/api/v1/sla/policies', { token: ws.tokens.agent })).body.items, []);
  });

  it('warns, then on breach boosts the priority and tells the lead — once, however often the pass runs', async () => {
    const ws = await createWorkspace(app);
    const lead = await addAgent(app, ws.id, { name: 'Lead' });
    const saved = await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.admin, body: { items: [
      standard({ key: 'urgent', priorities: ['urgent'], targets: { first_response: 60 } }),
      standard({ escalation: { boostPriority: true, notifyAgentIds: [lead.id] } }),
    ] } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const { conversationId } = await customerSays(ws, 'My order never came');
    assert.equal((await slaOf(ws, conversationId)).policy, 'standard');
    minutes(9);
    assert.deepEqual(await sla.pass(ws.id), { warned: 1, breached: 0 });
    assert.deepEqual(await sla.pass(ws.id), { warned: 0, breached: 0 }, 'the same warning is not given twice');
    minutes(2);
    assert.deepEqual(await sla.pass(ws.id), { warned: 0, breached: 1 });
    await sla.pass(ws.id);
    const conversation = (await call(app, 'GET', `/api/v1/conversations/${conversationId}`, { token: ws.tokens.agent })).body;
    assert.equal(conversation.priority, 'high', 'normal, boosted once');
    assert.deepEqual((await slaOf(ws, conversationId)).events.map((e) => [e.metric, e.kind]), [['first_response', 'warning'], ['first_response', 'breach']]);
    const feed = await readFeedSince(app.deps.db, ws.id, 0, 500);
    const breach = feed.filter((e) => e.type === 'sla.breached');
    assert.equal(breach.length, 1);
    assert.deepEqual(breach[0]!.data.notify, [lead.id]);
  });

  it('a reply in time meets first response; a follow-up starts next response; resolution stops the rest', async () => {
    const ws = await createWorkspace(app);
    await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.admin, body: { items: [standard()] } });
    const session = await customerSays(ws, 'Hello?');
    minutes(5);
    const reply = await call(app, 'POST', `/api/v1/conversations/${session.conversationId}/messages`, { token: ws.tokens.agent, body: { body: 'Hi! Looking now.' } });
    assert.equal(reply.status, 201);
    assert.deepEqual(await stateOf(ws, session.conversationId), { first_response: 'met', resolution: 'ok' });
    minutes(1);
    await customerSays(ws, 'Any news?', { ...session });
    minutes(13);
    assert.deepEqual(await stateOf(ws, session.conversationId), { first_response: 'met', next_response: 'warning', resolution: 'ok' });
    await call(app, 'PATCH', `/api/v1/conversations/${session.conversationId}`, { token: ws.tokens.agent, body: { status: 'resolved' } });
    assert.equal((await stateOf(ws, session.conversationId)).resolution, 'met');
    assert.deepEqual(await sla.pass(ws.id), { warned: 0, breached: 0 }, 'resolved conversations are not measured');
  });

  it('stands still while the conversation is pending on the customer', async () => {
    const ws = await createWorkspace(app);
    await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.admin, body: { items: [standard({ targets: { resolution: 1800 } })] } });
    const session = await customerSays(ws, 'I will send the receipt later');
    minutes(10);
    await call(app, 'PATCH', `/api/v1/conversations/${session.conversationId}`, { token: ws.tokens.agent, body: { status: 'pending' } });
    minutes(60);
    assert.equal((await stateOf(ws, session.conversationId)).resolution, 'paused');
    assert.deepEqual(await sla.pass(ws.id), { warned: 0, breached: 0 });
    await customerSays(ws, 'Here is the receipt', session); // the customer's reply reopens it and restarts the clock
    minutes(10);
    const [resolution] = (await slaOf(ws, session.conversationId)).measures;
    assert.equal(resolution!.state, 'ok');
    assert.equal(resolution!.dueAt, new Date(now + 10 * 60_000).toISOString(), '20 minutes used, 10 left');
  });

  it('a breach may hand the conversation back to the queue, and a new process finds what the old one missed', async () => {
    const ws = await createWorkspace(app);
    const ana = await addAgent(app, ws.id, { name: 'Ana' });
    await call(app, 'PUT', '/api/v1/agents/me/presence', { token: ana.token, body: { status: 'online' } });
    await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.admin, body: { items: [standard({ targets: { first_response: 300 }, escalation: { boostPriority: false, reassign: true } })] } });
    const { conversationId } = await customerSays(ws, 'Help, please');
    assert.equal((await call(app, 'GET', `/api/v1/conversations/${conversationId}`, { token: ws.tokens.agent })).body.assigneeId, ana.id);
    await call(app, 'PUT', '/api/v1/agents/me/presence', { token: ana.token, body: { status: 'away' } });
    minutes(6);
    // The process that would have caught this deadline is gone; a fresh service over the same database does.
    const fresh = createSlaService({ ...app.deps, routing });
    assert.deepEqual(await fresh.pass(ws.id), { warned: 0, breached: 1 });
    await routing.settled();
    const after = (await call(app, 'GET', `/api/v1/conversations/${conversationId}`, { token: ws.tokens.agent })).body;
    assert.deepEqual([after.handler, after.assigneeId], ['queue', null]);
    const events = (await call(app, 'GET', `/api/v1/conversations/${conversationId}/routing-events`, { token: ws.tokens.agent })).body.items as Array<{ kind: string; reason: string }>;
    assert.deepEqual(events.at(-1), { ...events.at(-1), kind: 'requeued', reason: 'SLA breached: first response' });
  });

  it('a waiting conversation about to breach its SLA is taken before older ones', async () => {
    const ws = await createWorkspace(app);
    const ana = await addAgent(app, ws.id, { name: 'Ana' });
    await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.admin, body: { items: [standard({ key: 'chat', channels: ['web'], targets: { first_response: 240 } })] } });
    const older = await app.services.receive.receiveFromIdentity({ workspaceId: ws.id, identity: { kind: 'email', value: `${randomUUID()}@example.com` }, customerName: 'Mail', channel: 'email', threadKey: null, body: 'By email, no SLA', content: {}, idempotencyKey: null });
    minutes(1);
    const urgent = await customerSays(ws, 'From the chat, 4-minute SLA');
    await call(app, 'PUT', '/api/v1/agents/me/presence', { token: ana.token, body: { status: 'online', capacity: { voice: 1, live: 3, async: 1 } } });
    await routing.settled();
    const taken = async (id: string) => (await call(app, 'GET', `/api/v1/conversations/${id}`, { token: ws.tokens.agent })).body.assigneeId;
    assert.equal(await taken(urgent.conversationId), ana.id, 'the SLA at risk goes first');
    assert.equal(await taken(older.conversation.id), null);
  });

  it('a policy for a segment applies to the customers in it', async () => {
    const ws = await createWorkspace(app);
    await call(app, 'PUT', '/api/v1/segments/gold', { token: ws.tokens.admin, body: { name: { en: 'Gold' }, rule: { field: 'attributes.tier', op: 'equals', value: 'gold' } } });
    await call(app, 'PUT', '/api/v1/sla/policies', { token: ws.tokens.admin, body: { items: [standard({ key: 'gold', segments: ['gold'], targets: { first_response: 60 } }), standard()] } });
    const gold = await customerSays(ws, 'Gold customer here');
    const plain = await customerSays(ws, 'Plain customer here');
    const conversation = (await call(app, 'GET', `/api/v1/conversations/${gold.conversationId}`, { token: ws.tokens.agent })).body;
    await call(app, 'PATCH', `/api/v1/customers/${conversation.customerId}`, { token: ws.tokens.admin, body: { attributes: { tier: 'gold' } } });
    assert.deepEqual([(await slaOf(ws, gold.conversationId)).policy, (await slaOf(ws, plain.conversationId)).policy], ['gold', 'standard']);
    minutes(2);
    assert.deepEqual(await sla.pass(ws.id), { warned: 0, breached: 1 }, 'only the gold customer’s one-minute target is missed');
  });
});
