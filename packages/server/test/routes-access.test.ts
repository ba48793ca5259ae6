import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, createWorkspace, call } from './harness.ts';

const app = await startTestApp();

const collected = () => app.routes;

describe('every API route declares who may call it', () => {
  it('the registry is not empty', () => {
    assert.ok(collected().length > 20, `found ${collected().length} routes`);
  });

  it('agent-only routes refuse anonymous callers and widget sessions', async () => {
    const ws = await createWorkspace(app);
    const visitor = await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {} });
    for (const route of collected().filter((r) => ['agent', 'admin', 'owner'].includes(r.access))) {
      const url = route.url.replace(/:[a-zA-Z]+/g, ws.id);
      const anonymous = await call(app, route.method as 'GET', url, route.method === 'GET' ? {} : { body: {} });
      assert.equal(anonymous.status, 401, `${route.method} ${route.url} without credentials`);
      const asCustomer = await call(app, route.method as 'GET', url, { token: visitor.body.token, ...(route.method === 'GET' ? {} : { body: {} }) });
      assert.equal(asCustomer.status, 403, `${route.method} ${route.url} as a widget session`);
    }
  });

  it('admin-only routes refuse agents', async () => {
    const ws = await createWorkspace(app);
    for (const route of collected().filter((r) => r.access === 'admin' || r.access === 'owner')) {
      const url = route.url.replace(/:[a-zA-Z]+/g, ws.id);
      const res = await call(app, route.method as 'GET', url, { token: ws.tokens.agent, ...(route.method === 'GET' ? {} : { body: {} }) });
      assert.equal(res.status, 403, `${route.method} ${route.url} as an agent`);
    }
  });

  it('widget routes refuse agents', async () => {
    const ws = await createWorkspace(app);
    for (const route of collected().filter((r) => r.access === 'customer')) {
      const url = route.url.replace(/:workspaceId/g, ws.id).replace(/:[a-zA-Z]+/g, ws.id);
      const res = await call(app, route.method as 'GET', url, { token: ws.tokens.owner, ...(route.method === 'GET' ? {} : { body: {} }) });
      assert.equal(res.status, 403, `${route.method} ${route.url} as an agent`);
    }
  });
});

