/// <reference lib="dom" />
// DOM types for the callbacks given to page.evaluate, which run in the browser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkspace, startTestApp } from '../harness.ts';
import { seedDemoKnowledgeBase } from '../../src/admin/demo-seed.ts';
import { ARTIFACTS_DIR, browserUnavailable, launchBrowser } from './browser.ts';

const skip = browserUnavailable();

describe('the help center in a real browser', { skip: skip ?? false, timeout: 180_000 }, async () => {
  const app = await startTestApp();
  const base = await app.listen();
  const ws = await createWorkspace(app);
  await seedDemoKnowledgeBase(app.services, app.deps, ws.id);
  const browser = await launchBrowser();

  it('works with JavaScript disabled: search in Vietnamese without diacritics, read, and vote', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/help/${ws.slug}/vi`);
    await page.getByRole('searchbox').fill('doi dia chi giao hang');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL(/\/vi\/search\?q=/);
    await page.getByRole('link', { name: /địa chỉ/i }).first().click();
    await page.waitForURL(/\/vi\/articles\/change-delivery-address/);
    await page.getByRole('button', { name: 'Có' }).click();
    await page.getByText('Cảm ơn bạn đã góp ý.').waitFor();
    await context.close();
  });

  it('lays out Persian right to left, with the language switcher keeping the article', async () => {
    const context = await browser.newContext({ locale: 'fa-IR' });
    const page = await context.newPage();
    await page.goto(`${base}/help/${ws.slug}`);
    await page.waitForURL(new RegExp(`/help/${ws.slug}/fa$`));
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
    await page.getByRole('link', { name: 'حساب کاربری و اشتراک' }).click();
    await page.getByRole('link', { name: 'چطور رمز عبورم را بازنشانی کنم؟' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    const box = (await heading.boundingBox())!;
    assert.ok(box.x + box.width > 640, 'the title starts on the right');
    await page.screenshot({ path: new URL('help-center-fa-rtl.png', ARTIFACTS_DIR).pathname, fullPage: true });
    await page.getByRole('link', { name: 'English' }).click();
    assert.match(page.url(), /\/en\/articles\//);
    await context.close();
  });

  it('offers the chat on every page, in the page language', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/help/${ws.slug}/en/articles/damaged-item`);
    await page.getByTestId('tandem-launcher').click();
    await page.getByTestId('tandem-composer').waitFor();
    assert.equal(await page.getByTestId('tandem-panel').getAttribute('lang'), 'en');
    await context.close();
  });
});

if (skip) it(`browser tests skipped: ${skip}`, { skip });
