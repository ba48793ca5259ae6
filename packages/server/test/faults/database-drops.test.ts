// Fault: PostgreSQL drops the server's connections (pg_terminate_backend, as a failover or an
// admin would) several times while customers write. Every request gets an answer (a success, or
// a clean 5xx problem: no hang, no crash), nothing is half-written, the pool recovers, retries
// land exactly once, and an agent resuming its feed from its last seen sequence misses nothing.
// PGlite runs inside the process and has no connections to drop: PostgreSQL only.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect } from '../harness.ts';
import { createOwner, requestJson, signIn, startServerProcess, stopProcess, type ServerProcess } from '../server-process.ts';
import { createFreshDatabase, isAcknowledged, openCustomer, send, storedBodies, type Customer } from './fault-clients.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL;
const skip = DATABASE_URL ? false : 'needs TEST_DATABASE_URL: PGlite is in-process, it has no connections to drop';
const CUSTOMERS = 4;
const TRAFFIC_MS = 6_000;
const DROPS_AT_MS = [1_000, 2_500, 4_000];
// Far above a normal request here (tens of ms): reaching it means a request hung on a dead connection.
const HANG_MS = 10_000;

describe('database connections dropped mid-traffic', { skip, timeout: 120_000 }, () => {
  let database: Awaited<ReturnType<typeof createFreshDatabase>> | null = null;
  let admin: pg.Client | null = null;
  let dataDir = '';
  let server: ServerProcess | null = null;

  before(async () => {
    database = await createFreshDatabase(DATABASE_URL!, 'tandem_drops');
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    dataDir = await mkdtemp(join(tmpdir(), 'tandem-drops-'));
  });

  after(async () => {
    if (server) await stopProcess(server.child);
    await admin?.end();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('requests fail cleanly or succeed, nothing is half-written, and retries and feed resumes lose nothing', async (t) => {
    const settings = { DATABASE_URL: database!.url, TANDEM_DATA_DIR: dataDir, TANDEM_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '100000' };
    const owner = await createOwner(settings, `drops-${randomBytes(4).toString('hex')}`);
    server = await startServerProcess(settings);
    const base = server.url;
    const { token, workspaceId } = await signIn(base, owner);
    assert.equal((await requestJson(base, 'PATCH', '/api/v1/workspace', { token, body: { settings: { bot: { enabled: false, strategy: 'bot-first', threshold: null } } } })).status, 200);
    const agent = await connect(`${base.replace('http', 'ws')}/api/v1/ws`);
    agent.send({ type: 'hello', token, since: 0 });
    await agent.waitFor((f) => f.type === 'ready');
    const customers: Customer[] = [];
    for (let i = 0; i < CUSTOMERS; i++) customers.push(await openCustomer(base, workspaceId, `d${i}`));

    // Customers write for TRAFFIC_MS while the server's backends are terminated at DROPS_AT_MS.
    const started = Date.now();
    const traffic = customers.map(async (customer) => {
      while (Date.now() - started < TRAFFIC_MS) await send(base, workspaceId, customer, undefined, HANG_MS);
    });
    const terminated: number[] = [];
    for (const at of DROPS_AT_MS) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + at - Date.now())));
      const result = await admin!.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      terminated.push(result.rowCount ?? 0);
    }
    await Promise.all(traffic);

    const outcomes = customers.flatMap((c) => c.messages.map((m) => m.outcome!));
    const failed = outcomes.filter((o) => !isAcknowledged(o));
    assert.ok(terminated.every((n) => n > 0), `each drop terminated the server's backends: ${terminated}`);
    assert.equal(server.child.exitCode, null, `the server survived the drops: ${server.stderr()}`);
    assert.deepEqual(outcomes.filter((o) => o.timedOut), [], 'no request hung');
    assert.deepEqual(failed.filter((o) => !(o.status === 503 && o.body?.code === 'server.database_unavailable')), [], 'a failure is a 503 server.database_unavailable (retry), never a 500, a 4xx or a dropped connection');

    // After the drops: the pool serves again, and every retry (same key) is acknowledged.
    for (const customer of customers) {
      for (const m of customer.messages.filter((x) => !isAcknowledged(x.outcome))) {
        await send(base, workspaceId, customer, m, HANG_MS);
        assert.ok(isAcknowledged(m.outcome), `retry of ${m.body}: ${JSON.stringify(m.outcome)}`);
      }
      const { counts } = await storedBodies(base, token, customer.conversationId);
      const expected = [`${customer.name} opens`, ...customer.messages.map((m) => m.body)];
      assert.deepEqual(expected.filter((body) => counts.get(body) !== 1), [], `${customer.name}: every message exactly once`);
    }

    // Nothing half-written: each conversation's counter matches its messages, the feed counter
    // matches its events, and every message has exactly one message.created event.
    const conversations = await admin!.query(`SELECT c.id, c.last_seq, count(m.id)::int AS n, coalesce(max(m.seq), 0) AS top
      FROM conversations c LEFT JOIN messages m ON m.workspace_id = c.workspace_id AND m.conversation_id = c.id
      WHERE c.workspace_id = $1 GROUP BY c.id, c.last_seq HAVING c.last_seq <> count(m.id) OR c.last_seq <> coalesce(max(m.seq), 0)`, [workspaceId]);
    assert.deepEqual(conversations.rows, [], 'last_seq = number of messages = highest seq');
    const feed = await admin!.query(`SELECT w.feed_seq::int AS counter, (SELECT count(*)::int FROM feed_events f WHERE f.workspace_id = w.id) AS events,
      (SELECT coalesce(max(seq), 0)::int FROM feed_events f WHERE f.workspace_id = w.id) AS top FROM workspaces w WHERE w.id = $1`, [workspaceId]);
    assert.equal(feed.rows[0].counter, feed.rows[0].events);
    assert.equal(feed.rows[0].counter, feed.rows[0].top);
    const orphans = await admin!.query(`SELECT m.id FROM messages m WHERE m.workspace_id = $1 AND (SELECT count(*) FROM feed_events f
      WHERE f.workspace_id = m.workspace_id AND f.type = 'message.created' AND f.message_id = m.id) <> 1`, [workspaceId]);
    assert.deepEqual(orphans.rows, [], 'one message.created event per message');

    // The agent leaves, more is written, and it resumes from the last event it saw: it ends up with every message.
    const live = agent.frames.filter((f) => f.type === 'event').map((f) => f.event);
    await agent.close();
    const lastSeen = live.length > 0 ? Math.max(...live.map((e) => e.seq as number)) : 0;
    for (const customer of customers) assert.ok(isAcknowledged((await send(base, workspaceId, customer)).outcome));
    const top = (await admin!.query('SELECT feed_seq::int AS top FROM workspaces WHERE id = $1', [workspaceId])).rows[0].top as number;
    const resumed = await connect(`${base.replace('http', 'ws')}/api/v1/ws`);
    resumed.send({ type: 'hello', token, since: lastSeen });
    await resumed.waitFor((f) => f.type === 'event' && f.event.seq === top, 10_000);
    const replayed = resumed.frames.filter((f) => f.type === 'event').map((f) => f.event);
    await resumed.close();
    assert.deepEqual(replayed.map((e) => e.seq), replayed.map((_, i) => lastSeen + 1 + i), 'the replay starts after the last seen event, without gaps');
    const seen = new Set([...live, ...replayed].filter((e) => e.type === 'message.created').map((e) => e.message.id as string));
    const stored = await admin!.query('SELECT id FROM messages WHERE workspace_id = $1', [workspaceId]);
    assert.deepEqual(stored.rows.map((r) => r.id as string).filter((id) => !seen.has(id)), [], 'every stored message reached the agent');

    const byStatus: Record<string, number> = {};
    for (const o of outcomes) byStatus[String(o.status)] = (byStatus[String(o.status)] ?? 0) + 1;
    t.diagnostic(`${outcomes.length} requests during ${DROPS_AT_MS.length} drops (${terminated.join('/')} backends terminated): ${JSON.stringify(byStatus)}; ${replayed.length} events replayed on resume`);
  });
});
