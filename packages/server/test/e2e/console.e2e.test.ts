/// <reference lib="dom" />
// A working day in miniature, in a real browser, in English and in Persian: a customer writes in
// the widget, the bot hands off, an agent sees the context packet, replies with a saved reply and
// a help-center link, leaves a note for a colleague and transfers; the colleague resolves.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { until } from '../poll.ts';
import { call, startTestApp, uniqueSlug, type TestApp } from '../harness.ts';
import { seedDemoWorkspace } from '../../src/admin/demo-seed.ts';
import { findWorkspaceBySlug } from '../../src/features/workspaces/workspace.store.ts';
import { listAgents } from '../../src/features/agents/agent.store.ts';
import { ARTIFACTS_DIR, browserUnavailable, launchBrowser, newDevice } from './browser.ts';
import { startHostSite } from './host-site.ts';
import { openAndSay, widget } from './widget-page.ts';
import { accessibilityViolations, consoleParts, signIn } from './console-page.ts';

const skip = browserUnavailable();

const SCRIPT = {
  en: { locale: 'en-US', dir: 'ltr', customer: 'Olivia Brown', ask: 'I was charged twice for my order. Can I talk to a person?', reply: 'Hi Olivia', note: 'please double-check the refund', handover: 'Over to you', resolved: 'Resolved', reason: 'The customer asked for a person' },
  fa: { locale: 'fa-IR', dir: 'rtl', customer: 'سارا احمدی', ask: 'دو بار از کارتم پول کم شده. می‌خواهم با یک همکار صحبت کنم', reply: 'سلام سارا', note: 'لطفاً بازپرداخت را دوباره بررسی کن', handover: 'بقیه‌اش با تو', resolved: 'حل‌شده', reason: 'مشتری خواست با یک نفر صحبت کند' },
} as const;

