import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cannedVariablesIn } from '@tandem/core';
import { CannedResponse, CannedResponseBody, IdParams, ListCannedResponsesQuery, Ok, UpdateCannedResponseBody } from '@tandem/protocol';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';
import type { CannedResponseRecord } from './canned-response.store.ts';

const present = (c: CannedResponseRecord): CannedResponse => ({
  id: c.id, shortcut: c.shortcut, locale: c.locale, title: c.title, body: c.body, variables: cannedVariablesIn(c.body),
  createdBy: c.createdBy, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
});

/** Canned responses: agents search them, admins write them. */
export function cannedResponseRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['canned-responses'];
    const { cannedResponses } = services;
    app.get('/canned-responses', { config: { access: 'agent' }, schema: { tags, summary: 'Search by shortcut, title or body (at most 50, by shortcut)', querystring: ListCannedResponsesQuery, response: responses({ 200: z.object({ items: z.array(CannedResponse) }) }) } }, async (request) => {
      const { q, locale } = request.query;
      return { items: (await cannedResponses.search(agentOf(request).workspaceId, { text: q, locale })).map(present) };
    });
    app.post('/canned-responses', { config: { access: 'admin' }, schema: { tags, body: CannedResponseBody, response: responses({ 201: CannedResponse }) } }, async (request, reply) => {
      const me = agentOf(request);
      reply.code(201);
      return present(await cannedResponses.create(me.workspaceId, request.body, me.agentId));
    });
    app.patch('/canned-responses/:id', { config: { access: 'admin' }, schema: { tags, params: IdParams, body: UpdateCannedResponseBody, response: responses({ 200: CannedResponse }) } }, async (request) =>
      present(await cannedResponses.update(agentOf(request).workspaceId, request.params.id, request.body)),
    );
    app.delete('/canned-responses/:id', { config: { access: 'admin' }, schema: { tags, params: IdParams, response: responses({ 200: Ok }) } }, async (request) => {
      await cannedResponses.remove(agentOf(request).workspaceId, request.params.id);
      return { ok: true as const };
    });
  };
}
