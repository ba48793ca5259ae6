import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LOCALES, isAppError, type Locale } from '@tandem/core';
import { ArticleKey } from '@tandem/protocol';
import type { ServiceDeps } from '../platform/deps.ts';
import type { Services } from '../services.ts';
import type { SafeHtml } from '../http/html.ts';
import { preferredLocale } from '../i18n/preferred-locale.ts';
import { translator } from '../i18n/translator.ts';
import { findWorkspaceBySlug, listWorkspaceSlugs } from '../features/workspaces/workspace.store.ts';
import { listGuides } from '../features/kb/guide.store.ts';
import { countView, findArticleByKey, recordSearchClick, listCategories, publishedArticles, publishedByKeys, publishedTranslations, recordFeedback } from '../features/kb/kb.store.ts';
import type { PageContext } from './layout.ts';
import { articlePage, categoryPage, homePage, notFoundPage, searchPage } from './pages.ts';
import { sitemap } from './sitemap.ts';
import { guidePage } from './guide-page.ts';
import { storableText } from '../platform/storable-text.ts';

const Slug = z.string().regex(/^[a-z0-9-]{1,64}$/);
const PageParams = z.object({ slug: Slug, locale: z.string() });
const KeyParams = PageParams.extend({ key: ArticleKey });
// A stray NUL in a comment would fail its insert (a 500): the comment is kept without it.
const Feedback = z.object({ helpful: z.enum(['yes', 'no']), comment: z.string().trim().max(2000).transform(storableText).optional() });

/**
 * Article HTML is sanitized when saved; this is the second wall. Scripts only from this server
 * (the widget), no inline script, images from anywhere over https (articles link them),
 * and the pages cannot be framed.
 */
