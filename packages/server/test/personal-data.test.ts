// Personal data and consent on the demo workspace: what agents see when the workspace masks
// personal data (and the audited reveal), what is stored for training and analytics, a customer
// who declined automation, and sensitive actions on the audit log.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { seedDemoWorkspace } from '../src/admin/demo-seed.ts';
import { botTrainingPhrases, kbFeedback, kbSearches } from '../src/adapters/postgres/schema.ts';
import { recordFeedback } from '../src/features/kb/kb.store.ts';
import { call, connect, startTestApp } from './harness.ts';
import { until } from './poll.ts';

const app = await startTestApp();
const base = await app.listen();
// A slug of its own: on a shared PostgreSQL, other test files seed a demo workspace too.
const demo = await seedDemoWorkspace(app.services, app.deps, { slug: `demo-${randomUUID().slice(0, 8)}` });
const workspaceId = (await app.deps.db.query.workspaces.findMany()).find((w) => w.slug === demo.workspace)!.id;
const owner = (await app.deps.db.query.agents.findMany()).find((a) => a.workspaceId === workspaceId && a.email === demo.email)!;
const token = (await app.services.auth.issue('api', workspaceId, { agentId: owner.id, name: 'test' })).token;

const CARD_FA = '۶۰۳۷-۹۹۷۵-۱۹۱۹-۹۳۸۵';
const CARD = '4111 1111 1111 1111';

async function visitor(options: { locale?: string; consent?: Record<string, boolean> } = {}) {
  const session = (await call(app, 'POST', `/api/v1/widget/${workspaceId}/sessions`, { body: { locale: options.locale ?? 'en', consent: options.consent ?? {} } })).body as { token: string; customerId: string };
  let conversationId: string | undefined;
  const say = async (body: string) => {
    const sent = await call(app, 'POST', `/api/v1/widget/${workspaceId}/messages`, { token: session.token, body: { body, idempotencyKey: `k-${randomUUID()}`, ...(conversationId ? { conversationId } : {}) } });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    conversationId = sent.body.conversation.id as string;
    await app.services.botTurns.settled();
    return sent.body.message as { id: string; body: string };
  };
  const agentMessages = async () => (await call(app, 'GET', `/api/v1/conversations/${conversationId}/messages`, { token })).body.items as any[];
  const ownMessages = async () => (await call(app, 'GET', `/api/v1/widget/${workspaceId}/conversations/${conversationId}/messages`, { token: session.token })).body.items as any[];
  return { session, say, agentMessages, ownMessages, id: () => conversationId! };
}

