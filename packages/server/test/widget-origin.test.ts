import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp } from './harness.ts';

const app = await startTestApp();

describe('widget origins', () => {
  it("the workspace's own site may call the widget API cross-origin; other sites may not", async () => {
    const ws = await createWorkspace(app);
    await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings: { widgetOrigins: ['https://shop.example.vn'] } } });
    const allowed = await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {}, headers: { origin: 'https://shop.example.vn' } });
    assert.equal(allowed.status, 201);
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://shop.example.vn');
    const refused = await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {}, headers: { origin: 'https://evil.example' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'auth.origin_not_allowed');
    assert.equal(refused.headers['access-control-allow-origin'], undefined);
  });

  it('a preflight from the allowed origin is answered with CORS headers', async () => {
    const ws = await createWorkspace(app);
    await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings: { widgetOrigins: ['https://shop.example.vn'] } } });
    const res = await app.http.inject({
      method: 'OPTIONS',
      url: `/api/v1/widget/${ws.id}/messages`,
      headers: { origin: 'https://shop.example.vn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['access-control-allow-origin'], 'https://shop.example.vn');
  });

  it('agent API routes send no CORS headers, whatever the origin', async () => {
    const ws = await createWorkspace(app);
    const res = await call(app, 'GET', '/api/v1/conversations', { token: ws.tokens.agent, headers: { origin: 'https://shop.example.vn' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });

  it('security headers are set on every response', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['strict-transport-security']);
  });
});
