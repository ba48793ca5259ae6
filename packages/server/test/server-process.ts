// The real `tandem` CLI as a child process, for tests that need what only a process has:
// signals, exit codes, restarts on the same data folder, several processes at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SETTINGS } from '../src/config/schema.ts';

const CLI_PACKAGE = fileURLToPath(new URL('../../cli/', import.meta.url));
const CLI_ENTRY = fileURLToPath(new URL('../../cli/src/index.ts', import.meta.url));

/** A port nobody listens on right now (the OS picks it; we release it for the child). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The child's environment: ours minus every Tandem setting (a developer's DATABASE_URL must not leak in), plus `settings`. */
function childEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC' };
  for (const name of Object.keys(SETTINGS)) delete env[name];
  // Set by `node --test` for its own children; the CLI is not a test file.
  delete env.NODE_TEST_CONTEXT;
  return { ...env, ...settings };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CliProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<Exit>;
  /** Resolves with the first match of `pattern` in stdout; rejects on timeout or exit. */
  waitForStdout: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
}

export function spawnCli(args: string[], settings: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, ...args], {
    cwd: CLI_PACKAGE,
    env: childEnv(settings),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => (done = true));

  const waitForStdout = (pattern: RegExp, timeoutMs = 30_000) =>
    waitUntil(`stdout matching ${pattern}`, timeoutMs, () => {
      const match = out.match(pattern);
      if (match) return match;
      if (done) throw new Error(`exited before printing ${pattern}; stdout: ${out}; stderr: ${err}`);
      return null;
    });
  return { child, stdout: () => out, stderr: () => err, exited, waitForStdout };
}

/** Runs a CLI command to completion. */
export async function runCli(args: string[], settings: Record<string, string>, timeoutMs = 60_000) {
  const cli = spawnCli(args, settings);
  const exit = await withTimeout(cli.exited, timeoutMs, `tandem ${args.join(' ')}`).catch(async (error: unknown) => {
    cli.child.kill('SIGKILL');
    throw error;
  });
  return { ...exit, stdout: cli.stdout(), stderr: cli.stderr() };
}

export interface ServerProcess extends CliProcess {
  url: string;
  port: number;
}

/** `tandem start` on a port chosen here, resolved once GET /healthz answers 200. */
export async function startServerProcess(settings: Record<string, string>, timeoutMs = 180_000): Promise<ServerProcess> {
  const port = Number(settings.PORT ?? (await freePort()));
  // Inbound SMTP on a free port: test servers run side by side.
  const cli = spawnCli(['start'], { HOST: '127.0.0.1', LOG_LEVEL: 'warn', INBOUND_SMTP_PORT: '0', ...settings, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  let done = false;
  void cli.exited.then(() => (done = true));
  try {
    await waitUntil(`${url}/healthz`, timeoutMs, async () => {
      if (done) throw new Error(`server exited during startup; stdout: ${cli.stdout()}; stderr: ${cli.stderr()}`);
      const response = await fetch(`${url}/healthz`).catch(() => null);
      return response?.status === 200 ? true : null;
    });
  } catch (error) {
    await stopProcess(cli.child, 0);
    throw error;
  }
  return { ...cli, url, port };
}

/** SIGTERM, then SIGKILL if it is still running after `graceMs`. Resolves with how it ended. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<Exit & { killed: boolean }> {
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode, killed: false };
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.kill('SIGTERM');
  const timely = await withTimeout(exited, graceMs, 'graceful exit').catch(() => null);
  if (timely) return { ...timely, killed: false };
  child.kill('SIGKILL');
  return { ...(await exited), killed: true };
}

/** Polls `probe` every 100 ms until it returns something other than null. */
export async function waitUntil<T>(what: string, timeoutMs: number, probe: () => T | null | Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result in ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface HttpOutcome {
  /** null when no response came: the connection was refused or dropped, or the time ran out. */
  status: number | null;
  body: any;
  error?: string;
  timedOut?: boolean;
}

/** A JSON request to a server process; a refused or dropped connection, or a timeout, is an outcome, not a throw. */
export async function requestJson(
  base: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  options: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<HttpOutcome> {
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (an HTML page, a proxy's error): kept as text for the assertion message.
    }
    return { status: response.status, body };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return { status: null, body: undefined, error: String((error as Error).cause ?? error), timedOut };
  }
}

/** An owner for a new workspace, made with `tandem create-agent` (on PGlite, before `start`: one process per data folder). */
export async function createOwner(settings: Record<string, string>, slug: string): Promise<{ slug: string; email: string; password: string }> {
  const owner = { slug, email: `owner@${slug}.example.com`, password: 'correct horse battery staple' };
  const created = await runCli(['create-agent', '--workspace', slug, '--workspace-name', slug, '--email', owner.email, '--name', 'Owner', '--role', 'owner', '--password', owner.password], { LOG_LEVEL: 'warn', ...settings });
  if (created.code !== 0) throw new Error(`create-agent failed: ${created.stderr}`);
  return owner;
}

/** Signs in over HTTP; the session token doubles as a bearer token. */
export async function signIn(base: string, owner: { slug: string; email: string; password: string }): Promise<{ token: string; workspaceId: string }> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspace: owner.slug, email: owner.email, password: owner.password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const token = /tandem_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error('sign-in set no session cookie');
  return { token, workspaceId: ((await response.json()) as { workspace: { id: string } }).workspace.id };
}
