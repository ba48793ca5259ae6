import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateSavedFilterBody, IdParams, Ok, SavedFilter } from '@tandem/protocol';
import { toJson } from '../../platform/json.ts';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';

/** The caller's saved inbox filters. */
export function savedFilterRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['inbox'];
    const { savedFilters } = services;
    app.get('/saved-filters', { config: { access: 'agent' }, schema: { tags, summary: 'Your saved inbox filters, by name', response: responses({ 200: z.object({ items: z.array(SavedFilter) }) }) } }, async (request) => {
      const me = agentOf(request);
      return { items: (await savedFilters.list(me.workspaceId, me.agentId)).map(toJson) };
    });
    app.post('/saved-filters', { config: { access: 'agent' }, schema: { tags, summary: 'Save an inbox filter under a name', body: CreateSavedFilterBody, response: responses({ 201: SavedFilter }) } }, async (request, reply) => {
      const me = agentOf(request);
      reply.code(201);
      return toJson(await savedFilters.create(me.workspaceId, me.agentId, request.body));
    });
    app.delete('/saved-filters/:id', { config: { access: 'agent' }, schema: { tags, summary: 'Delete one of your saved filters', params: IdParams, response: responses({ 200: Ok }) } }, async (request) => {
      const me = agentOf(request);
      await savedFilters.remove(me.workspaceId, me.agentId, request.params.id);
      return { ok: true as const };
    });
  };
}
