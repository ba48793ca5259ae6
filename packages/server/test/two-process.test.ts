// Two real server processes on different ports sharing one PostgreSQL database and one Redis:
// what is sent through one reaches clients connected to the other (the Redis bus carries the
// events; the database carries what a reconnecting client missed).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from './harness.ts';
import { freePort, runCli, startServerProcess, stopProcess, type ServerProcess } from './server-process.ts';
import { createFreshDatabase } from './faults/fault-clients.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL;
const skip = DATABASE_URL && REDIS_URL ? false : 'needs both TEST_DATABASE_URL and TEST_REDIS_URL (PostgreSQL and Redis)';
const LIVE_MS = 10_000;
const PASSWORD = 'correct horse battery';

async function request(base: string, method: 'GET' | 'POST', path: string, options: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

describe('two server processes sharing PostgreSQL and Redis', { skip, timeout: 240_000 }, () => {
  let database: Awaited<ReturnType<typeof createFreshDatabase>> | null = null;
  let dataDir = '';
  const servers: ServerProcess[] = [];
  let a: ServerProcess;
  let b: ServerProcess;
  const slug = `two-${randomBytes(4).toString('hex')}`;
  let token = '';
  let workspaceId = '';

  const inbound = (base: string, body: string) =>
    request(base, 'POST', '/api/v1/inbound-messages', {
      token,
      body: { channel: 'email', identity: { kind: 'email', value: 'two-process@example.com' }, body, idempotencyKey: `k-${randomUUID()}` },
    });
  const agentSocket = async (server: ServerProcess, since?: number) => {
    const client = await connect(`${server.url.replace('http', 'ws')}/api/v1/ws`);
    client.send({ type: 'hello', token, ...(since !== undefined ? { since } : {}) });
    await client.waitFor((f) => f.type === 'ready');
    return client;
  };
  const messageEvent = (body: string) => (f: any) => f.type === 'event' && f.event.type === 'message.created' && f.event.message?.body === body;

  before(async () => {
    // A database of its own, created empty, so the two processes really do migrate it at the same time.
    database = await createFreshDatabase(DATABASE_URL!, 'tandem_two_process');
    dataDir = await mkdtemp(join(tmpdir(), 'tandem-two-process-'));
    const settings = { DATABASE_URL: database.url, REDIS_URL: REDIS_URL!, TANDEM_DEMO: 'false', TANDEM_DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '100000' };
    const [portA, portB] = [await freePort(), await freePort()];
    assert.notEqual(portA, portB);
    // Three processes migrate the empty database at once: the advisory lock lets one do it.
    const started = await Promise.allSettled([
      startServerProcess({ ...settings, PORT: String(portA) }),
      startServerProcess({ ...settings, PORT: String(portB) }),
      runCli(['create-agent', '--workspace', slug, '--workspace-name', 'Two processes', '--email', 'agent@example.com', '--name', 'Agent', '--password', PASSWORD], settings),
    ]);
    for (const result of started.slice(0, 2)) if (result.status === 'fulfilled') servers.push(result.value as ServerProcess);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    const created = (started[2] as PromiseFulfilledResult<Awaited<ReturnType<typeof runCli>>>).value;
    assert.equal(created.code, 0, created.stderr);
    [a, b] = servers as [ServerProcess, ServerProcess];

    const login = await request(a.url, 'POST', '/api/v1/auth/login', { body: { workspace: slug, email: 'agent@example.com', password: PASSWORD } });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    token = /tandem_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;
    workspaceId = login.body.workspace.id;
  });

  after(async () => {
    await Promise.all(servers.map((server) => stopProcess(server.child)));
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('a message sent through process A reaches an agent connected to process B', async () => {
    const onB = await agentSocket(b);

    const sent = await inbound(a.url, 'sent through A');

    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const received = await onB.waitFor(messageEvent('sent through A'), LIVE_MS);
    assert.equal(received.event.message.id, sent.body.message.id);
    await onB.close();
  });

  it("an agent's reply posted on process B reaches the customer's widget socket on process A", async () => {
    const session = await request(a.url, 'POST', `/api/v1/widget/${workspaceId}/sessions`, { body: { name: 'Visitor' } });
    assert.equal(session.status, 201, JSON.stringify(session.body));
    const opened = await request(a.url, 'POST', `/api/v1/widget/${workspaceId}/messages`, {
      token: session.body.token,
      body: { body: 'hello from the widget', idempotencyKey: `k-${randomUUID()}` },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const conversationId = opened.body.conversation.id as string;
    const widget = await connect(`${a.url.replace('http', 'ws')}/api/v1/widget/${workspaceId}/ws`);
    widget.send({ type: 'hello', token: session.body.token, conversations: { [conversationId]: opened.body.message.seq } });
    await widget.waitFor((f) => f.type === 'ready');

    const reply = await request(b.url, 'POST', `/api/v1/conversations/${conversationId}/messages`, { token, body: { body: 'reply posted on B' } });

    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const received = await widget.waitFor((f) => f.type === 'message' && f.message.body === 'reply posted on B', LIVE_MS);
    assert.equal(received.message.id, reply.body.id);
    await widget.close();
  });

  it('an agent that leaves B and resumes on A with its last seen sequence gets exactly what it missed', async () => {
    const first = await agentSocket(b);
    await inbound(a.url, 'seen on B');
    await first.waitFor(messageEvent('seen on B'), LIVE_MS);
    await first.close();
    const lastSeen = Math.max(...first.frames.filter((f) => f.type === 'event').map((f) => f.event.seq as number));
    for (const body of ['missed 1', 'missed 2']) assert.equal((await inbound(a.url, body)).status, 201);

    const resumed = await agentSocket(a, lastSeen);
    await resumed.waitFor(messageEvent('missed 2'), LIVE_MS);
    // A live event after the replay is the barrier: any duplicate would have arrived before it.
    await inbound(b.url, 'after resuming');
    await resumed.waitFor(messageEvent('after resuming'), LIVE_MS);
    await resumed.close();

    const events = resumed.frames.filter((f) => f.type === 'event').map((f) => f.event);
    const bodies = events.filter((e) => e.type === 'message.created').map((e) => e.message.body);
    assert.deepEqual(bodies, ['missed 1', 'missed 2', 'after resuming']);
    const seqs = events.map((e) => e.seq as number);
    assert.deepEqual(seqs, seqs.map((_, i) => lastSeen + 1 + i), 'every event after the last seen one, once each, in order');
  });

  it('each process stops on SIGTERM and exits with code 0', async () => {
    const exits = await Promise.all(servers.map((server) => stopProcess(server.child)));

    assert.deepEqual(exits, servers.map(() => ({ code: 0, signal: null, killed: false })), servers.map((s) => s.stderr()).join('\n'));
  });
});
