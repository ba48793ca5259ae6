/// <reference lib="dom" />
import { createRequire } from 'node:module';
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
