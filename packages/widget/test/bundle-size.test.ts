import { expect, test } from 'vitest';
import { buildWidget, WIDGET_BUDGET_GZIP_BYTES } from '../build.ts';

test('the bundled widget stays within its gzip budget', { timeout: 60_000 }, async () => {
  const bundle = await buildWidget();
  expect(bundle.bytes).toBeGreaterThan(10_000); // a real bundle, not an empty build
  expect(bundle.gzipBytes).toBeLessThan(WIDGET_BUDGET_GZIP_BYTES);
});

test('the bundle is browser-only: no Node built-ins and no zod', { timeout: 60_000 }, async () => {
  const { code } = await buildWidget();
  expect(code).not.toMatch(/require\(["']node:/);
  expect(code).not.toContain('ZodError');
});

test('the loader the site tag fetches is tiny and names the content-hashed bundle', { timeout: 60_000 }, async () => {
  const { loader, loaderGzipBytes, mainFile } = await buildWidget();
  expect(loaderGzipBytes).toBeLessThan(1024);
  expect(mainFile).toMatch(/^main\.[A-Za-z0-9_-]{16}\.js$/);
  expect(loader).toContain(mainFile);
});
