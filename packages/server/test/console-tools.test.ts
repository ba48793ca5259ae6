// What the agent console builds on: canned responses, labels on conversations, and mentions
// of colleagues in private notes — each kept inside its workspace.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { topics } from '../src/adapters/bus/event-bus.ts';
import { addAgent, call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

const app = await startTestApp();

async function conversationOf(ws: TestWorkspace, body = 'Xin chào, tôi cần hoàn tiền.') {
  const received = await app.services.receive.receiveFromIdentity({ workspaceId: ws.id, identity: { kind: 'email', value: `${randomUUID()}@example.com` }, customerName: 'Minh', channel: 'email', threadKey: null, body, content: {}, idempotencyKey: null });
  return received.conversation.id;
}

const refund = { shortcut: 'refund', locale: 'en', title: 'Refund started', body: "Hi {{ customer.firstName }}, I've started your refund. — {{agent.name}}" };
const refundFa = { shortcut: 'refund', locale: 'fa', title: 'بازپرداخت', body: 'سلام {{customer.firstName}}، بازپرداخت شما آغاز شد.' };

describe('canned responses', () => {
  it('admins write them, agents search them by shortcut, title or body, ordered by shortcut', async () => {
    const ws = await createWorkspace(app);
    const created = await call(app, 'POST', '/api/v1/canned-responses', { token: ws.tokens.admin, body: refund });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.variables, ['customer.firstName', 'agent.name']);
    assert.equal(created.body.createdBy, ws.agentIds.admin);
    assert.equal((await call(app, 'POST', '/api/v1/canned-responses', { token: ws.tokens.admin, body: refundFa })).status, 201);
    await call(app, 'POST', '/api/v1/canned-responses', { token: ws.tokens.admin, body: { shortcut: 'thanks', locale: 'vi', title: 'Cảm ơn', body: 'Cảm ơn anh/chị đã liên hệ {{workspace.name}}!' } });
    const search = async (query: string) => (await call(app, 'GET', `/api/v1/canned-responses${query}`, { token: ws.tokens.agent })).body.items.map((c: { shortcut: string; locale: string }) => `${c.shortcut}/${c.locale}`);
    assert.deepEqual(await search(''), ['refund/en', 'refund/fa', 'thanks/vi']);
    assert.deepEqual(await search('?q=REFUND'), ['refund/en', 'refund/fa']);
    assert.deepEqual(await search('?q=started'), ['refund/en']);
    assert.deepEqual(await search(`?q=${encodeURIComponent('بازپرداخت')}`), ['refund/fa']);
    assert.deepEqual(await search(`?q=${encodeURIComponent('liên hệ')}`), ['thanks/vi']);
    assert.deepEqual(await search('?locale=fa'), ['refund/fa']);
    assert.deepEqual(await search('?q=%25'), [], 'a % is searched for, not a wildcard');

    const id = created.body.id as string;
    const patched = await call(app, 'PATCH', `/api/v1/canned-responses/${id}`, { token: ws.tokens.admin, body: { title: 'Refund on its way' } });
    assert.deepEqual([patched.status, patched.body.title, patched.body.body], [200, 'Refund on its way', refund.body]);
    assert.equal((await call(app, 'PATCH', `/api/v1/canned-responses/${id}`, { token: ws.tokens.admin, body: { shortcut: 'thanks', locale: 'vi' } })).body.code, 'canned_response.shortcut_taken');
    assert.equal((await call(app, 'PATCH', `/api/v1/canned-responses/${randomUUID()}`, { token: ws.tokens.admin, body: { title: 'x' } })).status, 404);
    assert.equal((await call(app, 'DELETE', `/api/v1/canned-responses/${id}`, { token: ws.tokens.admin })).status, 200);
    assert.equal((await call(app, 'DELETE', `/api/v1/canned-responses/${id}`, { token: ws.tokens.admin })).body.code, 'canned_response.not_found');
    assert.deepEqual(await search('?q=refund'), ['refund/fa']);
  });

  it('refuses an unknown variable, naming it under body, and stores nothing', async () => {
    const ws = await createWorkspace(app);
    const bad = await call(app, 'POST', '/api/v1/canned-responses', { token: ws.tokens.admin, body: { ...refund, body: 'Call {{ customer.phone }} or {{customer.name}}' } });
    assert.deepEqual([bad.status, bad.body.code], [400, 'canned_response.unknown_variable']);
    assert.deepEqual(bad.body.errors, [{ path: 'body', message: 'unknown variable {{customer.phone}}' }]);
    assert.deepEqual((await call(app, 'GET', '/api/v1/canned-responses', { token: ws.tokens.agent })).body.items, []);
    const saved = (await call(app, 'POST', '/api/v1/canned-responses', { token: ws.tokens.admin, body: refund })).body;
    const badPatch = await call(app, 'PATCH', `/api/v1/canned-responses/${saved.id}`, { token: ws.tokens.admin, body: { body: 'سلام {{مشتری}}' } });
    assert.deepEqual(badPatch.body.errors, [{ path: 'body', message: 'unknown variable {{مشتری}}' }]);
    assert.equal((await call(app, 'GET', '/api/v1/canned-responses', { token: ws.tokens.agent })).body.items[0].body, refund.body);
  });

  it('one shortcut per language: a duplicate is a conflict; agents cannot write', async () => {
    const ws = await createWorkspace(app);
    assert.equal((await call(app, 'POST', '/api/v1/canned-responses', { token: ws.tokens.admin, body: refund })).status, 201);
    const duplicate = await call(app, 'POST', '/api/v1/canned-responses', { token: ws.tokens.owner, body: { ...refund, title: 'Another' } });
    assert.deepEqual([duplicate.status, duplicate.body.code], [409, 'canned_response.shortcut_taken']);
    assert.equal((await call(app, 'POST', '/api/v1/canned-responses', { token: ws.tokens.agent, body: { ...refund, locale: 'vi' } })).status, 403);
    assert.equal((await call(app, 'POST', '/api/v1/canned-responses', { token: ws.tokens.admin, body: { ...refund, shortcut: 'Refund!' } })).status, 400);
  });

  it('another workspace neither sees nor changes them', async () => {
    const ws = await createWorkspace(app);
    const other = await createWorkspace(app);
    const saved = (await call(app, 'POST', '/api/v1/canned-responses', { token: ws.tokens.admin, body: refund })).body;
    assert.deepEqual((await call(app, 'GET', '/api/v1/canned-responses?q=refund', { token: other.tokens.agent })).body.items, []);
    assert.equal((await call(app, 'PATCH', `/api/v1/canned-responses/${saved.id}`, { token: other.tokens.admin, body: { title: 'Mine' } })).status, 404);
    assert.equal((await call(app, 'DELETE', `/api/v1/canned-responses/${saved.id}`, { token: other.tokens.admin })).status, 404);
    assert.equal((await call(app, 'POST', '/api/v1/canned-responses', { token: other.tokens.admin, body: refund })).status, 201, 'the same shortcut is free elsewhere');
    assert.equal((await call(app, 'GET', '/api/v1/canned-responses', { token: ws.tokens.agent })).body.items[0].title, refund.title);
  });
});

