import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/adapters/postgres/database.ts';
import { call, createWorkspace, startTestApp } from './harness.ts';

const app = await startTestApp();

// A real database error in the middle of a write: a trigger rejects one marked message body
// after the customer and conversation rows were already inserted in the same transaction.
await app.deps.db.execute(sql`
  CREATE OR REPLACE FUNCTION tandem_test_fail_marked() RETURNS trigger AS $$
  BEGIN
    IF NEW.body = 'FAIL-IN-DATABASE' THEN RAISE EXCEPTION 'injected failure for a test'; END IF;
    RETURN NEW;
  END $$ LANGUAGE plpgsql`);
await app.deps.db.execute(sql`DROP TRIGGER IF EXISTS tandem_test_fail_marked ON messages`);
await app.deps.db.execute(sql`CREATE TRIGGER tandem_test_fail_marked BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION tandem_test_fail_marked()`);

async function countRows(workspaceId: string) {
  return rowsOf<Record<string, number>>(
    await app.deps.db.execute(sql`
      SELECT (SELECT count(*) FROM customers WHERE workspace_id = ${workspaceId})::int AS customers,
             (SELECT count(*) FROM conversations WHERE workspace_id = ${workspaceId})::int AS conversations,
             (SELECT count(*) FROM messages WHERE workspace_id = ${workspaceId})::int AS messages,
             (SELECT count(*) FROM feed_events WHERE workspace_id = ${workspaceId})::int AS feed`),
  )[0];
}

describe('a database error mid-request', () => {
  it('leaves no customer, conversation or message behind, and answers 500 without internals', async () => {
    const ws = await createWorkspace(app);
    const before = await countRows(ws.id);
    const res = await call(app, 'POST', '/api/v1/inbound-messages', {
      token: ws.tokens.agent,
      body: { channel: 'email', identity: { kind: 'email', value: 'new@example.com' }, body: 'FAIL-IN-DATABASE' },
    });
    assert.equal(res.status, 500);
    assert.equal(res.body.code, 'server.internal');
    assert.ok(!JSON.stringify(res.body).includes('injected failure'), 'the database error stays in the log');
    assert.deepEqual(await countRows(ws.id), before);
  });

  it('fails one message of a busy batch without failing its neighbours', async () => {
    const ws = await createWorkspace(app);
    const opened = await call(app, 'POST', '/api/v1/inbound-messages', {
      token: ws.tokens.agent,
      body: { channel: 'email', identity: { kind: 'email', value: 'batch@example.com' }, body: 'first' },
    });
    const id = opened.body.conversation.id;
    const bodies = ['one', 'two', 'FAIL-IN-DATABASE', 'three', 'four'];
    const results = await Promise.all(
      bodies.map((body) => call(app, 'POST', `/api/v1/conversations/${id}/messages`, { token: ws.tokens.agent, body: { body } })),
    );
    assert.deepEqual(results.map((r) => r.status), [201, 201, 500, 201, 201]);
    const stored = await call(app, 'GET', `/api/v1/conversations/${id}/messages`, { token: ws.tokens.agent });
    assert.deepEqual(stored.body.items.map((m: { body: string }) => m.body).sort(), ['first', 'four', 'one', 'three', 'two']);
    const seqs = stored.body.items.map((m: { seq: number }) => m.seq);
    assert.deepEqual(seqs, [1, 2, 3, 4, 5], 'no gap where the failed message was');
  });
});

describe('settings saved at the same moment', () => {
  it('keeps every one of them: each save changes only its own part of the workspace', async () => {
    const ws = await createWorkspace(app);
    const admin = { token: ws.tokens.admin };
    const saves = await Promise.all([
      call(app, 'PATCH', '/api/v1/workspace', { ...admin, body: { settings: { reopenWindowHours: 5 } } }),
      call(app, 'PATCH', '/api/v1/workspace', { ...admin, body: { settings: { csat: { enabled: false, delayMinutes: 7 } } } }),
      call(app, 'PATCH', '/api/v1/workspace', { ...admin, body: { name: 'Renamed while others save' } }),
      call(app, 'PATCH', '/api/v1/workspace', { ...admin, body: { settings: { widgetOrigins: ['https://shop.example.com'] } } }),
      call(app, 'PUT', '/api/v1/proactive/settings', { ...admin, body: { perSession: 2, perWeek: 9, requireConsent: true, purchaseUrlPatterns: [] } }),
      call(app, 'PUT', '/api/v1/privacy/settings', { ...admin, body: { maskPiiForAgents: true, retentionDays: 30, retentionAction: 'anonymize' } }),
    ]);
    assert.deepEqual(saves.map((s) => s.status), [200, 200, 200, 200, 200, 200]);
    const { body } = await call(app, 'GET', '/api/v1/workspace', admin);
    assert.equal(body.name, 'Renamed while others save');
    assert.equal(body.settings.reopenWindowHours, 5);
    assert.deepEqual(body.settings.csat, { enabled: false, delayMinutes: 7 });
    assert.deepEqual(body.settings.widgetOrigins, ['https://shop.example.com']);
    assert.equal((await call(app, 'GET', '/api/v1/proactive/settings', admin)).body.perWeek, 9);
    assert.deepEqual((await call(app, 'GET', '/api/v1/privacy/settings', admin)).body, { maskPiiForAgents: true, retentionDays: 30, retentionAction: 'anonymize' });
  });
});