const HELP_CENTER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The public help center: server-rendered HTML, no JavaScript needed. */
export async function registerHelpCenter(app: FastifyInstance, services: Services, deps: ServiceDeps): Promise<void> {
  await app.register(async (scope) => {
    // Form posts (the article feedback) are parsed here only, never on the JSON API.
    await scope.register(formbody, { bodyLimit: 8 * 1024 });
    const routes = helpCenterRoutes(services, deps);
    for (const [path, handler] of Object.entries(routes.get)) scope.get(path, { schema: { hide: true } }, handler);
    scope.post('/help/:slug/:locale/articles/:key/feedback', { schema: { hide: true }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, routes.feedback);
  });
}

function helpCenterRoutes(services: Services, deps: ServiceDeps) {
  const { db } = deps;
  const origin = (request: FastifyRequest) => deps.config.PUBLIC_URL?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;

  /** The workspace and locale a page is for, or a 404 page already sent. */
  async function context(request: FastifyRequest, reply: FastifyReply): Promise<PageContext | null> {
    const params = PageParams.safeParse(request.params);
    const workspace = params.success ? await findWorkspaceBySlug(db, params.data.slug) : null;
    const locale = params.success && (LOCALES as readonly string[]).includes(params.data.locale) ? (params.data.locale as Locale) : null;
    if (!workspace || !locale) {
      const fallback: PageContext = { t: translator('en'), locale: 'en', workspace: { id: '', name: workspace?.name ?? 'Tandem', slug: workspace?.slug ?? '' }, origin: origin(request) };
      send(reply, notFoundPage(fallback), 404);
      return null;
    }
    return { t: translator(locale), locale, workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug }, origin: origin(request) };
  }

  const send = (reply: FastifyReply, page: SafeHtml, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', HELP_CENTER_CSP).send(page.toString());

  return {
    get: {
      '/help': async (_request: FastifyRequest, reply: FastifyReply) => {
        const slugs = await listWorkspaceSlugs(db, 2);
        if (slugs.length === 1) return reply.redirect(`/help/${slugs[0]}`);
        return reply.code(404).type('text/plain; charset=utf-8').send('Open /help/<workspace slug>.');
      },
      '/help/:slug': async (request: FastifyRequest, reply: FastifyReply) => {
        const { slug } = request.params as { slug: string };
        return reply.redirect(`/help/${encodeURIComponent(slug)}/${preferredLocale(request.headers['accept-language'])}`);
      },
      '/help/:slug/sitemap.xml': async (request: FastifyRequest, reply: FastifyReply) => {
        const workspace = await findWorkspaceBySlug(db, (request.params as { slug: string }).slug);
        if (!workspace) return reply.callNotFound();
        const articles = (await Promise.all(LOCALES.map((l) => publishedArticles(db, workspace.id, l, { limit: 50_000 })))).flat();
        return reply.type('application/xml; charset=utf-8').send(sitemap(origin(request), workspace.slug, articles));
      },
      '/help/:slug/:locale': async (request: FastifyRequest, reply: FastifyReply) => {
        const ctx = await context(request, reply);
        if (!ctx) return reply;
        const [categories, popular, guides] = await Promise.all([
          listCategories(db, ctx.workspace.id),
          publishedArticles(db, ctx.workspace.id, ctx.locale, { limit: 8 }),
          listGuides(db, ctx.workspace.id),
        ]);
        return send(reply, homePage(ctx, categories, popular, guides));
      },
      '/help/:slug/:locale/categories/:key': async (request: FastifyRequest, reply: FastifyReply) => {
        const ctx = await context(request, reply);
        if (!ctx) return reply;
        const key = (request.params as { key: string }).key;
        const category = (await listCategories(db, ctx.workspace.id)).find((c) => c.key === key);
        if (!category) return send(reply, notFoundPage(ctx), 404);
        return send(reply, categoryPage(ctx, category, await publishedArticles(db, ctx.workspace.id, ctx.locale, { category: key, limit: 500 })));
      },
      '/help/:slug/:locale/articles/:key': async (request: FastifyRequest, reply: FastifyReply) => {
        const ctx = await context(request, reply);
        if (!ctx) return reply;
        const params = KeyParams.safeParse(request.params);
        const article = params.success ? await findArticleByKey(db, ctx.workspace.id, params.data.key, ctx.locale) : null;
        if (!article || article.status !== 'published') return send(reply, notFoundPage(ctx), 404);
        await countView(db, ctx.workspace.id, article.id, deps.clock());
        // Arrived from a search result: that search found its answer (content-gap analytics).
        const searchId = (request.query as { search?: string }).search;
        if (searchId && /^[0-9a-f-]{36}$/.test(searchId)) await recordSearchClick(db, ctx.workspace.id, searchId, article.id);
        const [categories, translations, related] = await Promise.all([
          listCategories(db, ctx.workspace.id),
          publishedTranslations(db, ctx.workspace.id, article.key),
          publishedByKeys(db, ctx.workspace.id, ctx.locale, article.related),
        ]);
        const thanked = (request.query as { thanks?: string }).thanks === '1';
        return send(reply, articlePage(ctx, { article, category: categories.find((c) => c.key === article.categoryKey), translations, related, thanked }));
      },
      '/help/:slug/:locale/guides/:key': async (request: FastifyRequest, reply: FastifyReply) => {
        const ctx = await context(request, reply);
        if (!ctx) return reply;
        const { step, run } = request.query as { step?: string; run?: string };
        const key = (request.params as { key: string }).key;
        const position = await services.guides
          .advance({ workspaceId: ctx.workspace.id, key, stepId: step?.slice(0, 60), runId: run?.slice(0, 40), channel: 'help_center' })
          .catch((error: unknown) => (isAppError(error) && error.code === 'guide.not_found' ? null : Promise.reject(error)));
        if (!position) return send(reply, notFoundPage(ctx), 404);
        const end = position.step.end;
        const article = end?.kind === 'article' ? await findArticleByKey(db, ctx.workspace.id, end.article, ctx.locale) : null;
        return send(reply, guidePage(ctx, { ...position, article: article?.status === 'published' ? article : null }));
      },
      '/help/:slug/:locale/search': async (request: FastifyRequest, reply: FastifyReply) => {
        const ctx = await context(request, reply);
        if (!ctx) return reply;
        const query = String((request.query as { q?: unknown }).q ?? '').trim().slice(0, 200);
        const hits = query
          ? await services.articleSearch.search({ workspaceId: ctx.workspace.id, workspaceSlug: ctx.workspace.slug, query, locale: ctx.locale, limit: 10, source: 'help_center' })
          : { searchId: null, items: [] };
        return send(reply, searchPage(ctx, query, hits.items, hits.searchId));
      },
    },

    async feedback(request: FastifyRequest, reply: FastifyReply) {
      const ctx = await context(request, reply);
      if (!ctx) return reply;
      const params = KeyParams.safeParse(request.params);
      const body = Feedback.safeParse(request.body);
      const article = params.success ? await findArticleByKey(db, ctx.workspace.id, params.data.key, ctx.locale) : null;
      if (!article || article.status !== 'published') return send(reply, notFoundPage(ctx), 404);
      if (!body.success) return reply.redirect(`/help/${ctx.workspace.slug}/${ctx.locale}/articles/${article.key}`, 303);
      await recordFeedback(db, { workspaceId: ctx.workspace.id, id: deps.ids(), articleId: article.id, helpful: body.data.helpful === 'yes', comment: body.data.comment || null, customerId: null, createdAt: deps.clock() });
      // Post/redirect/get: a reload does not vote twice.
      return reply.redirect(`/help/${ctx.workspace.slug}/${ctx.locale}/articles/${article.key}?thanks=1`, 303);
    },
  };
}
