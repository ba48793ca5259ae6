// Stopping and restarting the real server (the `tandem start` process) on embedded PGlite:
// SIGTERM finishes what is in flight, and what was acknowledged survives the restart.
// The tests run in order on one data folder; each builds on the state the previous one left.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startServerProcess, stopProcess, withTimeout, type ServerProcess } from './server-process.ts';

const GRACE_MS = 10_000;

interface Outcome {
  status: number | null;
  body: any;
  error?: string;
}

/** A JSON POST with the bearer token; network failures become an outcome, not a throw. */
async function post(url: string, token: string, body: unknown): Promise<Outcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  } catch (error) {
    return { status: null, body: undefined, error: String((error as Error).cause ?? error) };
  }
}

/**
 * A POST sent in two halves over a keep-alive connection, the way a slow client sends it. The
 * headers ask for `100 Continue`, so once that arrives the server has provably begun the request;
 * the body goes when `finish()` is called.
 */
function requestInTwoHalves(base: string, path: string, token: string, body: unknown) {
  const { hostname, port } = new URL(base);
  const payload = Buffer.from(JSON.stringify(body));
  const socket = connectTcp(Number(port), hostname);
  let received = Buffer.alloc(0);
  let onData = () => {};
  socket.on('data', (chunk) => {
    received = Buffer.concat([received, chunk]);
    onData();
  });
  const waitFor = (done: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (done() ? resolve() : undefined);
      onData = check;
      socket.once('error', reject);
      socket.once('close', () => (done() ? resolve() : reject(new Error(`connection closed; got ${received.toString()}`))));
      check();
    });
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${payload.length}\r\nExpect: 100-continue\r\n\r\n`,
  );
  const text = () => received.toString('utf8');
  const finalResponse = () => {
    const raw = text().replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '');
    const end = raw.indexOf('\r\n\r\n');
    if (end < 0) return null;
    const length = Number(/content-length: (\d+)/i.exec(raw.slice(0, end))?.[1] ?? NaN);
    const content = raw.slice(end + 4);
    if (Number.isNaN(length) || Buffer.byteLength(content) < length) return null;
    return { status: Number(raw.slice(9, 12)), headers: raw.slice(0, end), body: JSON.parse(content) };
  };
  return {
    continued: waitFor(() => text().startsWith('HTTP/1.1 100 Continue\r\n\r\n')),
    finish: async (): Promise<Outcome & { headers: string }> => {
      socket.write(payload);
      await waitFor(() => finalResponse() !== null);
      return finalResponse()!;
    },
    // The client keeps its connection open, as browsers and load balancers do.
    destroy: () => socket.destroy(),
  };
}

describe('stopping and restarting the server on the same data folder', { timeout: 300_000 }, () => {
  let dataDir = '';
  let server: ServerProcess | null = null;
  let credentials = { email: '', password: '' };
  let token = '';
  const acknowledged: Array<{ conversationId: string; messageId: string }> = [];

  const settings = () => ({ TANDEM_DATA_DIR: dataDir, TANDEM_DEMO: 'true', SHUTDOWN_GRACE_MS: String(GRACE_MS), RATE_LIMIT_PER_MINUTE: '100000' });
  const inbound = (body: string) => ({
    channel: 'email',
    identity: { kind: 'email', value: 'restart@example.com' },
    body,
    idempotencyKey: `k-${randomUUID()}`,
  });
  const signIn = async (base: string) => {
    const response = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspace: 'demo', ...credentials }),
    });
    assert.equal(response.status, 200, await response.clone().text());
    return /tandem_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')![1]!;
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tandem-restart-'));
    server = await startServerProcess(settings());
    const [, email, password] = await server.waitForStdout(/email\s+(\S+)\n\s+password\s+(\S+)\n/);
    credentials = { email: email!, password: password! };
    token = await signIn(server.url);
  });

  after(async () => {
    if (server) await stopProcess(server.child);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('SIGTERM lets requests in flight finish and exits with code 0 within the grace period', async () => {
    const running = server!;
    for (const body of ['first', 'second', 'third']) {
      const sent = await post(`${running.url}/api/v1/inbound-messages`, token, inbound(body));
      assert.equal(sent.status, 201, JSON.stringify(sent));
      acknowledged.push({ conversationId: sent.body.conversation.id, messageId: sent.body.message.id });
    }
    const slow = requestInTwoHalves(running.url, '/api/v1/inbound-messages', token, inbound('in flight at SIGTERM'));
    await slow.continued;
    const burst = Array.from({ length: 8 }, (_, i) => post(`${running.url}/api/v1/inbound-messages`, token, inbound(`burst ${i}`)));

    const started = Date.now();
    running.child.kill('SIGTERM');
    const finished = await slow.finish();
    const outcomes = await Promise.all(burst);
    const exit = await withTimeout(running.exited, GRACE_MS + 5000, 'server exit after SIGTERM');
    slow.destroy();
    server = null;

    const stoppedInMs = Date.now() - started;
    const answered = [finished, ...outcomes].filter((o) => o.status !== null);
    for (const outcome of answered.filter((o) => o.status! >= 200 && o.status! < 300)) {
      acknowledged.push({ conversationId: outcome.body.conversation.id, messageId: outcome.body.message.id });
    }

    assert.equal(finished.status, 201, 'the request in flight at SIGTERM completes');
    assert.deepEqual(exit, { code: 0, signal: null }, running.stderr());
    assert.ok(stoppedInMs < GRACE_MS, `stopped in ${stoppedInMs} ms`);
    // Refused, never half-done: a request arriving while closing is turned away whole.
    assert.deepEqual(answered.filter((o) => o.status! >= 300).map((o) => o.status).filter((s) => s !== 503), []);
  });

  it('every acknowledged message is there after a restart, and the demo workspace is not created again', async () => {
    server = await startServerProcess(settings());
    const restarted = server;
    const me = await signIn(restarted.url);
    const conversationIds = [...new Set(acknowledged.map((a) => a.conversationId))];
    const stored = new Set<string>();
    for (const id of conversationIds) {
      const response = await fetch(`${restarted.url}/api/v1/conversations/${id}/messages?limit=500`, { headers: { authorization: `Bearer ${me}` } });
      assert.equal(response.status, 200);
      for (const message of ((await response.json()) as { items: Array<{ id: string }> }).items) stored.add(message.id);
    }
    const exit = await stopProcess(restarted.child, GRACE_MS + 5000);
    server = null;

    assert.ok(acknowledged.length >= 4, 'the three sent before SIGTERM and the one in flight');
    assert.deepEqual(acknowledged.filter((a) => !stored.has(a.messageId)), [], 'no acknowledged message is lost');
    // Signing in with the first run's password (above) proves it is the same workspace; no new credentials were printed.
    assert.doesNotMatch(restarted.stdout(), /Demo workspace|password/);
    assert.deepEqual({ code: exit.code, signal: exit.signal }, { code: 0, signal: null });
  });

  it('migrating a data folder that is already migrated succeeds', async () => {
    const migrated = await runCli(['migrate'], { TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.match(migrated.stdout, /Migrations applied/);
  });
});
