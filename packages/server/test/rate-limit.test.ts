import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp } from './harness.ts';

// Its own app: the limits below would otherwise spill into other tests' sign-ins.
const app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '30' } });

describe('rate limits', () => {
  it('sign-in attempts are limited to 10 a minute per client, answered as a problem document', async () => {
    const ws = await createWorkspace(app);
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 11; i++) {
      // An unknown email: a real agent would be locked out after 5 failures, before the limit shows.
      last = await call(app, 'POST', '/api/v1/auth/login', { body: { workspace: ws.slug, email: 'nobody@example.com', password: `wrong password ${i}` } });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [...Array(10).fill(401), 429]);
    assert.equal(last!.body.code, 'request.rate_limited');
    assert.match(String(last!.headers['content-type']), /problem\+json/);
    assert.ok(Number(last!.headers['retry-after']) > 0);
  });

  it('other requests are limited by RATE_LIMIT_PER_MINUTE', async () => {
    const ws = await createWorkspace(app);
    const statuses = [];
    for (let i = 0; i < 32; i++) statuses.push((await call(app, 'GET', '/api/v1/me', { token: ws.tokens.agent })).status);
    assert.ok(statuses.includes(429), 'the limit applies');
    assert.equal(statuses.indexOf(429), statuses.filter((s) => s === 200).length, 'every request before the first 429 succeeded');
  });
});
