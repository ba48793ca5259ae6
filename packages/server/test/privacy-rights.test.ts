// Customer data rights and retention through the API: the export holds everything about one
// customer and nobody else; erasure runs as a durable job (retried after a failure or a dead
// process) and leaves nothing that points at the person; retention anonymizes or deletes
// resolved conversations past the period, never open ones; the settings refuse bad input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { is, sql } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { CUSTOMER_EXPORT_SECTIONS } from '@tandem/protocol';
import * as schema from '../src/adapters/postgres/schema.ts';
import { rowsOf } from '../src/adapters/postgres/database.ts';
import { ERASURE_TREATMENT, EXPORTED_TABLES, NOT_EXPORTED } from '../src/features/privacy/customer-data-coverage.ts';
import { call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

let now = new Date('2026-03-02T09:00:00Z');
const advance = (ms: number) => (now = new Date(now.getTime() + ms));
const MINUTE = 60_000;
const DAY = 86_400_000;
const app = await startTestApp({ clock: () => new Date(now.getTime()) });
const base = await app.listen();
const { erasure, retention } = app.services.privacy;

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function upload(url: string, token: string, filename: string) {
  const boundary = `----tandem${randomUUID()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`);
  const payload = Buffer.concat([head, PNG, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await app.http.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { name: string; contentType: string; size: number; url: string };
}

/** The response body, once its status is the one expected. */
async function expectStatus(response: ReturnType<typeof call>, status: number) {
  const res = await response;
  assert.equal(res.status, status, JSON.stringify(res.body));
  return res.body;
}

const messagesOf = async (ws: TestWorkspace, id: string) =>
  (await call(app, 'GET', `/api/v1/conversations/${id}/messages`, { token: ws.tokens.agent })).body.items as Array<{ body: string; content: Record<string, unknown> }>;

const diskPath = (ws: TestWorkspace, url: string) => join(app.deps.config.TANDEM_DATA_DIR, 'files', ws.id, url.split('/').pop()!);
const count = async (query: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await app.deps.db.execute(query))[0]!.n);

/**
 * A visitor with everything a customer leaves behind: an email identity, an attachment, two
 * conversations (one resolved, with a survey due), a bot answer they rated and an agent turned
 * into a training phrase, a search and a journey event.
 */
async function person(ws: TestWorkspace, name: string) {
  const session = await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { name, consent: { behaviour: true } } });
  const { token, customerId } = session.body as { token: string; customerId: string };
  const email = `${name.toLowerCase()}@${ws.slug}.example`;
  assert.equal((await call(app, 'POST', `/api/v1/customers/${customerId}/identities`, { token: ws.tokens.agent, body: { kind: 'email', value: email } })).status, 201);
  const file = await upload(`/api/v1/widget/${ws.id}/uploads`, token, `${name}-receipt.png`);
  const say = async (body: string, extra: Record<string, unknown> = {}) =>
    (await expectStatus(call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token, body: { body, idempotencyKey: `k-${randomUUID()}`, ...extra } }), 201)).message as { id: string; conversationId: string };
  const asked = await say(`I am ${name} and my parcel never came`, { content: { attachments: [file] } });
  const answered = await app.services.appender.append({
    workspaceId: ws.id, conversationId: asked.conversationId, author: 'bot', authorId: null, channel: 'web', private: false,
    body: 'Sorry to hear that.', content: {}, idempotencyKey: `bot:${asked.id}:0`, customerId, threadKey: null,
  });
  assert.equal(answered.kind, 'stored');
  const botAnswerId = answered.kind === 'stored' ? answered.message.id : '';
  assert.equal((await call(app, 'POST', `/api/v1/widget/${ws.id}/messages/${botAnswerId}/rating`, { token, body: { helpful: false } })).status, 200);
  await expectStatus(call(app, 'POST', `/api/v1/messages/${botAnswerId}/bot-feedback`, { token: ws.tokens.agent, body: { correct: false, intent: 'lost_parcel', addAsPhrase: true } }), 200);
  assert.equal((await call(app, 'PATCH', `/api/v1/conversations/${asked.conversationId}`, { token: ws.tokens.agent, body: { status: 'resolved' } })).status, 200);
  await app.services.csat.pass(ws.id); // schedules the satisfaction survey for the resolved one
  const second = await expectStatus(call(app, 'POST', '/api/v1/conversations', { token: ws.tokens.agent, body: { customerId, subject: `Refund for ${name}`, message: { body: `Hello ${name}, about your refund` } } }), 201);
  await say(`Thanks, ${name} here again`, { conversationId: second.id });
  assert.equal((await call(app, 'GET', `/api/v1/widget/${ws.id}/help/search?q=${encodeURIComponent(`refund ${name}`)}&locale=en`, { token })).status, 200);
  assert.equal((await call(app, 'POST', `/api/v1/customers/${customerId}/events`, { token: ws.tokens.agent, body: { type: 'custom', data: { name: 'checkout', who: name } } })).status, 201);
  return { customerId, token, email, file, conversationIds: [asked.conversationId, second.id as string], askedId: asked.id, botAnswerId };
}

