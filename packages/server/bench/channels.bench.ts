// `npm run bench:channels`: what a channel adds on the way in and out, on embedded PGlite.
// Taking turns in one run: a mail over SMTP to the product's listener (acknowledged once
// stored), a signed WhatsApp webhook over HTTP, and the baseline, the same text posted to
// POST /api/v1/inbound-messages; then an agent's email reply from POST to the SMTP sink.
// Prints a JSON summary and writes bench/results/channels.json.
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { openDatabase } from '../src/adapters/postgres/database.ts';
import { createInProcessBus } from '../src/adapters/bus/in-process.bus.ts';
import { createSmtpMailer } from '../src/adapters/mail/nodemailer.mailer.ts';
import { systemClock, uuidV7 } from '../src/platform/clock.ts';
import { openFileStorage } from '../src/main.ts';
import { startSmtpListener } from '../src/channels/email/smtp-listener.ts';
import { createInboundMailHandler } from '../src/features/channels/inbound-mail.handler.ts';
import { signWhatsAppBody } from '../src/channels/whatsapp/whatsapp.provider.ts';
import { whatsAppInboundPayload } from '../src/channels/simulated-payloads.ts';
import { startMailCatcher } from '../test/mail-catcher.ts';
import { machineInfo } from './report.ts';
import { percentile, round } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARM_UP = 20;
const SENDERS = 50;
const TEXT = 'Chào shop, đơn hàng #4821 của tôi vẫn chưa tới. Shop kiểm tra giúp tôi với ạ?';
const QUOTED = `${TEXT}\n\nVào 10:00 Th 2, 7 thg 12, 2026 Lotus <help@bench.example.com> đã viết:\n> ##- Please type your reply above this line -##\n> Dạ shop đã nhận được yêu cầu của chị.\n> \n> -- \n> Lotus Tea House`;

const machine = machineInfo();
const log = pino({ level: 'silent' });
const catcher = await startMailCatcher();
const config = loadConfig({ TANDEM_DATA_DIR: '/tmp/tandem-bench-channels', RATE_LIMIT_PER_MINUTE: '100000000', PERIODIC_PASS_SECONDS: '0' });
const database = await openDatabase({ kind: 'pglite', dataDir: null });
await database.migrate();
const mailer = createSmtpMailer({ url: catcher.url, from: 'bench@example.com', log });
const app = await createApp({ config, log, db: database.db, bus: createInProcessBus(log), mailer, files: openFileStorage(config), clock: systemClock, ids: uuidV7, drafter: null });
await app.http.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
const listener = await startSmtpListener(createInboundMailHandler(app.services, database.db), { host: '127.0.0.1', port: 0, maxBytes: 1 << 20, perSenderPerHour: 1_000_000, log });
const { services } = app;
const workspace = await services.workspaces.create({ name: 'Bench', slug: 'bench-channels' });
const agent = await services.agents.create(workspace.id, { email: 'lead@bench.example.com', name: 'Lead', role: 'admin', password: 'correct horse battery', skills: [] }, null);
const { token } = await services.auth.issue('api', workspace.id, { agentId: agent.id, name: 'bench' });
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
await services.channelSettings.create(workspace.id, { kind: 'email', name: 'Help', enabled: true, config: { addresses: ['help@bench.example.com'] } });
const APP_SECRET = 'bench-app-secret';
const whatsapp = await services.channelSettings.create(workspace.id, { kind: 'whatsapp', name: 'WhatsApp', enabled: true, config: { provider: 'whatsapp-cloud', phoneNumberId: '106540352242922', displayPhoneNumber: '+15550783881', accessToken: 'EAAGbenchbenchbench', appSecret: APP_SECRET, verifyToken: 'bench-verify' } });
const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 1, maxMessages: Infinity });

let n = 0;
const cases = {
  emailIn: async () => {
    await smtp.sendMail({ from: `customer${n % SENDERS}@mail.example.vn`, to: 'help@bench.example.com', subject: `Đơn hàng #${n}`, text: QUOTED });
  },
  whatsAppWebhookIn: async () => {
    const raw = JSON.stringify(whatsAppInboundPayload({ phoneNumberId: '106540352242922', displayPhoneNumber: '+15550783881', from: `+8490${String(1_000_000 + (n % SENDERS))}`, body: TEXT }));
    const res = await fetch(`${base}/api/v1/channels/${workspace.id}/${whatsapp.id}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsAppBody(raw, APP_SECRET) }, body: raw });
    if (res.status !== 200) throw new Error(`webhook ${res.status}: ${await res.text()}`);
  },
  apiBaseline: async () => {
    const res = await fetch(`${base}/api/v1/inbound-messages`, { method: 'POST', headers: auth, body: JSON.stringify({ channel: 'api', identity: { kind: 'external', value: `api-${n % SENDERS}` }, body: TEXT }) });
    if (res.status !== 201) throw new Error(`inbound ${res.status}: ${await res.text()}`);
  },
};

const samples: Record<keyof typeof cases, number[]> = { emailIn: [], whatsAppWebhookIn: [], apiBaseline: [] };
for (let run = 0; run < WARM_UP + RUNS; run++, n++) {
  for (const [name, work] of Object.entries(cases) as Array<[keyof typeof cases, () => Promise<void>]>) {
    const t0 = performance.now();
    await work();
    if (run >= WARM_UP) samples[name].push(performance.now() - t0);
  }
}

// Outbound: an agent's reply, from the POST to the mail arriving at the sink over SMTP.
const conversations = (await (await fetch(`${base}/api/v1/conversations?limit=200`, { headers: auth })).json()) as { items: Array<{ id: string; lastChannel: string }> };
const emailConversations = conversations.items.filter((c) => c.lastChannel === 'email');
const outbound: number[] = [];
for (let i = 0; i < Math.min(RUNS, 100); i++) {
  const conversation = emailConversations[i % emailConversations.length]!;
  const before = catcher.mails.length;
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/conversations/${conversation.id}/messages`, { method: 'POST', headers: auth, body: JSON.stringify({ body: `Dạ shop gửi lại đơn cho chị hôm nay (${i}).` }) });
  if (res.status !== 201) throw new Error(`reply ${res.status}`);
  while (catcher.mails.length === before) await new Promise((resolve) => setTimeout(resolve, 1));
  outbound.push(performance.now() - t0);
}

smtp.close();
await listener.close();
await app.http.close();
await services.deliveries.settled();
await mailer.close();
await catcher.close();
await database.close();

const stat = (s: number[]) => ({ medianMs: round(percentile(s, 0.5), 2), p95Ms: round(percentile(s, 0.95), 2) });
const summary = {
  settings: { runs: RUNS, warmUp: WARM_UP, senders: SENDERS, database: 'pglite (in memory)', outboundReplies: outbound.length },
  inbound: { emailOverSmtp: stat(samples.emailIn), whatsAppWebhook: stat(samples.whatsAppWebhookIn), apiBaseline: stat(samples.apiBaseline) },
  ratiosToApiBaseline: {
    emailOverSmtp: round(percentile(samples.emailIn, 0.5) / percentile(samples.apiBaseline, 0.5), 2),
    whatsAppWebhook: round(percentile(samples.whatsAppWebhookIn, 0.5) / percentile(samples.apiBaseline, 0.5), 2),
  },
  outbound: { emailReplyPostToSink: stat(outbound) },
};
console.log(JSON.stringify(summary, null, 2));
const target = new URL('./results/channels.json', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, `${JSON.stringify({ date: new Date().toISOString(), machine, ...summary }, null, 2)}\n`);
process.stderr.write(`wrote ${target.pathname}\n`);
