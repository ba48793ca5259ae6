// Test harness: the real app on real storage. PGlite in memory by default (migrated once per
// file); PostgreSQL and Redis when TEST_DATABASE_URL / TEST_REDIS_URL are set (CI).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { pino } from 'pino';
import type { AgentRole } from '@tandem/core';
import { createApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import type { Config } from '../src/config/schema.ts';
import { openDatabase, type Database } from '../src/adapters/postgres/database.ts';
import { createInProcessBus } from '../src/adapters/bus/in-process.bus.ts';
import { createRedisBus } from '../src/adapters/bus/redis.bus.ts';
import { createDiskFileStorage } from '../src/adapters/files/disk.file-storage.ts';
import { openMailer } from '../src/main.ts';
import { systemClock, uuidV7, type Clock } from '../src/platform/clock.ts';
import type { ServiceDeps } from '../src/platform/deps.ts';
import { hashPassword } from '../src/features/auth/password.ts';
import { createAnswerDrafter } from '../src/adapters/llm/answer-drafter.ts';
import { insertAgent } from '../src/features/agents/agent.store.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

export interface TestApp extends App {
  deps: ServiceDeps;
  database: Database;
  /** Base URL once `listen()` was called. */
  url: () => string;
  listen: () => Promise<string>;
}

export async function openTestDatabase(): Promise<Database> {
  const database = TEST_DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL, poolMax: 5 })
    : await openDatabase({ kind: 'pglite', dataDir: null });
  await database.migrate();
  return database;
}

/** One app per test file, created with top-level await (so `after` closes it when the file ends). */
export async function startTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-test-'));
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', TANDEM_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '100000', TANDEM_DATA_DIR: dataDir, ...options.env });
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const database = await openTestDatabase();
  const bus = TEST_REDIS_URL ? await createRedisBus(TEST_REDIS_URL, log) : createInProcessBus(log);
  const mailer = openMailer(config, log);
  const files = createDiskFileStorage(join(dataDir, 'files'));
  const deps: ServiceDeps = { config, log, db: database.db, bus, mailer, files, clock: options.clock ?? systemClock, ids: uuidV7, drafter: createAnswerDrafter(config, log) };
  const app = await createApp(deps);
  let base = '';
  after(async () => {
    await app.http.close();
    await app.services.passes.stop();
    await app.services.routing.settled();
    await app.services.botTurns.settled();
    await app.services.botModels.settled();
    await app.services.broadcasts.settled();
    await app.services.appender.drain();
    await app.services.deliveries.settled();
    await bus.close();
    await mailer.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return {
    ...app,
    deps,
    database,
    url: () => base,
    listen: async () => {
      await app.http.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
      app.services.publicUrl.listeningAt(base);
      return base;
    },
  };
}

export const uniqueSlug = (prefix = 'ws') => `${prefix}-${randomBytes(5).toString('hex')}`;

export interface TestWorkspace {
  id: string;
  slug: string;
  /** Bearer tokens by role, each for its own agent. */
  tokens: Record<AgentRole, string>;
  agentIds: Record<AgentRole, string>;
}

export const TEST_PASSWORD = 'correct horse battery';
// scrypt is slow on purpose; hashing the test password once keeps each workspace cheap.
const testPasswordHash = hashPassword(TEST_PASSWORD);

/**
 * A fresh workspace with an owner, an admin and an agent, each holding an API token. The bot is
 * off unless asked for, so messaging tests see only the messages they send.
 */
export async function createWorkspace(app: TestApp, options: { bot?: boolean } = {}): Promise<TestWorkspace> {
  const bot = { enabled: options.bot ?? false, strategy: 'bot-first' as const, threshold: null };
  const workspace = await app.services.workspaces.create({ name: 'Test', slug: uniqueSlug(), settings: { bot } });
  const tokens = {} as Record<AgentRole, string>;
  const agentIds = {} as Record<AgentRole, string>;
  for (const role of ['owner', 'admin', 'agent'] as const) {
    const agent = await addAgent(app, workspace.id, { name: role, role });
    agentIds[role] = agent.id;
    tokens[role] = agent.token;
  }
  return { id: workspace.id, slug: workspace.slug, tokens, agentIds };
}

/** An agent in a workspace, with an API token. */
export async function addAgent(app: TestApp, workspaceId: string, options: { name: string; role?: AgentRole; skills?: string[] }): Promise<{ id: string; token: string }> {
  const role = options.role ?? 'agent';
  const agent = { workspaceId, id: uuidV7(), email: `${options.name.toLowerCase().replace(/\W+/g, '.')}@example.com`, name: options.name, role, skills: options.skills ?? [], createdAt: new Date() };
  await insertAgent(app.deps.db, { ...agent, passwordHash: await testPasswordHash });
  return { id: agent.id, token: (await app.services.auth.issue('api', workspaceId, { agentId: agent.id, name: 'test' })).token };
}

/** `app.inject` with a bearer token and a JSON body. */
export async function call(
  app: TestApp,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await app.http.inject({
    method,
    url,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
  });
  return { status: response.statusCode, headers: response.headers, body: response.body ? safeJson(response.body) : undefined };
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A WebSocket client that collects frames and can wait for one matching a predicate. */
export async function connect(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, { headers });
  const frames: any[] = [];
  const waiters: Array<{ match: (f: any) => boolean; resolve: (f: any) => void }> = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    frames.push(frame);
    for (const w of [...waiters]) {
      if (w.match(frame)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    frames,
    send: (frame: unknown) => socket.send(JSON.stringify(frame)),
    waitFor(match: (frame: any) => boolean, timeoutMs = 5000): Promise<any> {
      const seen = frames.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching frame in ${timeoutMs} ms; got ${JSON.stringify(frames).slice(0, 500)}`)), timeoutMs);
        waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === socket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
