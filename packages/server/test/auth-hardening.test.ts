import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { auditEntries } from '../src/adapters/postgres/schema.ts';
import { call, createWorkspace, startTestApp, TEST_PASSWORD, type TestApp } from './harness.ts';

let now = Date.parse('2026-03-02T09:00:00Z');
const app = await startTestApp({ clock: () => new Date(now) });
// Only for reading the Set-Cookie a public https deployment sends.
const httpsApp = await startTestApp({ env: { PUBLIC_URL: 'https://support.example.com' } });

const LOCKOUT_MS = 15 * 60_000;
const STEP_MS = 30_000;

// /auth/login allows 10 attempts a minute per client address; each sign-in here comes from its
// own address so the lockout, not the rate limit, is what these tests see.
let clients = 0;
async function login(body: Record<string, string>, options: { cookie?: string; on?: TestApp } = {}) {
  clients += 1;
  const response = await (options.on ?? app).http.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: `10.0.${clients >> 8}.${clients & 255}`,
    headers: { 'content-type': 'application/json', ...(options.cookie ? { cookie: options.cookie } : {}) },
    payload: JSON.stringify(body),
  });
  return { status: response.statusCode, headers: response.headers, body: JSON.parse(response.body) };
}

const creds = (slug: string, email: string, password = TEST_PASSWORD) => ({ workspace: slug, email, password });

function cookieOf(headers: Record<string, unknown>): string {
  const raw = [headers['set-cookie']].flat()[0];
  assert.ok(typeof raw === 'string', 'a session cookie is set');
  return raw.split(';')[0]!;
}

const me = (cookie: string) => call(app, 'GET', '/api/v1/me', { headers: { cookie } });