describe('labels', () => {
  it('are set and cleared through the conversation, filter the list, and are counted on open conversations', async () => {
    const ws = await createWorkspace(app);
    const [a, b, c] = [await conversationOf(ws), await conversationOf(ws), await conversationOf(ws)];
    const published: Array<{ type: string; conversation?: { id: string; labels: string[] } }> = [];
    const unsubscribe = await app.deps.bus.subscribe(topics.feed(ws.id), (event) => published.push(event as (typeof published)[number]));
    const labelled = await call(app, 'PATCH', `/api/v1/conversations/${a}`, { token: ws.tokens.agent, body: { labels: [' Billing ', 'vip', 'billing', 'Hoàn Tiền'] } });
    assert.deepEqual([labelled.status, labelled.body.labels], [200, ['billing', 'vip', 'hoàn tiền']]);
    await call(app, 'PATCH', `/api/v1/conversations/${b}`, { token: ws.tokens.agent, body: { labels: ['billing', 'بازپرداخت'] } });
    await call(app, 'PATCH', `/api/v1/conversations/${c}`, { token: ws.tokens.agent, body: { labels: ['billing'], status: 'resolved' } });
    await unsubscribe();
    const update = published.find((e) => e.type === 'conversation.updated' && e.conversation?.id === a);
    assert.deepEqual(update?.conversation?.labels, ['billing', 'vip', 'hoàn tiền'], 'the feed announces the new labels');

    assert.deepEqual((await call(app, 'GET', `/api/v1/conversations/${a}`, { token: ws.tokens.agent })).body.labels, ['billing', 'vip', 'hoàn tiền']);
    const withLabel = async (label: string) => (await call(app, 'GET', `/api/v1/conversations?label=${encodeURIComponent(label)}`, { token: ws.tokens.agent })).body.items.map((x: { id: string }) => x.id).sort();
    assert.deepEqual(await withLabel('vip'), [a]);
    assert.deepEqual(await withLabel('billing'), [a, b, c].sort());
    assert.deepEqual(await withLabel('VIP'), [a], 'the filter is lowercased like the labels');
    const counts = async () => (await call(app, 'GET', '/api/v1/labels', { token: ws.tokens.agent })).body.items;
    assert.deepEqual(await counts(), [
      { label: 'billing', openConversations: 2 },
      { label: 'hoàn tiền', openConversations: 1 },
      { label: 'vip', openConversations: 1 },
      { label: 'بازپرداخت', openConversations: 1 },
    ]);
    const cleared = await call(app, 'PATCH', `/api/v1/conversations/${b}`, { token: ws.tokens.agent, body: { labels: [] } });
    assert.deepEqual(cleared.body.labels, []);
    assert.deepEqual(await withLabel('billing'), [a, c].sort());
    assert.deepEqual((await counts()).map((l: { label: string; openConversations: number }) => [l.label, l.openConversations]), [['billing', 1], ['hoàn tiền', 1], ['vip', 1]]);
    const other = await createWorkspace(app);
    assert.deepEqual((await call(app, 'GET', '/api/v1/labels', { token: other.tokens.agent })).body.items, []);
  });

  it('refuses bad labels and leaves the conversation as it was', async () => {
    const ws = await createWorkspace(app);
    const id = await conversationOf(ws);
    await call(app, 'PATCH', `/api/v1/conversations/${id}`, { token: ws.tokens.agent, body: { labels: ['vip'] } });
    for (const labels of [['x'.repeat(41)], Array.from({ length: 21 }, (_, i) => `l${i}`), ['a,b'], ['   ']]) {
      const bad = await call(app, 'PATCH', `/api/v1/conversations/${id}`, { token: ws.tokens.agent, body: { labels, priority: 'urgent' } });
      assert.deepEqual([bad.status, bad.body.code], [400, 'request.invalid'], JSON.stringify(labels));
    }
    const now = (await call(app, 'GET', `/api/v1/conversations/${id}`, { token: ws.tokens.agent })).body;
    assert.deepEqual([now.labels, now.priority], [['vip'], 'normal']);
    assert.equal((await call(app, 'PATCH', `/api/v1/conversations/${id}`, { token: ws.tokens.agent, body: { labels: ['x'.repeat(40)] } })).status, 200);
  });

  it('are the agents’ own: the customer’s widget never sees them', async () => {
    const ws = await createWorkspace(app);
    const session = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { locale: 'en' } })).body as { token: string };
    const sent = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: session.token, body: { body: 'hello', idempotencyKey: `k-${randomUUID()}` } });
    await call(app, 'PATCH', `/api/v1/conversations/${sent.body.conversation.id}`, { token: ws.tokens.agent, body: { labels: ['difficult'] } });
    const seen = (await call(app, 'GET', `/api/v1/widget/${ws.id}/conversations`, { token: session.token })).body.items;
    assert.equal(seen.length, 1);
    assert.equal('labels' in seen[0], false, 'labels are not part of what a customer receives');
    assert.doesNotMatch(JSON.stringify(seen), /difficult/);
  });
});