describe('the agent console, a day in miniature', { skip: skip ?? false, timeout: 300_000 }, async () => {
  const app = await startTestApp();
  const base = await app.listen();
  const site = await startHostSite(base);
  const browser = await launchBrowser();

  /** The demo shop, with only its owner at work: the Persian run has nobody who speaks Persian online. */
  async function shop(app: TestApp) {
    const demo = await seedDemoWorkspace(app.services, app.deps, { slug: uniqueSlug('demo') });
    const workspace = (await findWorkspaceBySlug(app.deps.db, demo.workspace))!;
    const agents = await listAgents(app.deps.db, workspace.id, null, 50);
    for (const agent of agents) await app.services.agentRouting.setPresence(workspace.id, agent.id, { status: agent.role === 'owner' ? 'online' : 'offline' });
    const colleague = await app.services.agents.create(workspace.id, { email: 'bahar@demo.tandem.test', name: 'Bahar Karimi', role: 'agent', password: 'bahar-password-1', skills: ['en', 'fa'] }, null);
    await app.services.agentRouting.setPresence(workspace.id, colleague.id, { status: 'online' });
    const owner = agents.find((a) => a.role === 'owner')!;
    await app.services.workspaces.update(workspace.id, { settings: { widgetOrigins: [site.origin] } });
    return { demo, workspace, owner, colleague };
  }

  for (const language of ['en', 'fa'] as const) {
    const script = SCRIPT[language];
    it(`works in ${language === 'en' ? 'English' : 'Persian'}`, async () => {
      const { demo, workspace, owner, colleague } = await shop(app);
      // Only the colleague may take new work while the owner is busy: make the owner the one routing picks.
      await app.services.agentRouting.setPresence(workspace.id, colleague.id, { status: 'away' });

      // 1. The customer asks the bot for a person.
      const customer = await newDevice(browser, { locale: script.locale });
      await customer.page.goto(site.page(`/${language}-day`, { workspaceId: workspace.id, lang: language, dir: script.dir, locale: language }));
      await openAndSay(customer.page, script.ask);
      const conversation = await until(async () => {
        const listed = await app.services.conversations.list(workspace.id, {}, { before: null, limit: 50 });
        // The demo's generated history is all resolved: the customer's new conversation is the open one.
        return listed.find((c) => c.handler !== 'bot' && c.channels.includes('web') && c.status !== 'resolved');
      }, 10_000);
      await app.services.customers.update(workspace.id, conversation.customerId, { name: script.customer });

      // 2. The owner signs in; in English routing gave it to them, in Persian it waits for someone to accept.
      const agent = await newDevice(browser, { locale: script.locale, bypassCSP: true });
      await signIn(agent.page, base, demo);
      assert.equal(await agent.page.locator('html').getAttribute('dir'), script.dir);
      const a = consoleParts(agent.page);
      if (language === 'fa') await agent.page.getByTestId('view-unassigned').click();
      await a.row(conversation.id).click();
      if (language === 'fa') await agent.page.getByTestId('take').click();
      await until(async () => ((await app.services.conversations.get(workspace.id, conversation.id)).assigneeId === owner.id ? true : null), 10_000);

      // 3. The context packet is on top: nobody asks the customer again.
      await a.packet.waitFor();
      assert.ok((await a.packet.textContent())?.includes(script.reason), 'the reason, in the agent’s language');
      await a.thread.filter({ hasText: script.ask }).first().waitFor();
      await agent.page.getByTestId('kb-suggestions').waitFor();
      assert.deepEqual(await accessibilityViolations(agent.page), [], 'keyboard, names, contrast: WCAG 2.1 AA');

      // 4. A saved reply (the customer's name filled in) and a help-center link, in one message.
      await a.composer.click();
      await a.composer.pressSequentially('/refund');
      await a.suggestions.getByText('/refund').first().waitFor();
      await customer.page.getByTestId('tandem-typing').waitFor(); // "agent is typing", on the customer's side
      await a.composer.press('Enter');
      assert.match(await a.composer.inputValue(), new RegExp(`^${script.reply}`));
      await agent.page.getByTestId('kb-insert-link').first().click();
      const draft = await a.composer.inputValue();
      assert.match(draft, /\]\(http:\/\/127\.0\.0\.1:\d+\/help\//, 'a Markdown link to the help center');
      await a.composer.press('Enter');
      await widget(customer.page).messages.filter({ hasText: script.reply }).waitFor();

      // 5. A private note mentioning the colleague, then the transfer with a note.
      await agent.page.getByTestId('mode-note').click();
      await a.composer.fill(`@bahar ${script.note}`);
      await a.composer.press('Enter');
      await agent.page.locator('[data-testid="thread-message"][data-private="true"]').filter({ hasText: script.note }).waitFor();
      await agent.page.getByTestId('transfer').click();
      await agent.page.getByTestId('transfer-agent').selectOption(colleague.id);
      await agent.page.getByTestId('transfer-note').fill(script.handover);
      await app.services.agentRouting.setPresence(workspace.id, colleague.id, { status: 'online' });
      await agent.page.getByTestId('transfer-submit').click();
      await until(async () => ((await app.services.conversations.get(workspace.id, conversation.id)).assigneeId === colleague.id ? true : null), 10_000);
      if (language === 'fa') await agent.page.screenshot({ path: fileURLToPath(new URL('console-fa-rtl.png', ARTIFACTS_DIR)), fullPage: true });

      // 6. The colleague finds it in Mine and in Mentions, reads the note, and resolves it with the keyboard.
      const second = await newDevice(browser, { locale: script.locale });
      await signIn(second.page, base, { workspace: demo.workspace, email: 'bahar@demo.tandem.test', password: 'bahar-password-1' });
      await second.page.getByTestId('view-mentions').click();
      const b = consoleParts(second.page);
      await b.row(conversation.id).click();
      await b.thread.filter({ hasText: script.note }).waitFor();
      await b.thread.filter({ hasText: script.handover }).waitFor();
      await second.page.locator('body').press('e');
      await second.page.locator('[data-testid="conversation"][data-status="resolved"]').waitFor();
      assert.equal((await second.page.getByTestId('conversation-status').textContent())?.trim(), script.resolved);
      assert.equal((await app.services.conversations.get(workspace.id, conversation.id)).status, 'resolved');

      const sent = await call(app, 'GET', `/api/v1/conversations/${conversation.id}/messages`, { token: (await app.services.auth.issue('api', workspace.id, { agentId: owner.id })).token });
      const replies = (sent.body.items as Array<{ author: string; private: boolean; body: string }>).filter((m) => m.author === 'agent' && !m.private);
      assert.equal(replies.length, 1, 'the reply was stored once');
      for (const device of [customer, agent, second]) assert.deepEqual(device.pageErrors, []);
      await Promise.all([customer.context.close(), agent.context.close(), second.context.close()]);
    });
  }

  it('an expired session returns to sign-in and keeps the draft; too long a reply is refused inline', async () => {
    const { demo, workspace } = await shop(app);
    const [conversation] = await app.services.conversations.list(workspace.id, {}, { before: null, limit: 1 });
    const { page, context, pageErrors } = await newDevice(browser);
    await signIn(page, base, demo);
    await page.goto(`${base}/inbox/all/${conversation!.id}`);
    const parts = consoleParts(page);
    // A saved filter is kept on the server and becomes a view of its own.
    await page.locator('.filter-bar__filters summary').click();
    await page.getByRole('checkbox', { name: 'Open' }).check();
    await page.getByRole('checkbox', { name: 'High income: hybrid service' }).waitFor(); // segments by their names in the agent's language
    await page.getByRole('button', { name: 'Save this filter' }).click();
    await page.getByTestId('filter-name').fill('Open ones');
    await page.getByTestId('filter-name').press('Enter');
    await page.getByRole('link', { name: 'Open ones' }).click();
    await page.waitForURL(/\/inbox\/saved-[0-9a-f-]{36}$/);
    await page.goto(`${base}/inbox/all/${conversation!.id}`);
    await parts.composer.fill('A draft that must outlive the session');
    await page.waitForLoadState('networkidle');
    // The session ends elsewhere (signed out on another tab, or expired): the next request learns it.
    // Usually that is the click; a request the page makes by itself in between may learn it first.
    assert.equal((await context.request.post(`${base}/api/v1/auth/logout`)).status(), 200);
    const ended = page.getByRole('status').filter({ hasText: 'Your session ended' });
    await Promise.race([page.getByTestId('resolve').click().catch(() => undefined), ended.waitFor()]);
    await ended.waitFor();
    await page.locator('input[name="email"]').fill(demo.email);
    await page.locator('input[name="password"]').fill(demo.password);
    await page.locator('button[type="submit"]').click();
    await parts.composer.waitFor();
    assert.equal(new URL(page.url()).pathname, `/inbox/all/${conversation!.id}`);
    assert.equal(await parts.composer.inputValue(), 'A draft that must outlive the session');
    assert.equal((await app.services.conversations.get(workspace.id, conversation!.id)).status, 'open', 'the refused click changed nothing');

    await parts.composer.fill('x'.repeat(10_001));
    await page.getByRole('alert').filter({ hasText: 'Too long' }).waitFor();
    assert.equal(await page.getByTestId('send').isDisabled(), true);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
