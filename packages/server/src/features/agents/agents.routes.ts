import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Agent, ApiToken, CreateAgentBody, CreateApiTokenBody, CreatedApiToken, IdParams, Ok, PageQuery, UpdateAgentBody, page } from '@tandem/protocol';
import { hasRole } from '@tandem/core';
import { toJson } from '../../platform/json.ts';
import { presentAgent } from '../../domain/present.ts';
import { appError } from '../../platform/app-error.ts';
import { agentOf } from '../../http/access.ts';
import { decodeCursor, toPage } from '../../http/cursor.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { listAgents } from './agent.store.ts';
import { listTokens, type TokenRow } from '../auth/token.store.ts';

const presentToken = (t: TokenRow) =>
  toJson({ id: t.id, name: t.name ?? '', agentId: t.agentId ?? '', createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt });

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
      async (request) => {
        const actor = agentOf(request);
        const rows = await listTokens(deps.db, actor.workspaceId, 'api');
        const visible = hasRole(actor.role, 'admin') ? rows : rows.filter((t) => t.agentId === actor.agentId);
        return { items: visible.map(presentToken) };
      },
    );

    app.post(
      '/api-tokens',
      { config: { access: 'agent' }, schema: { tags: ['agents'], summary: 'Create an API token acting as you', body: CreateApiTokenBody, response: responses({ 201: CreatedApiToken }) } },
      async (request, reply) => {
        const actor = agentOf(request);
        const { id, token } = await services.auth.issue('api', actor.workspaceId, { agentId: actor.agentId, name: request.body.name });
        const row = (await listTokens(deps.db, actor.workspaceId, 'api')).find((t) => t.id === id)!;
        reply.code(201);
        return { apiToken: presentToken(row), token };
      },
    );

    app.delete(
      '/api-tokens/:id',
      { config: { access: 'agent' }, schema: { tags: ['agents'], summary: 'Revoke an API token', params: IdParams, response: responses({ 200: Ok }) } },
      async (request) => {
        const actor = agentOf(request);
        const token = (await listTokens(deps.db, actor.workspaceId, 'api')).find((t) => t.id === request.params.id);
        const mayRevoke = token && (token.agentId === actor.agentId || hasRole(actor.role, 'admin'));
        if (!mayRevoke || !(await services.auth.revoke(actor.workspaceId, token.id))) throw appError('api_token.not_found');
        return { ok: true as const };
      },
    );
  };
}