async function botWorkspace(): Promise<TestWorkspace> {
  const ws = await createWorkspace(app);
  await expectStatus(call(app, 'PUT', '/api/v1/bot/intents/lost_parcel', { token: ws.tokens.admin, body: { title: { en: 'Lost parcel' }, phrases: { en: ['my parcel is lost'] }, answer: 'reply', reply: { en: 'Let me check.' } } }), 200);
  return ws;
}

const requestErasure = async (ws: TestWorkspace, customerId: string) =>
  (await expectStatus(call(app, 'POST', `/api/v1/customers/${customerId}/erase`, { token: ws.tokens.admin }), 202)) as { id: string; status: string };
const privacyRequest = async (ws: TestWorkspace, id: string) => (await call(app, 'GET', `/api/v1/privacy-requests/${id}`, { token: ws.tokens.admin })).body;

/** Tables that name a customer, or one of their conversations or messages, with those columns. */
const linkedTables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable)).map((table) => getTableConfig(table))
  .map((config) => ({ name: config.name, columns: config.columns.map((c) => c.name).filter((c) => ['customer_id', 'conversation_id', 'message_id'].includes(c)) }))
  .filter((t) => t.columns.length > 0);

describe('customer data rights', () => {
  it('every table that names a customer is placed in the export and in the erasure', () => {
    assert.ok(linkedTables.length > 20, `found ${linkedTables.length}`);
    for (const { name } of linkedTables) {
      assert.ok(name in EXPORTED_TABLES || name in NOT_EXPORTED, `${name}: export it (EXPORTED_TABLES) or say why not (NOT_EXPORTED)`);
      assert.ok(name in ERASURE_TREATMENT, `${name}: say what an erasure does with it (ERASURE_TREATMENT)`);
    }
  });

  it("an export holds everything about the customer, with download links, and nothing about anyone else", async () => {
    const ws = await botWorkspace();
    const lan = await person(ws, 'Lan');
    const reza = await person(ws, 'Reza');
    const elsewhere = await botWorkspace();
    const twin = await person(elsewhere, 'Lan');

    const res = await app.http.inject({ method: 'GET', url: `/api/v1/customers/${lan.customerId}/export`, headers: { authorization: `Bearer ${ws.tokens.admin}` } });
    assert.deepEqual([res.statusCode, res.headers['content-disposition']], [200, `attachment; filename="customer-${lan.customerId}.json"`], res.body);
    const doc = res.json();
    assert.equal(doc.format, 'tandem.customer-export.v1');
    assert.deepEqual([doc.customer.id, doc.customer.name], [lan.customerId, 'Lan']);
    for (const section of CUSTOMER_EXPORT_SECTIONS) assert.ok(Array.isArray(doc[section]), `section ${section}`);
    for (const section of Object.values(EXPORTED_TABLES)) assert.ok(section in doc, `section ${section}`);
    assert.deepEqual(doc.identities.map((i: { kind: string }) => i.kind).sort(), ['email', 'web']);
    assert.deepEqual(doc.conversations.map((c: { id: string }) => c.id), lan.conversationIds);
    const texts = doc.conversations.flatMap((c: { messages: Array<{ body: string }> }) => c.messages.map((m) => m.body));
    assert.ok(texts.includes('I am Lan and my parcel never came') && texts.includes('Hello Lan, about your refund') && texts.includes('Sorry to hear that.'), JSON.stringify(texts));
    const sentFile = doc.conversations[0].messages[0].content.attachments[0];
    assert.equal(sentFile.url, `${base}${lan.file.url}`, 'absolute, so the file works on its own');
    assert.deepEqual(doc.attachments.map((a: { url: string }) => a.url), [`${base}${lan.file.url}`]);
    assert.deepEqual((await fetch(doc.attachments[0].url).then((r) => r.arrayBuffer()).then((b) => Buffer.from(b))), PNG);
    assert.deepEqual([doc.searches.length, doc.trainingPhrases.length, doc.botAnswerRatings.length, doc.botAnswerFeedback.length, doc.csatSurveys.length, doc.widgetSessions.length], [1, 1, 1, 1, 1, 1]);
    assert.ok(doc.timelineEvents.some((e: { data: { name?: string } }) => e.data.name === 'checkout'));
    assert.equal(doc.widgetSessions[0].tokenHash, undefined, 'no secret hashes');

    for (const stranger of [reza.customerId, twin.customerId, elsewhere.id, ...reza.conversationIds, ...twin.conversationIds, 'Reza']) assert.equal(res.body.includes(stranger), false, `${stranger} is someone else's`);
    const audit = (await call(app, 'GET', `/api/v1/audit-entries?targetId=${lan.customerId}`, { token: ws.tokens.admin })).body.items;
    assert.ok(audit.some((e: { action: string; actorId: string }) => e.action === 'customer.exported' && e.actorId === ws.agentIds.admin));
  });

  it('an erasure runs as a job: the report counts what went, the file leaves the disk, nothing points at the person, others keep theirs', async () => {
    const ws = await botWorkspace();
    const lan = await person(ws, 'Lan');
    const reza = await person(ws, 'Reza');
    const messageIds = rowsOf<{ id: string }>(await app.deps.db.execute(sql`SELECT id FROM messages WHERE workspace_id = ${ws.id} AND conversation_id = ANY(${`{${lan.conversationIds.join(',')}}`}::uuid[])`)).map((r) => r.id);
    const journey = await count(sql`SELECT count(*)::int AS n FROM timeline_events WHERE workspace_id = ${ws.id} AND customer_id = ${lan.customerId}`);
    assert.ok(existsSync(diskPath(ws, lan.file.url)));

    const queued = await requestErasure(ws, lan.customerId);
    assert.equal(queued.status, 'queued');
    assert.equal((await requestErasure(ws, lan.customerId)).id, queued.id, 'asking again while queued answers the same request');
    assert.ok((await erasure.workspacesToPass()).includes(ws.id), 'the periodic pass sees it');
    assert.equal(await erasure.pass(ws.id), 1);

    const done = await privacyRequest(ws, queued.id);
    assert.deepEqual([done.status, done.attempts, done.error, done.finishedAt], ['done', 1, null, now.toISOString()]);
    const r = done.report;
    assert.deepEqual([r.conversations, r.messages, r.attachments, r.identities, r.timelineEvents, r.searches, r.trainingPhrases, r.botRatings, r.botAnswerFeedback, r.csatSurveys, r.widgetSessions, r.customers],
      [2, messageIds.length, 1, 2, journey, 1, 1, 1, 1, 1, 1, 1]);
    assert.equal(existsSync(diskPath(ws, lan.file.url)), false, 'the bytes are gone');
    assert.equal((await app.http.inject({ method: 'GET', url: lan.file.url })).statusCode, 404);

    // Every table that names them holds nothing that still points at them.
    const ids = (list: readonly string[]) => sql`${`{${list.join(',')}}`}::uuid[]`;
    for (const { name, columns } of linkedTables) {
      const treatment = ERASURE_TREATMENT[name];
      if (treatment === 'kept') continue;
      const refs = columns.filter((c) => treatment === 'deleted' || c === 'customer_id').map((c) => sql`${sql.identifier(c)} = ANY(${c === 'customer_id' ? ids([lan.customerId]) : c === 'conversation_id' ? ids(lan.conversationIds) : ids(messageIds)})`);
      if (refs.length === 0) continue;
      const live = treatment === 'revoked' ? sql` AND revoked_at IS NULL` : sql``;
      const left = await count(sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)} WHERE workspace_id = ${ws.id} AND (${sql.join(refs, sql` OR `)})${live}`);
      assert.equal(left, 0, `${name} (${treatment}) still points at them`);
    }
    const tombstone = (await call(app, 'GET', `/api/v1/customers/${lan.customerId}`, { token: ws.tokens.admin })).body;
    assert.deepEqual([tombstone.name, Object.keys(tombstone.attributes), tombstone.identities, tombstone.consent], [null, ['erasedAt'], [], { automation: false, behaviour: false, marketing: false }]);

    // Someone else's data is untouched.
    assert.ok((await messagesOf(ws, reza.conversationIds[0]!)).some((m) => m.body === 'I am Reza and my parcel never came'));
    assert.ok(existsSync(diskPath(ws, reza.file.url)));
    assert.equal(await count(sql`SELECT count(*)::int AS n FROM kb_searches WHERE workspace_id = ${ws.id} AND customer_id = ${reza.customerId}`), 1);
    assert.equal(await count(sql`SELECT count(*)::int AS n FROM bot_training_phrases WHERE workspace_id = ${ws.id} AND message_id = ${reza.askedId}`), 1);

    const audit = (await call(app, 'GET', `/api/v1/audit-entries?targetId=${lan.customerId}`, { token: ws.tokens.admin })).body.items as Array<{ action: string; actorType: string; data: any }>;
    assert.deepEqual(audit.map((e) => e.action).filter((a) => a.startsWith('customer.erase')).sort(), ['customer.erase_requested', 'customer.erased']);
    assert.deepEqual(audit.find((e) => e.action === 'customer.erased')!.data.report, r);

    // Their widget token no longer works; writing again from their address makes a new customer.
    await expectStatus(call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: lan.token, body: { body: 'hello?', idempotencyKey: `k-${randomUUID()}` } }), 401);
    const again = await expectStatus(call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity: { kind: 'email', value: lan.email }, body: 'Me again' } }), 201);
    assert.notEqual(again.conversation.customerId, lan.customerId);

    // A second erasure of the same customer is a no-op: it reports zeros.
    const second = await requestErasure(ws, lan.customerId);
    assert.notEqual(second.id, queued.id);
    await erasure.pass(ws.id);
    const repeat = await privacyRequest(ws, second.id);
    assert.equal(repeat.status, 'done');
    assert.deepEqual(Object.values(repeat.report).filter((n) => n !== 0), []);
    const listed = (await call(app, 'GET', `/api/v1/privacy-requests?customerId=${lan.customerId}`, { token: ws.tokens.admin })).body.items;
    assert.deepEqual(listed.map((p: { id: string }) => p.id), [second.id, queued.id], 'newest first');
  });

  it('an erasure left running by a process that died is taken again once stale, not before', async () => {
    const ws = await botWorkspace();
    const lan = await person(ws, 'Lan');
    const request = await requestErasure(ws, lan.customerId);
    // As if a process took it and died: running, one attempt made, started a minute ago.
    await app.deps.db.execute(sql`UPDATE privacy_requests SET status = 'running', attempts = 1, started_at = ${new Date(now.getTime() - MINUTE).toISOString()}::timestamptz WHERE workspace_id = ${ws.id} AND id = ${request.id}`);
    assert.equal(await erasure.pass(ws.id), 0, 'still within its time: it may be running elsewhere');
    advance(20 * MINUTE);
    assert.equal(await erasure.pass(ws.id), 1);
    const done = await privacyRequest(ws, request.id);
    assert.deepEqual([done.status, done.attempts, done.report.conversations], ['done', 2, 2]);
  });

  it('a failed attempt goes back to the queue with its error and is retried later; the fifth failure is final', async () => {
    const ws = await botWorkspace();
    const lan = await person(ws, 'Lan');
    const reza = await person(ws, 'Reza');
    // A fault inside the erasure's transaction: deleting this workspace's identities raises.
    const trigger = `privacy_fault_${ws.id.replaceAll('-', '')}`;
    await app.deps.db.execute(sql.raw(`CREATE OR REPLACE FUNCTION privacy_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$`));
    await app.deps.db.execute(sql.raw(`CREATE TRIGGER ${trigger} BEFORE DELETE ON identities FOR EACH ROW WHEN (OLD.workspace_id = '${ws.id}') EXECUTE FUNCTION privacy_test_fault()`));
    try {
      const first = await requestErasure(ws, lan.customerId);
      await erasure.pass(ws.id);
      const failed = await privacyRequest(ws, first.id);
      assert.deepEqual([failed.status, failed.attempts, failed.report], ['queued', 1, null]);
      assert.match(failed.error, /injected fault/);
      assert.equal((await call(app, 'GET', `/api/v1/conversations/${lan.conversationIds[0]}`, { token: ws.tokens.agent })).status, 200, 'rolled back: nothing half-erased');
      assert.ok(existsSync(diskPath(ws, lan.file.url)), 'files go only after the commit');
      assert.equal(await erasure.pass(ws.id), 0, 'a retry waits a while');

      const last = await requestErasure(ws, reza.customerId);
      await app.deps.db.execute(sql`UPDATE privacy_requests SET attempts = 4 WHERE workspace_id = ${ws.id} AND id = ${last.id}`);
      advance(10 * MINUTE);
      await erasure.pass(ws.id);
      const given = await privacyRequest(ws, last.id);
      assert.deepEqual([given.status, given.attempts, given.finishedAt !== null], ['failed', 5, true]);
    } finally {
      await app.deps.db.execute(sql.raw(`DROP TRIGGER ${trigger} ON identities`));
    }
    advance(10 * MINUTE);
    await erasure.pass(ws.id);
    const retried = (await call(app, 'GET', `/api/v1/privacy-requests?customerId=${lan.customerId}`, { token: ws.tokens.admin })).body.items[0];
    assert.deepEqual([retried.status, retried.attempts, retried.error, retried.report.conversations], ['done', 3, null, 2]);
    const given = (await call(app, 'GET', `/api/v1/privacy-requests?customerId=${reza.customerId}`, { token: ws.tokens.admin })).body.items[0];
    assert.equal(given.status, 'failed', 'a failed request stays failed: a person must look at it');
  });

  it('a file the disk would not remove after the commit is removed by a later pass, not forgotten', async () => {
    const ws = await botWorkspace();
    const lan = await person(ws, 'Lan');
    const path = diskPath(ws, lan.file.url);
    // The disk refuses: a directory with something in it stands where the file was.
    await rm(path);
    await mkdir(join(path, 'busy'), { recursive: true });
    const request = await requestErasure(ws, lan.customerId);
    assert.equal(await erasure.pass(ws.id), 1);
    assert.equal((await privacyRequest(ws, request.id)).status, 'done', 'the erasure itself is complete');
    const left = () => count(sql`SELECT count(*)::int AS n FROM file_removals WHERE workspace_id = ${ws.id}`);
    assert.equal(await left(), 1, 'the removal is remembered');
    const { fileRemovals } = app.services.privacy;
    assert.equal(await fileRemovals.pass(ws.id), 0, 'not yet: it may still be under way right after its commit');
    // The bytes are back as a file (the disk recovered), and time passes.
    await rm(path, { recursive: true });
    await writeFile(path, PNG);
    advance(2 * MINUTE);
    assert.ok((await fileRemovals.workspacesToPass()).includes(ws.id));
    assert.equal(await fileRemovals.pass(ws.id), 1);
    assert.equal(existsSync(path), false, 'the bytes are gone');
    assert.equal(await left(), 0);
  });

});

/** A customer writing in on the API channel, with a subject and an agent's reply carrying an attachment. */
async function conversationWithFile(ws: TestWorkspace, who: string, options: { resolve: boolean }) {
  const inbound = await expectStatus(call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'api', identity: { kind: 'email', value: `${who}@${ws.slug}.example` }, subject: `About ${who}`, body: `${who} lives at 12 Lê Lợi` } }), 201);
  const id = inbound.conversation.id as string;
  const file = await upload('/api/v1/uploads', ws.tokens.agent, `${who}-invoice.png`);
  await expectStatus(call(app, 'POST', `/api/v1/conversations/${id}/messages`, { token: ws.tokens.agent, body: { body: `Your invoice, ${who}`, content: { attachments: [file] } } }), 201);
  if (options.resolve) assert.equal((await call(app, 'PATCH', `/api/v1/conversations/${id}`, { token: ws.tokens.agent, body: { status: 'resolved' } })).status, 200);
  return { id, customerId: inbound.conversation.customerId as string, file };
}

async function retentionWorkspace(action: 'anonymize' | 'delete') {
  const ws = await createWorkspace(app);
  await expectStatus(call(app, 'PUT', '/api/v1/privacy/settings', { token: ws.tokens.admin, body: { maskPiiForAgents: false, retentionDays: 30, retentionAction: action } }), 200);
  const old = await conversationWithFile(ws, 'an', { resolve: true });
  const open = await conversationWithFile(ws, 'binh', { resolve: false });
  advance(20 * DAY);
  const recent = await conversationWithFile(ws, 'chi', { resolve: true });
  advance(15 * DAY);
  return { ws, old, open, recent };
}

describe('retention', () => {
  it('anonymizes resolved conversations past the period: texts and files go, the conversation and its customer stay; open ones are untouched', async () => {
    const { ws, old, open, recent } = await retentionWorkspace('anonymize');
    assert.ok((await retention.workspacesToPass()).includes(ws.id));
    const counts = await retention.pass(ws.id);
    assert.deepEqual([counts.conversations, counts.messages, counts.attachments], [1, 2, 1]);

    const kept = (await call(app, 'GET', `/api/v1/conversations/${old.id}`, { token: ws.tokens.agent })).body;
    assert.deepEqual([kept.customerId, kept.subject, kept.status], [old.customerId, null, 'resolved']);
    assert.deepEqual((await messagesOf(ws, old.id)).map((m) => [m.body, m.content]), [['[removed]', {}], ['[removed]', {}]]);
    assert.equal(existsSync(diskPath(ws, old.file.url)), false);
    for (const untouched of [open, recent]) {
      assert.ok((await messagesOf(ws, untouched.id)).some((m) => m.body.includes('lives at 12 Lê Lợi')), 'open and recent conversations keep their text');
      assert.ok(existsSync(diskPath(ws, untouched.file.url)));
    }
    const audit = (await call(app, 'GET', `/api/v1/audit-entries?targetId=${ws.id}`, { token: ws.tokens.admin })).body.items as Array<{ action: string; actorType: string; data: any }>;
    const applied = audit.find((e) => e.action === 'retention.applied')!;
    assert.deepEqual([applied.actorType, applied.data.action, applied.data.counts.conversations], ['system', 'anonymize', 1]);
    assert.deepEqual(await retention.pass(ws.id), {}, 'nothing left to do: the next pass changes nothing');
  });

  it('deletes resolved conversations past the period with their messages, files and facts; open ones are untouched', async () => {
    const { ws, old, open, recent } = await retentionWorkspace('delete');
    await app.services.facts.refresh(ws.id);
    assert.equal(await count(sql`SELECT count(*)::int AS n FROM conversation_facts WHERE workspace_id = ${ws.id} AND conversation_id = ${old.id}`), 1);
    const counts = await retention.pass(ws.id);
    assert.deepEqual([counts.conversations, counts.messages, counts.attachments, counts.analyticsFacts], [1, 2, 1, 1]);
    assert.equal((await call(app, 'GET', `/api/v1/conversations/${old.id}`, { token: ws.tokens.agent })).status, 404);
    assert.equal(await count(sql`SELECT count(*)::int AS n FROM messages WHERE workspace_id = ${ws.id} AND conversation_id = ${old.id}`), 0);
    assert.equal(existsSync(diskPath(ws, old.file.url)), false);
    assert.equal((await call(app, 'GET', `/api/v1/customers/${old.customerId}`, { token: ws.tokens.agent })).status, 200, 'the customer stays');
    for (const untouched of [open, recent]) assert.equal((await messagesOf(ws, untouched.id)).length, 2);
  });

  it('does nothing where no period is set', async () => {
    const ws = await createWorkspace(app);
    const old = await conversationWithFile(ws, 'dung', { resolve: true });
    advance(4000 * DAY);
    assert.equal((await retention.workspacesToPass()).includes(ws.id), false);
    assert.deepEqual(await retention.pass(ws.id), {});
    assert.equal((await messagesOf(ws, old.id)).length, 2);
  });
});
