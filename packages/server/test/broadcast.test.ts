// A broadcast to 10,000 customers over real email (SMTP on loopback) and SMS (a Twilio
// stand-in over HTTP), with the server replaced mid-broadcast by a fresh one on the same
// database: every recipient ends with a status, opt-outs and the unreachable are skipped with
// the reason, and nobody receives the notice twice.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { createInProcessBus } from '../src/adapters/bus/in-process.bus.ts';
import { openMailer } from '../src/main.ts';
import { createDiskFileStorage } from '../src/adapters/files/disk.file-storage.ts';
import { createAnswerDrafter } from '../src/adapters/llm/answer-drafter.ts';
import { uuidV7 } from '../src/platform/clock.ts';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/adapters/postgres/database.ts';
import { contactPreferences, customers, identities } from '../src/adapters/postgres/schema.ts';
import type { ServiceDeps } from '../src/platform/deps.ts';
import { call, createWorkspace, openTestDatabase, TEST_DATABASE_URL, type TestApp } from './harness.ts';
import { startMailCatcher } from './mail-catcher.ts';
import { FAKE_CREDENTIALS, startFakeProviders } from './fake-providers.ts';
import { until } from './poll.ts';

const EACH = Number(process.env.BROADCAST_TEST_EACH ?? 5000);
const catcher = await startMailCatcher();
const providers = await startFakeProviders();
const database = await openTestDatabase();
const dataDir = await mkdtemp(join(tmpdir(), 'tandem-broadcast-'));
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
// The rate limit counts sends in the last minute: moving this clock on opens the next minute.
let clockOffsetMs = 0;
const clock = () => new Date(Date.now() + clockOffsetMs);

async function startServer() {
  const config = loadConfig({ LOG_LEVEL: 'silent', TANDEM_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '100000', TANDEM_DATA_DIR: dataDir, SMTP_URL: catcher.url });
  const bus = createInProcessBus(log);
  const mailer = openMailer(config, log);
  const deps: ServiceDeps = { config, log, db: database.db, bus, mailer, files: createDiskFileStorage(join(dataDir, 'files')), clock, ids: uuidV7, drafter: createAnswerDrafter(config, log) };
  const app = await createApp(deps);
  const url = await app.http.listen({ host: '127.0.0.1', port: 0 });
  app.services.publicUrl.listeningAt(url);
  return {
    app: { ...app, deps, database, url: () => url, listen: async () => url } satisfies TestApp,
    /** What SIGTERM does: stop taking work, finish what is in flight, close. */
    async stop() {
      await app.http.close();
      await app.services.passes.stop();
      await app.services.broadcasts.settled();
      await app.services.deliveries.settled();
      await bus.close();
      await mailer.close();
    },
  };
}