describe('mentions in private notes', () => {
  it('a note mentions the named colleagues only; a reply, a replay or a self-mention mentions nobody', async () => {
    const ws = await createWorkspace(app);
    const emma = await addAgent(app, ws.id, { name: 'Emma' });
    const darius = await addAgent(app, ws.id, { name: 'Darius' });
    const elsewhere = await createWorkspace(app);
    const otherEmma = await addAgent(app, elsewhere.id, { name: 'Emma' });
    const conversationId = await conversationOf(ws);
    const mentionsOf = async (token: string, query = '') => (await call(app, 'GET', `/api/v1/mentions${query}`, { token })).body.items;
    const post = (body: Record<string, unknown>) => call(app, 'POST', `/api/v1/conversations/${conversationId}/messages`, { token: ws.tokens.agent, body });

    const key = `note-${randomUUID()}`;
    const note = await post({ body: '@Emma can you check the refund? cc @nobody and me @agent, not emma@example.com', private: true, idempotencyKey: key });
    assert.equal(note.status, 201);
    const [mention] = await mentionsOf(emma.token);
    assert.deepEqual({ ...mention, id: typeof mention.id }, { id: 'string', messageId: note.body.id, conversationId, authorId: ws.agentIds.agent, createdAt: note.body.createdAt, seenAt: null });
    assert.equal((await post({ body: '@Emma can you check the refund?', private: true, idempotencyKey: key })).status, 200);
    assert.equal((await post({ body: '@emma will reply to you soon', private: false })).status, 201);
    assert.equal((await mentionsOf(emma.token)).length, 1, 'neither the replayed key nor the public reply mentioned her again');
    assert.deepEqual(await mentionsOf(ws.tokens.agent), [], 'the author mentioned themselves');
    assert.deepEqual(await mentionsOf(darius.token), []);
    assert.deepEqual(await mentionsOf(otherEmma.token), [], 'an agent with the same handle in another workspace');

    const persian = await post({ body: '@darius لطفاً این را بررسی کن', private: true });
    const [forDarius] = await mentionsOf(darius.token);
    assert.deepEqual([forDarius.messageId, forDarius.authorId], [persian.body.id, ws.agentIds.agent]);
  });

  it('marking a conversation seen clears your mentions there, not your colleagues’', async () => {
    const ws = await createWorkspace(app);
    const emma = await addAgent(app, ws.id, { name: 'Emma' });
    const darius = await addAgent(app, ws.id, { name: 'Darius' });
    const [first, second] = [await conversationOf(ws), await conversationOf(ws)];
    for (const id of [first, second]) {
      await call(app, 'POST', `/api/v1/conversations/${id}/messages`, { token: ws.tokens.admin, body: { body: 'Nhờ @emma và @darius xem giúp.', private: true } });
    }
    assert.deepEqual((await call(app, 'GET', '/api/v1/mentions?unseen=true', { token: emma.token })).body.items.map((m: { conversationId: string }) => m.conversationId), [second, first]);
    const seen = await call(app, 'POST', '/api/v1/mentions/seen', { token: emma.token, body: { conversationId: first } });
    assert.deepEqual(seen.body, { ok: true, count: 1 });
    assert.deepEqual((await call(app, 'POST', '/api/v1/mentions/seen', { token: emma.token, body: { conversationId: first } })).body, { ok: true, count: 0 });
    assert.deepEqual((await call(app, 'GET', '/api/v1/mentions?unseen=true', { token: emma.token })).body.items.map((m: { conversationId: string }) => m.conversationId), [second]);
    const all = (await call(app, 'GET', '/api/v1/mentions?unseen=false', { token: emma.token })).body.items;
    assert.deepEqual(all.map((m: { seenAt: string | null }) => m.seenAt !== null), [false, true]);
    assert.equal((await call(app, 'GET', '/api/v1/mentions?unseen=true', { token: darius.token })).body.items.length, 2);
  });

  it('a mention follows its note when the note is split into a new conversation', async () => {
    const ws = await createWorkspace(app);
    const emma = await addAgent(app, ws.id, { name: 'Emma' });
    const conversationId = await conversationOf(ws);
    const note = await call(app, 'POST', `/api/v1/conversations/${conversationId}/messages`, { token: ws.tokens.agent, body: { body: 'Second issue here, @emma', private: true } });
    const split = await call(app, 'POST', `/api/v1/conversations/${conversationId}/split`, { token: ws.tokens.agent, body: { messageIds: [note.body.id] } });
    assert.equal(split.status, 201);
    const [mention] = (await call(app, 'GET', '/api/v1/mentions', { token: emma.token })).body.items;
    assert.equal(mention.conversationId, split.body.conversation.id);
  });

  it('every agent has a handle: the local part of their email', async () => {
    const ws = await createWorkspace(app);
    const emma = await addAgent(app, ws.id, { name: 'Emma' });
    assert.equal((await call(app, 'GET', `/api/v1/agents/${emma.id}`, { token: ws.tokens.agent })).body.handle, 'emma');
    assert.equal((await call(app, 'GET', '/api/v1/me', { token: emma.token })).body.agent.handle, 'emma');
  });
});
