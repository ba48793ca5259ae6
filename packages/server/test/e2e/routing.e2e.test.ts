// Routing as a customer sees it in a real browser: their place in line and the expected wait,
// and the pre-chat choice of topic and of a person, which decides who answers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { until } from '../poll.ts';
import { call, startTestApp } from '../harness.ts';
import { browserUnavailable, launchBrowser, newDevice } from './browser.ts';
import { startHostSite } from './host-site.ts';
import { openAndSay, shopWorkspace, widget } from './widget-page.ts';

const skip = browserUnavailable();

describe('routing in the widget', { skip: skip ?? false, timeout: 180_000 }, async () => {
  const app = await startTestApp();
  const api = await app.listen();
  const site = await startHostSite(api);
  const browser = await launchBrowser();

  const shop = () => shopWorkspace(app, site.origin);

  it('a waiting customer sees their place in line and the expected wait (in Persian), until an agent takes it', async () => {
    const ws = await shop();
    // The only agent is online but full: the conversation waits.
    const full = await call(app, 'PUT', '/api/v1/agents/me/presence', { token: ws.tokens.agent, body: { status: 'online', capacity: { voice: 1, live: 3, async: 0 } } });
    assert.equal(full.status, 200, JSON.stringify(full.body));
    const { page, context } = await newDevice(browser, { locale: 'fa-IR' });
    await page.goto(site.page('/fa-queue', { workspaceId: ws.id, lang: 'fa', dir: 'rtl' }));
    await openAndSay(page, 'می‌خواهم با یک همکار صحبت کنم');
    const waiting = page.getByTestId('tandem-waiting');
    // One online agent, no history yet: about one handling time (5 minutes) for the one ahead in line.
    await waiting.filter({ hasText: 'نفر بعدی شما هستید.' }).filter({ hasText: 'زمان انتظار تقریبی: ۵ دقیقه.' }).waitFor();
    const [conversation] = (await call(app, 'GET', '/api/v1/conversations', { token: ws.tokens.agent })).body.items as Array<{ id: string; customerId: string }>;
    const queue = (await call(app, 'GET', '/api/v1/routing/queue', { token: ws.tokens.agent })).body.items as Array<{ conversationId: string; position: number; expectedWaitSeconds: number }>;
    assert.deepEqual(queue, [{ conversationId: conversation!.id, customerId: conversation!.customerId, position: 1, expectedWaitSeconds: 300, opensAt: null }]);
    // The owner takes it from the queue: the customer's waiting line goes away.
    const accepted = await call(app, 'POST', `/api/v1/conversations/${conversation!.id}/accept`, { token: ws.tokens.owner });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    await waiting.waitFor({ state: 'detached' });
    await context.close();
  });

  it('before writing, the customer picks a topic and a person; the topic’s team answers (in Vietnamese)', async () => {
    const ws = await shop();
    const billing = (await call(app, 'POST', '/api/v1/teams', { token: ws.tokens.admin, body: { name: 'Billing', agentIds: [ws.agentIds.agent] } })).body as { id: string };
    const settings = { prechat: { chooseBotOrPerson: true, topics: [
      { key: 'orders', label: { en: 'My order', vi: 'Đơn hàng' }, teamId: null },
      { key: 'billing', label: { en: 'Payments', vi: 'Thanh toán' }, teamId: billing.id },
    ] }, bot: { enabled: true, strategy: 'bot-first', threshold: null } };
    const saved = await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    await call(app, 'PUT', '/api/v1/agents/me/presence', { token: ws.tokens.agent, body: { status: 'online' } });
    const { page, context } = await newDevice(browser, { locale: 'vi-VN' });
    await page.goto(site.page('/vi-prechat', { workspaceId: ws.id, locale: 'vi', lang: 'vi' }));
    await widget(page).launcher.click();
    const prechat = page.getByTestId('tandem-prechat');
    await prechat.getByRole('button', { name: 'Thanh toán' }).click();
    await prechat.getByRole('button', { name: 'Nhân viên' }).click();
    assert.equal(await prechat.getByRole('button', { name: 'Thanh toán' }).getAttribute('aria-pressed'), 'true');
    await openAndSay(page, 'Tôi bị trừ tiền hai lần');
    await page.locator('[data-testid="tandem-message"][data-status="sent"]').waitFor();
    await prechat.waitFor({ state: 'detached' });
    // The message shows as sent when the server has stored it; routing follows right after.
    const conversation = await until(async () => {
      const [c] = (await call(app, 'GET', '/api/v1/conversations', { token: ws.tokens.agent })).body.items as Array<{ id: string; teamId: string; handler: string; assigneeId: string }>;
      return c?.handler === 'agent' ? c : null;
    });
    assert.deepEqual([conversation.teamId, conversation.assigneeId], [billing.id, ws.agentIds.agent], 'no bot turn: a person from Billing has it');
    await context.close();
  });
});

if (skip) it(`browser tests skipped: ${skip}`, { skip });
