// Fault: Redis, which carries events between server processes, goes away and comes back. Two
// processes share one PostgreSQL database and a Redis of this test's own (the shared one is left
// alone); an agent is connected to A, a customer writes through B. While Redis is down messages
// are still accepted and still reach the agent (its feed falls back to reading the database);
// once Redis is back, live fan-out resumes. Nothing is lost or delivered twice, and rate limits
// hold throughout (counted per process while Redis is away).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../harness.ts';
import { createOwner, freePort, requestJson, signIn, startServerProcess, stopProcess, waitUntil, type ServerProcess } from '../server-process.ts';
import { createFreshDatabase, isAcknowledged, openCustomer, send, type Customer } from './fault-clients.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL;
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
const skip = !DATABASE_URL
  ? 'needs TEST_DATABASE_URL: two processes share one PostgreSQL database'
  : !hasRedisServer ? 'needs a redis-server binary on PATH, to run a Redis this test may kill' : false;
// Live delivery takes milliseconds; the fallback reads the database every few seconds.
const LIVE_MS = 5_000;
const DEGRADED_MS = 15_000;

/** A Redis of our own on `port`, without persistence; resolves once it answers PING. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitUntil(`redis on ${port}`, 10_000, () => (spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().trim() === 'PONG' ? true : null));
  return child;
}

describe('Redis going away under two server processes', { skip, timeout: 120_000 }, () => {
  let database: Awaited<ReturnType<typeof createFreshDatabase>> | null = null;
  let dataDir = '';
  let redis: ChildProcess | null = null;
  let redisPort = 0;
  const servers: ServerProcess[] = [];

  before(async () => {
    database = await createFreshDatabase(DATABASE_URL!, 'tandem_redis_outage');
    dataDir = await mkdtemp(join(tmpdir(), 'tandem-redis-outage-'));
    redisPort = await freePort();
    redis = await startRedis(redisPort);
  });

  after(async () => {
    await Promise.all(servers.map((s) => stopProcess(s.child)));
    redis?.kill('SIGKILL');
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('messages are accepted and reach the agent while Redis is down, and live fan-out resumes when it is back', async (t) => {
    const settings = { DATABASE_URL: database!.url, REDIS_URL: `redis://127.0.0.1:${redisPort}`, TANDEM_DATA_DIR: dataDir, TANDEM_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '100000' };
    const owner = await createOwner(settings, `redis-${randomBytes(4).toString('hex')}`);
    const [a, b] = await Promise.all([startServerProcess(settings), startServerProcess(settings)]);
    servers.push(a!, b!);
    const { token, workspaceId } = await signIn(a!.url, owner);
    assert.equal((await requestJson(a!.url, 'PATCH', '/api/v1/workspace', { token, body: { settings: { bot: { enabled: false, strategy: 'bot-first', threshold: null } } } })).status, 200);
    const agent = await connect(`${a!.url.replace('http', 'ws')}/api/v1/ws`);
    agent.send({ type: 'hello', token });
    await agent.waitFor((f) => f.type === 'ready');
    const customer: Customer = await openCustomer(b!.url, workspaceId, 'r0');
    const arrives = (body: string, within: number) => agent.waitFor((f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.body === body, within);
    const write = async (timeoutMs = 10_000) => {
      const sent = await send(b!.url, workspaceId, customer, undefined, timeoutMs);
      assert.ok(isAcknowledged(sent.outcome), `${sent.body}: ${JSON.stringify(sent.outcome)}`);
      return sent;
    };

    const baseline = await write();
    await arrives(baseline.body, LIVE_MS);

    redis!.kill('SIGKILL');
    await new Promise((resolve) => redis!.once('exit', resolve));
    const downAt = Date.now();
    const duringOutage = [];
    for (let i = 0; i < 5; i++) duringOutage.push(await write());
    const acceptMs = Date.now() - downAt;
    // Limits still hold: each process counts on its own until Redis returns (sign-in guessing stays throttled).
    const guesses: Array<number | null> = [];
    for (let i = 0; i < 11; i++) {
      guesses.push((await requestJson(b!.url, 'POST', '/api/v1/auth/login', { body: { workspace: owner.slug, email: 'nobody@example.com', password: `guess ${i}` } })).status);
    }
    assert.deepEqual(guesses, [...Array(10).fill(401), 429], 'sign-in is still limited to 10 a minute during the outage');
    for (const m of duringOutage) await arrives(m.body, DEGRADED_MS);
    const degradedMs = Date.now() - downAt;
    // An agent who connects during the outage is let in at once, and is served the same way.
    const latecomer = await connect(`${a!.url.replace('http', 'ws')}/api/v1/ws`);
    latecomer.send({ type: 'hello', token });
    const ready = await latecomer.waitFor((f) => f.type === 'ready', LIVE_MS);
    const forLatecomer = await write();
    await latecomer.waitFor((f) => f.type === 'event' && f.event.message?.body === forLatecomer.body, DEGRADED_MS);
    await arrives(forLatecomer.body, DEGRADED_MS);

    redis = await startRedis(redisPort);
    const upAt = Date.now();
    // Fan-out is back once a message crosses from B to A live; the processes reconnect within seconds.
    let live: number | null = null;
    while (live === null && Date.now() - upAt < 20_000) {
      const sent = await write();
      const started = Date.now();
      const got = await arrives(sent.body, 1_500).then(() => Date.now() - started, () => null);
      if (got !== null && got < 1_000) live = Date.now() - upAt;
    }
    assert.ok(live !== null, 'live fan-out resumed within 20 s of Redis coming back');

    const last = customer.messages.at(-1)!.body;
    await latecomer.waitFor((f) => f.type === 'event' && f.event.message?.body === last, LIVE_MS);
    const latecomerBodies = latecomer.frames.filter((f) => f.type === 'event' && f.event.type === 'message.created').map((f) => f.event.message.body as string);
    await latecomer.close();
    assert.deepEqual(latecomerBodies, customer.messages.filter((m) => m.outcome && customer.messages.indexOf(m) >= customer.messages.indexOf(forLatecomer)).map((m) => m.body), 'the latecomer got everything after it joined, once');
    assert.ok(ready.seq > 0);

    const events = agent.frames.filter((f) => f.type === 'event').map((f) => f.event);
    await agent.close();
    const bodies = events.filter((e) => e.type === 'message.created').map((e) => e.message.body as string);
    assert.deepEqual(customer.messages.map((m) => m.body).filter((body) => bodies.filter((x) => x === body).length !== 1), [], 'every message reached the agent exactly once');
    const seqs = events.map((e) => e.seq as number);
    assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y), 'in order');
    t.diagnostic(`outage: 5 messages accepted in ${acceptMs} ms, all at the agent after ${degradedMs} ms; live again ${live} ms after Redis returned`);
  });
});
