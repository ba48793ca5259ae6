import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface Asset {
  code: string;
  gzip: Buffer;
  etag: string;
}

interface Assets {
  loader: Asset;
  main: Asset;
  mainFile: string;
}

const asset = (code: string): Asset => ({
  code,
  gzip: gzipSync(code, { level: 9 }),
  etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"`,
});

/**
 * Serves the embeddable widget: /widget.js is a small loader (what the site's tag names, cached
 * for minutes) and /widget/main.<hash>.js the widget itself (cached for a year). Both are bundled
 * from source on first request (esbuild takes a fraction of a second, and is not even loaded
 * until then), so a running server never serves a stale build.
 */
export function registerWidgetScript(app: FastifyInstance): void {
  let assets: Promise<Assets> | null = null;
  const load = () =>
    (assets ??= import('@tandem/widget/build')
      .then(({ buildWidget }) => buildWidget())
      .then((bundle) => ({ loader: asset(bundle.loader), main: asset(bundle.code), mainFile: bundle.mainFile }))
      .catch((error: unknown) => {
        assets = null;
        throw error;
      }));

  app.get('/widget.js', { schema: { hide: true } }, async (request, reply) => send(request, reply, (await load()).loader, 'public, max-age=300'));

  app.get('/widget/:file', { schema: { hide: true } }, async (request, reply) => {
    const { file } = request.params as { file: string };
    const { main, mainFile } = await load();
    if (!/^main\.[A-Za-z0-9_-]+\.js$/.test(file)) return reply.callNotFound();
    // A loader cached before a deploy names the previous bundle: serve the current one, briefly cached.
    return send(request, reply, main, file === mainFile ? 'public, max-age=31536000, immutable' : 'public, max-age=60');
  });
}

function send(request: FastifyRequest, reply: FastifyReply, { code, gzip, etag }: Asset, cacheControl: string) {
  reply
    .header('content-type', 'text/javascript; charset=utf-8')
    .header('cache-control', cacheControl)
    .header('etag', etag)
    .header('vary', 'accept-encoding')
    // Host pages on other sites load it as a script: allow that explicitly, and let their
    // performance monitoring see what the widget costs them.
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('timing-allow-origin', '*');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(gzip);
  return reply.send(code);
}
