import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp } from './harness.ts';

const app = await startTestApp();

function cookieFrom(headers: Record<string, unknown>): string {
  const setCookie = headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : String(setCookie);
  return raw.split(';')[0]!;
}

describe('signing in', () => {
  it('an agent signs in with workspace, email and password and gets a secure session cookie', async () => {
    const ws = await createWorkspace(app);
    const res = await call(app, 'POST', '/api/v1/auth/login', { body: { workspace: ws.slug, email: 'ADMIN@example.com', password: 'correct horse battery' } });
    assert.equal(res.status, 200);
    assert.equal(res.body.agent.role, 'admin');
    assert.equal(res.body.agent.passwordHash, undefined);
    const setCookie = String(res.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    const me = await call(app, 'GET', '/api/v1/me', { headers: { cookie: cookieFrom(res.headers) } });
    assert.equal(me.status, 200);
    assert.equal(me.body.workspace.slug, ws.slug);
  });

  it('a wrong password, unknown email or unknown workspace gets the same 401', async () => {
    const ws = await createWorkspace(app);
    const attempts = [
      { workspace: ws.slug, email: 'admin@example.com', password: 'wrong password!' },
      { workspace: ws.slug, email: 'nobody@example.com', password: 'correct horse battery' },
      { workspace: 'no-such-workspace', email: 'admin@example.com', password: 'correct horse battery' },
    ];
    for (const body of attempts) {
      const res = await call(app, 'POST', '/api/v1/auth/login', { body });
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 'auth.invalid_credentials');
      assert.equal(res.headers['set-cookie'], undefined);
    }
  });

  it('signing out revokes the session', async () => {
    const ws = await createWorkspace(app);
    const login = await call(app, 'POST', '/api/v1/auth/login', { body: { workspace: ws.slug, email: 'agent@example.com', password: 'correct horse battery' } });
    const cookie = cookieFrom(login.headers);
    const out = await call(app, 'POST', '/api/v1/auth/logout', { headers: { cookie } });
    assert.equal(out.status, 200);
    const me = await call(app, 'GET', '/api/v1/me', { headers: { cookie } });
    assert.equal(me.status, 401);
  });

  it('a cookie-authenticated change from another site is refused', async () => {
    const ws = await createWorkspace(app);
    const login = await call(app, 'POST', '/api/v1/auth/login', { body: { workspace: ws.slug, email: 'admin@example.com', password: 'correct horse battery' } });
    const res = await call(app, 'PATCH', '/api/v1/workspace', { headers: { cookie: cookieFrom(login.headers), origin: 'https://evil.example' }, body: { name: 'pwned' } });
    assert.equal(res.status, 403);
    const workspace = await call(app, 'GET', '/api/v1/workspace', { token: ws.tokens.agent });
    assert.equal(workspace.body.name, 'Test');
  });

  it('API tokens act as their agent until revoked', async () => {
    const ws = await createWorkspace(app);
    const created = await call(app, 'POST', '/api/v1/api-tokens', { token: ws.tokens.agent, body: { name: 'zapier' } });
    assert.equal(created.status, 201);
    const token = created.body.token as string;
    assert.equal((await call(app, 'GET', '/api/v1/me', { token })).body.agent.id, ws.agentIds.agent);
    const listed = await call(app, 'GET', '/api/v1/api-tokens', { token: ws.tokens.agent });
    assert.ok(listed.body.items.some((t: { id: string }) => t.id === created.body.apiToken.id));
    assert.ok(!JSON.stringify(listed.body).includes(token), 'the secret is shown once only');
    const revoked = await call(app, 'DELETE', `/api/v1/api-tokens/${created.body.apiToken.id}`, { token: ws.tokens.agent });
    assert.equal(revoked.status, 200);
    assert.equal((await call(app, 'GET', '/api/v1/me', { token })).status, 401);
  });

  it('a forged or malformed token is rejected', async () => {
    const ws = await createWorkspace(app);
    const forged = ws.tokens.agent.slice(0, -4) + 'AAAA';
    for (const token of [forged, 'nonsense', `tdk_${ws.id}_short`]) {
      assert.equal((await call(app, 'GET', '/api/v1/me', { token })).status, 401);
    }
  });
});

describe('roles', () => {
  it('an agent cannot create agents; an admin can, but not owners; an owner can', async () => {
    const ws = await createWorkspace(app);
    const body = (role: string, email: string) => ({ email, name: 'New', role, password: 'another long password' });
    assert.equal((await call(app, 'POST', '/api/v1/agents', { token: ws.tokens.agent, body: body('agent', 'n1@example.com') })).status, 403);
    assert.equal((await call(app, 'POST', '/api/v1/agents', { token: ws.tokens.admin, body: body('agent', 'n2@example.com') })).status, 201);
    const ownerByAdmin = await call(app, 'POST', '/api/v1/agents', { token: ws.tokens.admin, body: body('owner', 'n3@example.com') });
    assert.equal(ownerByAdmin.status, 403);
    assert.equal(ownerByAdmin.body.code, 'agent.role_not_allowed');
    assert.equal((await call(app, 'POST', '/api/v1/agents', { token: ws.tokens.owner, body: body('owner', 'n4@example.com') })).status, 201);
    const duplicate = await call(app, 'POST', '/api/v1/agents', { token: ws.tokens.owner, body: body('agent', 'N4@example.com') });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.code, 'agent.email_taken');
  });

  it('an agent may rename themselves but not promote themselves', async () => {
    const ws = await createWorkspace(app);
    const renamed = await call(app, 'PATCH', `/api/v1/agents/${ws.agentIds.agent}`, { token: ws.tokens.agent, body: { name: 'Hoàng' } });
    assert.equal(renamed.body.name, 'Hoàng');
    const promoted = await call(app, 'PATCH', `/api/v1/agents/${ws.agentIds.agent}`, { token: ws.tokens.agent, body: { role: 'admin' } });
    assert.equal(promoted.status, 403);
    assert.equal((await call(app, 'GET', `/api/v1/agents/${ws.agentIds.agent}`, { token: ws.tokens.agent })).body.role, 'agent');
  });

  it('the last owner cannot be demoted', async () => {
    const ws = await createWorkspace(app);
    const res = await call(app, 'PATCH', `/api/v1/agents/${ws.agentIds.owner}`, { token: ws.tokens.owner, body: { role: 'admin' } });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'agent.last_owner');
  });

  it('a widget session cannot call agent endpoints', async () => {
    const ws = await createWorkspace(app);
    const visitor = await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {} });
    const res = await call(app, 'GET', '/api/v1/conversations', { token: visitor.body.token });
    assert.equal(res.status, 403);
  });
});
