import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../adapters/postgres/database.ts';
import { createWorkspace, startTestApp } from '../../../test/harness.ts';
import type { AppendRequest } from './append-batch.ts';

const app = await startTestApp();

async function openConversations(workspaceId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const received = await app.services.receive.receiveFromIdentity({
      workspaceId,
      identity: { kind: 'email', value: `gc${i}@example.com` },
      channel: 'email',
      body: 'opening',
      content: {},
      idempotencyKey: null,
    });
    ids.push(received.conversation.id);
  }
  return ids;
}

const request = (workspaceId: string, conversationId: string, body: string, key: string | null = null): AppendRequest => ({
  workspaceId,
  conversationId,
  author: 'agent',
  authorId: null,
  channel: 'email',
  private: false,
  body,
  content: {},
  idempotencyKey: key,
});

describe('group commit', () => {
  it('commits a burst of messages in far fewer transactions than messages, with contiguous sequence numbers', async () => {
    const ws = await createWorkspace(app);
    const conversations = await openConversations(ws.id, 10);
    const burst = Array.from({ length: 400 }, (_, i) => request(ws.id, conversations[i % 10]!, `m${i}`));
    const results = await Promise.all(burst.map((r) => app.services.appender.append(r)));
    assert.ok(results.every((r) => r.kind === 'stored'));
    // Every message of one transaction shares its commit timestamp: count the transactions.
    const [stats] = rowsOf<{ messages: number; commits: number }>(
      await app.deps.db.execute(sql`SELECT count(*)::int AS messages, count(DISTINCT created_at)::int AS commits FROM messages WHERE workspace_id = ${ws.id} AND body LIKE 'm%'`),
    );
    assert.equal(stats!.messages, 400);
    assert.ok(stats!.commits < 100, `expected batching, got ${stats!.commits} commits for 400 messages`);
    for (const id of conversations) {
      const seqs = rowsOf<{ seq: number }>(await app.deps.db.execute(sql`SELECT seq FROM messages WHERE workspace_id = ${ws.id} AND conversation_id = ${id} ORDER BY seq`)).map((r) => r.seq);
      assert.deepEqual(seqs, Array.from({ length: 41 }, (_, i) => i + 1));
    }
    const [feed] = rowsOf<{ n: number; max: number }>(await app.deps.db.execute(sql`SELECT count(*)::int AS n, max(seq)::int AS max FROM feed_events WHERE workspace_id = ${ws.id}`));
    assert.equal(feed!.n, feed!.max, 'feed sequence numbers have no gaps');
  });

  it('messages arriving in separate I/O callbacks, as socket frames do, still share commits', async () => {
    // PGlite never yields to I/O inside a commit: a run started from the first callback used to
    // commit each message alone (about 140 messages/s on this machine instead of 2,000).
    const ws = await createWorkspace(app);
    const conversations = await openConversations(ws.id, 5);
    const sends = Array.from({ length: 200 }, (_, i) =>
      new Promise((resolve, reject) => setImmediate(() => app.services.appender.append(request(ws.id, conversations[i % 5]!, `io${i}`)).then(resolve, reject))),
    );
    await Promise.all(sends);
    const [stats] = rowsOf<{ messages: number; commits: number }>(
      await app.deps.db.execute(sql`SELECT count(*)::int AS messages, count(DISTINCT created_at)::int AS commits FROM messages WHERE workspace_id = ${ws.id} AND body LIKE 'io%'`),
    );
    assert.equal(stats!.messages, 200);
    assert.ok(stats!.commits <= 20, `expected batching across callbacks, got ${stats!.commits} commits for 200 messages`);
  });

  it('a lone message is committed at once, alone', async () => {
    const ws = await createWorkspace(app);
    const [id] = await openConversations(ws.id, 1);
    const result = await app.services.appender.append(request(ws.id, id!, 'alone'));
    assert.equal(result.kind, 'stored');
  });

  it('answers a message to an unknown conversation without failing the rest of its batch', async () => {
    const ws = await createWorkspace(app);
    const [id] = await openConversations(ws.id, 1);
    const results = await Promise.all([
      app.services.appender.append(request(ws.id, id!, 'good 1')),
      app.services.appender.append(request(ws.id, '00000000-0000-4000-8000-000000000000', 'lost')),
      app.services.appender.append(request(ws.id, id!, 'good 2')),
    ]);
    assert.deepEqual(results.map((r) => r.kind), ['stored', 'conversation_not_found', 'stored']);
  });

  it('the same idempotency key in flight twice stores one message', async () => {
    const ws = await createWorkspace(app);
    const [id] = await openConversations(ws.id, 1);
    const send = () => app.services.appender.append({ ...request(ws.id, id!, 'once', 'same-key-123'), author: 'customer', authorId: null });
    const [a, b] = await Promise.all([send(), send()]);
    assert.ok(a.kind === 'stored' && b.kind === 'stored');
    assert.equal(a.message.id, b.message.id);
    assert.equal(b.duplicate, true);
  });
});