after(async () => {
  await database.close();
  await catcher.close();
  await providers.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('broadcasts', () => {
  it(`reach ${EACH * 2} customers over email and SMS exactly once across a restart, honouring opt-outs`, { timeout: 900_000 }, async () => {
    let server = await startServer();
    const ws = await createWorkspace(server.app);
    const email = await call(server.app, 'POST', '/api/v1/channels', { token: ws.tokens.admin, body: { kind: 'email', name: 'Notices', config: { addresses: [`notices@${ws.slug}.example`], senderName: 'Lotus' } } });
    assert.equal(email.status, 201, JSON.stringify(email.body));
    const sms = await call(server.app, 'POST', '/api/v1/channels', { token: ws.tokens.admin, body: { kind: 'sms', name: 'SMS', config: { provider: 'twilio', accountSid: FAKE_CREDENTIALS.twilioAccountSid, authToken: FAKE_CREDENTIALS.twilioAuthToken, phoneNumber: '+15005550006', apiBaseUrl: providers.baseUrl } } });
    assert.equal(sms.status, 201, JSON.stringify(sms.body));

    // The customers: half by email, half by phone; 10 opted out, 10 only ever seen in the widget.
    const now = new Date();
    const people = Array.from({ length: EACH * 2 + 10 }, (_, i) => ({ id: uuidV7(), i }));
    for (let at = 0; at < people.length; at += 1000) {
      const chunk = people.slice(at, at + 1000);
      await database.db.insert(customers).values(chunk.map((p) => ({ workspaceId: ws.id, id: p.id, name: `Customer ${p.i}`, consent: { automation: true, behaviour: false, marketing: false }, createdAt: now, updatedAt: now })));
      await database.db.insert(identities).values(chunk.map((p) => ({
        workspaceId: ws.id, id: uuidV7(), customerId: p.id, createdAt: now,
        ...(p.i >= EACH * 2 ? { kind: 'web', value: randomUUID() } : p.i % 2 === 0 ? { kind: 'email', value: `c${p.i}@${ws.slug}.example` } : { kind: 'phone', value: `+1555${String(p.i).padStart(7, '0')}` }),
      })));
    }
    const optedOut = people.slice(0, 10);
    await database.db.insert(contactPreferences).values(optedOut.map((p) => ({ workspaceId: ws.id, customerId: p.id, noticesOptedOut: true, updatedAt: now })));

    const created = await call(server.app, 'POST', '/api/v1/broadcasts', { token: ws.tokens.admin, body: {
      // Half the audience per minute: the first minute's sends go out, then the server is replaced.
      name: 'Outage', audience: { kind: 'all' }, channels: ['email', 'sms'], ratePerMinute: EACH,
      message: { text: { en: 'Payments are down; we are on it.', vi: 'Thanh toán đang gián đoạn.' }, subject: 'Service notice' },
    } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    const progress = async () => (await call(server.app, 'GET', `/api/v1/broadcasts/${id}`, { token: ws.tokens.admin })).body as { status: string; counts: Record<string, number> };

    // Mid-broadcast: this minute's share handed to the channels (some still going out), the rest waiting.
    const handed = (counts: Record<string, number>) => Object.entries(counts).filter(([s]) => s !== 'pending' && s !== 'skipped').reduce((n, [, c]) => n + c, 0);
    await until(async () => handed((await progress()).counts) >= EACH || null, 120_000);
    const before = await progress();
    assert.ok((before.counts.pending ?? 0) >= EACH - 20, `still sending when stopped: ${JSON.stringify(before.counts)}`);
    await server.stop();
    clockOffsetMs += 61_000;
    server = await startServer();
    await server.app.services.broadcasts.pass(ws.id);

    const started = Date.now();
    await until(async () => {
      const p = await progress();
      return (p.status === 'done' && !p.counts.queued) || null;
    }, 600_000);
    await server.app.services.deliveries.settled();
    const done = await progress();
    log.info({ counts: done.counts, afterRestartMs: Date.now() - started }, 'broadcast finished');

    // What reached the wire, for this workspace's customers. (On a shared PostgreSQL, another test
    // file's server may send some of these jobs to its own sink, and this one some of theirs: every
    // process serves every workspace, as in production. The jobs table says what was sent.)
    const address = (p: { i: number }) => (p.i % 2 === 0 ? `c${p.i}@${ws.slug}.example` : `+1555${String(p.i).padStart(7, '0')}`);
    const ours = new Set(people.filter((p) => p.i < EACH * 2).map(address));
    const sentTo = new Map<string, number>();
    const wire = [...catcher.mails.flatMap((m) => m.to), ...providers.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/Messages.json')).map((r) => (r.body as { To: string }).To)];
    for (const to of wire.filter((a) => ours.has(a))) sentTo.set(to, (sentTo.get(to) ?? 0) + 1);
    assert.deepEqual([...sentTo].filter(([, n]) => n > 1), [], 'nobody gets the notice twice');
    assert.deepEqual(optedOut.map(address).filter((a) => sentTo.has(a)), [], 'nobody who opted out gets it');
    if (!TEST_DATABASE_URL) assert.equal(sentTo.size, EACH * 2 - optedOut.length, 'everyone reachable and not opted out got it');
    // One send job per recipient, each sent (a send that failed for a moment is retried: that is a
    // second attempt, not a second message, as the wire above shows).
    const jobs = rowsOf<{ status: string; n: number }>(await database.db.execute(sql`
      SELECT status, count(*)::int AS n FROM deliveries WHERE workspace_id = ${ws.id} GROUP BY status`));
    assert.deepEqual(jobs, [{ status: 'sent', n: EACH * 2 - optedOut.length }], 'one send job per recipient, all sent');
    assert.deepEqual(done.counts, { sent: EACH * 2 - optedOut.length, skipped: 20 });

    const skipped = (await call(server.app, 'GET', `/api/v1/broadcasts/${id}/recipients?status=skipped&limit=50`, { token: ws.tokens.admin })).body.items as Array<{ customerId: string; reason: string }>;
    assert.deepEqual(skipped.map((s) => s.reason).sort(), [...Array(10).fill('opted_out'), ...Array(10).fill('unreachable')]);
    assert.ok(skipped.filter((s) => s.reason === 'opted_out').every((s) => optedOut.some((p) => p.id === s.customerId)));
    const mail = catcher.mails[0]!;
    assert.match(mail.text, /Payments are down/);
    assert.match(mail.text, /\/unsubscribe\//, 'every notice by email carries its opt-out link');
    await server.stop();
  });
});
