// Segments through the API: rules checked with their paths, previews over real customers and
// their behaviour, templates, and the service they decide — down to what the bot does.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

const app = await startTestApp();
await app.listen();

async function customer(ws: TestWorkspace, name: string, attributes: Record<string, unknown>) {
  const received = await app.services.receive.receiveFromIdentity({ workspaceId: ws.id, identity: { kind: 'email', value: `${randomUUID()}@example.com` }, customerName: name, channel: 'email', threadKey: null, body: 'Hello', content: {}, idempotencyKey: null });
  const patched = await call(app, 'PATCH', `/api/v1/customers/${received.conversation.customerId}`, { token: ws.tokens.admin, body: { attributes } });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  return { customerId: received.conversation.customerId, conversationId: received.conversation.id };
}

const premium = { name: { en: 'Premium', fa: 'ویژه' }, rule: { all: [{ field: 'attributes.tier', op: 'equals', value: 'Gold' }] }, strategy: 'human-first', priority: 10 };

describe('segments', () => {
  it('checks a rule and names what is wrong where, changing nothing', async () => {
    const ws = await createWorkspace(app);
    const bad = await call(app, 'PUT', '/api/v1/segments/broken', { token: ws.tokens.admin, body: { ...premium, rule: { all: [{ field: 'behaviour.shoeSize', op: 'gt', value: 3 }, { field: 'attributes.tier', op: 'between', value: 1 }] } } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'segment.invalid');
    assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path), ['rule.all.0.field', 'rule.all.1.op']);
    assert.equal((await call(app, 'PUT', '/api/v1/segments/premium', { token: ws.tokens.agent, body: premium })).status, 403);
    assert.deepEqual((await call(app, 'GET', '/api/v1/segments', { token: ws.tokens.agent })).body.items, []);
    assert.equal((await call(app, 'DELETE', '/api/v1/segments/nothing', { token: ws.tokens.admin })).status, 404);
  });

  it('previews which customers a rule matches, by attributes (in any script) and by behaviour', async () => {
    const ws = await createWorkspace(app);
    const gold = await customer(ws, 'Lan', { tier: 'gold' });
    await customer(ws, 'Reza', { tier: 'طلایی' });
    await customer(ws, 'Sam', { tier: 'silver' });
    const preview = await call(app, 'POST', '/api/v1/segments/preview', { token: ws.tokens.admin, body: { rule: premium.rule } });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.deepEqual([preview.body.examined, preview.body.matched, preview.body.sample.map((c: { id: string }) => c.id)], [3, 1, [gold.customerId]]);
    const persian = await call(app, 'POST', '/api/v1/segments/preview', { token: ws.tokens.admin, body: { rule: { field: 'attributes.tier', op: 'in', value: ['طلایی', 'gold'] } } });
    assert.equal(persian.body.matched, 2);
    // Behaviour: Sam's conversation is resolved by a person; the rule follows as soon as it happens.
    const byPeople = { all: [{ field: 'behaviour.peopleShare', op: 'gte', value: 1 }] };
    assert.equal((await call(app, 'POST', '/api/v1/segments/preview', { token: ws.tokens.admin, body: { rule: byPeople } })).body.matched, 0);
    const conversations = (await call(app, 'GET', '/api/v1/conversations', { token: ws.tokens.admin })).body.items as Array<{ id: string; customerId: string }>;
    const lans = conversations.find((c) => c.customerId === gold.customerId)!;
    await call(app, 'POST', `/api/v1/conversations/${lans.id}/messages`, { token: ws.tokens.agent, body: { body: 'Done!' } });
    await call(app, 'PATCH', `/api/v1/conversations/${lans.id}`, { token: ws.tokens.agent, body: { status: 'resolved' } });
    const after = (await call(app, 'POST', '/api/v1/segments/preview', { token: ws.tokens.admin, body: { rule: byPeople } })).body;
    assert.deepEqual(after.sample.map((c: { id: string }) => c.id), [gold.customerId]);
  });

  it('ships templates for four customer groups and the verticals', async () => {
    const ws = await createWorkspace(app);
    const templates = (await call(app, 'GET', '/api/v1/segments/templates', { token: ws.tokens.agent })).body;
    assert.deepEqual(templates.segments.map((s: { strategy: string }) => s.strategy).sort(), ['bot-first', 'human-first', 'hybrid', 'same-as-last-time']);
    assert.ok(templates.verticals.some((v: { vertical: string }) => v.vertical === 'banking'));
    for (const t of templates.segments) {
      const saved = await call(app, 'PUT', `/api/v1/segments/${t.key}`, { token: ws.tokens.admin, body: { name: t.name, rule: t.rule, strategy: t.strategy, priority: t.priority } });
      assert.equal(saved.status, 200, `${t.key}: ${JSON.stringify(saved.body)}`);
    }
    const high = await customer(ws, 'Minh', { income_band: 'high' });
    const service = (await call(app, 'GET', `/api/v1/customers/${high.customerId}/service`, { token: ws.tokens.agent })).body;
    assert.equal(service.strategy, 'hybrid');
    assert.match(service.reason, /^segment "/);
  });

  it('decides what the bot does: a human-first segment goes to people at once, with the segment in the packet', async () => {
    const ws = await createWorkspace(app, { bot: true });
    await call(app, 'PUT', '/api/v1/segments/premium', { token: ws.tokens.admin, body: premium });
    await call(app, 'PUT', '/api/v1/bot/intents/greeting', { token: ws.tokens.admin, body: { title: { en: 'Hello' }, phrases: { en: ['hello', 'hi there', 'good morning'] }, answer: 'reply', reply: { en: 'Hello!' } } });
    await call(app, 'PUT', '/api/v1/bot/intents/thanks', { token: ws.tokens.admin, body: { title: { en: 'Thanks' }, phrases: { en: ['thank you', 'thanks a lot', 'cheers'] }, answer: 'reply', reply: { en: 'You are welcome!' } } });
    await app.services.botModels.settled();
    const session = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { locale: 'en' } })).body as { token: string; customerId: string };
    await call(app, 'PATCH', `/api/v1/customers/${session.customerId}`, { token: ws.tokens.admin, body: { attributes: { tier: 'GOLD' } } });
    const sent = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: session.token, body: { body: 'hello', idempotencyKey: `k-${randomUUID()}` } });
    await app.services.botTurns.settled();
    const conversationId = sent.body.conversation.id as string;
    const [handoff] = (await call(app, 'GET', `/api/v1/conversations/${conversationId}/handoffs`, { token: ws.tokens.agent })).body.items;
    assert.equal(handoff.reason, 'policy');
    assert.equal(handoff.packet.segment, 'premium');
    // Another customer, not in the segment, is greeted by the bot.
    const other = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { locale: 'en' } })).body as { token: string };
    const second = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: other.token, body: { body: 'hello', idempotencyKey: `k-${randomUUID()}` } });
    await app.services.botTurns.settled();
    const messages = (await call(app, 'GET', `/api/v1/conversations/${second.body.conversation.id}/messages`, { token: ws.tokens.agent })).body.items as Array<{ author: string; body: string }>;
    assert.ok(messages.some((m) => m.author === 'bot' && m.body === 'Hello!'), JSON.stringify(messages));
  });

  it('a banking workspace sends complaints to people and keeps the bot for the rest (hybrid)', async () => {
    const ws = await createWorkspace(app);
    await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings: { vertical: 'banking' } } });
    const { customerId } = await customer(ws, 'Hoa', {});
    const service = (await call(app, 'GET', `/api/v1/customers/${customerId}/service`, { token: ws.tokens.agent })).body;
    assert.deepEqual(service, { strategy: 'hybrid', reason: 'vertical banking → hybrid', segments: [] });
    const complaint = await app.services.segments.serviceFor(ws.id, customerId, { complaint: true });
    assert.deepEqual([complaint.strategy, complaint.reason], ['human-first', 'vertical banking: complaint → human-first']);
  });
});
