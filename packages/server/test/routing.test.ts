// Routing through the API: presence and capacity, the queue with its wait estimate, accepting
// (with a race), queue policies and their validation, overflow, sticky routing and transfers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { addAgent, call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

let now = Date.now();
const app = await startTestApp({ clock: () => new Date(now) });
const { routing } = app.services;

async function customerSays(ws: TestWorkspace, body: string) {
  const session = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { locale: 'en' } })).body as { token: string; customerId: string };
  const sent = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: session.token, body: { body, idempotencyKey: `k-${randomUUID()}` } });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  await routing.settled();
  return { conversationId: sent.body.conversation.id as string, customerId: session.customerId };
}

const conversation = async (ws: TestWorkspace, id: string) => (await call(app, 'GET', `/api/v1/conversations/${id}`, { token: ws.tokens.admin })).body as { handler: string; assigneeId: string | null; status: string; priority: string };
const events = async (ws: TestWorkspace, id: string) => (await call(app, 'GET', `/api/v1/conversations/${id}/routing-events`, { token: ws.tokens.admin })).body.items as Array<{ kind: string; reason: string; agentId: string | null }>;
const queue = async (ws: TestWorkspace) => (await call(app, 'GET', '/api/v1/routing/queue', { token: ws.tokens.admin })).body.items as Array<{ conversationId: string; position: number; expectedWaitSeconds: number | null; opensAt: string | null }>;

async function presence(token: string, body: Record<string, unknown>) {
  const res = await call(app, 'PUT', '/api/v1/agents/me/presence', { token, body });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  await routing.settled();
}

