import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT_ROLES, hasRole, type AgentRole } from '@tandem/core';
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

  it('every agent route is checked for every role: lower roles get 403, the others get past the check', async () => {
    const ws = await createWorkspace(app);
    const agentRoutes = collected().filter((r) => (AGENT_ROLES as readonly string[]).includes(r.access));
    for (const route of agentRoutes) {
      const url = route.url.replace(/:[a-zA-Z]+/g, ws.id);
      for (const role of AGENT_ROLES) {
        const allowed = hasRole(role, route.access as AgentRole);
        // Only reads are called with an allowed role: a write would act on the workspace for real.
        if (allowed && route.method !== 'GET') continue;
        const res = await call(app, route.method as 'GET', url, { token: ws.tokens[role], ...(route.method === 'GET' ? {} : { body: {} }) });
        const refusedForRole = res.status === 403 && /needs the \w+ role/.test(String(res.body?.detail));
        assert.equal(refusedForRole, !allowed, `${route.method} ${route.url} as ${role}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        assert.notEqual(res.status, 401, `${route.method} ${route.url} as ${role}`);
      }
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

