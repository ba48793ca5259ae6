/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The console's speed in a real browser (Debian's Chromium), on loopback:
//  1. first load of the inbox with a cold browser cache, on the demo data (baseline: the
//     server-rendered help center's first load, same run);
//  2. switching conversations with the keyboard, first visit and return (baseline: the bare
//     fetch of the messages the switch needs, from the same page);
//  3. a list of 10,000 conversations: loading it, and scrolling it (baseline: idle frames).
// Run: npm run bench:console [-- --samples N]. Writes bench/results/console.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { loadConfig } from '../src/config/load.ts';
import { startServer } from '../src/main.ts';
import { insertInboxConversations } from './inbox-fixtures.ts';
import { median, percentile, round } from './stats.ts';

const samples = Number(process.argv[process.argv.indexOf('--samples') + 1]) || 7;
const LIST_SIZE = 10_000;
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-console-bench-'));
const config = loadConfig({ TANDEM_DEMO: 'true', LOG_LEVEL: 'warn', PORT: '0', TANDEM_DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '100000000' });
const server = await startServer(config, { log: pino({ level: 'warn' }, pino.destination(2)) });
const base = server.url;
const demo = server.demo!;

// A second workspace with 10,000 open conversations for the list and the switching.
const { services } = server.app;
const big = await services.workspaces.create({ name: 'Big shop', slug: 'big', settings: {} });
const bigOwner = { workspace: 'big', email: 'owner@big.test', password: 'bench-password-1' };
const owner = await services.agents.create(big.id, { email: bigOwner.email, name: 'Owner', role: 'owner', password: bigOwner.password, skills: [] }, null);
await insertInboxConversations(server.deps.db, { workspaceId: big.id, agentId: owner.id, count: LIST_SIZE });

const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Sign-in is rate limited (10 a minute): each account signs in once, and every fresh context
// (a cold cache) starts from that session's cookie.
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

/** A fresh context (cold cache) signed in as `who`. */
async function signedIn(who: { workspace: string; email: string; password: string }): Promise<BrowserContext> {
  const options = { viewport: { width: 1366, height: 800 }, locale: 'en-US' };
  if (!sessions.has(who.workspace)) {
    const context = await browser.newContext(options);
    const login = await context.request.post(`${base}/api/v1/auth/login`, { data: who });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    sessions.set(who.workspace, await context.storageState());
    await context.close();
  }
  return browser.newContext({ ...options, storageState: sessions.get(who.workspace) });
}

/** ms from navigation start to the console's own "inbox is on screen" mark. */
async function firstLoad(who: typeof demo, path: string): Promise<number> {
  const context = await signedIn(who);
  const page = await context.newPage();
  await page.goto(base + path);
  await page.waitForFunction(() => performance.getEntriesByName('tandem:inbox-ready').length > 0, undefined, { timeout: 60_000 });
  await page.getByTestId('inbox-row').first().waitFor();
  const ms = await page.evaluate(() => performance.getEntriesByName('tandem:inbox-ready')[0]!.startTime);
  await context.close();
  return ms;
}

async function helpCenterLoad(): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/help/${demo.workspace}`, { waitUntil: 'load' });
  const ms = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await context.close();
  return ms;
}

const summary = (values: number[]) => ({ median: round(median(values)), p95: round(percentile(values, 0.95)), samples: values.length });

// 1. First load, cold cache.
const load: number[] = [];
const help: number[] = [];
for (let i = 0; i < samples; i++) {
  help.push(await helpCenterLoad());
  load.push(await firstLoad(demo, '/inbox/all'));
}

// 2. Switching with j (first visit: messages fetched) and k (return: from memory).
const context = await signedIn(bigOwner);
const page = await context.newPage();
await page.goto(`${base}/inbox/all`);
await page.getByTestId('inbox-row').first().waitFor({ timeout: 60_000 });
await page.getByTestId('inbox-row').first().click();
await page.getByTestId('thread-message').first().waitFor();

/** Presses a key and waits for the next conversation's thread to be painted; ms. */
const switchOnce = (key: string) =>
  page.evaluate(async (pressed) => {
    const current = document.querySelector('[data-testid="conversation"]')?.getAttribute('data-conversation-id');
    const start = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: pressed, bubbles: true }));
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const pane = document.querySelector('[data-testid="conversation"]');
      if (pane && pane.getAttribute('data-conversation-id') !== current && pane.querySelector('[data-testid="thread-message"]')) return performance.now() - start;
      if (performance.now() - start > 5000) throw new Error('switch timed out');
    }
  }, key);

const SWITCHES = Math.max(20, samples * 3);
const firstVisit: number[] = [];
const revisit: number[] = [];
for (let i = 0; i < SWITCHES; i++) firstVisit.push(await switchOnce('j'));
for (let i = 0; i < SWITCHES; i++) revisit.push(await switchOnce('k'));
const fetchOnly: number[] = await page.evaluate(async (count) => {
  const ids = [...document.querySelectorAll('[data-testid="inbox-row"]')].map((row) => row.getAttribute('data-conversation-id')!).slice(0, count);
  const times: number[] = [];
  for (const id of ids) {
    const start = performance.now();
    await (await fetch(`/api/v1/conversations/${id}/messages?limit=500`)).json();
    times.push(performance.now() - start);
  }
  return times;
}, 10);

// 3. The 10,000-row list: first load, then scrolling through it frame by frame.
const bigLoad: number[] = [];
for (let i = 0; i < Math.min(samples, 3); i++) bigLoad.push(await firstLoad(bigOwner, '/inbox/all'));
// Inline loops only: a named function here would be wrapped by tsx in a helper the page lacks.
const scrolling = await page.evaluate(async () => {
  const scroller = document.querySelector('[data-testid="inbox-list"]') as HTMLElement;
  const phases: { gaps: number[]; rows: number }[] = [];
  for (const [count, step] of [[120, 0], [240, 900]] as const) {
    const gaps: number[] = [];
    let rows = 0;
    let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < count; i++) {
      scroller.scrollTop += step;
      const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      gaps.push(now - last);
      last = now;
      rows = Math.max(rows, scroller.querySelectorAll('[data-testid="inbox-row"]').length);
    }
    phases.push({ gaps, rows });
  }
  const [idle, scrolled] = phases as [{ gaps: number[]; rows: number }, { gaps: number[]; rows: number }];
  return { idle: idle.gaps, scroll: scrolled.gaps, rowsInDom: scrolled.rows, total: Number(document.querySelector('.filter-bar__total')?.textContent?.replace(/\D/g, '')) };
});
await context.close();
await browser.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });

const result = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
  firstLoad: { consoleMs: summary(load), helpCenterMs: summary(help), ratio: round(median(load) / median(help), 2) },
  switching: { firstVisitMs: summary(firstVisit), revisitMs: summary(revisit), fetchOnlyMs: summary(fetchOnly), ratio: round(median(firstVisit) / median(fetchOnly), 2) },
  list: {
    conversations: scrolling.total,
    firstLoadMs: summary(bigLoad),
    scrollFrameMs: summary(scrolling.scroll),
    idleFrameMs: summary(scrolling.idle),
    ratio: round(percentile(scrolling.scroll, 0.95) / percentile(scrolling.idle, 0.95), 2),
    rowsInDom: scrolling.rowsInDom,
  },
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/console.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
