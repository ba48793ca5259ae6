import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

interface Bundle {
  code: string;
  gzip: Buffer;
  etag: string;
}

/**
 * Serves the embeddable widget at /widget.js. It is bundled from source on first request
 * (esbuild takes a fraction of a second, and is not even loaded until then), so a running
 * server never serves a stale build; the gzip and ETag are computed once per process.
 */
export function registerWidgetScript(app: FastifyInstance): void {
  let bundle: Promise<Bundle> | null = null;
  const load = () =>
    (bundle ??= import('@tandem/widget/build').then(({ buildWidget }) => buildWidget()).then(({ code }) => ({
      code,
      gzip: gzipSync(code, { level: 9 }),
      etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"`,
    })).catch((error: unknown) => {
      bundle = null;
      throw error;
    }));

  app.get('/widget.js', { schema: { hide: true } }, async (request, reply) => {
    const { code, gzip, etag } = await load();
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('etag', etag)
      .header('vary', 'accept-encoding')
      // Host pages on other sites load it as a script: allow that explicitly.
      .header('cross-origin-resource-policy', 'cross-origin');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(gzip);
    return reply.send(code);
  });
}
