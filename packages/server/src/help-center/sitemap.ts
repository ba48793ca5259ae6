import { escapeHtml } from '../http/html.ts';
import type { ArticleRecord } from '../features/kb/kb.store.ts';

/** sitemap.xml for a help center: every published article, with its translations as alternates. */
export function sitemap(origin: string, slug: string, articles: readonly ArticleRecord[]): string {
  const byKey = new Map<string, ArticleRecord[]>();
  for (const a of articles) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
  const url = (a: ArticleRecord) => escapeHtml(`${origin}/help/${slug}/${a.locale}/articles/${a.key}`);
  const entries = articles.map((a) => {
    const alternates = (byKey.get(a.key) ?? []).map((t) => `<xhtml:link rel="alternate" hreflang="${t.locale}" href="${url(t)}"/>`).join('');
    return `<url><loc>${url(a)}</loc><lastmod>${a.updatedAt.toISOString()}</lastmod>${alternates}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${entries.join('')}</urlset>\n`;
}
