// `npm run bench:inbox`: the console's conversation list (GET /api/v1/inbox) over 10,000
// conversations of three messages on embedded PGlite: the first page of 500 and paging through
// all of them, without and with an SLA policy, against GET /api/v1/conversations (200 a page,
// no joins) over the same data, taking turns in the same run. Prints a JSON summary and writes
// bench/results/inbox.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { openDatabase } from '../src/adapters/postgres/database.ts';
import { createInProcessBus } from '../src/adapters/bus/in-process.bus.ts';
import { systemClock, uuidV7 } from '../src/platform/clock.ts';
import { openFileStorage, openMailer } from '../src/main.ts';
import { insertInboxConversations } from './inbox-fixtures.ts';
import { machineInfo } from './report.ts';
import { percentile, round } from './stats.ts';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PASSES = Number(process.env.BENCH_PASSES ?? 5);
const WARM_UP = 10;

const machine = machineInfo();
const log = pino({ level: 'silent' });
const config = loadConfig({ TANDEM_DATA_DIR: '/tmp/tandem-bench-inbox', RATE_LIMIT_PER_MINUTE: '100000000' });
const database = await openDatabase({ kind: 'pglite', dataDir: null });
await database.migrate();
const app = await createApp({ config, log, db: database.db, bus: createInProcessBus(log), mailer: openMailer(config, log), files: openFileStorage(config), clock: systemClock, ids: uuidV7, drafter: null });
const { services } = app;
const workspace = await services.workspaces.create({ name: 'Bench', slug: 'bench-inbox' });
const agent = await services.agents.create(workspace.id, { email: 'lead@bench.example.com', name: 'Lead', role: 'admin', password: 'correct horse battery', skills: [] }, null);
const { token } = await services.auth.issue('api', workspace.id, { agentId: agent.id, name: 'bench' });
const seeding = performance.now();
await insertInboxConversations(database.db, { workspaceId: workspace.id, agentId: agent.id, count: CONVERSATIONS });
const seedSeconds = round((performance.now() - seeding) / 1000, 1);

async function request(method: 'GET' | 'PUT', url: string, body?: unknown): Promise<{ items: unknown[]; nextCursor: string | null }> {
  const headers = { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) };
  const res = await app.http.inject({ method, url, headers, ...(body ? { payload: JSON.stringify(body) } : {}) });
  if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

/** Every page of a list, in order; the number of rows seen. */
async function pageThrough(path: string, limit: number): Promise<number> {
  let rows = 0;
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page = await request('GET', `${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    rows += page.items.length;
    cursor = page.nextCursor;
  }
  return rows;
}

interface Case {
  rows: number;
  run: () => Promise<number>;
}

const summarize = (rows: number, wall: number[], cpu: number[]) => ({
  rows, medianMs: round(percentile(wall, 0.5), 2), p95Ms: round(percentile(wall, 0.95), 2),
  cpuMedianMs: round(percentile(cpu, 0.5), 2), cpuP95Ms: round(percentile(cpu, 0.95), 2),
});
type Measured = ReturnType<typeof summarize>;

/**
 * Milliseconds per call, wall clock and CPU time, the cases taking turns so a busy neighbour
 * slows them alike. PGlite runs in this process, so its CPU time is the work done.
 */
async function compare<K extends string>(runs: number, cases: Record<K, Case>): Promise<Record<K, Measured>> {
  const samples = new Map<K, { wall: number[]; cpu: number[] }>();
  for (let n = 0; n < WARM_UP + runs; n++) {
    for (const [name, { rows, run }] of Object.entries(cases) as Array<[K, Case]>) {
      const [t0, c0] = [performance.now(), process.cpuUsage()];
      const seen = await run();
      const used = process.cpuUsage(c0);
      if (seen !== rows) throw new Error(`${name}: ${seen} rows, expected ${rows}`);
      if (n < WARM_UP) continue;
      const s = samples.get(name) ?? { wall: [], cpu: [] };
      s.wall.push(performance.now() - t0);
      s.cpu.push((used.user + used.system) / 1000);
      samples.set(name, s);
    }
  }
  const measured = Object.fromEntries([...samples].map(([name, s]) => [name, summarize(cases[name].rows, s.wall, s.cpu)])) as Record<K, Measured>;
  for (const [name, m] of Object.entries(measured) as Array<[K, Measured]>) process.stderr.write(`  ${name}: median ${m.medianMs} ms, CPU ${m.cpuMedianMs} ms\n`);
  return measured;
}

const page = (path: string, limit: number): Case => ({ rows: Math.min(limit, CONVERSATIONS), run: async () => (await request('GET', `${path}?limit=${limit}`)).items.length });
const allPages = (path: string, limit: number): Case => ({ rows: CONVERSATIONS, run: () => pageThrough(path, limit) });
const inboxQueryOnly: Case = {
  rows: Math.min(500, CONVERSATIONS),
  run: async () => Math.min(500, (await services.inbox.list(workspace.id, { statuses: ['open', 'pending', 'snoozed'], before: null, limit: 501 })).length),
};
const firstPages = await compare(RUNS, { inbox500: page('/api/v1/inbox', 500), inbox500QueryOnly: inboxQueryOnly, conversations200: page('/api/v1/conversations', 200) });
const everyPage = await compare(PASSES, { inbox500: allPages('/api/v1/inbox', 500), conversations200: allPages('/api/v1/conversations', 200) });
// SLA deadlines are measured per page (nothing is stored): a policy adds those queries.
await request('PUT', '/api/v1/sla/policies', { items: [{ key: 'standard', name: 'Standard', targets: { first_response: 3600, next_response: 3600, resolution: 86_400 } }] });
const withSla = {
  firstPage: (await compare(RUNS, { inbox500: page('/api/v1/inbox', 500) })).inbox500,
  everyPage: (await compare(PASSES, { inbox500: allPages('/api/v1/inbox', 500) })).inbox500,
};
await app.http.close();
await database.close();

const perRow = (a: Measured, b: Measured) => ({
  wall: round(a.medianMs / a.rows / (b.medianMs / b.rows), 2),
  cpu: round(a.cpuMedianMs / a.rows / (b.cpuMedianMs / b.rows), 2),
});
const summary = {
  settings: { conversations: CONVERSATIONS, messagesPerConversation: 3, runs: RUNS, passes: PASSES, database: 'pglite (in memory)', seedSeconds },
  firstPages,
  everyPage,
  withSlaPolicy: withSla,
  inboxCostPerRowVsConversations: {
    firstPage: perRow(firstPages.inbox500, firstPages.conversations200),
    everyPage: perRow(everyPage.inbox500, everyPage.conversations200),
    everyPageWithSla: perRow(withSla.everyPage, everyPage.conversations200),
  },
};
console.log(JSON.stringify(summary, null, 2));
const target = new URL('./results/inbox.json', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, `${JSON.stringify({ date: new Date().toISOString(), machine, ...summary }, null, 2)}\n`);
process.stderr.write(`wrote ${target.pathname}\n`);
