// Fault: the server process is killed (SIGKILL: no drain, no shutdown hook) in the middle of a
// burst from several customers. restart.test.ts covers the graceful SIGTERM path; this is the
// crash. After a restart on the same data, every acknowledged message is there exactly once, and
// once the customers retry what was not acknowledged (same idempotency keys), every message is.
// PGlite data folder by default; PostgreSQL when TEST_DATABASE_URL is set.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOwner, requestJson, signIn, startServerProcess, stopProcess, withTimeout, type ServerProcess } from '../server-process.ts';
import { createFreshDatabase, isAcknowledged, openCustomer, send, storedBodies, type Customer } from './fault-clients.ts';

const CUSTOMERS = 6;
const PER_CUSTOMER = 40;
// Killed once this many are acknowledged: well into the burst, well before its end.
const KILL_AFTER = 60;

describe('SIGKILL in the middle of a message burst', { timeout: 120_000 }, () => {
  let dataDir = '';
  let database: Awaited<ReturnType<typeof createFreshDatabase>> | null = null;
  let server: ServerProcess | null = null;
  const settings: Record<string, string> = {};
  const slug = `kill-${randomBytes(4).toString('hex')}`;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tandem-sigkill-'));
    Object.assign(settings, { TANDEM_DATA_DIR: dataDir, TANDEM_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '100000' });
    if (process.env.TEST_DATABASE_URL) {
      database = await createFreshDatabase(process.env.TEST_DATABASE_URL, 'tandem_sigkill');
      settings.DATABASE_URL = database.url;
    }
  });

  after(async () => {
    if (server) await stopProcess(server.child);
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('acknowledged messages survive exactly once, and retries with the same keys fill in the rest exactly once', async (t) => {
    const owner = await createOwner(settings, slug);
    server = await startServerProcess(settings);
    const first = server;
    const { token, workspaceId } = await signIn(first.url, owner);
    // The bot would answer each message: not what this test measures.
    const botOff = await requestJson(first.url, 'PATCH', '/api/v1/workspace', { token, body: { settings: { bot: { enabled: false, strategy: 'bot-first', threshold: null } } } });
    assert.equal(botOff.status, 200, JSON.stringify(botOff.body));
    const customers: Customer[] = [];
    for (let i = 0; i < CUSTOMERS; i++) customers.push(await openCustomer(first.url, workspaceId, `c${i}`));

    let acknowledged = 0;
    let killedAt: number | null = null;
    const kill = () => {
      if (killedAt !== null) return;
      killedAt = Date.now();
      first.child.kill('SIGKILL');
    };
    const burst = customers.map(async (customer) => {
      while (customer.messages.length < PER_CUSTOMER) {
        const sent = await send(first.url, workspaceId, customer, undefined, 10_000);
        if (isAcknowledged(sent.outcome) && ++acknowledged >= KILL_AFTER) kill();
        if (sent.outcome?.status === null) break; // the server is gone: the rest wait for the restart
      }
    });
    await Promise.all(burst);
    const exit = await withTimeout(first.exited, 10_000, 'exit after SIGKILL');
    assert.equal(exit.signal, 'SIGKILL', 'the burst outlived the kill: raise PER_CUSTOMER');

    const ackedBefore = customers.flatMap((c) => c.messages.filter((m) => isAcknowledged(m.outcome)));
    const pending = customers.flatMap((c) => c.messages.filter((m) => !isAcknowledged(m.outcome)));
    assert.ok(pending.length > 0, 'some messages were in flight or unsent when the process died');
    assert.ok(pending.every((m) => m.outcome?.status === null), `only dropped connections, no error answers: ${JSON.stringify(pending.filter((m) => m.outcome?.status !== null).map((m) => m.outcome))}`);

    const restartedAt = Date.now();
    server = await startServerProcess(settings);
    const second = server;
    const restartMs = Date.now() - restartedAt;

    // Durability first: what was acknowledged before the kill is there, once.
    for (const customer of customers) {
      const { counts } = await storedBodies(second.url, token, customer.conversationId);
      for (const m of customer.messages.filter((x) => isAcknowledged(x.outcome))) assert.equal(counts.get(m.body), 1, `${m.body} acknowledged before the kill`);
      assert.deepEqual([...counts.values()].filter((n) => n !== 1), [], 'no message stored twice');
    }

    // Then the customers retry everything not acknowledged, and send what they had not sent yet.
    let replays = 0;
    await Promise.all(customers.map(async (customer) => {
      for (const m of customer.messages.filter((x) => !isAcknowledged(x.outcome))) {
        await send(second.url, workspaceId, customer, m);
        assert.ok(isAcknowledged(m.outcome), `retry of ${m.body}: ${JSON.stringify(m.outcome)}`);
        if (m.outcome!.status === 200) replays++;
      }
      while (customer.messages.length < PER_CUSTOMER) {
        const sent = await send(second.url, workspaceId, customer);
        assert.ok(isAcknowledged(sent.outcome), JSON.stringify(sent.outcome));
      }
    }));

    for (const customer of customers) {
      const { counts, seqs } = await storedBodies(second.url, token, customer.conversationId);
      const expected = [`${customer.name} opens`, ...customer.messages.map((m) => m.body)];
      assert.deepEqual(expected.filter((body) => counts.get(body) !== 1), [], `${customer.name}: every message exactly once`);
      assert.equal(counts.size, expected.length, `${customer.name}: nothing else stored`);
      assert.deepEqual(seqs, seqs.map((_, i) => i + 1), `${customer.name}: sequence numbers without gaps`);
    }
    t.diagnostic(`${ackedBefore.length} acknowledged before the kill, ${pending.length} retried or sent after (${replays} of them had been stored: answered as replays); restart took ${restartMs} ms`);
  });
});
