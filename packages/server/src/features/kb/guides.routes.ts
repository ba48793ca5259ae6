import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ArticleKey, Guide, GuideDefinition, GuideStats } from '@tandem/protocol';
import { inTransaction } from '../../adapters/postgres/database.ts';
import { agentOf } from '../../http/access.ts';
import { appError } from '../../platform/app-error.ts';
import { responses } from '../../http/responses.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Services } from '../../services.ts';
import { listGuides, type GuideRecord } from './guide.store.ts';

const present = (g: GuideRecord) => ({ id: g.id, key: g.key, version: g.version, definition: g.definition as z.infer<typeof GuideDefinition>, updatedAt: g.updatedAt.toISOString() });
const KeyParams = z.strictObject({ key: ArticleKey });

/** Guides for agents: admins save definitions (each save is a new version), everyone reads their numbers. */
export function guideRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['knowledge base'];

    app.get('/kb/guides', { config: { access: 'agent' }, schema: { tags, response: responses({ 200: z.object({ items: z.array(Guide) }) }) } }, async (request) => ({
      items: (await listGuides(deps.db, agentOf(request).workspaceId)).map(present),
    }));

    app.put(
      '/kb/guides/:key',
      { config: { access: 'admin' }, schema: { tags, summary: 'Save a guide (validated: no missing steps, loops or dead ends)', params: KeyParams, body: GuideDefinition, response: responses({ 200: Guide }) } },
      async (request) => {
        const { workspaceId, agentId } = agentOf(request);
        if (request.body.key !== request.params.key) throw appError('request.invalid', 'The key in the path and in the body differ.', { fields: [{ path: 'body.key', message: 'must match the path' }] });
        return present(await inTransaction(deps.db, (tx) => services.guides.save(tx, workspaceId, request.body, agentId)));
      },
    );

    app.get('/kb/guides/:key', { config: { access: 'agent' }, schema: { tags, params: KeyParams, response: responses({ 200: Guide }) } }, async (request) =>
      present(await services.guides.get(agentOf(request).workspaceId, request.params.key)),
    );

    app.get(
      '/kb/guides/:key/stats',
      { config: { access: 'agent' }, schema: { tags, summary: 'Runs started, completed, handed off and abandoned, and how many reached each step', params: KeyParams, response: responses({ 200: GuideStats }) } },
      async (request) => services.guides.stats(agentOf(request).workspaceId, request.params.key),
    );
  };
}
