import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp } from './harness.ts';

const app = await startTestApp();

// Workspace isolation: an agent of workspace A can never read or change workspace B's data,
// and B's ids look exactly like unknown ids to A (404, not 403: existence is not revealed).
describe('workspace isolation', async () => {
  const a = await createWorkspace(app);
  const b = await createWorkspace(app);
  const inB = await call(app, 'POST', '/api/v1/inbound-messages', {
    token: b.tokens.agent,
    body: { channel: 'email', identity: { kind: 'email', value: 'secret@b.example' }, body: 'B only' },
  });
  const conversationB = inB.body.conversation.id as string;
  const customerB = inB.body.conversation.customerId as string;
  const messageB = inB.body.message.id as string;

  const reads = [
    `/api/v1/conversations/${conversationB}`,
    `/api/v1/conversations/${conversationB}/messages`,
    `/api/v1/customers/${customerB}`,
    `/api/v1/customers/${customerB}/timeline`,
    `/api/v1/agents/${b.agentIds.agent}`,
  ];
  for (const url of reads) {
    it(`an agent of A gets 404 for B's ${url.split('/')[3]} at ${url.replace(/[0-9a-f-]{36}/g, ':id')}`, async () => {
      const res = await call(app, 'GET', url, { token: a.tokens.owner });
      assert.equal(res.status, 404);
      assert.ok(!JSON.stringify(res.body).includes('B only'));
    });
  }

  it("lists never show another workspace's records", async () => {
    for (const url of ['/api/v1/conversations', '/api/v1/customers', '/api/v1/agents', '/api/v1/teams', '/api/v1/channels']) {
      const res = await call(app, 'GET', url, { token: a.tokens.owner });
      assert.equal(res.status, 200, url);
      const text = JSON.stringify(res.body);
      for (const id of [conversationB, customerB, b.agentIds.agent]) assert.ok(!text.includes(id), `${url} leaked ${id}`);
    }
    const byIdentity = await call(app, 'GET', '/api/v1/customers?identity=secret@b.example', { token: a.tokens.owner });
    assert.deepEqual(byIdentity.body.items, []);
  });

  it("writes that name B's ids fail and change nothing in B", async () => {
    const attempts = [
      call(app, 'POST', `/api/v1/conversations/${conversationB}/messages`, { token: a.tokens.owner, body: { body: 'injected' } }),
      call(app, 'PATCH', `/api/v1/conversations/${conversationB}`, { token: a.tokens.owner, body: { status: 'resolved' } }),
      call(app, 'PATCH', `/api/v1/customers/${customerB}`, { token: a.tokens.owner, body: { name: 'x' } }),
      call(app, 'POST', `/api/v1/customers/${customerB}/identities`, { token: a.tokens.owner, body: { kind: 'email', value: 'x@x.example' } }),
      call(app, 'POST', '/api/v1/conversations', { token: a.tokens.owner, body: { customerId: customerB } }),
      call(app, 'POST', `/api/v1/conversations/${conversationB}/split`, { token: a.tokens.owner, body: { messageIds: [messageB] } }),
    ];
    for (const res of await Promise.all(attempts)) assert.equal(res.status, 404, JSON.stringify(res.body));
    const stillB = await call(app, 'GET', `/api/v1/conversations/${conversationB}/messages`, { token: b.tokens.agent });
    assert.deepEqual(stillB.body.items.map((m: { body: string }) => m.body), ['B only']);
    assert.equal((await call(app, 'GET', `/api/v1/conversations/${conversationB}`, { token: b.tokens.agent })).body.status, 'open');
  });

  it("an agent of A cannot assign B's agent or team", async () => {
    const inA = await call(app, 'POST', '/api/v1/inbound-messages', { token: a.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: 'c@a.example' }, body: 'hi' } });
    const res = await call(app, 'PATCH', `/api/v1/conversations/${inA.body.conversation.id}`, { token: a.tokens.owner, body: { assigneeId: b.agentIds.agent } });
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'agent.not_found');
  });

  it("a widget session of A cannot read B's conversation or post into it", async () => {
    const visitor = await call(app, 'POST', `/api/v1/widget/${a.id}/sessions`, { body: {} });
    const token = visitor.body.token as string;
    const crossPath = await call(app, 'GET', `/api/v1/widget/${b.id}/conversations`, { token });
    assert.equal(crossPath.status, 403);
    const post = await call(app, 'POST', `/api/v1/widget/${a.id}/messages`, { token, body: { conversationId: conversationB, body: 'hi', idempotencyKey: 'cross-ws-1' } });
    assert.equal(post.status, 404);
    const read = await call(app, 'GET', `/api/v1/widget/${a.id}/conversations/${conversationB}/messages`, { token });
    assert.equal(read.status, 404);
  });

  it("a customer cannot read another customer's conversation in the same workspace", async () => {
    const first = await call(app, 'POST', `/api/v1/widget/${a.id}/sessions`, { body: {} });
    const second = await call(app, 'POST', `/api/v1/widget/${a.id}/sessions`, { body: {} });
    const sent = await call(app, 'POST', `/api/v1/widget/${a.id}/messages`, { token: first.body.token, body: { body: 'private to first', idempotencyKey: 'first-1234' } });
    const snoop = await call(app, 'GET', `/api/v1/widget/${a.id}/conversations/${sent.body.conversation.id}/messages`, { token: second.body.token });
    assert.equal(snoop.status, 404);
    const inject = await call(app, 'POST', `/api/v1/widget/${a.id}/messages`, { token: second.body.token, body: { conversationId: sent.body.conversation.id, body: 'x', idempotencyKey: 'second-1234' } });
    assert.equal(inject.status, 404);
  });
});
