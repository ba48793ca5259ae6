// Helping a colleague who cannot sign in: an admin lifts a lockout or turns off a lost
// two-factor device; only owners do it for owners; agents cannot; both are audited.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { auditEntries } from '../src/adapters/postgres/schema.ts';
import { call, createWorkspace, startTestApp, TEST_PASSWORD } from './harness.ts';

const app = await startTestApp();

let clients = 0;
async function login(slug: string, email: string, password = TEST_PASSWORD, code?: string) {
  clients += 1; // one client address per attempt: the lockout, not the per-address limit, is under test
  const response = await app.http.inject({
    method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.9.${clients >> 8}.${clients & 255}`,
    headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ workspace: slug, email, password, ...(code ? { code } : {}) }),
  });
  return { status: response.statusCode, body: JSON.parse(response.body), cookie: String([response.headers['set-cookie']].flat()[0] ?? '').split(';')[0]! };
}

const actions = async (workspaceId: string) => (await app.deps.db.select().from(auditEntries).where(eq(auditEntries.workspaceId, workspaceId))).map((e) => `${e.action}:${e.targetId}`);

describe('helping a colleague sign in', () => {
  it('an admin lifts a lockout at once; an agent may not', async () => {
    const ws = await createWorkspace(app);
    for (let i = 0; i < 5; i++) await login(ws.slug, 'agent@example.com', `wrong ${i}`);
    assert.equal((await login(ws.slug, 'agent@example.com')).body.code, 'auth.locked');

    const byAgent = await call(app, 'POST', `/api/v1/agents/${ws.agentIds.agent}/unlock`, { token: ws.tokens.agent });
    assert.equal(byAgent.status, 403);
    assert.equal((await login(ws.slug, 'agent@example.com')).body.code, 'auth.locked', 'still locked after the refused call');

    const unlocked = await call(app, 'POST', `/api/v1/agents/${ws.agentIds.agent}/unlock`, { token: ws.tokens.admin });
    assert.equal(unlocked.status, 200, JSON.stringify(unlocked.body));
    assert.equal((await login(ws.slug, 'agent@example.com')).status, 200);
    assert.ok((await actions(ws.id)).includes(`agent.unlocked:${ws.agentIds.agent}`));
  });

  it('an admin turns off a lost two-factor device, but not an owner’s', async () => {
    const ws = await createWorkspace(app);
    const turnOn = async (email: string) => {
      const { cookie } = await login(ws.slug, email);
      const secret = (await call(app, 'POST', '/api/v1/me/two-factor/setup', { headers: { cookie } })).body.secret as string;
      const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() });
      assert.equal((await call(app, 'POST', '/api/v1/me/two-factor/enable', { headers: { cookie }, body: { code } })).status, 200);
    };
    await turnOn('agent@example.com');
    await turnOn('owner@example.com');
    assert.equal((await login(ws.slug, 'agent@example.com')).body.code, 'auth.totp_required');

    const reset = await call(app, 'POST', `/api/v1/agents/${ws.agentIds.agent}/two-factor/reset`, { token: ws.tokens.admin });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    assert.equal((await login(ws.slug, 'agent@example.com')).status, 200, 'signs in with the password alone, and can set two-factor up again');

    const ownerReset = await call(app, 'POST', `/api/v1/agents/${ws.agentIds.owner}/two-factor/reset`, { token: ws.tokens.admin });
    assert.equal(ownerReset.status, 403);
    assert.equal(ownerReset.body.code, 'agent.role_not_allowed');
    assert.equal((await login(ws.slug, 'owner@example.com')).body.code, 'auth.totp_required', 'the owner keeps two-factor');
    assert.deepEqual((await actions(ws.id)).filter((a) => a.startsWith('agent.two_factor_reset')), [`agent.two_factor_reset:${ws.agentIds.agent}`]);
  });
});
