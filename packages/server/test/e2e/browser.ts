// Real Chromium (Debian's package) driven by playwright-core, for end-to-end tests of what
// customers see. No browser is downloaded: `apt-get install chromium` provides it.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { after } from 'node:test';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where screenshots go (kept by CI as artifacts; ignored by git). */
export const ARTIFACTS_DIR = new URL('../../test-artifacts/', import.meta.url);

/**
 * Why the browser tests cannot run here, or null when they can. On CI (CI=true) a missing
 * browser is a failure, not a skip: `.ci/run` installs it.
 */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(reason);
  return reason;
}

/** One headless browser per test file, closed when the file ends. Each context is one device. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machine has no outside network: keep Chromium from trying to reach Google's services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  after(() => browser.close());
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return browser;
}

/** A fresh device: its own storage, a fixed viewport, and page errors collected for assertions. */
export async function newDevice(browser: Browser, options: { locale?: string; bypassCSP?: boolean } = {}) {
  // bypassCSP lets a test inject axe-core into a page whose policy allows only its own scripts.
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: options.locale ?? 'en-US', bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}
