import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';

/** The widget loads on every page of a customer's site: CI fails the build past this. */
export const WIDGET_BUDGET_GZIP_BYTES = 60 * 1024;
const WIDGET_DIST = new URL('./dist/', import.meta.url);

export type WidgetBundle = {
  /** The widget itself, served at /widget/<mainFile> (immutable: the name carries its hash). */
  code: string;
  mainFile: string;
  bytes: number;
  gzipBytes: number;
  /** The tag's target, /widget.js: loads `mainFile` after the host page's load event. */
  loader: string;
  loaderGzipBytes: number;
};

/** Bundles the widget into one minified IIFE, and the small loader that the site's tag fetches. */
export async function buildWidget(): Promise<WidgetBundle> {
  const code = await bundle('./src/index.ts');
  const mainFile = `main.${createHash('sha256').update(code).digest('base64url').slice(0, 16)}.js`;
  const loader = await bundle('./src/loader.ts', { WIDGET_MAIN_FILE: JSON.stringify(mainFile) });
  const gzipBytes = (text: string) => gzipSync(text, { level: 9 }).byteLength;
  return { code, mainFile, bytes: Buffer.byteLength(code), gzipBytes: gzipBytes(code), loader, loaderGzipBytes: gzipBytes(loader) };
}

async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    sourcemap: false,
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const bundle = await buildWidget();
  await mkdir(new URL('widget/', WIDGET_DIST), { recursive: true });
  await writeFile(new URL('widget.js', WIDGET_DIST), bundle.loader);
  await writeFile(new URL(`widget/${bundle.mainFile}`, WIDGET_DIST), bundle.code);
  const isOver = bundle.gzipBytes > WIDGET_BUDGET_GZIP_BYTES;
  console.log(
    `widget/${bundle.mainFile}  ${kilobytes(bundle.bytes)}, ${kilobytes(bundle.gzipBytes)} gzipped (budget ${kilobytes(WIDGET_BUDGET_GZIP_BYTES).replace('.0', '')})${isOver ? '  OVER BUDGET' : ''}`,
  );
  console.log(`widget.js (loader)  ${Buffer.byteLength(bundle.loader)} B, ${bundle.loaderGzipBytes} B gzipped`);
  if (isOver) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
