/// <reference lib="dom" />
// Personal data on the demo workspace after a fresh start, in real Chromium: a visitor declines
// the assistant and writes a card number; the owner sees it masked, reveals it (audited), exports
// the customer's data and erases the customer. The demo masks personal data for agents out of the box.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServerProcess, stopProcess } from '../server-process.ts';
import { until } from '../poll.ts';
import { browserUnavailable, launchBrowser, newDevice } from './browser.ts';
import { consoleParts, openSignedIn, sessionCookieHeader, signIn } from './console-page.ts';
import { widget } from './widget-page.ts';

const skip = browserUnavailable();

const CARD = '4111 1111 1111 1111';
const PHONE_FA = '۰۹۱۲۱۲۳۴۵۶۷';

interface ApiMessage { id: string; author: string; body: string; masked?: boolean }
interface ApiConversation { id: string; customerId: string; channels: string[] }

describe('personal data on the demo workspace', { skip: skip ?? false, timeout: 120_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-privacy-'));
  const server = await startServerProcess({ TANDEM_DATA_DIR: dataDir, TANDEM_DEMO: 'true' });
  after(async () => {
    await stopProcess(server.child);
    await rm(dataDir, { recursive: true, force: true });
  });
  const browser = await launchBrowser();

  /**
   * The owner's console in a fresh device. The first signs in through the form with the
   * credentials `tandem start` printed; later ones reuse that session (10 sign-ins a minute).
   */
  let cookie: string | undefined;
  async function ownerConsole(locale: string) {
    const device = await newDevice(browser, { locale });
    if (cookie) {
      await openSignedIn(device.page, server.url, cookie);
    } else {
      const password = /password\s+(\S+)/.exec(server.stdout())![1]!;
      await signIn(device.page, server.url, { workspace: 'demo', email: 'owner@demo.tandem.test', password });
      cookie = await sessionCookieHeader(device.page, server.url);
    }
    return device;
  }
  const api = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${server.url}/api/v1${path}`, { headers: { cookie: cookie! } });
    return { status: response.status, body: (await response.json()) as T };
  };

  /** A visitor on the storefront who switches off "Let the assistant answer me", then writes `text`. */
  async function visitorWithoutAssistant(page: Page, options: { lang: 'en' | 'fa'; assistantSwitch: string; saved: string; text: string; handedOff: RegExp }) {
    const w = widget(page);
    await page.goto(`${server.url}/demo?lang=${options.lang}`);
    await w.launcher.click();
    await page.getByTestId('tandem-privacy-open').click();
    const automation = page.getByRole('switch', { name: options.assistantSwitch });
    assert.equal(await automation.getAttribute('aria-checked'), 'true', 'the assistant answers unless the visitor says no');
    await automation.click();
    await page.getByTestId('tandem-privacy-status').filter({ hasText: options.saved }).waitFor();
    assert.equal(await automation.getAttribute('aria-checked'), 'false');
    await page.getByTestId('tandem-privacy-back').click();
    await w.composer.fill(options.text);
    await w.composer.press('Enter');
    // No answer from the assistant: only the notice that a person takes it from here.
    const notice = w.panel.locator('[data-author="bot"]').filter({ hasText: options.handedOff });
    await notice.waitFor();
    assert.equal(await w.panel.locator('[data-author="bot"]').count(), 1, 'the assistant said nothing else');
  }

  /** The open web conversation whose customer message reads `masked` through the agent API. */
  async function conversationWith(masked: string) {
    return until(async () => {
      const open = (await api<{ items: ApiConversation[] }>('/conversations?status=open&limit=50')).body.items.filter((c) => c.channels.includes('web'));
      for (const conversation of open) {
        const messages = (await api<{ items: ApiMessage[] }>(`/conversations/${conversation.id}/messages`)).body.items;
        const message = messages.find((m) => m.author === 'customer' && m.body.includes(masked));
        if (message) return { conversation, message };
      }
      return null;
    }, 10_000);
  }

  async function assertHandedOffForConsent(conversationId: string) {
    const handoffs = (await api<{ items: Array<{ reason: string }> }>(`/conversations/${conversationId}/handoffs`)).body.items;
    assert.equal(handoffs[0]?.reason, 'no_automation_consent');
  }

  it('a card number is masked for the owner, revealed on request with an audit entry, exported, then erased with the customer', async () => {
    const visitor = await newDevice(browser);
    await visitorWithoutAssistant(visitor.page, {
      lang: 'en', assistantSwitch: 'Let the assistant answer me', saved: 'Saved.', text: `My card ${CARD} was charged twice`, handedOff: /passing you to a person/,
    });
    assert.deepEqual(visitor.pageErrors, []);
    await visitor.context.close();

    const { page, pageErrors, context } = await ownerConsole('en-US');
    const { conversation, message } = await conversationWith('[card ••1111]');
    assert.equal(message.body, 'My card [card ••1111] was charged twice');
    assert.equal(message.masked, true);
    await assertHandedOffForConsent(conversation.id);

    // The conversation, as the owner sees it: masked, with the customer's choice beside it.
    const parts = consoleParts(page);
    await page.getByTestId('view-all').click();
    await parts.row(conversation.id).click();
    const shown = page.locator(`[data-testid="thread-message"][data-message-id="${message.id}"]`);
    await shown.filter({ hasText: '[card ••1111]' }).waitFor();
    assert.ok(!(await shown.textContent())!.includes(CARD), 'the number is not on the page');
    const customer = page.getByTestId('customer-panel');
    await customer.getByText('Automated answers: no').waitFor();

    // Revealed from the keyboard, for this view only, and recorded.
    const reveal = shown.getByRole('button', { name: 'Show personal data' });
    await reveal.focus();
    await page.keyboard.press('Enter');
    await shown.filter({ hasText: `My card ${CARD} was charged twice` }).waitFor();
    await shown.getByText('Shown to you; this was recorded.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Shown to you; this was recorded.', 'the keyboard focus moves to the note');
    const audit = (await api<{ items: Array<{ action: string; targetId: string; data: Record<string, unknown> }> }>('/audit-entries?limit=100')).body.items;
    const entry = audit.find((e) => e.action === 'message.personal_data_revealed' && e.targetId === message.id);
    assert.deepEqual(entry?.data, { conversationId: conversation.id, kinds: ['card'] });

    // Export: the browser downloads what is stored, unmasked (it is the customer's own data).
    const [download] = await Promise.all([page.waitForEvent('download'), customer.getByRole('button', { name: 'Export data' }).click()]);
    assert.equal(download.suggestedFilename(), `customer-${conversation.customerId}.json`);
    const exported = await readFile((await download.path())!, 'utf8');
    assert.equal((JSON.parse(exported) as { format: string }).format, 'tandem.customer-export.v1');
    assert.ok(exported.includes(`My card ${CARD} was charged twice`), 'the export holds the message as written');

    // Erasure: confirmed, then run by the server's periodic pass while the panel follows it.
    await customer.getByRole('button', { name: 'Erase customer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Visitor?' });
    await dialog.getByRole('button', { name: 'Erase', exact: true }).click();
    await customer.getByText(/^Erased on /).waitFor({ timeout: 20_000 });
    const report = customer.getByLabel('Removed or anonymized');
    assert.equal(await report.getByText('Conversations', { exact: true }).locator('xpath=following-sibling::dd').textContent(), '1');
    await customer.getByText('This customer’s personal data was erased.').waitFor();

    assert.equal((await api(`/conversations/${conversation.id}`)).status, 404);
    const inbox = (await api<{ items: Array<{ conversation: { id: string } }> }>('/inbox?limit=100')).body.items;
    assert.ok(!inbox.some((row) => row.conversation.id === conversation.id), 'gone from the inbox');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('in Persian, a phone number in Persian digits is masked and revealed right to left', async () => {
    const visitor = await newDevice(browser, { locale: 'fa-IR' });
    await visitorWithoutAssistant(visitor.page, {
      lang: 'fa', assistantSwitch: 'دستیار بتواند به من پاسخ دهد', saved: 'ذخیره شد.', text: `شماره من ${PHONE_FA} است`, handedOff: /شما را به یک همکار می‌سپارم/,
    });
    assert.equal(await visitor.page.locator('html').getAttribute('dir'), 'rtl');
    assert.deepEqual(visitor.pageErrors, []);
    await visitor.context.close();

    const { page, pageErrors, context } = await ownerConsole('fa-IR');
    const { conversation, message } = await conversationWith('[phone]');
    assert.equal(message.body, 'شماره من [phone] است');
    await assertHandedOffForConsent(conversation.id);

    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.getByTestId('view-all').click();
    await consoleParts(page).row(conversation.id).click();
    const shown = page.locator(`[data-testid="thread-message"][data-message-id="${message.id}"]`);
    await shown.filter({ hasText: '[phone]' }).waitFor();
    const reveal = shown.getByRole('button', { name: 'نمایش اطلاعات شخصی' });
    // Right to left: the button sits at the message's inline start, its right edge.
    const [box, button] = [(await shown.boundingBox())!, (await reveal.boundingBox())!];
    assert.ok(box.x + box.width - (button.x + button.width) < 30, `the button starts at the right (${JSON.stringify({ box, button })})`);
    await reveal.click();
    await shown.filter({ hasText: `شماره من ${PHONE_FA} است` }).waitFor();
    await shown.getByText('فقط برای شما نمایش داده شد؛ این کار ثبت شد.').waitFor();
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});

if (skip) it(`browser tests skipped: ${skip}`, { skip });
