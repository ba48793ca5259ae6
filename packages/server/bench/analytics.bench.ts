// `npm run bench:analytics`: the dashboards on a workspace with ~100,000 conversations and
// ~1,000,000 messages on PostgreSQL (BENCH_DATABASE_URL, default the local server; a fresh
// database `tandem_bench_analytics` is created). Measures the history's first backfill of the
// rollups, an incremental pass after new traffic, and each dashboard view (28 and 90 days),
// against GET /api/v1/conversations?limit=50 as the baseline, taking turns in the same run.
// Prints a JSON summary and writes bench/results/analytics.json.
import { mkdir, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { openDatabase } from '../src/adapters/postgres/database.ts';
import { createInProcessBus } from '../src/adapters/bus/in-process.bus.ts';
import { systemClock, uuidV7 } from '../src/platform/clock.ts';
import { openFileStorage, openMailer } from '../src/main.ts';
import { generateHistory } from '../src/admin/history/generate-history.ts';
import { seededRandom } from '../src/admin/history/history-shape.ts';
import { machineInfo } from './report.ts';
import { percentile, round } from './stats.ts';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const DAYS = 90;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARM_UP = 3;

const machine = machineInfo();
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS tandem_bench_analytics');
await admin.query('CREATE DATABASE tandem_bench_analytics');
await admin.end();
const url = new URL(SERVER);
url.pathname = '/tandem_bench_analytics';

const log = pino({ level: 'silent' });
const config = loadConfig({ TANDEM_DATA_DIR: '/tmp/tandem-bench-analytics', RATE_LIMIT_PER_MINUTE: '100000000', PERIODIC_PASS_SECONDS: '0' });
const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 10 });
await database.migrate();
const app = await createApp({ config, log, db: database.db, bus: createInProcessBus(log), mailer: openMailer(config, log), files: openFileStorage(config), clock: systemClock, ids: uuidV7, drafter: null });
const { services } = app;
const workspace = await services.workspaces.create({ name: 'Bench', slug: 'bench-analytics' });
const owner = await services.agents.create(workspace.id, { email: 'owner@bench.example.com', name: 'Owner', role: 'owner', password: 'correct horse battery', skills: [] }, null);
const agents = [owner.id];
for (let n = 0; n < 19; n++) agents.push((await services.agents.create(workspace.id, { email: `agent${n}@bench.example.com`, name: `Agent ${n}`, role: 'agent', password: 'correct horse battery', skills: [] }, null)).id);
const { token } = await services.auth.issue('api', workspace.id, { agentId: owner.id, name: 'bench' });

const now = new Date();
let t0 = performance.now();
const generated = await generateHistory(database.db, {
  workspaceId: workspace.id, now, days: DAYS, conversationsPerDay: Math.round(CONVERSATIONS / DAYS), customers: Math.round(CONVERSATIONS / 3),
  agentIds: agents, teamIds: [], articles: [], guideIds: [], utcOffsetHours: 7, roundsMax: 10, random: seededRandom(1), newId: uuidV7,
});
const generateSeconds = round((performance.now() - t0) / 1000, 1);
process.stderr.write(`generated ${generated.conversations} conversations, ${generated.messages} messages in ${generateSeconds} s\n`);
t0 = performance.now();
while ((await services.facts.refresh(workspace.id, 20)) > 0);
const backfillSeconds = round((performance.now() - t0) / 1000, 1);
process.stderr.write(`backfilled the facts in ${backfillSeconds} s\n`);

async function get(path: string): Promise<void> {
  const res = await app.http.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } });
  if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
}

const day = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
const cases: Record<string, string> = { baselineConversations50: '/api/v1/conversations?limit=50' };
for (const [label, days] of [['28d', 28], ['90d', 89]] as const) {
  for (const view of ['overview', 'self-service', 'journeys', 'staffing', 'agents']) cases[`${view}_${label}`] = `/api/v1/analytics/${view}?from=${day(days)}&to=${day(0)}`;
}
cases['overview_28d_channelWeb'] = `/api/v1/analytics/overview?from=${day(28)}&to=${day(0)}&channel=web`;
cases['feedback'] = '/api/v1/feedback?limit=50';

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let run = 0; run < WARM_UP + RUNS; run++) {
  for (const [name, path] of Object.entries(cases)) {
    const start = performance.now();
    await get(path);
    if (run >= WARM_UP) samples[name]!.push(performance.now() - start);
  }
}

// Incremental upkeep: 200 new conversations (2,000 messages), then one pass.
await generateHistory(database.db, { workspaceId: workspace.id, now, days: 1, conversationsPerDay: 200, customers: 200, agentIds: agents, teamIds: [], articles: [], guideIds: [], utcOffsetHours: 7, roundsMax: 8, random: seededRandom(2), newId: uuidV7 });
t0 = performance.now();
const refreshed = await services.facts.refresh(workspace.id, 20);
const incrementalMs = round(performance.now() - t0, 0);

await app.http.close();
await database.close();

const baseline = percentile(samples.baselineConversations50!, 0.5);
const views = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, { medianMs: round(percentile(s, 0.5), 1), p95Ms: round(percentile(s, 0.95), 1), medianVsBaseline: round(percentile(s, 0.5) / baseline, 2) }]));
const summary = {
  settings: { database: 'postgresql', conversations: generated.conversations, messages: generated.messages, days: DAYS, runs: RUNS },
  setup: { generateSeconds, factsBackfillSeconds: backfillSeconds, incrementalPass: { conversations: refreshed, ms: incrementalMs } },
  views,
  worstP95Ms: Math.max(...Object.entries(views).filter(([n]) => n !== 'baselineConversations50').map(([, v]) => v.p95Ms)),
};
console.log(JSON.stringify(summary, null, 2));
const target = new URL('./results/analytics.json', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, `${JSON.stringify({ date: new Date().toISOString(), machine, ...summary }, null, 2)}\n`);
process.stderr.write(`wrote ${target.pathname}\n`);
