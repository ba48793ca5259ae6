// `npm run bench:proactive`: what proactive help costs, on embedded PGlite.
// 1. The widget's calls, taking turns in one run with the baseline GET /widget/:ws/config:
//    the rules for a page (GET .../proactive) and a claim when a trigger fires (POST .../exposures),
//    over visitors who already have a week of exposures to count.
// 2. A broadcast to BENCH_RECIPIENTS customers on the widget channel (no provider in the way):
//    recipients stored per second, against the baseline of the same number of agent messages
//    appended through the message appender into existing conversations.
// Prints a JSON summary and writes bench/results/proactive.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/adapters/postgres/database.ts';
import { uuidV7 } from '../src/platform/clock.ts';
import { customers, identities } from '../src/adapters/postgres/schema.ts';
import { startInProcessApp } from './in-process-app.ts';
import { machineInfo } from './report.ts';
import { percentile, round } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WARM_UP = 30;
const VISITORS = 100;
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);

const machine = machineInfo();
const { db, services, base, close } = await startInProcessApp('proactive');
const workspace = await services.workspaces.create({ name: 'Bench', slug: 'bench-proactive', settings: { proactive: { perSession: 1, perWeek: 1000, requireConsent: true, purchaseUrlPatterns: ['/checkout*'] } } });
const agent = await services.agents.create(workspace.id, { email: 'lead@bench.example.com', name: 'Lead', role: 'admin', password: 'correct horse battery', skills: [] }, null);
const text = { en: 'Questions about plans?', vi: 'Bạn có câu hỏi về các gói?', fa: 'سؤالی دربارهٔ طرح‌ها دارید؟' };
for (let i = 0; i < 5; i++) {
  await services.proactiveRules.create(workspace.id, {
    name: `Rule ${i}`, enabled: true, trigger: { kind: 'time_on_page', seconds: 10 + i, urlPattern: '/pricing*' },
    audience: { segments: [], locales: [], returning: 'any', identified: 'any', withinBusinessHours: 'any', agentsAvailable: 'any' },
    action: { kind: 'bot_message', text, quickReplies: [text] }, allowWhileTyping: false, allowDuringPurchase: false, holdoutPercent: 10,
  });
}
const rules = await services.proactiveRules.list(workspace.id);
const visitors: Array<{ token: string }> = [];
for (let i = 0; i < VISITORS; i++) {
  // Straight from the service: the sessions route allows 30 new visitors a minute per address.
  visitors.push(await services.widget.startSession(workspace.id, { consent: { behaviour: true }, locale: 'vi' }));
}

let n = 0;
const visitor = () => visitors[n % VISITORS]!;
const headers = () => ({ authorization: `Bearer ${visitor().token}`, 'content-type': 'application/json' });
const expect = async (res: Response, status: number) => {
  if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
};
const cases = {
  configBaseline: async () => expect(await fetch(`${base}/api/v1/widget/${workspace.id}/config`), 200),
  rulesForPage: async () => expect(await fetch(`${base}/api/v1/widget/${workspace.id}/proactive?sessionId=bench-session-${n}`, { headers: headers() }), 200),
  claim: async () => expect(await fetch(`${base}/api/v1/widget/${workspace.id}/proactive/exposures`, { method: 'POST', headers: headers(), body: JSON.stringify({ ruleId: rules[n % rules.length]!.id, sessionId: `bench-session-${n}`, url: 'https://shop.example/pricing' }) }), 201),
};
const samples: Record<keyof typeof cases, number[]> = { configBaseline: [], rulesForPage: [], claim: [] };
for (let i = 0; i < WARM_UP + RUNS; i++, n++) {
  for (const name of Object.keys(cases) as Array<keyof typeof cases>) {
    const t0 = performance.now();
    await cases[name]();
    if (i >= WARM_UP) samples[name].push(performance.now() - t0);
  }
}

// The broadcast: customers seen in the widget, a notice to all of them.
const now = new Date();
const people = Array.from({ length: RECIPIENTS }, () => uuidV7());
for (let at = 0; at < people.length; at += 1000) {
  const chunk = people.slice(at, at + 1000);
  await db.insert(customers).values(chunk.map((id, i) => ({ workspaceId: workspace.id, id, name: `Customer ${at + i}`, consent: { automation: true, behaviour: false, marketing: false }, createdAt: now, updatedAt: now })));
  await db.insert(identities).values(chunk.map((customerId) => ({ workspaceId: workspace.id, id: uuidV7(), customerId, kind: 'web', value: randomUUID(), createdAt: now })));
}
const broadcastStarted = performance.now();
const created = await services.broadcasts.create(workspace.id, agent.id, { name: 'Notice', purpose: 'service', audience: { kind: 'all' }, channels: ['web'], message: { text }, ratePerMinute: 100_000 });
await services.broadcasts.pass(workspace.id);
const broadcastMs = performance.now() - broadcastStarted;
const done = await services.broadcasts.get(workspace.id, created.id);
if (done.status !== 'done') throw new Error(`broadcast ${done.status}: ${JSON.stringify(done.counts)}`);

// Baseline: as many agent messages, appended into the conversations the broadcast opened.
const conversationIds = rowsOf<{ conversation_id: string }>(await db.execute(sql`SELECT conversation_id FROM broadcast_recipients WHERE broadcast_id = ${created.id} AND conversation_id IS NOT NULL`)).map((r) => r.conversation_id);
const appendStarted = performance.now();
for (let at = 0; at < conversationIds.length; at += 250) {
  await Promise.all(conversationIds.slice(at, at + 250).map((conversationId) => services.appender.append({ workspaceId: workspace.id, conversationId, author: 'agent', authorId: agent.id, channel: 'web', private: false, body: text.en, content: {}, idempotencyKey: null })));
}
const appendMs = performance.now() - appendStarted;

await close();

const stat = (s: number[]) => ({ medianMs: round(percentile(s, 0.5), 2), p95Ms: round(percentile(s, 0.95), 2), p99Ms: round(percentile(s, 0.99), 2) });
const perSecond = (count: number, ms: number) => Math.round((count * 1000) / ms);
const summary = {
  settings: { runs: RUNS, warmUp: WARM_UP, visitors: VISITORS, rules: rules.length, recipients: RECIPIENTS, database: 'pglite (in memory)' },
  widget: { configBaseline: stat(samples.configBaseline), rulesForPage: stat(samples.rulesForPage), claim: stat(samples.claim) },
  ratiosToConfigBaseline: {
    rulesForPage: round(percentile(samples.rulesForPage, 0.5) / percentile(samples.configBaseline, 0.5), 2),
    claim: round(percentile(samples.claim, 0.5) / percentile(samples.configBaseline, 0.5), 2),
  },
  broadcast: {
    recipientsPerSecond: perSecond(RECIPIENTS, broadcastMs),
    totalSeconds: round(broadcastMs / 1000, 1),
    appenderBaselineMessagesPerSecond: perSecond(conversationIds.length, appendMs),
    ratioToBaseline: round(perSecond(RECIPIENTS, broadcastMs) / perSecond(conversationIds.length, appendMs), 2),
  },
};
console.log(JSON.stringify(summary, null, 2));
const target = new URL('./results/proactive.json', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, `${JSON.stringify({ date: new Date().toISOString(), machine, ...summary }, null, 2)}\n`);
process.stderr.write(`wrote ${target.pathname}\n`);
