import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { MESSAGE_MAX_CHARS } from '@tandem/protocol';
import { rowsOf } from '../src/adapters/postgres/database.ts';
import { call, createWorkspace, startTestApp, type TestApp } from './harness.ts';

const app = await startTestApp();

/** Rows this workspace has in every table a request could write to. */
async function footprint(test: TestApp, workspaceId: string) {
  const result = await test.deps.db.execute(sql`
    SELECT (SELECT count(*) FROM customers WHERE workspace_id = ${workspaceId})::int AS customers,
           (SELECT count(*) FROM identities WHERE workspace_id = ${workspaceId})::int AS identities,
           (SELECT count(*) FROM conversations WHERE workspace_id = ${workspaceId})::int AS conversations,
           (SELECT count(*) FROM messages WHERE workspace_id = ${workspaceId})::int AS messages,
           (SELECT count(*) FROM feed_events WHERE workspace_id = ${workspaceId})::int AS feed`);
  return rowsOf<Record<string, number>>(result)[0];
}

async function raw(test: TestApp, url: string, token: string, payload: string | Buffer, contentType = 'application/json') {
  const res = await test.http.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

describe('bad input gets a clear problem response and changes nothing', async () => {
  const ws = await createWorkspace(app);
  const first = await call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: 'bad@example.com' }, body: 'ok' } });
  const conversationId = first.body.conversation.id as string;
  const inbound = '/api/v1/inbound-messages';
  const valid = { channel: 'email', identity: { kind: 'email', value: 'bad@example.com' }, body: 'hello' };

  const cases: Array<{ name: string; send: () => Promise<{ status: number; body: any }>; status: number; code: string }> = [
    { name: 'malformed JSON', send: () => raw(app, inbound, ws.tokens.agent, '{"channel": "email",'), status: 400, code: 'request.malformed_json' },
    { name: 'invalid UTF-8', send: () => raw(app, inbound, ws.tokens.agent, Buffer.concat([Buffer.from('{"channel":"email","identity":{"kind":"email","value":"bad@example.com"},"body":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])), status: 400, code: 'request.invalid_utf8' },
    { name: 'a form instead of JSON', send: () => raw(app, inbound, ws.tokens.agent, 'body=hi', 'application/x-www-form-urlencoded'), status: 415, code: 'request.unsupported_media_type' },
    { name: 'a wrong type', send: () => call(app, 'POST', inbound, { token: ws.tokens.agent, body: { ...valid, body: 42 } }), status: 400, code: 'request.invalid' },
    { name: 'an unknown field', send: () => call(app, 'POST', inbound, { token: ws.tokens.agent, body: { ...valid, isAdmin: true } }), status: 400, code: 'request.invalid' },
    { name: 'an unknown channel', send: () => call(app, 'POST', inbound, { token: ws.tokens.agent, body: { ...valid, channel: 'pigeon' } }), status: 400, code: 'request.invalid' },
    { name: 'an invalid identity value', send: () => call(app, 'POST', inbound, { token: ws.tokens.agent, body: { ...valid, identity: { kind: 'phone', value: 'call me' } } }), status: 400, code: 'identity.invalid' },
    { name: 'a message over the limit', send: () => call(app, 'POST', inbound, { token: ws.tokens.agent, body: { ...valid, body: 'x'.repeat(MESSAGE_MAX_CHARS + 1) } }), status: 400, code: 'request.invalid' },
    { name: 'a body over 1 MiB', send: () => raw(app, inbound, ws.tokens.agent, JSON.stringify({ ...valid, body: 'y'.repeat(1_100_000) })), status: 413, code: 'request.too_large' },
    { name: 'an unknown conversation id', send: () => call(app, 'POST', '/api/v1/conversations/00000000-0000-4000-8000-000000000000/messages', { token: ws.tokens.agent, body: { body: 'x' } }), status: 404, code: 'conversation.not_found' },
    { name: 'an id that is not a UUID', send: () => call(app, 'POST', '/api/v1/conversations/not-an-id/messages', { token: ws.tokens.agent, body: { body: 'x' } }), status: 400, code: 'request.invalid' },
    { name: 'an unknown customer id', send: () => call(app, 'POST', '/api/v1/conversations', { token: ws.tokens.agent, body: { customerId: '00000000-0000-4000-8000-000000000000' } }), status: 404, code: 'customer.not_found' },
    { name: 'an empty message', send: () => call(app, 'POST', `/api/v1/conversations/${conversationId}/messages`, { token: ws.tokens.agent, body: { body: '' } }), status: 400, code: 'request.invalid' },
    { name: 'a quick reply without a label', send: () => call(app, 'POST', `/api/v1/conversations/${conversationId}/messages`, { token: ws.tokens.agent, body: { body: 'pick', content: { quickReplies: [{ value: 'x' }] } } }), status: 400, code: 'request.invalid' },
    { name: 'an empty change', send: () => call(app, 'PATCH', `/api/v1/conversations/${conversationId}`, { token: ws.tokens.agent, body: {} }), status: 400, code: 'request.invalid' },
    { name: 'no credentials', send: () => call(app, 'POST', inbound, { body: valid }), status: 401, code: 'auth.unauthenticated' },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}`, async () => {
      const before = await footprint(app, ws.id);
      const res = await c.send();
      assert.equal(res.status, c.status, JSON.stringify(res.body));
      assert.equal(res.body.code, c.code);
      assert.equal(res.body.status, c.status);
      assert.match(res.body.type, /^https:\/\/tandem\.dev\/problems\//);
      assert.ok(res.body.detail.length > 0);
      assert.ok(!JSON.stringify(res.body).includes('    at '), 'no stack trace');
      assert.deepEqual(await footprint(app, ws.id), before);
    });
  }

  it('validation errors name the offending fields', async () => {
    const res = await call(app, 'POST', inbound, { token: ws.tokens.agent, body: { ...valid, channel: 'pigeon', body: 7 } });
    const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path).sort();
    assert.deepEqual(paths, ['body.body', 'body.channel']);
  });

  it('problem responses use the problem+json media type', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/api/v1/nowhere' });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.equal(JSON.parse(res.body).code, 'route.not_found');
  });

  it('a cursor the API did not issue is rejected', async () => {
    const res = await call(app, 'GET', '/api/v1/conversations?cursor=bm90LWpzb24', { token: ws.tokens.agent });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'request.invalid');
  });
});
