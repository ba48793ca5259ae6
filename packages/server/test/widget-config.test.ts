import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp } from './harness.ts';

// Monday 23 November 2026, 20:00 in Ho Chi Minh City (13:00 UTC).
const app = await startTestApp({ clock: () => new Date('2026-11-23T13:00:00Z') });
const weekdays = [{ from: '08:00', to: '17:30' }];
const hours = { timezone: 'Asia/Ho_Chi_Minh', days: [[], weekdays, weekdays, weekdays, weekdays, weekdays, []] };

describe('widget configuration', () => {
  it('is public, carries appearance and availability, and nothing secret', async () => {
    const ws = await createWorkspace(app);
    const widget = { color: '#0f766e', position: 'left', greeting: { vi: 'Xin chào!', fa: 'سلام!' } };
    const patched = await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings: { widget, businessHours: hours } } });
    assert.equal(patched.status, 200);
    const res = await call(app, 'GET', `/api/v1/widget/${ws.id}/config`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.appearance, widget);
    assert.deepEqual(res.body.availability, { open: false, nextOpenAt: '2026-11-24T01:00:00.000Z' });
    assert.ok(res.body.uploads.types.includes('image/png'));
    assert.ok(!res.body.uploads.types.includes('image/svg+xml'));
    const secret = (await call(app, 'GET', '/api/v1/workspace/identity-secret', { token: ws.tokens.owner })).body.secret;
    assert.ok(!JSON.stringify(res.body).includes(secret));
    assert.ok(!JSON.stringify((await call(app, 'GET', '/api/v1/workspace', { token: ws.tokens.agent })).body).includes(secret));
  });

  it('without business hours the team is always open', async () => {
    const ws = await createWorkspace(app);
    const res = await call(app, 'GET', `/api/v1/widget/${ws.id}/config`);
    assert.deepEqual(res.body.availability, { open: true, nextOpenAt: null });
  });

  it('bad appearance or hours are refused and change nothing', async () => {
    const ws = await createWorkspace(app);
    for (const settings of [
      { widget: { color: 'red', position: 'right', greeting: {} } },
      { businessHours: { timezone: 'Mars/Olympus', days: hours.days } },
      { businessHours: { timezone: 'UTC', days: [[{ from: '17:00', to: '09:00' }], [], [], [], [], [], []] } },
      { businessHours: { timezone: 'UTC', days: [[]] } },
    ]) {
      const res = await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings } });
      assert.equal(res.status, 400, JSON.stringify(settings));
    }
    const res = await call(app, 'GET', `/api/v1/widget/${ws.id}/config`);
    assert.equal(res.body.appearance.color, '#1f6feb');
    assert.equal(res.body.availability.open, true);
  });

  it('only owners read or rotate the identity secret; rotation changes it', async () => {
    const ws = await createWorkspace(app);
    assert.equal((await call(app, 'GET', '/api/v1/workspace/identity-secret', { token: ws.tokens.admin })).status, 403);
    const before = (await call(app, 'GET', '/api/v1/workspace/identity-secret', { token: ws.tokens.owner })).body.secret;
    assert.match(before, /^[0-9a-f]{64}$/);
    const rotated = (await call(app, 'POST', '/api/v1/workspace/identity-secret/rotate', { token: ws.tokens.owner })).body.secret;
    assert.notEqual(rotated, before);
    assert.equal((await call(app, 'GET', '/api/v1/workspace/identity-secret', { token: ws.tokens.owner })).body.secret, rotated);
  });

  it('an unknown workspace is a 404', async () => {
    const res = await call(app, 'GET', '/api/v1/widget/01900000-0000-7000-8000-000000000000/config');
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'workspace.not_found');
  });
});

describe('/widget.js', () => {
  it('is a small loader naming the content-hashed widget, which is served gzipped and cached for a year', async () => {
    const loader = await app.http.inject({ method: 'GET', url: '/widget.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(loader.statusCode, 200);
    assert.equal(loader.headers['content-encoding'], 'gzip');
    assert.equal(loader.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.ok(loader.rawPayload.length < 1024, `gzipped loader is ${loader.rawPayload.length} bytes`);
    const mainFile = /main\.[A-Za-z0-9_-]+\.js/.exec((await app.http.inject({ method: 'GET', url: '/widget.js' })).body)![0];
    const main = await app.http.inject({ method: 'GET', url: `/widget/${mainFile}`, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(main.statusCode, 200);
    assert.match(String(main.headers['cache-control']), /immutable/);
    assert.ok(main.rawPayload.length < 60 * 1024, `gzipped bundle is ${main.rawPayload.length} bytes`);
    const again = await app.http.inject({ method: 'GET', url: `/widget/${mainFile}`, headers: { 'if-none-match': String(main.headers.etag) } });
    assert.equal(again.statusCode, 304);
    assert.equal((await app.http.inject({ method: 'GET', url: '/widget/evil.html' })).statusCode, 404);
  });
});
