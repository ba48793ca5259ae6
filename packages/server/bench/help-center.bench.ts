// Help-center page render time: the whole request (routing, database reads, HTML) through
// Fastify's inject on embedded PGlite with the demo knowledge base, per kind of page.
import { mkdir, writeFile } from 'node:fs/promises';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { openDatabase } from '../src/adapters/postgres/database.ts';
import { createInProcessBus } from '../src/adapters/bus/in-process.bus.ts';
import { systemClock, uuidV7 } from '../src/platform/clock.ts';
import { openFileStorage, openMailer } from '../src/main.ts';
import { loadDemoKnowledgeBase } from '../src/admin/demo-kb.ts';
import { machineInfo } from './report.ts';
import { percentile, round } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const log = pino({ level: 'silent' });
const config = loadConfig({ TANDEM_DATA_DIR: '/tmp/tandem-bench-help', RATE_LIMIT_PER_MINUTE: '100000000' });
const database = await openDatabase({ kind: 'pglite', dataDir: null });
await database.migrate();
const app = await createApp({ config, log, db: database.db, bus: createInProcessBus(log), mailer: openMailer(config, log), files: openFileStorage(config), clock: systemClock, ids: uuidV7, drafter: null });
const workspace = await app.services.workspaces.create({ name: 'Lotus Tea House', slug: 'bench' });
await app.services.kbImport.importFolder(workspace.id, await loadDemoKnowledgeBase(), null);

const pages: Record<string, (n: number) => string> = {
  home: (n) => `/help/bench/${['en', 'vi', 'fa'][n % 3]}`,
  category: (n) => `/help/bench/${['en', 'vi', 'fa'][n % 3]}/categories/${['billing', 'accounts', 'orders', 'technical'][n % 4]}`,
  article: (n) => `/help/bench/${['en', 'vi', 'fa'][n % 3]}/articles/${['reset-password', 'refund-timeline', 'track-my-parcel', 'app-crashes'][n % 4]}`,
  search: (n) => `/help/bench/${['en', 'vi', 'fa'][n % 3]}/search?q=${encodeURIComponent(['refund', 'quen mat khau', 'رمز عبور', 'track parcel'][n % 4]!)}`,
};

const results: Record<string, { p50Ms: number; p99Ms: number }> = {};
for (const [name, url] of Object.entries(pages)) {
  for (let n = 0; n < 30; n++) await app.http.inject({ method: 'GET', url: url(n) }); // warm-up
  const timings: number[] = [];
  for (let n = 0; n < RUNS; n++) {
    const t0 = performance.now();
    const res = await app.http.inject({ method: 'GET', url: url(n) });
    timings.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`${url(n)}: ${res.statusCode}`);
  }
  results[name] = { p50Ms: round(percentile(timings, 0.5), 2), p99Ms: round(percentile(timings, 0.99), 2) };
}
await app.http.close();
await database.close();

console.log(`help-center pages, ${RUNS} renders each (PGlite, demo knowledge base):`);
console.log('| page | p50 | p99 |\n|---|---|---|');
for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.p50Ms} ms | ${r.p99Ms} ms |`);
const target = new URL('./results/help-center.json', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, `${JSON.stringify({ machine: machineInfo(), runs: RUNS, pages: results }, null, 2)}\n`);
