// A benchmark child process (the server or the bare relay) spoken to in JSON lines: requests
// on its stdin, one reply line per request on its stdout. Logs go to stderr, never stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildHandle {
  pid: number;
  /** The process's first line: its URL and whatever it set up at start. */
  hello: Record<string, unknown>;
  request<T>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export async function startChild(script: string, options: { env: Record<string, string>; nodeArgs?: string[] }): Promise<ChildHandle> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', script], {
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${script} exited with ${code}`));
    pending.clear();
  });
  const hello = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const message = JSON.parse(line) as Reply | { ready: Record<string, unknown> };
      if ('ready' in message) return resolve(message.ready);
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.result);
      else waiter?.reject(new Error(message.error));
    });
  });
  return {
    pid: child.pid!,
    hello: await hello,
    request<T>(cmd: string, args: Record<string, unknown> = {}) {
      const id = nextId++;
      child.stdin!.write(`${JSON.stringify({ id, cmd, ...args })}\n`);
      return new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    },
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
}

/** The child side: answers requests with `handlers`, one JSON line each. */
export function serveRequests(handlers: Record<string, (args: Record<string, unknown>) => Promise<unknown>>): void {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const { id, cmd, ...args } = JSON.parse(line) as { id: number; cmd: string };
    const handler = handlers[cmd];
    const work = handler ? handler(args) : Promise.reject(new Error(`unknown command ${cmd}`));
    work.then(
      (result) => process.stdout.write(`${JSON.stringify({ id, ok: true, result })}\n`),
      (error: unknown) => process.stdout.write(`${JSON.stringify({ id, ok: false, error: String(error) })}\n`),
    );
  });
}

export function announceReady(ready: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ready })}\n`);
}

export interface CpuReading {
  /** User + system CPU time used so far, in µs. */
  micros: number;
  /** When it was read, in the child's own clock (ms): a busy child answers late, so time is taken there. */
  at: number;
}

/** What every benchmark child answers: memory after a full collection (it runs with --expose-gc), and CPU used. */
export const probeHandlers = {
  async memory(): Promise<NodeJS.MemoryUsage> {
    const gc = (globalThis as { gc?: () => void }).gc;
    // Buffers are released by finalizers that run after a collection: collect, let them run, collect again.
    for (let pass = 0; pass < 3; pass++) {
      gc?.();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return process.memoryUsage();
  },
  async cpu(): Promise<CpuReading> {
    const { user, system } = process.cpuUsage();
    return { micros: user + system, at: performance.now() };
  },
};