const codeAt = (secret: string, at: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at });
/** A well-formed code that matches none of the steps the server accepts at `at`. */
function wrongCode(secret: string, at: number): string {
  const valid = new Set([-STEP_MS, 0, STEP_MS].map((d) => codeAt(secret, at + d)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

async function auditOf(workspaceId: string) {
  return app.deps.db.select().from(auditEntries).where(eq(auditEntries.workspaceId, workspaceId)).orderBy(asc(auditEntries.id));
}

/** Signs the agent in, sets two-factor up and turns it on; returns the secret and the session cookie. */
async function withTwoFactor(slug: string, email: string): Promise<{ secret: string; cookie: string }> {
  const cookie = cookieOf((await login(creds(slug, email))).headers);
  const setup = await call(app, 'POST', '/api/v1/me/two-factor/setup', { headers: { cookie } });
  assert.equal(setup.status, 200);
  const secret = setup.body.secret as string;
  const enabled = await call(app, 'POST', '/api/v1/me/two-factor/enable', { headers: { cookie }, body: { code: codeAt(secret, now) } });
  assert.equal(enabled.status, 200);
  now += STEP_MS; // the code just used cannot be used again
  return { secret, cookie };
}

describe('lockout', () => {
  it('five wrong passwords in a row lock the agent for 15 minutes, even against the right password', async () => {
    const ws = await createWorkspace(app);
    for (let i = 0; i < 4; i++) {
      const wrong = await login(creds(ws.slug, 'agent@example.com', `wrong password ${i}`));
      assert.equal(wrong.body.code, 'auth.invalid_credentials');
    }
    const fifth = await login(creds(ws.slug, 'agent@example.com', 'wrong password 5'));
    assert.equal(fifth.status, 429);
    assert.equal(fifth.body.code, 'auth.locked');

    const sixth = await login(creds(ws.slug, 'agent@example.com'));
    assert.equal(sixth.status, 429);
    assert.equal(sixth.body.code, 'auth.locked');
    assert.match(String(sixth.headers['content-type']), /problem\+json/);
    const retryAfter = Number(sixth.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= LOCKOUT_MS / 1000, `Retry-After ${retryAfter}`);
    assert.equal(sixth.headers['set-cookie'], undefined);

    now += LOCKOUT_MS - 1000;
    assert.equal((await login(creds(ws.slug, 'agent@example.com'))).body.code, 'auth.locked', 'still locked a second before the end');
    now += 1000;
    assert.equal((await login(creds(ws.slug, 'agent@example.com'))).status, 200);

    const locks = (await auditOf(ws.id)).filter((e) => e.action === 'agent.locked');
    assert.equal(locks.length, 1);
    assert.equal(locks[0]!.actorType, 'system');
    assert.equal(locks[0]!.targetId, ws.agentIds.agent);
  });

  it('a successful sign-in starts the count of failures again', async () => {
    const ws = await createWorkspace(app);
    for (let i = 0; i < 4; i++) await login(creds(ws.slug, 'agent@example.com', `wrong password ${i}`));
    assert.equal((await login(creds(ws.slug, 'agent@example.com'))).status, 200);
    for (let i = 0; i < 4; i++) {
      assert.equal((await login(creds(ws.slug, 'agent@example.com', `wrong again ${i}`))).body.code, 'auth.invalid_credentials');
    }
    assert.equal((await login(creds(ws.slug, 'agent@example.com'))).status, 200, 'four failures after a success do not lock');
  });

  it('the lock holds one agent of one workspace: colleagues and the same email elsewhere still sign in', async () => {
    const ws = await createWorkspace(app);
    const other = await createWorkspace(app);
    for (let i = 0; i < 5; i++) await login(creds(ws.slug, 'agent@example.com', `wrong password ${i}`));
    assert.equal((await login(creds(ws.slug, 'agent@example.com'))).body.code, 'auth.locked');
    assert.equal((await login(creds(ws.slug, 'admin@example.com'))).status, 200);
    assert.equal((await login(creds(other.slug, 'agent@example.com'))).status, 200);
  });

  it('an unknown email is never locked: it keeps getting invalid_credentials', async () => {
    const ws = await createWorkspace(app);
    for (let i = 0; i < 7; i++) {
      const res = await login(creds(ws.slug, 'nobody@example.com', `guess ${i}`));
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 'auth.invalid_credentials');
    }
  });
});

describe('sessions', () => {
  it('signing in from a browser that still has a session revokes that old session', async () => {
    const ws = await createWorkspace(app);
    const old = cookieOf((await login(creds(ws.slug, 'agent@example.com'))).headers);
    const fresh = await login(creds(ws.slug, 'agent@example.com'), { cookie: old });
    assert.equal(fresh.status, 200);
    const current = cookieOf(fresh.headers);
    assert.notEqual(current, old);
    assert.equal((await me(old)).status, 401);
    assert.equal((await me(current)).status, 200);
  });

  it('revoke-others signs out every other session of the agent and keeps the current one', async () => {
    const ws = await createWorkspace(app);
    const laptop = cookieOf((await login(creds(ws.slug, 'agent@example.com'))).headers);
    const phone = cookieOf((await login(creds(ws.slug, 'agent@example.com'))).headers);
    const colleague = cookieOf((await login(creds(ws.slug, 'admin@example.com'))).headers);
    const current = cookieOf((await login(creds(ws.slug, 'agent@example.com'))).headers);

    const res = await call(app, 'POST', '/api/v1/auth/sessions/revoke-others', { headers: { cookie: current } });
    assert.equal(res.status, 200);
    assert.equal(res.body.revoked, 2);
    assert.equal((await me(laptop)).status, 401);
    assert.equal((await me(phone)).status, 401);
    assert.equal((await me(current)).status, 200);
    assert.equal((await me(colleague)).status, 200, "another agent's session is untouched");
    assert.equal((await call(app, 'GET', '/api/v1/me', { token: ws.tokens.agent })).status, 200, 'API tokens are not sessions');
  });

  it('the session cookie is HttpOnly, SameSite=Lax and path-wide, and Secure behind https', async () => {
    const ws = await createWorkspace(httpsApp);
    const res = await login(creds(ws.slug, 'agent@example.com'), { on: httpsApp });
    assert.equal(res.status, 200);
    const attributes = String([res.headers['set-cookie']].flat()[0]).split(';').map((a) => a.trim());
    assert.match(attributes[0]!, /^tandem_session=tds_/);
    for (const flag of ['HttpOnly', 'SameSite=Lax', 'Secure', 'Path=/']) assert.ok(attributes.includes(flag), `${flag} in ${attributes.join('; ')}`);

    const plain = await login(creds((await createWorkspace(app)).slug, 'agent@example.com'));
    assert.ok(!String(plain.headers['set-cookie']).includes('Secure'), 'no Secure flag over plain http');
  });
});

describe('two-factor', () => {
  it('an agent turns two-factor on with a code; then signing in needs a current code; a code proves it off again', async () => {
    const ws = await createWorkspace(app);
    const cookie = cookieOf((await login(creds(ws.slug, 'agent@example.com'))).headers);
    assert.equal((await me(cookie)).body.twoFactorEnabled, false);

    const setup = await call(app, 'POST', '/api/v1/me/two-factor/setup', { headers: { cookie } });
    assert.equal(setup.status, 200);
    const secret = setup.body.secret as string;
    assert.match(secret, /^[A-Z2-7]{32}$/);
    const uri = new URL(setup.body.otpauthUri);
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(`${uri.host}${decodeURIComponent(uri.pathname)}`, 'totp/Tandem:agent@example.com');
    assert.deepEqual(
      ['issuer', 'secret', 'algorithm', 'digits', 'period'].map((k) => uri.searchParams.get(k)),
      ['Tandem', secret, 'SHA1', '6', '30'],
    );

    const wrong = await call(app, 'POST', '/api/v1/me/two-factor/enable', { headers: { cookie }, body: { code: wrongCode(secret, now) } });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.code, 'auth.totp_invalid');
    assert.equal((await me(cookie)).body.twoFactorEnabled, false);
    assert.equal((await login(creds(ws.slug, 'agent@example.com'))).status, 200, 'a pending secret does not ask for codes');

    const enabled = await call(app, 'POST', '/api/v1/me/two-factor/enable', { headers: { cookie }, body: { code: codeAt(secret, now) } });
    assert.equal(enabled.status, 200);
    const session = await me(cookie);
    assert.equal(session.body.twoFactorEnabled, true);
    assert.ok(!JSON.stringify(session.body).includes(secret), 'the secret is never shown again');
    assert.equal((await call(app, 'POST', '/api/v1/me/two-factor/setup', { headers: { cookie } })).body.code, 'auth.totp_already_enabled');

    now += STEP_MS;
    const noCode = await login(creds(ws.slug, 'agent@example.com'));
    assert.equal(noCode.status, 401);
    assert.equal(noCode.body.code, 'auth.totp_required');
    assert.equal(noCode.headers['set-cookie'], undefined);
    const badCode = await login({ ...creds(ws.slug, 'agent@example.com'), code: wrongCode(secret, now) });
    assert.equal(badCode.status, 400);
    assert.equal(badCode.body.code, 'auth.totp_invalid');
    const code = codeAt(secret, now);
    const good = await login({ ...creds(ws.slug, 'agent@example.com'), code });
    assert.equal(good.status, 200);
    assert.equal(good.body.twoFactorEnabled, true);
    assert.equal((await login({ ...creds(ws.slug, 'agent@example.com'), code })).body.code, 'auth.totp_invalid', 'a code works once');

    now += STEP_MS;
    const current = cookieOf(good.headers);
    const refused = await call(app, 'POST', '/api/v1/me/two-factor/disable', { headers: { cookie: current }, body: { code: wrongCode(secret, now) } });
    assert.equal(refused.body.code, 'auth.totp_invalid');
    assert.equal((await me(current)).body.twoFactorEnabled, true);
    const disabled = await call(app, 'POST', '/api/v1/me/two-factor/disable', { headers: { cookie: current }, body: { code: codeAt(secret, now) } });
    assert.equal(disabled.status, 200);
    assert.equal((await me(current)).body.twoFactorEnabled, false);
    assert.equal((await login(creds(ws.slug, 'agent@example.com'))).status, 200);

    const entries = (await auditOf(ws.id)).filter((e) => e.action.startsWith('agent.two_factor'));
    assert.deepEqual(entries.map((e) => [e.action, e.actorId, e.targetId]), [
      ['agent.two_factor_enabled', ws.agentIds.agent, ws.agentIds.agent],
      ['agent.two_factor_disabled', ws.agentIds.agent, ws.agentIds.agent],
    ]);
    assert.ok(!JSON.stringify(entries).includes(secret));
  });

  it('wrong two-factor codes count toward the lockout', async () => {
    const ws = await createWorkspace(app);
    const { secret } = await withTwoFactor(ws.slug, 'agent@example.com');
    for (let i = 0; i < 4; i++) {
      assert.equal((await login({ ...creds(ws.slug, 'agent@example.com'), code: wrongCode(secret, now) })).body.code, 'auth.totp_invalid');
    }
    assert.equal((await login({ ...creds(ws.slug, 'agent@example.com'), code: wrongCode(secret, now) })).body.code, 'auth.locked');
    assert.equal((await login({ ...creds(ws.slug, 'agent@example.com'), code: codeAt(secret, now) })).body.code, 'auth.locked');
    now += LOCKOUT_MS;
    assert.equal((await login({ ...creds(ws.slug, 'agent@example.com'), code: codeAt(secret, now) })).status, 200);
  });

  it('an API token cannot turn two-factor on or off', async () => {
    const ws = await createWorkspace(app);
    const res = await call(app, 'POST', '/api/v1/me/two-factor/setup', { token: ws.tokens.agent });
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'auth.forbidden');
    const cookie = cookieOf((await login(creds(ws.slug, 'agent@example.com'))).headers);
    assert.equal((await me(cookie)).body.twoFactorEnabled, false);
  });
});

