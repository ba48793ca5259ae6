// The headers that make the browser a second wall: a Content-Security-Policy on every page we
// serve, no framing of the console, and no sniffing of downloads.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkspace, startTestApp } from './harness.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const get = async (url: string) => {
  const res = await app.http.inject({ method: 'GET', url });
  return { status: res.statusCode, headers: res.headers };
};

describe('security headers', () => {
  it('every console page, including deep links, forbids inline script and framing', async () => {
    for (const url of ['/', '/login', '/inbox/some-id', '/account', '/admin/privacy']) {
      const res = await get(url);
      assert.equal(res.status, 200, url);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/, url);
      assert.equal(res.headers['x-frame-options'], 'DENY', url);
    }
  });

  it('help-center pages carry their own policy and cannot be framed', async () => {
    const res = await get(`/help/${ws.slug}/en`);
    assert.equal(res.status, 200);
    const csp = String(res.headers['content-security-policy']);
    for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) assert.ok(csp.includes(directive), directive);
  });

  it('API answers are not sniffed and do not leak referrers', async () => {
    const res = await get('/api/v1/me');
    assert.equal(res.status, 401);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
  });
});
