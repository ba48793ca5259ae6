// Agents' saved inbox filters: each agent's own, checked when saved, and kept apart per workspace.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp } from './harness.ts';

const app = await startTestApp();
const urgentPersian = { statuses: ['open'], priorities: ['urgent', 'high'], languages: ['fa'], labels: ['VIP '], sla: ['due-soon'] };

describe('saved filters', () => {
  it('an agent saves a filter, sees it (others do not), and deletes it', async () => {
    const ws = await createWorkspace(app);
    const saved = await call(app, 'POST', '/api/v1/saved-filters', { token: ws.tokens.agent, body: { name: 'فوری فارسی', filter: urgentPersian } });
    assert.equal(saved.status, 201, JSON.stringify(saved.body));
    assert.deepEqual(saved.body.filter, { statuses: ['open'], channels: [], priorities: ['urgent', 'high'], languages: ['fa'], labels: ['vip'], segments: [], sla: ['due-soon'] });
    const mine = await call(app, 'GET', '/api/v1/saved-filters', { token: ws.tokens.agent });
    assert.deepEqual(mine.body.items.map((f: { name: string }) => f.name), ['فوری فارسی']);
    assert.deepEqual((await call(app, 'GET', '/api/v1/saved-filters', { token: ws.tokens.admin })).body.items, [], "a colleague's filters are theirs");
    assert.equal((await call(app, 'DELETE', `/api/v1/saved-filters/${saved.body.id}`, { token: ws.tokens.admin })).status, 404, 'nor can a colleague delete them');
    assert.equal((await call(app, 'DELETE', `/api/v1/saved-filters/${saved.body.id}`, { token: ws.tokens.agent })).status, 200);
    assert.deepEqual((await call(app, 'GET', '/api/v1/saved-filters', { token: ws.tokens.agent })).body.items, []);
  });

  it('a name used twice is a conflict, and a bad condition is refused with its path; nothing is saved', async () => {
    const ws = await createWorkspace(app);
    assert.equal((await call(app, 'POST', '/api/v1/saved-filters', { token: ws.tokens.agent, body: { name: 'Urgent', filter: {} } })).status, 201);
    const twice = await call(app, 'POST', '/api/v1/saved-filters', { token: ws.tokens.agent, body: { name: 'Urgent', filter: { statuses: ['pending'] } } });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'saved_filter.name_taken');
    const bad = await call(app, 'POST', '/api/v1/saved-filters', { token: ws.tokens.agent, body: { name: 'Closed', filter: { statuses: ['closed'], colour: ['red'] } } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['body.filter', 'body.filter.statuses.0']);
    assert.deepEqual((await call(app, 'GET', '/api/v1/saved-filters', { token: ws.tokens.agent })).body.items.map((f: { name: string }) => f.name), ['Urgent']);
  });

  it("another workspace's filter is not found", async () => {
    const a = await createWorkspace(app);
    const b = await createWorkspace(app);
    const saved = await call(app, 'POST', '/api/v1/saved-filters', { token: a.tokens.agent, body: { name: 'Mine', filter: {} } });
    assert.equal((await call(app, 'DELETE', `/api/v1/saved-filters/${saved.body.id}`, { token: b.tokens.agent })).status, 404);
    assert.equal((await call(app, 'GET', '/api/v1/saved-filters', { token: a.tokens.agent })).body.items.length, 1);
  });
});
