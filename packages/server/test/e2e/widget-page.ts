import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { call, createWorkspace, type TestApp, type TestWorkspace } from '../harness.ts';

/** A workspace whose widget may be embedded on the host site's origin. */
export async function shopWorkspace(app: TestApp, origin: string): Promise<TestWorkspace> {
  const ws = await createWorkspace(app);
  const res = await call(app, 'PATCH', '/api/v1/workspace', { token: ws.tokens.admin, body: { settings: { widgetOrigins: [origin] } } });
  assert.equal(res.status, 200);
  return ws;
}

/** The widget's parts on a page, by their test ids. */
export const widget = (page: Page) => ({
  launcher: page.getByTestId('tandem-launcher'),
  panel: page.getByTestId('tandem-panel'),
  composer: page.getByTestId('tandem-composer'),
  messages: page.getByTestId('tandem-message'),
  unread: page.getByTestId('tandem-unread'),
  /** A proactive rule's card beside the launcher, with its "Don't show me these" link. */
  proactive: page.getByTestId('tandem-proactive'),
  proactiveDoNotDisturb: page.getByTestId('tandem-proactive-dnd'),
});

/** Opens the panel if needed and sends a message from the composer. */
export async function openAndSay(page: Page, text: string): Promise<void> {
  const w = widget(page);
  if (!(await w.panel.isVisible())) await w.launcher.click();
  await w.composer.fill(text);
  await w.composer.press('Enter');
}
