import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Agent, ApiToken, CreateAgentBody, CreateApiTokenBody, CreatedApiToken, IdParams, Ok, PageQuery, UpdateAgentBody, page } from '@tandem/protocol';
import { presentAgent, presentApiToken } from '../../domain/present.ts';
import { agentOf } from '../../http/access.ts';
import { decodeCursor, toPage } from '../../http/cursor.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { listAgents } from './agent.store.ts';

const tokenActor = (p: ReturnType<typeof agentOf>) => ({ workspaceId: p.workspaceId, agentId: p.agentId, role: p.role });

export function agentRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/agents',
      { config: { access: 'agent' }, schema: { tags: ['agents'], querystring: PageQuery, response: responses({ 200: page(Agent) }) } },
      async (request) => {
        const { workspaceId } = agentOf(request);
        const after = decodeCursor(request.query.cursor, 1)?.[0] as string | undefined;
        const rows = await listAgents(deps.db, workspaceId, after ?? null, request.query.limit + 1);
        return toPage(rows, request.query.limit, (a) => [a.id], presentAgent);
      },
    );

    app.post(
      '/agents',
      { config: { access: 'admin' }, schema: { tags: ['agents'], body: CreateAgentBody, response: responses({ 201: Agent }) } },
      async (request, reply) => {
        const actor = agentOf(request);
        reply.code(201);
        return presentAgent(await services.agents.create(actor.workspaceId, request.body, actor.role));
      },
    );

    app.get(
      '/agents/:id',
      { config: { access: 'agent' }, schema: { tags: ['agents'], params: IdParams, response: responses({ 200: Agent }) } },
      async (request) => presentAgent(await services.agents.get(agentOf(request).workspaceId, request.params.id)),
    );

    app.patch(
      '/agents/:id',
      { config: { access: 'agent' }, schema: { tags: ['agents'], params: IdParams, body: UpdateAgentBody, response: responses({ 200: Agent }) } },
      async (request) => {
        const actor = agentOf(request);
        return presentAgent(await services.agents.update(actor.workspaceId, request.params.id, request.body, { id: actor.agentId, role: actor.role }));
      },
    );

    app.get(
      '/api-tokens',
      { config: { access: 'agent' }, schema: { tags: ['agents'], summary: 'Your API tokens (admins: all)', response: responses({ 200: z.object({ items: z.array(ApiToken) }) }) } },
      async (request) => ({ items: (await services.auth.apiTokens.list(tokenActor(agentOf(request)))).map(presentApiToken) }),
    );

    app.post(
      '/api-tokens',
      { config: { access: 'agent' }, schema: { tags: ['agents'], summary: 'Create an API token acting as you', body: CreateApiTokenBody, response: responses({ 201: CreatedApiToken }) } },
      async (request, reply) => {
        const { row, token } = await services.auth.apiTokens.create(tokenActor(agentOf(request)), request.body);
        reply.code(201);
        return { apiToken: presentApiToken(row), token };
      },
    );

    app.delete(
      '/api-tokens/:id',
      { config: { access: 'agent' }, schema: { tags: ['agents'], summary: 'Revoke an API token', params: IdParams, response: responses({ 200: Ok }) } },
      async (request) => {
        await services.auth.apiTokens.revoke(tokenActor(agentOf(request)), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
