/// <reference lib="dom" />
// DOM types for the callbacks given to page.evaluate, which run in the browser.
// What the widget costs a customer's site: bundle size against its budget, and a host page's
// load with no tag, with an empty async tag from another origin (what any third-party script
// costs), and with the widget tag, in Debian's Chromium. Runs rotate through the three in fresh
// browser contexts (cold cache, like a first visit), so machine noise falls on all of them;
// medians and ratios are reported.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildWidget, WIDGET_BUDGET_GZIP_BYTES } from '@tandem/widget/build';
import { startServerProcess, stopProcess } from '../test/server-process.ts';
import { machineInfo } from './report.ts';
import { median, round } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Sample {
  domContentLoadedMs: number;
  loadMs: number;
  longTasksMs: number;
  widgetVisibleMs: number | null;
}

// Collected inside the page: long tasks (main-thread work over 50 ms) and when the launcher appears.
const PROBE = `
  window.__bench = { longTasksMs: 0, widgetVisibleMs: null };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longTasksMs += e.duration; }).observe({ type: 'longtask', buffered: true });
  const watch = () => {
    const host = document.querySelector('tandem-widget');
    const launcher = host && host.shadowRoot && host.shadowRoot.querySelector('[data-testid="tandem-launcher"]');
    if (launcher) window.__bench.widgetVisibleMs = performance.now(); else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
`;