describe('routing', () => {
  it('a conversation waits while nobody who speaks its language is online, then goes to the one who does', async () => {
    const ws = await createWorkspace(app);
    const lan = await addAgent(app, ws.id, { name: 'Lan', skills: ['vi', 'en'] });
    const darius = await addAgent(app, ws.id, { name: 'Darius', skills: ['fa', 'en'] });
    const { conversationId } = await customerSays(ws, 'سلام، سفارش من هنوز نرسیده است');
    assert.deepEqual((await queue(ws)).map((q) => [q.conversationId, q.position, q.expectedWaitSeconds]), [[conversationId, 1, null]], 'nobody online: no estimate');
    await presence(lan.token, { status: 'online' });
    assert.equal((await conversation(ws, conversationId)).handler, 'queue', 'Lan does not speak Persian');
    await presence(darius.token, { status: 'online' });
    const taken = await conversation(ws, conversationId);
    assert.deepEqual([taken.handler, taken.assigneeId], ['agent', darius.id]);
    const history = await events(ws, conversationId);
    assert.deepEqual(history.map((e) => e.kind), ['queued', 'assigned']);
    assert.equal(history[1]!.reason, 'assigned to Darius: skills fa, load 0/8 async, least-loaded');
  });

  it('an agent at capacity is never given more; the next one waits with an estimate and moves when one is resolved', async () => {
    const ws = await createWorkspace(app);
    const lan = await addAgent(app, ws.id, { name: 'Lan', skills: ['vi'] });
    await presence(lan.token, { status: 'online', capacity: { voice: 1, live: 3, async: 2 } });
    const said = [];
    for (const text of ['Tôi cần giúp đỡ về đơn hàng', 'Làm sao để đổi mật khẩu', 'Tôi muốn trả lại sản phẩm']) said.push(await customerSays(ws, text));
    const states = await Promise.all(said.map((s) => conversation(ws, s.conversationId)));
    assert.deepEqual(states.map((c) => c.assigneeId), [lan.id, lan.id, null]);
    const [waiting] = await queue(ws);
    assert.equal(waiting!.conversationId, said[2]!.conversationId);
    assert.equal(waiting!.position, 1);
    assert.ok(waiting!.expectedWaitSeconds! > 0, 'someone is online, so there is an estimate');
    const agents = (await call(app, 'GET', '/api/v1/routing/agents', { token: ws.tokens.agent })).body.items as Array<{ id: string; load: { async: number }; capacity: { async: number } }>;
    assert.deepEqual(agents.filter((a) => a.id === lan.id).map((a) => [a.load.async, a.capacity.async]), [[2, 2]]);
    const resolved = await call(app, 'PATCH', `/api/v1/conversations/${said[0]!.conversationId}`, { token: lan.token, body: { status: 'resolved' } });
    assert.equal(resolved.status, 200);
    await routing.settled();
    assert.equal((await conversation(ws, said[2]!.conversationId)).assigneeId, lan.id);
  });

  it('two agents accepting the same conversation at once: exactly one gets it', async () => {
    const ws = await createWorkspace(app);
    const a = await addAgent(app, ws.id, { name: 'Ana' });
    const b = await addAgent(app, ws.id, { name: 'Ben' });
    for (let round = 0; round < 5; round++) {
      const { conversationId } = await customerSays(ws, `Hello, round ${round}`);
      const results = await Promise.all([a, b].map((agent) => call(app, 'POST', `/api/v1/conversations/${conversationId}/accept`, { token: agent.token })));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      assert.equal(loser.body.code, 'routing.already_taken');
      const winner = results.find((r) => r.status === 200)!;
      assert.equal((await conversation(ws, conversationId)).assigneeId, winner.body.assigneeId);
      assert.deepEqual((await events(ws, conversationId)).map((e) => e.kind), ['queued', 'accepted']);
    }
  });

  it('accepting past capacity, or a conversation nobody waits on, is refused and changes nothing', async () => {
    const ws = await createWorkspace(app);
    const a = await addAgent(app, ws.id, { name: 'Ana' });
    await presence(a.token, { capacity: { voice: 1, live: 3, async: 1 } });
    const first = await customerSays(ws, 'first');
    const second = await customerSays(ws, 'second');
    assert.equal((await call(app, 'POST', `/api/v1/conversations/${first.conversationId}/accept`, { token: a.token })).status, 200);
    const over = await call(app, 'POST', `/api/v1/conversations/${second.conversationId}/accept`, { token: a.token });
    assert.deepEqual([over.status, over.body.code], [409, 'routing.at_capacity']);
    assert.equal((await conversation(ws, second.conversationId)).handler, 'queue');
    const again = await call(app, 'POST', `/api/v1/conversations/${first.conversationId}/accept`, { token: a.token });
    assert.deepEqual([again.status, again.body.code], [409, 'routing.already_taken']);
  });

  it('rejects a queue policy that cannot work, naming each problem, and keeps the old one', async () => {
    const ws = await createWorkspace(app);
    const lan = await addAgent(app, ws.id, { name: 'Lan', skills: ['vi', 'billing'] });
    const team = (await call(app, 'POST', '/api/v1/teams', { token: ws.tokens.admin, body: { name: 'Billing', agentIds: [lan.id] } })).body as { id: string };
    const empty = (await call(app, 'POST', '/api/v1/teams', { token: ws.tokens.admin, body: { name: 'Nobody' } })).body as { id: string };
    const bad = await call(app, 'PUT', `/api/v1/teams/${team.id}/queue-policy`, { token: ws.tokens.admin, body: {
      requiredSkills: ['billing', 'klingon'],
      overflow: [{ afterSeconds: 60, widen: 'teams', teamIds: [randomUUID()] }, { afterSeconds: 30, widen: 'optional-skills' }],
    } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'routing_policy.invalid');
    assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path), ['requiredSkills.1', 'requiredSkills', 'overflow.0.teamIds.0', 'overflow.1.afterSeconds']);
    const nobody = await call(app, 'PUT', `/api/v1/teams/${empty.id}/queue-policy`, { token: ws.tokens.admin, body: {} });
    assert.deepEqual([nobody.status, nobody.body.errors[0].message], [400, 'the team has no agents']);
    const negative = await call(app, 'PUT', `/api/v1/teams/${team.id}/queue-policy`, { token: ws.tokens.admin, body: { stickyWindowSeconds: -5 } });
    assert.equal(negative.status, 400);
    const forbidden = await call(app, 'PUT', `/api/v1/teams/${team.id}/queue-policy`, { token: ws.tokens.agent, body: {} });
    assert.equal(forbidden.status, 403);
    const kept = (await call(app, 'GET', `/api/v1/teams/${team.id}/queue-policy`, { token: ws.tokens.agent })).body;
    assert.deepEqual([kept.method, kept.requiredSkills, kept.overflow], ['least-loaded', [], [{ afterSeconds: 60, widen: 'optional-skills' }]], 'still the default');
  });

  it('a team’s policy picks by its skills and method, and widens to another team after waiting (bullseye)', async () => {
    const ws = await createWorkspace(app);
    const lan = await addAgent(app, ws.id, { name: 'Lan', skills: ['en', 'billing'] });
    const emma = await addAgent(app, ws.id, { name: 'Emma', skills: ['en', 'billing'] });
    const sam = await addAgent(app, ws.id, { name: 'Sam', skills: ['en'] });
    const billing = (await call(app, 'POST', '/api/v1/teams', { token: ws.tokens.admin, body: { name: 'Billing', agentIds: [lan.id, emma.id] } })).body as { id: string };
    const general = (await call(app, 'POST', '/api/v1/teams', { token: ws.tokens.admin, body: { name: 'General', agentIds: [sam.id] } })).body as { id: string };
    const saved = await call(app, 'PUT', `/api/v1/teams/${billing.id}/queue-policy`, { token: ws.tokens.admin, body: {
      method: 'round-robin', requiredSkills: [], overflow: [{ afterSeconds: 60, widen: 'teams', teamIds: [general.id] }],
    } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    await presence(lan.token, { status: 'online' });
    await presence(emma.token, { status: 'online' });
    await presence(sam.token, { status: 'online' });
    const owners: Array<string | null> = [];
    for (const text of ['I was charged twice', 'My invoice is wrong', 'Refund my payment please']) {
      const { conversationId } = await customerSays(ws, text);
      await call(app, 'PATCH', `/api/v1/conversations/${conversationId}`, { token: ws.tokens.admin, body: { assigneeId: null } });
      await routing.settled();
      const moved = await call(app, 'POST', `/api/v1/conversations/${conversationId}/transfer`, { token: ws.tokens.admin, body: { teamId: billing.id } });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      owners.push(moved.body.assignedTo?.name ?? null);
    }
    assert.deepEqual(owners, ['Lan', 'Emma', 'Lan'], 'round-robin inside the team, never Sam');
    // Billing goes away: a billing conversation waits, then after 60 s widens to General.
    await presence(lan.token, { status: 'away' });
    await presence(emma.token, { status: 'away' });
    const { conversationId } = await customerSays(ws, 'Where is my refund?');
    await call(app, 'PATCH', `/api/v1/conversations/${conversationId}`, { token: ws.tokens.admin, body: { assigneeId: null } });
    await routing.settled();
    const waits = await call(app, 'POST', `/api/v1/conversations/${conversationId}/transfer`, { token: ws.tokens.admin, body: { teamId: billing.id } });
    assert.deepEqual([waits.body.assignedTo, waits.body.position], [null, 1]);
    now += 61_000;
    await routing.drain(ws.id); // what the periodic pass does
    const widened = (await events(ws, conversationId)).at(-1)!;
    assert.equal(widened.agentId, sam.id);
    assert.match(widened.reason, /^assigned to Sam: skills en, load \d+\/8 async, round-robin, ring 1$/);
  });

  it('a returning customer goes back to the agent who helped them last', async () => {
    const ws = await createWorkspace(app);
    await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings: { conversationGrouping: 'thread' } } });
    const ana = await addAgent(app, ws.id, { name: 'Ana', skills: ['en'] });
    const ben = await addAgent(app, ws.id, { name: 'Ben', skills: ['en'] });
    const email = `client-${randomUUID()}@example.com`;
    const write = async (subject: string) => {
      const received = await app.services.receive.receiveFromIdentity({ workspaceId: ws.id, identity: { kind: 'email', value: email }, customerName: 'Client', channel: 'email', threadKey: `<${randomUUID()}@mail>`, subject, body: `About ${subject}, please help`, content: {}, idempotencyKey: null });
      await routing.settled();
      return received.conversation.id;
    };
    await presence(ana.token, { status: 'online' });
    const first = await write('my order');
    assert.equal((await conversation(ws, first)).assigneeId, ana.id);
    await presence(ben.token, { status: 'online' });
    const second = await write('my invoice');
    const [, assigned] = await events(ws, second);
    assert.equal(assigned!.agentId, ana.id, 'Ben is less loaded, but Ana helped last');
    assert.match(assigned!.reason, /, sticky$/);
  });

  it('an agent transfers a conversation to a colleague with a private note', async () => {
    const ws = await createWorkspace(app);
    const ana = await addAgent(app, ws.id, { name: 'Ana' });
    const ben = await addAgent(app, ws.id, { name: 'Ben' });
    await presence(ana.token, { status: 'online' });
    await presence(ben.token, { status: 'online', capacity: { voice: 1, live: 3, async: 0 } });
    const { conversationId } = await customerSays(ws, 'I need a specialist');
    assert.equal((await conversation(ws, conversationId)).assigneeId, ana.id);
    await presence(ben.token, { capacity: null });
    const moved = await call(app, 'POST', `/api/v1/conversations/${conversationId}/transfer`, { token: ana.token, body: { agentId: ben.id, note: 'Knows the warranty rules' } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual(moved.body.assignedTo, { id: ben.id, name: 'Ben' });
    const history = await events(ws, conversationId);
    assert.deepEqual(history.slice(-2).map((e) => e.kind), ['transferred', 'assigned']);
    assert.match(history.at(-2)!.reason, /^transferred by Ana to Ben: Knows the warranty rules$/);
    assert.match(history.at(-1)!.reason, /asked for by name$/);
    const messages = (await call(app, 'GET', `/api/v1/conversations/${conversationId}/messages`, { token: ben.token })).body.items as Array<{ body: string; private: boolean }>;
    assert.ok(messages.some((m) => m.private && m.body === 'Knows the warranty rules'));
    const nowhere = await call(app, 'POST', `/api/v1/conversations/${conversationId}/transfer`, { token: ana.token, body: { note: 'no target' } });
    assert.equal(nowhere.status, 400);
  });

  it('an agent going away keeps their conversations; going offline returns them to the queue for others', async () => {
    const ws = await createWorkspace(app);
    const ana = await addAgent(app, ws.id, { name: 'Ana' });
    const ben = await addAgent(app, ws.id, { name: 'Ben' });
    await presence(ana.token, { status: 'online' });
    const { conversationId } = await customerSays(ws, 'Hello there');
    assert.equal((await conversation(ws, conversationId)).assigneeId, ana.id);
    await presence(ana.token, { status: 'away' });
    assert.equal((await conversation(ws, conversationId)).assigneeId, ana.id, 'a short break keeps them');
    await presence(ana.token, { status: 'offline' });
    assert.equal((await conversation(ws, conversationId)).handler, 'queue');
    await presence(ben.token, { status: 'online' });
    assert.equal((await conversation(ws, conversationId)).assigneeId, ben.id);
    assert.deepEqual((await events(ws, conversationId)).map((e) => [e.kind, e.reason.split(':')[0]]), [
      ['queued', 'waits for a person'], ['assigned', 'assigned to Ana'], ['requeued', 'Ana went offline'], ['assigned', 'assigned to Ben'],
    ]);
  });

  it('a conversation nobody answered within the team’s time goes back to the queue, priority kept', async () => {
    const ws = await createWorkspace(app);
    const ana = await addAgent(app, ws.id, { name: 'Ana' });
    const ben = await addAgent(app, ws.id, { name: 'Ben' });
    const team = (await call(app, 'POST', '/api/v1/teams', { token: ws.tokens.admin, body: { name: 'Care', agentIds: [ana.id, ben.id] } })).body as { id: string };
    const saved = await call(app, 'PUT', `/api/v1/teams/${team.id}/queue-policy`, { token: ws.tokens.admin, body: { reassignAfterSeconds: 120 } });
    assert.equal(saved.body.reassignAfterSeconds, 120);
    await presence(ana.token, { status: 'online' });
    const answered = await customerSays(ws, 'First question');
    const ignored = await customerSays(ws, 'Second question');
    for (const { conversationId } of [answered, ignored]) {
      await call(app, 'PATCH', `/api/v1/conversations/${conversationId}`, { token: ws.tokens.admin, body: { teamId: team.id, priority: 'high' } });
    }
    assert.equal((await conversation(ws, ignored.conversationId)).assigneeId, ana.id);
    const reply = await call(app, 'POST', `/api/v1/conversations/${answered.conversationId}/messages`, { token: ana.token, body: { body: 'On it!' } });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    await presence(ben.token, { status: 'online', capacity: { voice: 1, live: 3, async: 0 } });
    now += 60_000;
    assert.deepEqual((await routing.pass(ws.id)).requeued, [], 'not yet');
    now += 61_000;
    const { requeued } = await routing.pass(ws.id);
    assert.deepEqual(requeued.map((c) => c.id), [ignored.conversationId], 'the answered one stays');
    const back = await conversation(ws, ignored.conversationId);
    assert.equal(back.priority, 'high');
    assert.equal((await events(ws, ignored.conversationId)).find((e) => e.kind === 'requeued')!.reason, 'Ana did not answer within 120 s');
  });

  it('outside its hours a team’s conversations wait, with the opening time, and go first when it opens', async () => {
    const ws = await createWorkspace(app);
    const ana = await addAgent(app, ws.id, { name: 'Ana' });
    const team = (await call(app, 'POST', '/api/v1/teams', { token: ws.tokens.admin, body: { name: 'Day shift', agentIds: [ana.id] } })).body as { id: string };
    const overlapping = await call(app, 'PUT', `/api/v1/teams/${team.id}/queue-policy`, { token: ws.tokens.admin, body: {
      hours: { timezone: 'Asia/Tehran', days: [[{ from: '09:00', to: '13:00' }, { from: '12:00', to: '17:00' }], [], [], [], [], [], []] },
    } });
    assert.deepEqual([overlapping.status, overlapping.body.errors[0].path], [400, 'hours']);
    const today = new Date(now).toISOString().slice(0, 10);
    const allDay = Array.from({ length: 7 }, () => [{ from: '00:00', to: '24:00' }]);
    const saved = await call(app, 'PUT', `/api/v1/teams/${team.id}/queue-policy`, { token: ws.tokens.admin, body: { hours: { timezone: 'UTC', days: allDay }, holidays: [today] } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    await presence(ana.token, { status: 'online', capacity: { voice: 1, live: 3, async: 0 } });
    const { conversationId } = await customerSays(ws, 'Is anyone there?');
    await presence(ana.token, { capacity: null });
    await call(app, 'PATCH', `/api/v1/conversations/${conversationId}`, { token: ws.tokens.admin, body: { teamId: team.id } });
    const moved = await call(app, 'POST', `/api/v1/conversations/${conversationId}/transfer`, { token: ws.tokens.admin, body: { teamId: team.id } });
    assert.deepEqual([moved.body.assignedTo, moved.body.expectedWaitSeconds], [null, null], 'the team is off today although Ana is online');
    const tomorrow = new Date(`${today}T00:00:00Z`).getTime() + 24 * 3600_000;
    assert.deepEqual((await queue(ws)).map((q) => q.opensAt), [new Date(tomorrow).toISOString()]);
    now = tomorrow + 60_000;
    await routing.pass(ws.id);
    assert.equal((await conversation(ws, conversationId)).assigneeId, ana.id);
  });

  it('the bot tells a customer handed off into a long queue their place, the wait, and that they need not stay', async () => {
    const ws = await createWorkspace(app, { bot: true });
    await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings: { bot: { enabled: true, strategy: 'bot-first', threshold: null } } } });
    const ana = await addAgent(app, ws.id, { name: 'Ana' });
    await presence(ana.token, { status: 'online', capacity: { voice: 1, live: 3, async: 0 } });
    // Two conversations already wait (by email, straight to people).
    for (const n of [1, 2]) {
      await app.services.receive.receiveFromIdentity({ workspaceId: ws.id, identity: { kind: 'email', value: `wait-${n}-${randomUUID()}@example.com` }, customerName: `C${n}`, channel: 'email', threadKey: null, body: 'Hello', content: {}, idempotencyKey: null });
    }
    await routing.settled();
    const { conversationId } = await customerSays(ws, 'I want to talk to a person');
    await app.services.botTurns.settled();
    const messages = (await call(app, 'GET', `/api/v1/conversations/${conversationId}/messages`, { token: ws.tokens.admin })).body.items as Array<{ author: string; body: string }>;
    const told = messages.find((m) => m.author === 'bot')!.body;
    assert.match(told, /You are number 3 in line\. Expected wait: about 15 minutes\. That is a while: you need not wait here\./);
  });

  it('a pre-chat choice the workspace does not offer is refused, and nothing is stored', async () => {
    const ws = await createWorkspace(app);
    const badTeam = await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings: { prechat: { chooseBotOrPerson: false, topics: [{ key: 'x', label: { en: 'X' }, teamId: randomUUID() }] } } } });
    assert.deepEqual([badTeam.status, badTeam.body.errors[0].path], [404, 'settings.prechat.topics.0.teamId']);
    const session = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { locale: 'en' } })).body as { token: string };
    for (const start of [{ topic: 'nothing' }, { with: 'person' }]) {
      const sent = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: session.token, body: { body: 'Hi', idempotencyKey: `k-${randomUUID()}`, start } });
      assert.equal(sent.status, 400, JSON.stringify(start));
      assert.equal(sent.body.errors[0].path, Object.keys(start)[0] === 'topic' ? 'start.topic' : 'start.with');
    }
    assert.deepEqual((await call(app, 'GET', '/api/v1/conversations', { token: ws.tokens.admin })).body.items, []);
  });
});
