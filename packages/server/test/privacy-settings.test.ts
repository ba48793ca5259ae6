// Who may use the data-rights endpoints, and the workspace's privacy settings (admins only).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, createWorkspace, startTestApp } from './harness.ts';

const app = await startTestApp();

describe('data rights are for admins', () => {
  it('agents may not export, erase, follow requests or change privacy settings', async () => {
    const ws = await createWorkspace(app);
    const customer = (await call(app, 'POST', '/api/v1/customers', { token: ws.tokens.agent, body: { name: 'Minh' } })).body;
    const token = ws.tokens.agent;
    const refused = await Promise.all([
      call(app, 'GET', `/api/v1/customers/${customer.id}/export`, { token }), call(app, 'POST', `/api/v1/customers/${customer.id}/erase`, { token }),
      call(app, 'GET', '/api/v1/privacy-requests', { token }), call(app, 'GET', `/api/v1/privacy-requests/${randomUUID()}`, { token }),
      call(app, 'GET', '/api/v1/privacy/settings', { token }), call(app, 'PUT', '/api/v1/privacy/settings', { token, body: { maskPiiForAgents: true, retentionDays: 30, retentionAction: 'delete' } }),
    ]);
    assert.deepEqual(refused.map((r) => r.status), [403, 403, 403, 403, 403, 403]);
    assert.equal((await call(app, 'POST', `/api/v1/customers/${randomUUID()}/erase`, { token: ws.tokens.admin })).body.code, 'customer.not_found');
    const unknown = await call(app, 'GET', `/api/v1/privacy-requests/${randomUUID()}`, { token: ws.tokens.admin });
    assert.deepEqual([unknown.status, unknown.body.code], [404, 'privacy_request.not_found']);
    const stranger = await createWorkspace(app);
    assert.equal((await call(app, 'GET', `/api/v1/customers/${customer.id}/export`, { token: stranger.tokens.admin })).status, 404, 'another workspace sees no such customer');
  });
});

describe('privacy settings', () => {
  it('admins read and replace them; bad input is refused and changes nothing; each change is audited with before and after', async () => {
    const ws = await createWorkspace(app);
    const settings = () => call(app, 'GET', '/api/v1/privacy/settings', { token: ws.tokens.admin });
    assert.deepEqual((await settings()).body, { maskPiiForAgents: false, retentionDays: null, retentionAction: 'anonymize' });
    const next = { maskPiiForAgents: true, retentionDays: 365, retentionAction: 'delete' };
    const saved = await call(app, 'PUT', '/api/v1/privacy/settings', { token: ws.tokens.admin, body: next });
    assert.deepEqual([saved.status, saved.body], [200, next]);

    const bad = [{ retentionDays: 0 }, { retentionDays: 3651 }, { retentionDays: 1.5 }, { retentionDays: '30' }, { retentionAction: 'shred' }, { maskPiiForAgents: 'yes' }, { extra: true }];
    for (const body of [...bad.map((b) => ({ ...next, ...b })), { retentionDays: 30, retentionAction: 'delete' }]) {
      const res = await call(app, 'PUT', '/api/v1/privacy/settings', { token: ws.tokens.admin, body });
      assert.deepEqual([res.status, res.body.code], [400, 'request.invalid'], JSON.stringify(body));
    }
    assert.deepEqual((await settings()).body, next, 'nothing changed');
    const forever = await call(app, 'PUT', '/api/v1/privacy/settings', { token: ws.tokens.admin, body: { ...next, retentionDays: null } });
    assert.deepEqual([forever.status, forever.body.retentionDays], [200, null], 'null keeps forever');

    const audit = (await call(app, 'GET', `/api/v1/audit-entries?targetId=${ws.id}`, { token: ws.tokens.admin })).body.items as Array<{ action: string; actorId: string; data: any }>;
    const changes = audit.filter((e) => e.action === 'settings.privacy_changed').reverse();
    assert.equal(changes.length, 2);
    assert.deepEqual(changes[0]!.data, { before: { maskPiiForAgents: false, retentionDays: null, retentionAction: 'anonymize' }, after: next });
    assert.equal(changes[0]!.actorId, ws.agentIds.admin);
    assert.deepEqual(changes[1]!.data.after.retentionDays, null);
  });
});