/** Another origin serving a one-statement script: what any third-party async tag costs. */
async function emptyTagOrigin() {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    response.end('void 0;');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function hostSite(apiBase: string, emptyTagBase: string, workspaceId: () => string) {
  const body = '<h1>Shop</h1>' + Array.from({ length: 40 }, (_, i) => `<p>Product ${i}: a fine tea with a long description.</p>`).join('');
  const page = (head: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title>${head}</head><body>${body}</body></html>`;
  const pages: Record<string, string> = {
    '/baseline': page(''),
    '/empty-tag': page(`<script src="${emptyTagBase}/empty.js" async></script>`),
    '/widget': page(`<script src="${apiBase}/widget.js" data-workspace="WORKSPACE_ID" async></script>`),
  };
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end((pages[request.url ?? ''] ?? '').replace('WORKSPACE_ID', workspaceId()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function measure(browser: Browser, url: string, waitForWidget: boolean): Promise<Sample> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: 'load' });
  if (waitForWidget) await page.waitForFunction(() => (window as unknown as { __bench: Sample }).__bench.widgetVisibleMs !== null, undefined, { timeout: 10_000 });
  await page.waitForTimeout(300);
  const sample = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const bench = (window as unknown as { __bench: { longTasksMs: number; widgetVisibleMs: number | null } }).__bench;
    return { domContentLoadedMs: nav.domContentLoadedEventEnd, loadMs: nav.loadEventEnd, longTasksMs: bench.longTasksMs, widgetVisibleMs: bench.widgetVisibleMs };
  });
  if (process.env.BENCH_DEBUG) {
    const entries = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => [r.name.slice(-24), ...[r.startTime, r.connectStart, r.connectEnd, r.requestStart, r.responseStart, r.responseEnd].map(Math.round)]));
    console.log(url.slice(-8), sample.loadMs, JSON.stringify(entries));
  }
  await context.close();
  return sample;
}

/** Allows the host site on the demo workspace, over the API as its owner would; returns the workspace id. */
async function allowSite(url: string, stdout: string, origin: string): Promise<string> {
  const password = /password\s+(\S+)/.exec(stdout)![1];
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspace: 'demo', email: 'owner@demo.tandem.test', password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { workspace } = (await login.json()) as { workspace: { id: string } };
  const patched = await fetch(`${url}/api/v1/workspace`, {
    method: 'PATCH',
    headers: { cookie, 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ settings: { widgetOrigins: [origin] } }),
  });
  if (!patched.ok) throw new Error(`could not allow the host site: ${patched.status} ${await patched.text()}`);
  return workspace.id;
}

// The server runs in its own process (the real `tandem start`), as in production.
const dataDir = await mkdtemp(join(tmpdir(), 'tandem-bench-widget-'));
const server = await startServerProcess({ TANDEM_DATA_DIR: dataDir, TANDEM_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '100000' });
let workspaceId = '';
const emptyTag = await emptyTagOrigin();
const site = await hostSite(server.url, emptyTag.origin, () => workspaceId);
workspaceId = await allowSite(server.url, server.stdout(), site.origin);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const bundle = await buildWidget();
await measure(browser, `${site.origin}/widget`, true); // warm the server's bundle cache and the JIT
const baseline: Sample[] = [];
const withEmptyTag: Sample[] = [];
const withWidget: Sample[] = [];
for (let run = 0; run < RUNS; run++) {
  baseline.push(await measure(browser, `${site.origin}/baseline`, false));
  withEmptyTag.push(await measure(browser, `${site.origin}/empty-tag`, false));
  withWidget.push(await measure(browser, `${site.origin}/widget`, true));
}
await browser.close();
site.close();
emptyTag.close();
await stopProcess(server.child);
await rm(dataDir, { recursive: true, force: true });

const med = (samples: Sample[], key: keyof Sample) => round(median(samples.map((s) => s[key] ?? Number.NaN)));
const result = {
  machine: machineInfo(),
  runs: RUNS,
  bundle: { bytes: bundle.bytes, gzipBytes: bundle.gzipBytes, budgetGzipBytes: WIDGET_BUDGET_GZIP_BYTES, loaderBytes: Buffer.byteLength(bundle.loader), loaderGzipBytes: bundle.loaderGzipBytes },
  baseline: pageFigures(baseline),
  emptyTag: pageFigures(withEmptyTag),
  widget: {
    domContentLoadedMs: med(withWidget, 'domContentLoadedMs'),
    loadMs: med(withWidget, 'loadMs'),
    longTasksMs: med(withWidget, 'longTasksMs'),
    widgetVisibleMs: med(withWidget, 'widgetVisibleMs'),
  },
};
function pageFigures(samples: Sample[]) {
  return { domContentLoadedMs: med(samples, 'domContentLoadedMs'), loadMs: med(samples, 'loadMs'), longTasksMs: med(samples, 'longTasksMs') };
}
const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : null);
console.log(`widget bundle: ${round(bundle.bytes / 1024)} KB, ${round(bundle.gzipBytes / 1024)} KB gzipped (budget ${WIDGET_BUDGET_GZIP_BYTES / 1024} KB); loader widget.js: ${result.bundle.loaderBytes} B, ${bundle.loaderGzipBytes} B gzipped`);
console.log(`host page, median of ${RUNS} cold loads each (commit ${result.machine.commit}, ${result.machine.cores} cores):`);
console.log('| | DOMContentLoaded | load event | long tasks | launcher visible |');
console.log('|---|---|---|---|---|');
console.log(`| without widget | ${result.baseline.domContentLoadedMs} ms | ${result.baseline.loadMs} ms | ${result.baseline.longTasksMs} ms | - |`);
console.log(`| empty third-party tag | ${result.emptyTag.domContentLoadedMs} ms | ${result.emptyTag.loadMs} ms | ${result.emptyTag.longTasksMs} ms | - |`);
console.log(`| with widget | ${result.widget.domContentLoadedMs} ms | ${result.widget.loadMs} ms | ${result.widget.longTasksMs} ms | ${result.widget.widgetVisibleMs} ms |`);
console.log(`| widget ÷ no tag | ${ratio(result.widget.domContentLoadedMs, result.baseline.domContentLoadedMs)}× | ${ratio(result.widget.loadMs, result.baseline.loadMs)}× | | |`);
console.log(`| widget ÷ empty tag | ${ratio(result.widget.domContentLoadedMs, result.emptyTag.domContentLoadedMs)}× | ${ratio(result.widget.loadMs, result.emptyTag.loadMs)}× | | |`);
const target = new URL('./results/widget.json', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
