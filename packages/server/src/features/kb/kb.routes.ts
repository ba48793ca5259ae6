import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Article,
  ArticleHits,
  ArticleKey,
  ArticleRevision,
  Category,
  CreateArticleBody,
  IdParams,
  ListArticlesQuery,
  PutCategoryBody,
  SearchArticlesQuery,
  UpdateArticleBody,
  page,
} from '@tandem/protocol';
import { agentOf } from '../../http/access.ts';
import { decodeCursor, toPage } from '../../http/cursor.ts';
import { responses } from '../../http/responses.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Services } from '../../services.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { listArticles, listCategories, listRevisions, upsertCategory } from './kb.store.ts';
import { presentArticle, presentCategory, presentRevision } from './present.ts';

/** The knowledge base for agents: admins write, everyone reads and searches. */
export function kbRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['knowledge base'];

    app.get('/kb/categories', { config: { access: 'agent' }, schema: { tags, response: responses({ 200: z.object({ items: z.array(Category) }) }) } }, async (request) => ({
      items: (await listCategories(deps.db, agentOf(request).workspaceId)).map(presentCategory),
    }));

    app.put(
      '/kb/categories/:key',
      { config: { access: 'admin' }, schema: { tags, params: z.strictObject({ key: ArticleKey }), body: PutCategoryBody, response: responses({ 200: Category }) } },
      async (request) => {
        const { workspaceId } = agentOf(request);
        await upsertCategory(deps.db, { workspaceId, id: deps.ids(), key: request.params.key, ...request.body, createdAt: deps.clock() });
        return presentCategory((await listCategories(deps.db, workspaceId)).find((c) => c.key === request.params.key)!);
      },
    );

    app.get('/kb/articles', { config: { access: 'agent' }, schema: { tags, querystring: ListArticlesQuery, response: responses({ 200: page(Article) }) } }, async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const before = decodeCursor(cursor, 2) as [string, string] | null;
      const rows = await listArticles(deps.db, agentOf(request).workspaceId, filter, { before, limit: limit + 1 });
      return toPage(rows, limit, (a) => [a.updatedAt.toISOString(), a.id], presentArticle);
    });

    app.post('/kb/articles', { config: { access: 'admin' }, schema: { tags, body: CreateArticleBody, response: responses({ 201: Article }) } }, async (request, reply) => {
      const { workspaceId, agentId } = agentOf(request);
      reply.code(201);
      return presentArticle(await services.articles.create(workspaceId, request.body, agentId));
    });

    app.get('/kb/articles/:id', { config: { access: 'agent' }, schema: { tags, params: IdParams, response: responses({ 200: Article }) } }, async (request) =>
      presentArticle(await services.articles.get(agentOf(request).workspaceId, request.params.id)),
    );

    app.patch('/kb/articles/:id', { config: { access: 'admin' }, schema: { tags, params: IdParams, body: UpdateArticleBody, response: responses({ 200: Article }) } }, async (request) => {
      const { workspaceId, agentId } = agentOf(request);
      return presentArticle(await services.articles.update(workspaceId, request.params.id, request.body, agentId));
    });

    app.get(
      '/kb/articles/:id/revisions',
      { config: { access: 'agent' }, schema: { tags, params: IdParams, response: responses({ 200: z.object({ items: z.array(ArticleRevision) }) }) } },
      async (request) => {
        const { workspaceId } = agentOf(request);
        await services.articles.get(workspaceId, request.params.id);
        return { items: (await listRevisions(deps.db, workspaceId, request.params.id)).map(presentRevision) };
      },
    );

    app.get('/kb/search', { config: { access: 'agent' }, schema: { tags, querystring: SearchArticlesQuery, response: responses({ 200: ArticleHits }) } }, async (request) => {
      const { workspaceId } = agentOf(request);
      const workspace = (await findWorkspace(deps.db, workspaceId))!;
      return services.articleSearch.search({ workspaceId, workspaceSlug: workspace.slug, query: request.query.q, locale: request.query.locale, limit: request.query.limit, source: 'console' });
    });
  };
}
