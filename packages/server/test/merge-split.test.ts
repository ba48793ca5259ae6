import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

const app = await startTestApp();

const send = (ws: TestWorkspace, identity: { kind: string; value: string }, body: string, extra: Record<string, unknown> = {}) =>
  call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: identity.kind === 'email' ? 'email' : 'sms', identity, body, idempotencyKey: `k-${randomUUID()}`, ...extra } });
const thread = async (ws: TestWorkspace, id: string) =>
  (await call(app, 'GET', `/api/v1/conversations/${id}/messages`, { token: ws.tokens.agent })).body.items.map((m: { body: string; seq: number }) => `${m.seq}:${m.body}`);

async function auditEntry(ws: TestWorkspace, action: string, targetId: string) {
  const res = await call(app, 'GET', `/api/v1/audit-entries?targetId=${targetId}`, { token: ws.tokens.admin });
  return res.body.items.find((e: { action: string }) => e.action === action);
}

describe('customer merge', () => {
  it('merging two customers joins their identities, conversations and timeline, and reverts from the audit trail', async () => {
    const ws = await createWorkspace(app);
    const byEmail = await send(ws, { kind: 'email', value: 'ali@example.com' }, 'by email');
    const byPhone = await send(ws, { kind: 'phone', value: '+989121111111' }, 'by sms');
    const survivor = byEmail.body.conversation.customerId;
    const absorbed = byPhone.body.conversation.customerId;
    assert.notEqual(survivor, absorbed);
    const merged = await call(app, 'POST', `/api/v1/customers/${survivor}/merge`, { token: ws.tokens.agent, body: { customerId: absorbed } });
    assert.equal(merged.status, 200);
    assert.deepEqual(merged.body.identities.map((i: { kind: string }) => i.kind).sort(), ['email', 'phone']);
    const conversations = await call(app, 'GET', `/api/v1/conversations?customerId=${survivor}`, { token: ws.tokens.agent });
    assert.equal(conversations.body.items.length, 2);
    // Now an SMS from the phone number belongs to the survivor.
    const later = await send(ws, { kind: 'phone', value: '+989121111111' }, 'again');
    assert.equal(later.body.conversation.customerId, survivor);
    const timeline = await call(app, 'GET', `/api/v1/customers/${survivor}/timeline`, { token: ws.tokens.agent });
    assert.ok(timeline.body.items.some((e: { type: string }) => e.type === 'customer.merged'));

    const entry = await auditEntry(ws, 'customer.merged', survivor);
    const reverted = await call(app, 'POST', `/api/v1/audit-entries/${entry.id}/revert`, { token: ws.tokens.admin });
    assert.equal(reverted.status, 200);
    const restored = await call(app, 'GET', `/api/v1/customers/${absorbed}`, { token: ws.tokens.agent });
    assert.equal(restored.body.mergedIntoId, null);
    assert.deepEqual(restored.body.identities.map((i: { kind: string }) => i.kind), ['phone']);
    const twice = await call(app, 'POST', `/api/v1/audit-entries/${entry.id}/revert`, { token: ws.tokens.admin });
    assert.equal(twice.status, 409);
  });

  it('a customer cannot be merged into itself', async () => {
    const ws = await createWorkspace(app);
    const one = await send(ws, { kind: 'email', value: 'self@example.com' }, 'x');
    const id = one.body.conversation.customerId;
    const res = await call(app, 'POST', `/api/v1/customers/${id}/merge`, { token: ws.tokens.agent, body: { customerId: id } });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'customer.merge_rejected');
  });
});

