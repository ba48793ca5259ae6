// `npm run soak`: the real server in its own process under a steady message rate for minutes,
// to find what a short benchmark cannot: memory that only grows, latency that drifts, errors
// that appear after a while. Customers write over HTTP and listen on widget sockets (a tenth of
// the sockets reconnect each minute), agents listen on the feed and answer a fifth of the
// traffic. Every minute: the server's RSS and heap after a full collection, p50/p99 request
// latency, failed requests and errors the server logged. It fails (exit 1) on any error or when
// the heap grows faster than the bound.
// SOAK_MINUTES (10), SOAK_RATE messages/s (20), SOAK_CUSTOMERS (200), SOAK_SOCKETS (50),
// SOAK_AGENTS (5), SOAK_MAX_HEAP_SLOPE_MB_PER_MIN (1); DATABASE_URL for PostgreSQL (PGlite by default).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { machineInfo } from './report.ts';
import { percentile, round } from './stats.ts';

const env = process.env;
const number = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a number > 0, got "${env[name]}"`);
  return value;
};
const MINUTES = number('SOAK_MINUTES', 10);
const RATE = number('SOAK_RATE', 20);
const CUSTOMERS = number('SOAK_CUSTOMERS', 200);
const SOCKETS = Math.min(CUSTOMERS, number('SOAK_SOCKETS', 50));
const AGENTS = number('SOAK_AGENTS', 5);
const MAX_HEAP_SLOPE = number('SOAK_MAX_HEAP_SLOPE_MB_PER_MIN', 1);
const AGENT_SHARE = 0.2;
// Open loop: a request is sent on schedule whether or not the last ones came back, up to this many in flight.
const MAX_IN_FLIGHT = 200;

interface Customer { customerId: string; token: string; conversationId: string }
interface Minute { minute: number; rssMb: number; heapMb: number; requests: number; p50: number; p99: number; errors: number; logged: number; skipped: number; events: number }

const mb = (bytes: number) => round(bytes / 1024 ** 2, 1);

/** Least-squares slope of y over x. */
function slope(points: ReadonlyArray<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
}

/**
 * bench/server-process.ts (the real server, in its own process) spoken to in JSON lines as
 * bench/child.ts does, but with its log read here: an error it logs (a failing periodic pass,
 * say) fails the soak like a failed request, even when no client sees it.
 */
async function startServerChild(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./server-process.ts', import.meta.url))], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let logged = 0;
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (/"level":(50|60)/.test(line)) logged++;
    process.stderr.write(`${line.slice(0, 2000)}\n`);
  });
  const pending = new Map<number, (reply: { ok: boolean; result?: unknown; error?: string }) => void>();
  let nextId = 1;
  const hello = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: Record<string, unknown>; id: number; ok: boolean };
      if (message.ready) return resolve(message.ready);
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    });
  });
  return {
    hello,
    logged: () => logged,
    request<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
      const id = nextId++;
      child.stdin!.write(`${JSON.stringify({ id, cmd, ...args })}\n`);
      return new Promise<T>((resolve, reject) => pending.set(id, (reply) => (reply.ok ? resolve(reply.result as T) : reject(new Error(reply.error)))));
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function openSocket(url: string, hello: object, onFrame: () => void): WebSocket {
  const socket = new WebSocket(url);
  socket.on('open', () => socket.send(JSON.stringify(hello)));
  socket.on('message', onFrame);
  socket.on('error', () => undefined); // a refused socket shows in the counts; the soak goes on
  return socket;
}

async function main(): Promise<void> {
  const child = await startServerChild(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {});
  const base = String(child.hello.url);
  const wsBase = base.replace('http', 'ws');
  try {
    const { workspaceId, agentTokens } = await child.request<{ workspaceId: string; agentTokens: string[] }>('workspace', { agents: AGENTS });
    const { customers } = await child.request<{ customers: Customer[] }>('customers', { workspaceId, count: CUSTOMERS });
    let events = 0;
    const count = () => void events++;
    const agents = agentTokens.map((token) => openSocket(`${wsBase}/api/v1/ws`, { type: 'hello', token }, count));
    const customerSocket = (c: Customer) => openSocket(`${wsBase}/api/v1/widget/${workspaceId}/ws`, { type: 'hello', token: c.token, conversations: { [c.conversationId]: 0 } }, count);
    const sockets = customers.slice(0, SOCKETS).map(customerSocket);

    let window = { latencies: [] as number[], errors: 0, skipped: 0 };
    let inFlight = 0;
    let sent = 0;
    const fire = async () => {
      if (inFlight >= MAX_IN_FLIGHT) return void window.skipped++;
      const byAgent = sent++ % Math.round(1 / AGENT_SHARE) === 0;
      const customer = customers[Math.floor(Math.random() * customers.length)]!;
      const [path, token, body] = byAgent
        ? [`/api/v1/conversations/${customer.conversationId}/messages`, agentTokens[sent % agentTokens.length]!, { body: 'Thanks, looking into it.' }]
        : [`/api/v1/widget/${workspaceId}/messages`, customer.token, { conversationId: customer.conversationId, body: 'Any news on my order?', idempotencyKey: `soak-${randomUUID()}` }];
      const started = performance.now();
      inFlight++;
      try {
        const response = await fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        if (response.status >= 300) window.errors++;
      } catch {
        window.errors++;
      } finally {
        inFlight--;
        window.latencies.push(performance.now() - started);
      }
    };

    let loggedBefore = child.logged();
    const minutes: Minute[] = [];
    const baseline = await child.request<NodeJS.MemoryUsage>('memory');
    process.stderr.write(`soak: ${MINUTES} min at ${RATE} messages/s, ${CUSTOMERS} customers (${SOCKETS} on sockets), ${AGENTS} agents, ${child.hello.database}; heap at start ${mb(baseline.heapUsed)} MB\n`);
    const timer = setInterval(() => void fire(), 1000 / RATE);
    for (let minute = 1; minute <= MINUTES; minute++) {
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      // A tenth of the customer sockets leave and come back: closed sockets must free what they held.
      for (let i = 0; i < Math.ceil(sockets.length / 10); i++) {
        const at = Math.floor(Math.random() * sockets.length);
        sockets[at]!.close();
        sockets[at] = customerSocket(customers[at]!);
      }
      const { latencies, errors, skipped } = window;
      window = { latencies: [], errors: 0, skipped: 0 };
      const memory = await child.request<NodeJS.MemoryUsage>('memory');
      const logged = child.logged() - loggedBefore;
      loggedBefore = child.logged();
      const row: Minute = { minute, rssMb: mb(memory.rss), heapMb: mb(memory.heapUsed), requests: latencies.length, p50: round(percentile(latencies, 0.5)), p99: round(percentile(latencies, 0.99)), errors, logged, skipped, events };
      minutes.push(row);
      events = 0;
      process.stderr.write(`  ${JSON.stringify(row)}\n`);
    }
    clearInterval(timer);
    for (const socket of [...agents, ...sockets]) socket.close();
    report(minutes);
  } finally {
    await child.stop();
  }
}

function report(minutes: Minute[]): void {
  const machine = machineInfo();
  const header = ['minute', 'RSS MB', 'heap MB', 'requests', 'p50 ms', 'p99 ms', 'failed requests', 'errors logged', 'skipped', 'socket frames'];
  const rows = minutes.map((m) => [m.minute, m.rssMb, m.heapMb, m.requests, m.p50, m.p99, m.errors, m.logged, m.skipped, m.events].map(String));
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padStart(widths[c]!)).join(' | ')} |`;
  console.log(`\nSoak: ${MINUTES} min at ${RATE} messages/s on ${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAverageAtStart.join('/')} at start, ${machine.commit}\n`);
  console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
  // The first minute fills caches (prepared statements, the search index, JIT): the trend is read after it.
  const steady = minutes.length > 2 ? minutes.slice(1) : minutes;
  const heapSlope = round(slope(steady.map((m) => [m.minute, m.heapMb])), 2);
  const rssSlope = round(slope(steady.map((m) => [m.minute, m.rssMb])), 2);
  const errors = minutes.reduce((s, m) => s + m.errors + m.logged, 0);
  console.log(`\nheap slope ${heapSlope} MB/min (bound ${MAX_HEAP_SLOPE}), RSS slope ${rssSlope} MB/min (reported only: on PGlite its WebAssembly memory grows with the data), errors ${errors} (failed requests and errors the server logged)`);
  const failed = [errors > 0 ? `${errors} errors` : null, heapSlope > MAX_HEAP_SLOPE ? `heap grows ${heapSlope} MB/min` : null].filter(Boolean);
  console.log(failed.length === 0 ? 'soak passed' : `soak FAILED: ${failed.join(', ')}`);
  if (failed.length > 0) process.exitCode = 1;
}

await main();
