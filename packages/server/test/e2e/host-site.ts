// A customer's website on its own origin, embedding the widget with one script tag, as a
// real site would. Serving it from another port makes every widget call cross-origin.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';

export interface HostSite {
  origin: string;
  /** The URL of a page embedding the widget of `workspaceId`, with extra markup in <head>. */
  page(path: string, options: { workspaceId: string; locale?: string; head?: string; lang?: string; dir?: string }): string;
}

export async function startHostSite(apiBase: string): Promise<HostSite> {
  const pages = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const html = pages.get((request.url ?? '/').split(/[?#]/)[0]!);
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, options) {
      const locale = options.locale ? ` data-locale="${options.locale}"` : '';
      pages.set(path, `<!doctype html><html lang="${options.lang ?? 'en'}" dir="${options.dir ?? 'ltr'}"><head><meta charset="utf-8"><title>Shop</title>
${options.head ?? ''}
<script src="${apiBase}/widget.js" data-workspace="${options.workspaceId}"${locale} async></script>
</head><body><h1>Shop</h1><p>Products</p></body></html>`);
      return origin + path;
    },
  };
}
