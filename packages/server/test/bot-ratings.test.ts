// Customers' thumbs up/down on the bot's answers, from the widget to the managers' feedback inbox.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/adapters/postgres/database.ts';
import { call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

const app = await startTestApp();

/** A visitor who asked something and got a bot answer (appended as the bot turn would). */
async function askedAndAnswered(ws: TestWorkspace, question = 'Where is my parcel?') {
  const session = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {} })).body as { token: string; customerId: string };
  const sent = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: session.token, body: { body: question, idempotencyKey: `k-${randomUUID()}` } });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const asked = sent.body.message as { id: string; conversationId: string };
  const answered = await app.services.appender.append({
    workspaceId: ws.id, conversationId: asked.conversationId, author: 'bot', authorId: null, channel: 'web', private: false,
    body: 'It ships tomorrow.', content: {}, idempotencyKey: `bot:${asked.id}:0`, customerId: session.customerId, threadKey: null,
  });
  assert.equal(answered.kind, 'stored');
  return { token: session.token, askedId: asked.id, answerId: answered.kind === 'stored' ? answered.message.id : '' };
}

const rate = (ws: TestWorkspace, token: string, messageId: string, helpful: boolean) =>
  call(app, 'POST', `/api/v1/widget/${ws.id}/messages/${messageId}/rating`, { token, body: { helpful } });

const botFeedback = async (ws: TestWorkspace, query = '') =>
  (await call(app, 'GET', `/api/v1/feedback?kind=bot${query}`, { token: ws.tokens.owner })).body as { items: Array<Record<string, unknown>>; nextCursor: string | null };

describe('customers rating bot answers', () => {
  it('a thumbs-down on a bot answer reaches the feedback inbox with the question asked', async () => {
    const ws = await createWorkspace(app);
    const { token, answerId } = await askedAndAnswered(ws);
    const rated = await rate(ws, token, answerId, false);
    assert.equal(rated.status, 200, JSON.stringify(rated.body));
    assert.deepEqual(rated.body, { ok: true });
    const { items } = await botFeedback(ws);
    assert.equal(items.length, 1);
    assert.equal(items[0]!.id, answerId);
    assert.deepEqual([items[0]!.kind, items[0]!.rating, items[0]!.question, items[0]!.agentId, items[0]!.comment], ['bot', 0, 'Where is my parcel?', null, null]);
  });

  it("rating someone else's bot answer is refused as not found", async () => {
    const ws = await createWorkspace(app);
    const { answerId } = await askedAndAnswered(ws);
    const stranger = await askedAndAnswered(ws);
    const res = await rate(ws, stranger.token, answerId, false);
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'message.not_found');
  });

  it("rating the customer's own message is refused: only bot answers are rated", async () => {
    const ws = await createWorkspace(app);
    const { token, askedId } = await askedAndAnswered(ws);
    const res = await rate(ws, token, askedId, false);
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'message.not_bot_answer');
  });

  it('rating twice keeps one rating, the latest', async () => {
    const ws = await createWorkspace(app);
    const { token, answerId } = await askedAndAnswered(ws);
    assert.equal((await rate(ws, token, answerId, false)).status, 200);
    assert.equal((await rate(ws, token, answerId, true)).status, 200);
    const rows = rowsOf<{ helpful: boolean }>(await app.deps.db.execute(sql`SELECT helpful FROM bot_answer_ratings WHERE workspace_id = ${ws.id}`));
    assert.deepEqual(rows.map((r) => r.helpful), [true]);
    assert.equal((await botFeedback(ws)).items.length, 0, 'a thumbs-up is not feedback to act on');
  });

  it("an answer both an agent and the customer judged wrong is listed once, as the agent's verdict, and pages stay whole", async () => {
    const ws = await createWorkspace(app);
    const both = await askedAndAnswered(ws, 'first');
    const customerOnly = await askedAndAnswered(ws, 'second');
    await rate(ws, both.token, both.answerId, false);
    await rate(ws, customerOnly.token, customerOnly.answerId, false);
    const marked = await call(app, 'POST', `/api/v1/messages/${both.answerId}/bot-feedback`, { token: ws.tokens.agent, body: { correct: false } });
    assert.equal(marked.status, 200, JSON.stringify(marked.body));
    const first = await botFeedback(ws, '&limit=1');
    assert.ok(first.nextCursor);
    const second = await botFeedback(ws, `&limit=1&cursor=${first.nextCursor}`);
    assert.equal(second.nextCursor, null);
    const items = [...first.items, ...second.items];
    assert.deepEqual(items.map((i) => [i.id, i.agentId]), [[both.answerId, ws.agentIds.agent], [customerOnly.answerId, null]]);
  });
});
