// API tokens are scoped: a read-only token may read, and every change — over REST or the
// realtime socket — is refused and changes nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, connect, createWorkspace, startTestApp } from './harness.ts';

const app = await startTestApp();
describe('API token scopes', () => {
  it('a read-only token may read but every change is refused and changes nothing', async () => {
    const ws = await createWorkspace(app);
    const created = await call(app, 'POST', '/api/v1/api-tokens', { token: ws.tokens.agent, body: { name: 'dashboard', scopes: ['read'] } });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.apiToken.scopes, ['read']);
    const token = created.body.token as string;
    const tokenId = created.body.apiToken.id as string;

    assert.equal((await call(app, 'GET', '/api/v1/me', { token })).status, 200);
    assert.equal((await call(app, 'GET', '/api/v1/conversations', { token })).status, 200);
    const attempts = [
      await call(app, 'POST', '/api/v1/api-tokens', { token, body: { name: 'escalate' } }),
      await call(app, 'PATCH', `/api/v1/agents/${ws.agentIds.agent}`, { token, body: { name: 'Renamed' } }),
      await call(app, 'DELETE', `/api/v1/api-tokens/${tokenId}`, { token }),
    ];
    for (const res of attempts) {
      assert.equal(res.status, 403);
      assert.equal(res.body.code, 'auth.forbidden');
      assert.equal(res.body.detail, 'This token is read-only.');
    }
    assert.equal((await call(app, 'GET', `/api/v1/agents/${ws.agentIds.agent}`, { token })).body.name, 'agent');
    const listed = (await call(app, 'GET', '/api/v1/api-tokens', { token: ws.tokens.agent })).body.items as { id: string; revokedAt: string | null }[];
    assert.equal(listed.length, 2, 'no token was added');
    assert.equal(listed.find((t) => t.id === tokenId)?.revokedAt, null);
  });

  it('a read-only token cannot send messages over the realtime socket either', async () => {
    const ws = await createWorkspace(app);
    const token = (await call(app, 'POST', '/api/v1/api-tokens', { token: ws.tokens.agent, body: { name: 'wall screen', scopes: ['read'] } })).body.token as string;
    const visitor = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {} })).body as { token: string };
    const sent = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: visitor.token, body: { body: 'hello', idempotencyKey: 'ro-socket-1' } });
    const conversationId = sent.body.conversation.id as string;
    const socket = await connect(`${(await app.listen()).replace('http', 'ws')}/api/v1/ws`);
    try {
      socket.send({ type: 'hello', token });
      await socket.waitFor((f) => f.type === 'ready');
      socket.send({ type: 'message.send', conversationId, body: 'from a read-only token', idempotencyKey: 'ro-socket-2' });
      const refused = await socket.waitFor((f) => f.type === 'error');
      assert.equal(refused.code, 'auth.forbidden');
      const messages = (await call(app, 'GET', `/api/v1/conversations/${conversationId}/messages`, { token: ws.tokens.agent })).body.items as { body: string }[];
      assert.deepEqual(messages.map((m) => m.body).filter((b) => b.includes('read-only')), []);
    } finally {
      await socket.close();
    }
  });

  it('a token has both scopes unless told otherwise, and only read and write exist', async () => {
    const ws = await createWorkspace(app);
    const created = await call(app, 'POST', '/api/v1/api-tokens', { token: ws.tokens.agent, body: { name: 'zapier' } });
    assert.deepEqual(created.body.apiToken.scopes, ['read', 'write']);
    assert.equal((await call(app, 'PATCH', `/api/v1/agents/${ws.agentIds.agent}`, { token: created.body.token, body: { name: 'Renamed' } })).status, 200);
    for (const scopes of [[], ['admin']]) {
      assert.equal((await call(app, 'POST', '/api/v1/api-tokens', { token: ws.tokens.agent, body: { name: 'bad', scopes } })).status, 400);
    }
  });
});