describe('audit', () => {
  it('role changes and API token creation and revocation are audited, without secrets', async () => {
    const ws = await createWorkspace(app);
    assert.equal((await call(app, 'PATCH', `/api/v1/agents/${ws.agentIds.agent}`, { token: ws.tokens.admin, body: { role: 'admin' } })).status, 200);
    assert.equal((await call(app, 'PATCH', `/api/v1/agents/${ws.agentIds.agent}`, { token: ws.tokens.admin, body: { name: 'Same role' } })).status, 200);
    const created = await call(app, 'POST', '/api/v1/api-tokens', { token: ws.tokens.agent, body: { name: 'export', scopes: ['read'] } });
    const tokenId = created.body.apiToken.id as string;
    assert.equal((await call(app, 'DELETE', `/api/v1/api-tokens/${tokenId}`, { token: ws.tokens.admin })).status, 200);

    const entries = await auditOf(ws.id);
    const roleChanges = entries.filter((e) => e.action === 'agent.role_changed');
    assert.equal(roleChanges.length, 1, 'a change that keeps the role is not a role change');
    assert.deepEqual(
      { actor: [roleChanges[0]!.actorType, roleChanges[0]!.actorId], target: [roleChanges[0]!.targetType, roleChanges[0]!.targetId], data: roleChanges[0]!.data },
      { actor: ['agent', ws.agentIds.admin], target: ['agent', ws.agentIds.agent], data: { from: 'agent', to: 'admin' } },
    );
    const tokenEntries = entries.filter((e) => e.targetId === tokenId);
    assert.deepEqual(tokenEntries.map((e) => [e.action, e.actorId, e.targetType]), [
      ['api_token.created', ws.agentIds.agent, 'api_token'],
      ['api_token.revoked', ws.agentIds.admin, 'api_token'],
    ]);
    assert.deepEqual(tokenEntries[0]!.data, { name: 'export', scopes: ['read'] });
    assert.ok(!JSON.stringify(entries).includes(created.body.token), 'the token never reaches the audit trail');
  });

  it('a refused role change leaves no audit entry', async () => {
    const ws = await createWorkspace(app);
    const res = await call(app, 'PATCH', `/api/v1/agents/${ws.agentIds.owner}`, { token: ws.tokens.owner, body: { role: 'admin' } });
    assert.equal(res.body.code, 'agent.last_owner');
    const rows = await app.deps.db.select().from(auditEntries).where(and(eq(auditEntries.workspaceId, ws.id), eq(auditEntries.action, 'agent.role_changed')));
    assert.equal(rows.length, 0);
  });
});
