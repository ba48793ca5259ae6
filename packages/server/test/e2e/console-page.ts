/// <reference lib="dom" />
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Signs in through the console's own form, as an agent would. */
export async function signIn(page: Page, base: string, credentials: { workspace: string; email: string; password: string }): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('input[name="workspace"]').fill(credentials.workspace);
  await page.locator('input[name="email"]').fill(credentials.email);
  await page.locator('input[name="password"]').fill(credentials.password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('inbox-list').waitFor();
}

/** The console's parts on a page, by their test ids. */
export const consoleParts = (page: Page) => ({
  rows: page.getByTestId('inbox-row'),
  row: (conversationId: string) => page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`),
  conversation: page.getByTestId('conversation'),
  packet: page.getByTestId('handoff-packet'),
  thread: page.getByTestId('thread-message'),
  composer: page.locator('#composer-input'),
  suggestions: page.getByTestId('suggestions'),
});

/** WCAG 2.1 AA violations on the whole page, as "rule (count)", by axe-core. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  type Rule = { id: string; nodes: { target: unknown[] }[] };
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: Rule[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))})`);
  });
}

/** The console's session cookie in this page's browser context, as a `cookie` header for API calls. */
export async function sessionCookieHeader(page: Page, base: string): Promise<string> {
  const cookies = await page.context().cookies(base);
  assert.ok(cookies.length > 0, 'signed in: the browser holds a session cookie');
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/**
 * Opens the console in a fresh device with a session signed in elsewhere: sign-ins are limited to
 * 10 a minute per address, so a test file signs in through the form once and reuses the session.
 */
export async function openSignedIn(page: Page, base: string, cookieHeader: string): Promise<void> {
  const cookies = cookieHeader.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
  });
  await page.context().addCookies(cookies);
  await page.goto(`${base}/inbox/all`);
  await page.getByTestId('inbox-list').waitFor();
}