async function maskForAgents(on: boolean) {
  const saved = await call(app, 'PUT', '/api/v1/privacy/settings', { token, body: { maskPiiForAgents: on, retentionDays: null, retentionAction: 'anonymize' } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
}

const auditActions = async () => ((await call(app, 'GET', '/api/v1/audit-entries?limit=100', { token })).body.items as any[]);

describe('personal data shown to agents', () => {
  it('is masked when the workspace asks, for agents only; a reveal shows it and is audited', async () => {
    await maskForAgents(true);
    try {
      const v = await visitor({ locale: 'fa' });
      const sent = await v.say(`شماره کارتم ${CARD_FA} است`);
      const seen = (await v.agentMessages()).find((m) => m.id === sent.id);
      assert.equal(seen.body, 'شماره کارتم [card ••9385] است');
      assert.equal(seen.masked, true);
      assert.equal((await v.ownMessages()).find((m) => m.id === sent.id).body, sent.body, 'the customer sees their own words');

      const revealed = await call(app, 'POST', `/api/v1/conversations/${v.id()}/messages/${sent.id}/reveal`, { token });
      assert.equal(revealed.status, 200, JSON.stringify(revealed.body));
      assert.equal(revealed.body.body, `شماره کارتم ${CARD_FA} است`);
      const entry = (await auditActions()).find((e) => e.action === 'message.personal_data_revealed' && e.targetId === sent.id);
      assert.deepEqual(entry?.data, { conversationId: v.id(), kinds: ['card'] });
      assert.equal(entry.actorId, owner.id);

      const elsewhere = await call(app, 'POST', `/api/v1/conversations/${randomUUID()}/messages/${sent.id}/reveal`, { token });
      assert.equal(elsewhere.status, 404, 'a message is revealed only under its own conversation');
    } finally {
      await maskForAgents(false);
    }
  });

  it('masks the inbox preview and the live feed as well', async () => {
    await maskForAgents(true);
    const socket = await connect(`${base.replace('http', 'ws')}/api/v1/ws`);
    try {
      socket.send({ type: 'hello', token });
      await socket.waitFor((f) => f.type === 'ready');
      const v = await visitor();
      const sent = await v.say('please email me at an.nguyen@example.com');
      const event = await socket.waitFor((f) => f.type === 'event' && f.event.message?.id === sent.id);
      assert.equal(event.event.message.body, 'please email me at •••@example.com');
      const note = await call(app, 'POST', `/api/v1/conversations/${v.id()}/messages`, { token, body: { body: `card on file ${CARD}`, private: true } });
      assert.equal(note.status, 201);
      const row = await call(app, 'GET', `/api/v1/inbox/${v.id()}`, { token });
      assert.equal(row.body.preview.body, 'card on file [card ••1111]');
    } finally {
      await socket.close();
      await maskForAgents(false);
    }
  });

  it('a feed already open is masked from the moment the setting is saved', async () => {
    const socket = await connect(`${base.replace('http', 'ws')}/api/v1/ws`);
    try {
      socket.send({ type: 'hello', token });
      await socket.waitFor((f) => f.type === 'ready');
      await maskForAgents(true);
      const v = await visitor();
      const sent = await v.say(`my card is ${CARD}`);
      const event = await socket.waitFor((f) => f.type === 'event' && f.event.message?.id === sent.id);
      assert.equal(event.event.message.body, 'my card is [card ••1111]');
    } finally {
      await socket.close();
      await maskForAgents(false);
    }
  });

  it('is shown as written when the workspace does not mask', async () => {
    // The demo workspace masks from the start: switch it off here rather than rely on a default.
    await maskForAgents(false);
    const v = await visitor();
    const sent = await v.say(`my card ${CARD} was charged twice`);
    const seen = (await v.agentMessages()).find((m) => m.id === sent.id);
    assert.equal(seen.body, `my card ${CARD} was charged twice`);
    assert.equal(seen.masked, undefined);
  });

  it("customers never receive the team's bookkeeping on their conversation", async () => {
    const v = await visitor();
    await v.say('hello');
    await call(app, 'PATCH', `/api/v1/conversations/${v.id()}`, { token, body: { labels: ['angry-customer'], priority: 'urgent' } });
    const listed = (await call(app, 'GET', `/api/v1/widget/${workspaceId}/conversations`, { token: v.session.token })).body.items as any[];
    const own = listed.find((c) => c.id === v.id());
    assert.ok(own, 'the conversation is listed');
    for (const field of ['labels', 'priority', 'teamId', 'snoozedUntil']) assert.equal(field in own, false, field);
    assert.equal((await call(app, 'GET', `/api/v1/conversations/${v.id()}`, { token })).body.labels[0], 'angry-customer');
  });
});

describe('what is kept for training and analytics', () => {
  it('a customer message added as a training phrase is stored masked', async () => {
    const v = await visitor();
    const asked = await v.say(`refund to card ${CARD} please`);
    const answer = (await v.agentMessages()).find((m) => m.author === 'bot');
    const marked = await call(app, 'POST', `/api/v1/messages/${answer.id}/bot-feedback`, { token, body: { correct: false, intent: 'order_status', addAsPhrase: true } });
    assert.equal(marked.status, 200, JSON.stringify(marked.body));
    const [phrase] = await app.deps.db.select().from(botTrainingPhrases).where(eq(botTrainingPhrases.messageId, asked.id));
    assert.equal(phrase?.text, 'refund to card [card] please');
  });

  it('help searches and article comments are stored masked', async () => {
    const v = await visitor();
    const search = await call(app, 'GET', `/api/v1/widget/${workspaceId}/help/search?locale=en&q=${encodeURIComponent('reset password for linh@example.vn')}`, { token: v.session.token });
    assert.equal(search.status, 200, JSON.stringify(search.body));
    const searches = await app.deps.db.select().from(kbSearches).where(eq(kbSearches.workspaceId, workspaceId));
    assert.ok(searches.some((s) => s.query === 'reset password for [email]'), JSON.stringify(searches.map((s) => s.query)));
    assert.ok(searches.every((s) => !s.query.includes('linh@example.vn')));

    const article = (await app.deps.db.query.kbArticles.findMany()).find((a) => a.workspaceId === workspaceId)!;
    const id = randomUUID();
    await recordFeedback(app.deps.db, { workspaceId, id, articleId: article.id, helpful: false, comment: 'call me on +98 912 123 4567', customerId: null, createdAt: new Date() });
    const [feedback] = await app.deps.db.select().from(kbFeedback).where(eq(kbFeedback.id, id));
    assert.equal(feedback?.comment, 'call me on [phone]');
  });
});

describe('consent to automation', () => {
  it('a customer who declined automation is served by people, and the bot learns nothing from them', async () => {
    const v = await visitor({ consent: { automation: false } });
    await v.say('hello, where is my order?');
    const conversation = (await call(app, 'GET', `/api/v1/conversations/${v.id()}`, { token })).body;
    assert.notEqual(conversation.handler, 'bot');
    const handoffs = (await call(app, 'GET', `/api/v1/conversations/${v.id()}/handoffs`, { token })).body.items as any[];
    assert.equal(handoffs[0]?.reason, 'no_automation_consent');
    const notice = (await v.agentMessages()).find((m) => m.author === 'bot');
    assert.ok(notice, 'the customer is told a person will answer');
    const refused = await call(app, 'POST', `/api/v1/messages/${notice.id}/bot-feedback`, { token, body: { correct: false, intent: 'order_status', addAsPhrase: true } });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'bot.no_automation_consent');
  });
});

describe('the audit log', () => {
  it('records consent recorded by an agent, secrets viewed and settings changed, and cannot be edited through the API', async () => {
    const v = await visitor();
    const changed = await call(app, 'PATCH', `/api/v1/customers/${v.session.customerId}`, { token, body: { consent: { marketing: true } } });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal((await call(app, 'GET', '/api/v1/workspace/identity-secret', { token })).status, 200);
    assert.equal((await call(app, 'PATCH', '/api/v1/workspace', { token, body: { reopenWindowHours: 24 } })).status, 400, 'unknown top-level field refused');
    assert.equal((await call(app, 'PATCH', '/api/v1/workspace', { token, body: { settings: { reopenWindowHours: 24 } } })).status, 200);

    const entries = await until(async () => {
      const all = await auditActions();
      return all.some((e) => e.action === 'settings.changed') ? all : null;
    }, 5000);
    const consent = entries.find((e) => e.action === 'customer.consent_changed' && e.targetId === v.session.customerId);
    assert.deepEqual(consent?.data, { from: { automation: true, behaviour: false, marketing: false }, to: { automation: true, behaviour: false, marketing: true } });
    assert.ok(entries.some((e) => e.action === 'identity_secret.viewed' && e.actorId === owner.id));
    assert.deepEqual(entries.find((e) => e.action === 'settings.changed')?.data.changed, ['settings.reopenWindowHours']);
    assert.ok(entries.every((e) => !JSON.stringify(e.data).match(/[0-9a-f]{64}/)), 'no secret in the log');

    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const attempt = await call(app, method, `/api/v1/audit-entries/${consent.id}`, { token, body: {} });
      assert.equal(attempt.status, 404, `${method} on an audit entry`);
    }
  });
});
