import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** The console's own pages: only our scripts and styles, only our server, never in a frame. */
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Client-side routes of the single-page console; each answers with its index.html. */
const PAGES = ['/', '/login', '/account', '/inbox', '/inbox/*', '/admin', '/admin/*', '/analytics', '/analytics/*', '/feedback', '/feedback/*', '/proactive', '/proactive/*', '/broadcasts', '/broadcasts/*'];

export function consoleDistDir(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('@tandem/console/package.json'))), 'dist');
}

/**
 * Serves the built console (packages/console/dist, made by `npm run build`). Hashed assets are
 * cached for a year; the page itself is revalidated every time, so a new build shows at once.
 */
export async function registerConsole(app: FastifyInstance, distDir: string = consoleDistDir()): Promise<void> {
  const indexPath = join(distDir, 'index.html');
  // Re-read when a new build replaced the page (its asset names change with every build).
  let cached: { mtimeMs: number; html: string } | null = null;
  const readIndex = (): string | null => {
    const mtimeMs = statSync(indexPath, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) return null;
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(indexPath, 'utf8') };
    return cached.html;
  };

  await app.register(fastifyStatic, {
    root: join(distDir, 'console-assets'),
    prefix: '/console-assets/',
    index: false,
    wildcard: true,
    immutable: true,
    maxAge: '365d',
  });

  for (const url of PAGES) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) => {
      const html = readIndex();
      reply.header('cache-control', 'no-cache').header('content-security-policy', CONSOLE_CSP).header('x-frame-options', 'DENY');
      if (html === null) {
        return reply.code(503).type('text/plain; charset=utf-8').send('The agent console is not built yet: run `npm run build`, then reload.');
      }
      return reply.type('text/html; charset=utf-8').send(html);
    });
  }
}
