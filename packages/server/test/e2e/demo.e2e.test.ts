/// <reference lib="dom" />
// DOM types for the callbacks given to page.evaluate, which run in the browser.
// `/demo` right after `tandem start` on a fresh data folder: the path a new user takes.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readdir, readFile } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import { runCli, startServerProcess, stopProcess } from '../server-process.ts';
import { until } from '../poll.ts';
import type { Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, newDevice } from './browser.ts';
import { consoleParts, signIn } from './console-page.ts';

const skip = browserUnavailable();

describe('the demo storefront after a fresh start', { skip: skip ?? false, timeout: 180_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-demo-'));
  const server = await startServerProcess({ TANDEM_DATA_DIR: dataDir, TANDEM_DEMO: 'true' });
  after(async () => {
    await stopProcess(server.child);
    await rm(dataDir, { recursive: true, force: true });
  });
  const browser = await launchBrowser();

  /**
   * Signs in as the owner with the credentials `tandem start` printed, once for the whole file:
   * logins are limited to 10 a minute per address, and the tests below sign in several times.
   */
  let ownerSession: Promise<string> | undefined;
  const ownerCookie = (): Promise<string> => (ownerSession ??= login());
  async function login(): Promise<string> {
    const password = /password\s+(\S+)/.exec(server.stdout())![1];
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspace: 'demo', email: 'owner@demo.tandem.test', password }),
    });
    assert.equal(response.status, 200);
    return response.headers.get('set-cookie')!.split(';')[0]!;
  }

  async function say(page: Page, text: string): Promise<void> {
    await page.getByTestId('tandem-composer').fill(text);
    await page.getByTestId('tandem-composer').press('Enter');
  }

  it('shows a shop with the widget, and a visitor can write to the team', async () => {
    const { page, pageErrors, context } = await newDevice(browser);
    await page.goto(`${server.url}/demo?lang=vi`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await page.getByTestId('tandem-launcher').click();
    await page.getByTestId('tandem-panel').getByText('Lotus Tea House').waitFor();
    await page.getByTestId('tandem-composer').fill('Trà Thái Nguyên còn hàng không?');
    await page.getByTestId('tandem-composer').press('Enter');
    await page.locator('[data-testid="tandem-message"][data-status="sent"]').waitFor();
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it("the widget's search box answers from the help center first, and /help leads to it", async () => {
    const { page, context } = await newDevice(browser);
    await page.goto(`${server.url}/demo?lang=vi`);
    await page.getByTestId('tandem-launcher').click();
    await page.getByTestId('tandem-search').fill('quen mat khau');
    const result = page.locator(`a[href="${server.url}/help/demo/vi/articles/reset-password"]`);
    await result.waitFor();
    await page.goto(`${server.url}/help`);
    assert.match(page.url(), /\/help\/demo\/(en|vi|fa)$/);
    await page.getByRole('searchbox').fill('refund');
    await page.getByRole('searchbox').press('Enter');
    await page.getByRole('link', { name: /refund/i }).first().waitFor();
    await context.close();
  });

  it("the shop's proactive offer fires on /demo after the time the manager set, once per visit", async () => {
    // The manager shortens the demo rule from 20 s to 2 s (the console's rule form sends this PATCH).
    const cookie = await ownerCookie();
    const rules = (await (await fetch(`${server.url}/api/v1/proactive/rules`, { headers: { cookie } })).json()) as { items: Array<{ id: string; trigger: { kind: string } }> };
    const offer = rules.items.find((r) => r.trigger.kind === 'time_on_page')!;
    const patched = await fetch(`${server.url}/api/v1/proactive/rules/${offer.id}`, {
      method: 'PATCH',
      headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ trigger: { kind: 'time_on_page', seconds: 2, urlPattern: '/demo*' } }),
    });
    assert.equal(patched.status, 200);
    const { page, pageErrors, context } = await newDevice(browser);
    await page.goto(`${server.url}/demo?lang=en`);
    const card = page.getByTestId('tandem-proactive');
    await card.getByText('Looking for the right tea? I can help you choose.').waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'Which tea suits me?' }).waitFor();
    // The next page of the same visit: the cap holds.
    await page.goto(`${server.url}/demo?lang=vi`);
    await page.getByTestId('tandem-launcher').waitFor();
    await page.waitForTimeout(3_500);
    assert.equal(await card.count(), 0, 'one proactive message per visit');
    assert.deepEqual(pageErrors, []);
    await context.close();
    // Put the demo back as it was for the tests after this one.
    await fetch(`${server.url}/api/v1/proactive/rules/${offer.id}`, { method: 'PATCH', headers: { cookie, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify({ enabled: false }) });
  });

  it('a guide runs inside the widget, step by step, to the article that answers', async () => {
    const { page, context } = await newDevice(browser);
    await page.goto(`${server.url}/demo?lang=en`);
    await page.getByTestId('tandem-launcher').click();
    await page.getByTestId('tandem-guides').getByRole('button', { name: 'Where is my order?' }).click();
    const step = page.getByTestId('tandem-guide-step');
    await step.getByRole('button', { name: 'Shipped, on its way' }).click();
    // Each choice is answered by the server: wait for the next step's own choice, not any button.
    await step.getByRole('button', { name: 'I just want to follow my parcel' }).click();
    await step.getByRole('link', { name: /parcel|track/i }).waitFor();
    await context.close();
  });

  it('the bot runs the order-status flow in the widget, asks the shop backend, and hands off with what it learnt', async () => {
    const { page, pageErrors, context } = await newDevice(browser);
    await page.goto(`${server.url}/demo?lang=en`);
    await page.getByTestId('tandem-launcher').click();
    const panel = page.getByTestId('tandem-panel');
    await say(page, 'where is my order');
    await panel.getByText('What is your order number?').waitFor();
    await say(page, 'A-1042');
    // The flow called the demo shop's backend over signed HTTP and put its answer in the reply.
    await panel.getByText('Order A-1042: shipped, with the courier. Expected: 2 days.').waitFor();
    // Every bot message offers a person: pressing it hands off.
    await panel.getByRole('group', { name: 'Suggested replies' }).getByRole('button', { name: 'Talk to a person' }).click();
    // Routing gives it to an online agent who speaks English, and the customer is told who.
    const told = panel.locator('[data-author="bot"]').filter({ hasText: /will answer you here/ });
    await told.waitFor();
    const toldText = (await told.textContent())!;
    assert.deepEqual(pageErrors, []);
    await context.close();

    const cookie = await ownerCookie();
    const conversations = (await (await fetch(`${server.url}/api/v1/conversations?limit=50`, { headers: { cookie } })).json()) as { items: Array<{ id: string }> };
    const packets = await Promise.all(conversations.items.map(async (c) => ((await (await fetch(`${server.url}/api/v1/conversations/${c.id}/handoffs`, { headers: { cookie } })).json()) as { items: Array<{ packet: { slots: Record<string, unknown>; intents: Array<{ intent: string }> } }> }).items));
    const index = packets.findIndex((items) => items.some((h) => h.packet.slots.order_number === 'A-1042'));
    assert.ok(index >= 0, 'the handoff carries the order number the customer gave the bot');
    assert.equal(packets[index]![0]!.packet.intents[0]!.intent, 'order_status');
    const events = (await (await fetch(`${server.url}/api/v1/conversations/${conversations.items[index]!.id}/routing-events`, { headers: { cookie } })).json()) as { items: Array<{ kind: string; reason: string }> };
    const assigned = events.items.find((e) => e.kind === 'assigned');
    assert.ok(assigned, JSON.stringify(events.items));
    assert.match(assigned.reason, /skills en/);
    assert.ok(toldText.includes(/assigned to ([^:]+):/.exec(assigned.reason)![1]!), 'the customer hears the name routing chose');
  });

  it('in Persian the bot answers right to left, and a wrong order number gets a way forward', async () => {
    const { page, pageErrors, context } = await newDevice(browser);
    await page.goto(`${server.url}/demo?lang=fa`);
    await page.getByTestId('tandem-launcher').click();
    const panel = page.getByTestId('tandem-panel');
    await say(page, 'سفارش من کجاست؟');
    await panel.getByText('شماره سفارشتان چیست؟', { exact: false }).waitFor();
    await say(page, 'A-5555');
    await panel.getByText('سفارش A-5555 را پیدا نکردم', { exact: false }).waitFor();
    const choices = panel.getByRole('group', { name: 'پاسخ‌های پیشنهادی' }).getByRole('button');
    assert.deepEqual(await choices.allTextContents(), ['شماره دیگر', 'پرسیدن از همکار', 'صحبت با یک انسان']);
    await choices.first().click();
    await panel.getByText('شماره سفارشتان چیست؟', { exact: false }).nth(1).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('when every agent is busy, the customer sees their place in line and the expected wait', async () => {
    const cookie = await ownerCookie();
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}/api/v1${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const agents = ((await (await api('GET', '/routing/agents')).json()) as { items: Array<{ id: string; status: string }> }).items.filter((a) => a.status === 'online');
    assert.ok(agents.length >= 3, 'the demo has agents at work');
    for (const agent of agents) assert.equal((await api('PUT', `/agents/${agent.id}/presence`, { capacity: { voice: 1, live: 3, async: 0 } })).status, 200);
    try {
      const { page, context } = await newDevice(browser);
      await page.goto(`${server.url}/demo?lang=en`);
      await page.getByTestId('tandem-launcher').click();
      await say(page, 'I want to talk to a person');
      await page.getByTestId('tandem-waiting').filter({ hasText: /line\. Expected wait: about \d+ minutes?\./ }).waitFor();
      await context.close();
    } finally {
      for (const agent of agents) await api('PUT', `/agents/${agent.id}/presence`, { capacity: null });
    }
  });

  it('the signed-in shopper is identified with a hash computed by the server', async () => {
    const { page, context } = await newDevice(browser);
    await page.goto(`${server.url}/demo?lang=fa&as=shopper`);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.getByText('Trần Văn Minh').waitFor();
    await page.getByTestId('tandem-launcher').click();
    await page.getByTestId('tandem-composer').fill('سلام');
    await page.getByTestId('tandem-composer').press('Enter');
    await page.locator('[data-testid="tandem-message"][data-status="sent"]').waitFor();
    await context.close();

    // The owner, signing in with the credentials `tandem start` printed, sees who wrote.
    const cookie = await ownerCookie();
    const customers = (await (await fetch(`${server.url}/api/v1/customers?limit=50`, { headers: { cookie } })).json()) as { items: Array<{ name: string; identities: Array<{ kind: string; value: string }> }> };
    const shopper = customers.items.find((c: { identities: Array<{ kind: string; value: string }> }) => c.identities.some((i) => i.kind === 'external' && i.value === 'shop-user-4821'));
    assert.ok(shopper, 'the shopper was identified by the verified hash');
    assert.equal(shopper.name, 'Trần Văn Minh');
  });

  it('the owner `tandem start` printed signs in to the console and works a demo conversation', async () => {
    const password = /password\s+(\S+)/.exec(server.stdout())![1]!;
    assert.match(server.stdout(), new RegExp(`Console\\s+${server.url}/`));
    const { page, pageErrors, context } = await newDevice(browser);
    await signIn(page, server.url, { workspace: 'demo', email: 'owner@demo.tandem.test', password });
    await page.getByTestId('view-all').click();
    const parts = consoleParts(page);
    await parts.rows.filter({ hasText: 'Olivia Brown' }).click();
    await parts.thread.filter({ hasText: 'charged twice for the Pro plan' }).waitFor();
    await page.getByTestId('take').click();
    await page.getByTestId('take').waitFor({ state: 'detached' });
    await parts.composer.fill('Sorry about that, Olivia: the duplicate charge is refunded.');
    await parts.composer.press('Enter');
    await page.locator('[data-testid="thread-message"][data-author="agent"]').filter({ hasText: 'duplicate charge is refunded' }).waitFor();
    await page.getByTestId('view-mine').click();
    await parts.rows.filter({ hasText: 'Olivia Brown' }).waitFor();
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
  it('a customer emails the demo support address and gets the reply in the same thread; simulated SMS and WhatsApp show in the console', async () => {
    const password = /password\s+(\S+)/.exec(server.stdout())![1]!;
    const smtpPort = Number(/Email in\s+smtp:\/\/[\d.]+:(\d+)/.exec(server.stdout())![1]);
    const mail = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const sent = await mail.sendMail({ from: 'Phạm Hoa <hoa@example.vn>', to: 'support@demo.tandem.test', subject: 'Trà sen còn hàng không?', text: 'Shop còn trà sen không ạ?' });
    mail.close();
    const cookie = await ownerCookie();
    const get = async (path: string) => (await fetch(`${server.url}/api/v1${path}`, { headers: { cookie } })).json() as Promise<any>;
    const row = await until(async () => (await get('/inbox?limit=100')).items.find((r: any) => r.preview?.body === 'Shop còn trà sen không ạ?'));
    const reply = await fetch(`${server.url}/api/v1/conversations/${row.conversation.id}/messages`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ body: 'Dạ còn ạ, chị ghé shop nhé.' }),
    });
    assert.equal(reply.status, 201);
    // No SMTP_URL on a fresh install: the reply is written to the outbox, threaded under the customer's mail.
    const outbox = join(dataDir, 'outbox');
    const eml = await until(async () => {
      const names = await readdir(outbox).catch(() => [] as string[]);
      for (const name of names) {
        const text = await readFile(join(outbox, name), 'utf8');
        if (text.includes('hoa@example.vn')) return text;
      }
      return null;
    }, 10_000);
    assert.match(eml, new RegExp(`In-Reply-To: ${sent.messageId!.replace(/[.+]/g, '\\$&')}`));

    const simulate = (kind: string, from: string, text: string) =>
      runCli(['channels', 'simulate', kind, '--url', server.url, '--workspace', 'demo', '--email', 'owner@demo.tandem.test', '--password', password, '--from', from, '--text', text], {});
    const sms = await simulate('sms', '+84901112233', 'Tôi muốn đổi địa chỉ giao hàng');
    assert.equal(sms.code, 0, sms.stderr);
    const whatsapp = await simulate('whatsapp', '+989121112233', 'سفارشم کی می‌رسد؟');
    assert.equal(whatsapp.code, 0, whatsapp.stderr);
    const { page, pageErrors, context } = await newDevice(browser);
    await signIn(page, server.url, { workspace: 'demo', email: 'owner@demo.tandem.test', password });
    await page.getByTestId('view-all').click();
    const parts = consoleParts(page);
    await parts.rows.filter({ hasText: 'Tôi muốn đổi địa chỉ giao hàng' }).click();
    await parts.thread.filter({ hasText: 'Tôi muốn đổi địa chỉ giao hàng' }).waitFor();
    await parts.rows.filter({ hasText: 'سفارشم کی می‌رسد؟' }).click();
    await parts.thread.filter({ hasText: 'سفارشم کی می‌رسد؟' }).waitFor();
    assert.equal(await page.getByTestId('message-channel').last().textContent(), 'WhatsApp');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
  for (const [language, locale] of [['en', 'en-US'], ['fa', 'fa-IR']] as const) {
    it(`the owner reads the dashboards and the feedback inbox on the demo's history (${language})`, async () => {
      const password = /password\s+(\S+)/.exec(server.stdout())![1]!;
      const { page, pageErrors, context } = await newDevice(browser, { locale });
      await signIn(page, server.url, { workspace: 'demo', email: 'owner@demo.tandem.test', password });
      await page.goto(`${server.url}/analytics`);
      const main = page.locator('main.analytics');
      await main.waitFor();
      assert.equal(await main.getAttribute('dir'), language === 'fa' ? 'rtl' : 'ltr');
      const first = page.locator('.metric__value').first();
      await until(async () => ((await first.textContent()) ?? '').match(language === 'fa' ? /[۱-۹]/ : /[1-9]/), 15_000);
      await page.locator('.chart-card svg').first().waitFor();
      // Every chart's numbers as a table.
      await page.locator('.chart-card button[aria-pressed]').first().click();
      assert.ok((await page.locator('.chart-card table tbody tr').count()) > 0);
      await page.goto(`${server.url}/analytics/journeys`);
      await page.locator('.chart-card svg').first().waitFor();
      await page.goto(`${server.url}/feedback`);
      await page.getByTestId('feedback-item').first().waitFor();
      assert.deepEqual(pageErrors, []);
      await context.close();
    });
  }
});

if (skip) it(`browser tests skipped: ${skip}`, { skip });
