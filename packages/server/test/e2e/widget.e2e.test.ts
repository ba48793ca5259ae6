/// <reference lib="dom" />
// DOM types for the callbacks given to page.evaluate, which run in the browser.
import { after, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { call, startTestApp, type TestWorkspace } from '../harness.ts';
import { startMailCatcher } from '../mail-catcher.ts';
import { identityHash } from '../../src/features/widget/identify.service.ts';
import { ARTIFACTS_DIR, browserUnavailable, launchBrowser, newDevice } from './browser.ts';
import { startHostSite } from './host-site.ts';
import { openAndSay, shopWorkspace, widget } from './widget-page.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const skip = browserUnavailable();

describe('the widget in a real browser', { skip: skip ?? false, timeout: 180_000 }, async () => {
  const smtp = await startMailCatcher();
  after(() => smtp.close());
  const app = await startTestApp({ env: { SMTP_URL: smtp.url } });
  const api = await app.listen();
  const site = await startHostSite(api);
  const browser = await launchBrowser();

  const shop = () => shopWorkspace(app, site.origin);

  async function conversationsOf(ws: TestWorkspace) {
    return (await call(app, 'GET', '/api/v1/conversations', { token: ws.tokens.agent })).body.items as Array<{ id: string; customerId: string }>;
  }

  async function messagesOf(ws: TestWorkspace, conversationId: string) {
    return (await call(app, 'GET', `/api/v1/conversations/${conversationId}/messages`, { token: ws.tokens.agent })).body.items as Array<{ body: string; author: string }>;
  }

  async function waitForStored(ws: TestWorkspace, count: number) {
    for (let i = 0; i < 100; i++) {
      const [conversation] = await conversationsOf(ws);
      if (conversation && (await messagesOf(ws, conversation.id)).length >= count) return conversation;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`fewer than ${count} messages stored`);
  }

  it('a customer and an agent talk live, with no page errors', async () => {
    const ws = await shop();
    const { page, pageErrors, context } = await newDevice(browser);
    await page.goto(site.page('/talk', { workspaceId: ws.id }));
    await openAndSay(page, 'Hello, where is my order #4821?');
    const conversation = await waitForStored(ws, 1);
    await widget(page).messages.filter({ hasText: '#4821' }).and(page.locator('[data-status="sent"], [data-status="seen"]')).waitFor();
    await call(app, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { token: ws.tokens.agent, body: { body: 'It ships tomorrow.' } });
    await widget(page).messages.filter({ hasText: 'It ships tomorrow.' }).waitFor();
    assert.equal(await page.locator('[data-author="agent"]').count(), 1);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('a reload resumes the conversation, and a reply while away shows as unread', async () => {
    const ws = await shop();
    const { page, context } = await newDevice(browser);
    const url = site.page('/resume', { workspaceId: ws.id });
    await page.goto(url);
    await openAndSay(page, 'First question');
    const conversation = await waitForStored(ws, 1);
    await page.reload();
    await widget(page).launcher.click();
    await widget(page).messages.filter({ hasText: 'First question' }).waitFor();
    await page.close();

    await call(app, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { token: ws.tokens.agent, body: { body: 'Answer while you were away' } });
    const back = await context.newPage();
    await back.goto(url);
    await widget(back).unread.waitFor();
    assert.equal((await widget(back).unread.textContent())?.trim(), '1');
    await widget(back).launcher.click();
    await widget(back).messages.filter({ hasText: 'Answer while you were away' }).waitFor();
    await widget(back).messages.filter({ hasText: 'First question' }).waitFor();
    assert.equal(await widget(back).messages.filter({ hasText: 'First question' }).count(), 1, 'no duplicates after resume');
    assert.equal((await conversationsOf(ws)).length, 1);
    await context.close();
  });

  it('messages written offline are kept, survive a reload, and are sent once when back online', async () => {
    const ws = await shop();
    const { page, context } = await newDevice(browser);
    const url = site.page('/offline', { workspaceId: ws.id });
    await page.goto(url);
    await openAndSay(page, 'online one');
    const conversation = await waitForStored(ws, 1);
    await context.setOffline(true);
    await page.getByTestId('tandem-offline').waitFor();
    await openAndSay(page, 'offline two');
    await openAndSay(page, 'offline three');
    await page.locator('[data-status="queued"]').nth(1).waitFor();
    await page.reload().catch(() => undefined); // the host page itself cannot load offline
    await context.setOffline(false);
    await page.goto(url);
    await widget(page).launcher.click();
    for (let i = 0; i < 100 && (await messagesOf(ws, conversation.id)).length < 3; i++) await page.waitForTimeout(100);
    await page.waitForTimeout(500);
    const bodies = (await messagesOf(ws, conversation.id)).map((m) => m.body);
    assert.deepEqual(bodies, ['online one', 'offline two', 'offline three']);
    await widget(page).messages.filter({ hasText: 'offline three' }).and(page.locator('[data-status="sent"], [data-status="seen"]')).waitFor();
    assert.equal(await widget(page).messages.count(), 3);
    await context.close();
  });

  it('an emailed magic link continues the same conversation on a second device', async () => {
    const ws = await shop();
    const phone = await newDevice(browser);
    const url = site.page('/two-devices', { workspaceId: ws.id });
    await phone.page.goto(url);
    await openAndSay(phone.page, 'Started on my phone');
    await waitForStored(ws, 1);
    await phone.page.getByRole('button', { name: 'Continue on another device' }).click();
    await phone.page.getByTestId('tandem-email').fill('lan@example.com');
    await phone.page.getByTestId('tandem-email').press('Enter');
    const mail = await smtp.waitFor('lan@example.com', 10_000);
    const link = /(http:\/\/\S+#tandem-magic=[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    assert.ok(link?.startsWith(url), `the link returns to the page: ${link}`);

    const laptop = await newDevice(browser);
    await laptop.page.goto(link!);
    await widget(laptop.page).panel.waitFor(); // opening the link opens the conversation
    await widget(laptop.page).messages.filter({ hasText: 'Started on my phone' }).waitFor();
    assert.doesNotMatch(laptop.page.url(), /tandem-magic/, 'the token is removed from the address bar');
    const [conversation] = await conversationsOf(ws);
    await call(app, 'POST', `/api/v1/conversations/${conversation!.id}/messages`, { token: ws.tokens.agent, body: { body: 'Welcome back on your laptop' } });
    await widget(laptop.page).messages.filter({ hasText: 'Welcome back on your laptop' }).waitFor();
    await phone.context.close();
    await laptop.context.close();
  });

  it('lays out right-to-left in Persian', async () => {
    const ws = await shop();
    const { page, context } = await newDevice(browser, { locale: 'fa-IR' });
    await page.goto(site.page('/fa', { workspaceId: ws.id, lang: 'fa', dir: 'rtl' }));
    await widget(page).launcher.click();
    await openAndSay(page, 'سلام، سفارش من کجاست؟');
    // Measure once the server has the message and routing has told the customer where they stand:
    // the list re-renders until then.
    await page.locator('[data-testid="tandem-message"][data-status="sent"]').waitFor();
    await page.getByTestId('tandem-waiting').waitFor();
    const direction = await widget(page).panel.evaluate((el) => getComputedStyle(el).direction);
    assert.equal(direction, 'rtl');
    const launcher = (await widget(page).launcher.boundingBox())!;
    assert.ok(launcher.x < 640, `the launcher sits at the inline end, which is the left in RTL (x=${launcher.x})`);
    const own = (await widget(page).messages.first().boundingBox())!;
    const panel = (await widget(page).panel.boundingBox())!;
    assert.ok(own.x - panel.x < panel.x + panel.width - (own.x + own.width), 'own messages sit on the inline end (left)');
    assert.match((await widget(page).composer.getAttribute('aria-label')) ?? '', /[\u0600-\u06FF]/, 'labels are in Persian');
    await page.screenshot({ path: new URL('widget-fa-rtl.png', ARTIFACTS_DIR).pathname });
    await context.close();
  });

  it('identify() with a forged hash is refused and links nobody; a valid one links the customer', async () => {
    const ws = await shop();
    const secret = (await call(app, 'GET', '/api/v1/workspace/identity-secret', { token: ws.tokens.owner })).body.secret as string;
    const { page, context } = await newDevice(browser);
    await page.goto(site.page('/identify', { workspaceId: ws.id }));
    await page.waitForFunction(() => typeof (window as { Tandem?: { identify?: unknown } }).Tandem?.identify === 'function');
    const identify = (body: object) =>
      page.evaluate(async (b) => {
        try {
          await (window as unknown as { Tandem: { identify(b: object): Promise<unknown> } }).Tandem.identify(b);
          return 'ok';
        } catch (error) {
          return (error as { code?: string }).code ?? String(error);
        }
      }, body);
    assert.equal(await identify({ id: 'victim-7', hash: identityHash('not the secret', 'victim-7') }), 'widget.identity_forged');
    const customers = async () => (await call(app, 'GET', '/api/v1/customers?limit=50', { token: ws.tokens.agent })).body.items as Array<{ identities: Array<{ kind: string; value: string }> }>;
    assert.ok(!(await customers()).some((c) => c.identities.some((i) => i.kind === 'external')), 'nobody was linked');
    assert.equal(await identify({ id: 'user-7', name: 'Minh', hash: identityHash(secret, 'user-7') }), 'ok');
    assert.ok((await customers()).some((c) => c.identities.some((i) => i.kind === 'external' && i.value === 'user-7')));
    await context.close();
  });

  it('HTML and script in messages are shown as text, never run', async () => {
    const ws = await shop();
    const { page, context } = await newDevice(browser);
    await page.goto(site.page('/xss', { workspaceId: ws.id }));
    await openAndSay(page, '<img src=x onerror="window.__xss=1">');
    const conversation = await waitForStored(ws, 1);
    const attack = '<script>window.__xss=2</script><a href="javascript:window.__xss=3">click</a> https://example.com/ok';
    await call(app, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { token: ws.tokens.agent, body: { body: attack } });
    const bubble = widget(page).messages.filter({ hasText: '<script>' });
    await bubble.waitFor();
    assert.equal(await page.evaluate(() => (window as { __xss?: number }).__xss), undefined);
    assert.equal(await bubble.locator('a[href^="javascript:"]').count(), 0);
    assert.equal(await bubble.locator('a[href="https://example.com/ok"]').count(), 1, 'plain http(s) links are linked');
    await context.close();
  });

  it('quick replies send their value, and article cards are links', async () => {
    const ws = await shop();
    const { page, context } = await newDevice(browser);
    await page.goto(site.page('/quick', { workspaceId: ws.id }));
    await openAndSay(page, 'I want to return a teapot');
    const conversation = await waitForStored(ws, 1);
    await call(app, 'POST', `/api/v1/conversations/${conversation.id}/messages`, {
      token: ws.tokens.agent,
      body: {
        body: 'Which one applies?',
        content: {
          quickReplies: [{ label: 'It arrived broken', value: 'broken on arrival' }, { label: 'Wrong item', value: 'wrong item' }],
          articleCards: [{ title: 'Returns policy', url: 'https://help.example.com/returns', summary: '30 days, free' }],
        },
      },
    });
    await page.getByRole('link', { name: /Returns policy/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: /Returns policy/ }).getAttribute('href'), 'https://help.example.com/returns');
    await page.getByRole('button', { name: 'It arrived broken' }).click();
    await waitForStored(ws, 3);
    assert.equal((await messagesOf(ws, conversation.id)).at(-1)!.body, 'broken on arrival');
    await context.close();
  });

  it('works from the keyboard alone, with focus moved and restored', async () => {
    const ws = await shop();
    const { page, context } = await newDevice(browser);
    await page.goto(site.page('/keyboard', { workspaceId: ws.id }));
    await widget(page).launcher.waitFor();
    await widget(page).launcher.focus();
    await page.keyboard.press('Enter');
    await widget(page).panel.waitFor();
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    await waitForStored(ws, 1);
    await page.keyboard.press('Escape');
    await widget(page).panel.waitFor({ state: 'hidden' });
    assert.equal(await widget(page).launcher.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el), true, 'focus returns to the launcher');
    await context.close();
  });

  it('privacy choices: the host page and the visitor set them, switches work from the keyboard and mirror in Persian', async () => {
    const ws = await shop();
    const { page, context, pageErrors } = await newDevice(browser, { locale: 'fa-IR' });
    await page.emulateMedia({ reducedMotion: 'reduce' }); // the knob moves at once
    await page.goto(site.page('/privacy', { workspaceId: ws.id, locale: 'fa', lang: 'fa', dir: 'rtl' }));
    await page.waitForFunction(() => typeof (window as { Tandem?: { setConsent?: unknown } }).Tandem?.setConsent === 'function');
    const fromBanner = await page.evaluate(() => (window as unknown as { Tandem: { setConsent(c: object): Promise<boolean> } }).Tandem.setConsent({ marketing: true }));
    assert.equal(fromBanner, true);
    await widget(page).launcher.click();
    await page.getByTestId('tandem-privacy-open').click();
    const behaviour = page.getByRole('switch', { name: 'کمک شخصی‌سازی‌شده بر پایهٔ صفحه‌هایی که می‌بینم' });
    await behaviour.waitFor();
    assert.equal(await page.getByRole('switch', { name: 'اخبار و پیشنهادهای ویژه' }).getAttribute('aria-checked'), 'true', 'the banner’s choice shows');
    assert.equal(await behaviour.getAttribute('aria-checked'), 'true');
    const knob = behaviour.locator('.knob');
    const on = (await knob.boundingBox())!;
    await behaviour.focus();
    await page.keyboard.press('Space');
    await page.getByTestId('tandem-privacy-status').filter({ hasText: 'ذخیره شد.' }).waitFor();
    assert.equal(await behaviour.getAttribute('aria-checked'), 'false');
    const off = (await knob.boundingBox())!;
    assert.ok(off.x > on.x, `in RTL "off" puts the knob on the right, the inline start (${on.x} → ${off.x})`);
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: Array<{ id: string }> }> } }).axe;
      const result = await axe.run({ include: [['tandem-widget']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => v.id);
    });
    assert.deepEqual(violations, [], 'the privacy view passes axe-core (WCAG 2.1 AA)');
    await page.screenshot({ path: new URL('widget-privacy-fa.png', ARTIFACTS_DIR).pathname });
    const customers = (await call(app, 'GET', '/api/v1/customers?limit=50', { token: ws.tokens.agent })).body.items as Array<{ consent: Record<string, boolean> }>;
    assert.deepEqual(customers.map((c) => c.consent), [{ automation: true, behaviour: false, marketing: true }]);
    await page.getByTestId('tandem-privacy-back').click();
    await widget(page).composer.waitFor();
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  for (const locale of ['en', 'fa'] as const) {
    it(`has no accessibility violations (axe-core, WCAG 2.1 AA) in ${locale}`, async () => {
      const ws = await shop();
      const { page, context } = await newDevice(browser);
      await page.goto(site.page(`/a11y-${locale}`, { workspaceId: ws.id, locale }));
      await openAndSay(page, locale === 'fa' ? 'سلام' : 'Hello');
      await page.locator('[data-testid="tandem-message"][data-status="sent"]').waitFor();
      await page.addScriptTag({ path: AXE_PATH });
      type Rule = { id: string; nodes: unknown[] };
      const { violations, passed } = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
        const result = await axe.run({ include: [['tandem-widget']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return { violations: result.violations.map((v) => `${v.id} (${v.nodes.length})`), passed: result.passes.map((p) => p.id) };
      });
      assert.deepEqual(violations, []);
      for (const rule of ['color-contrast', 'button-name', 'aria-allowed-attr']) assert.ok(passed.includes(rule), `${rule} was checked inside the widget`);
      await context.close();
    });
  }

  it('an image attachment uploads and shows inline', async () => {
    const ws = await shop();
    const { page, context } = await newDevice(browser);
    await page.goto(site.page('/attach', { workspaceId: ws.id }));
    await widget(page).launcher.click();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    await page.getByTestId('tandem-file').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: png });
    const image = page.locator('[data-testid="tandem-message"] img');
    await image.waitFor({ state: 'attached' });
    await image.evaluate((img: HTMLImageElement) => img.decode());
    assert.equal(await image.evaluate((img: HTMLImageElement) => img.naturalWidth), 1, 'the image loaded from the server');
    const conversation = await waitForStored(ws, 1);
    const [message] = (await call(app, 'GET', `/api/v1/conversations/${conversation.id}/messages`, { token: ws.tokens.agent })).body.items;
    assert.equal(message.content.attachments[0].contentType, 'image/png');
    await context.close();
  });
});

if (skip) it(`browser tests skipped: ${skip}`, { skip });