describe('conversation merge and split', () => {
  it('merging moves the messages to the end of the survivor, and reverting puts them back in place', async () => {
    const ws = await createWorkspace(app);
    await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings: { conversationGrouping: 'thread' } } });
    const who = { kind: 'email', value: 'two@example.com' };
    const a = await send(ws, who, 'a1', { threadKey: '<a>' });
    await send(ws, who, 'a2', { threadKey: '<a>' });
    const b = await send(ws, who, 'b1', { threadKey: '<b>' });
    const [survivor, absorbed] = [a.body.conversation.id, b.body.conversation.id];
    const merged = await call(app, 'POST', `/api/v1/conversations/${survivor}/merge`, { token: ws.tokens.agent, body: { conversationId: absorbed } });
    assert.equal(merged.status, 200);
    assert.deepEqual(await thread(ws, survivor), ['1:a1', '2:a2', '3:b1']);
    assert.equal((await call(app, 'GET', `/api/v1/conversations/${absorbed}`, { token: ws.tokens.agent })).body.mergedIntoId, survivor);
    // A message to the absorbed conversation reaches the survivor.
    const redirected = await call(app, 'POST', `/api/v1/conversations/${absorbed}/messages`, { token: ws.tokens.agent, body: { body: 'reply' } });
    assert.equal(redirected.body.conversationId, survivor);

    const entry = await auditEntry(ws, 'conversation.merged', survivor);
    assert.equal((await call(app, 'POST', `/api/v1/audit-entries/${entry.id}/revert`, { token: ws.tokens.admin })).status, 200);
    assert.deepEqual(await thread(ws, absorbed), ['1:b1']);
    assert.deepEqual(await thread(ws, survivor), ['1:a1', '2:a2', '4:reply']);
    assert.equal((await call(app, 'GET', `/api/v1/conversations/${absorbed}`, { token: ws.tokens.agent })).body.mergedIntoId, null);
  });

  it("conversations of different customers cannot be merged", async () => {
    const ws = await createWorkspace(app);
    const a = await send(ws, { kind: 'email', value: 'x1@example.com' }, 'x');
    const b = await send(ws, { kind: 'email', value: 'x2@example.com' }, 'y');
    const res = await call(app, 'POST', `/api/v1/conversations/${a.body.conversation.id}/merge`, { token: ws.tokens.agent, body: { conversationId: b.body.conversation.id } });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'conversation.merge_rejected');
  });

  it('splitting moves chosen messages to a new conversation, and reverting returns them', async () => {
    const ws = await createWorkspace(app);
    const who = { kind: 'email', value: 'split@example.com' };
    const first = await send(ws, who, 'order late');
    const second = await send(ws, who, 'also: change my address');
    await send(ws, who, 'new address is 12 Lê Lợi');
    const id = first.body.conversation.id;
    const all = (await call(app, 'GET', `/api/v1/conversations/${id}/messages`, { token: ws.tokens.agent })).body.items;
    const split = await call(app, 'POST', `/api/v1/conversations/${id}/split`, { token: ws.tokens.agent, body: { messageIds: [second.body.message.id, all[2].id] } });
    assert.equal(split.status, 201);
    const created = split.body.conversation.id;
    assert.deepEqual(await thread(ws, created), ['1:also: change my address', '2:new address is 12 Lê Lợi']);
    assert.deepEqual(await thread(ws, id), ['1:order late']);
    const everything = await call(app, 'POST', `/api/v1/conversations/${id}/split`, { token: ws.tokens.agent, body: { messageIds: [first.body.message.id] } });
    assert.equal(everything.status, 400, 'a conversation keeps at least one message');

    const entry = await auditEntry(ws, 'conversation.split', id);
    assert.equal((await call(app, 'POST', `/api/v1/audit-entries/${entry.id}/revert`, { token: ws.tokens.admin })).status, 200);
    assert.deepEqual(await thread(ws, id), ['1:order late', '2:also: change my address', '3:new address is 12 Lê Lợi']);
  });

  it('only admins read the audit trail and revert', async () => {
    const ws = await createWorkspace(app);
    assert.equal((await call(app, 'GET', '/api/v1/audit-entries', { token: ws.tokens.agent })).status, 403);
  });
});
