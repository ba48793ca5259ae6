import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditEntry,
  CreateTeamBody,
  Id,
  IdParams,
  IdentitySecret,
  PageQuery,
  Team,
  UpdateTeamBody,
  UpdateWorkspaceBody,
  Workspace,
  page,
} from '@tandem/protocol';
import { toJson } from '../../platform/json.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { agentOf } from '../../http/access.ts';
import { decodeCursor, toPage } from '../../http/cursor.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../adapters/postgres/database.ts';
import { findTeam, listTeams, saveTeam } from '../teams/team.store.ts';
import { auditByAgent } from '../audit/audit-by-agent.ts';
import { listAudit } from '../audit/audit.store.ts';
import { findIdentitySecret, setIdentitySecret } from './workspace.store.ts';

export function workspaceRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/workspace', { config: { access: 'agent' }, schema: { tags: ['workspace'], response: responses({ 200: Workspace }) } }, async (request) =>
      toJson(await services.workspaces.get(agentOf(request).workspaceId)),
    );

    app.patch(
      '/workspace',
      { config: { access: 'admin' }, schema: { tags: ['workspace'], body: UpdateWorkspaceBody, response: responses({ 200: Workspace }) } },
      async (request) => {
        const updated = await services.workspaces.update(agentOf(request).workspaceId, request.body);
        const changed = [...(request.body.name ? ['name'] : []), ...Object.keys(request.body.settings ?? {}).map((key) => `settings.${key}`)];
        await auditByAgent(deps, request, { action: 'settings.changed', targetType: 'workspace', targetId: updated.id, data: { changed, settings: request.body.settings ?? {} } });
        return toJson(updated);
      },
    );

    app.get(
      '/workspace/identity-secret',
      { config: { access: 'owner' }, schema: { tags: ['workspace'], summary: 'The secret that signs widget identify() calls', response: responses({ 200: IdentitySecret }) } },
      async (request) => {
        const { workspaceId } = agentOf(request);
        await auditByAgent(deps, request, { action: 'identity_secret.viewed', targetType: 'workspace', targetId: workspaceId });
        return { secret: (await findIdentitySecret(deps.db, workspaceId))! };
      },
    );

    app.post(
      '/workspace/identity-secret/rotate',
      { config: { access: 'owner' }, schema: { tags: ['workspace'], summary: 'Replace the identity secret (old hashes stop working)', response: responses({ 200: IdentitySecret }) } },
      async (request) => {
        const secret = randomBytes(32).toString('hex');
        const { workspaceId } = agentOf(request);
        await setIdentitySecret(deps.db, workspaceId, secret);
        await auditByAgent(deps, request, { action: 'identity_secret.rotated', targetType: 'workspace', targetId: workspaceId });
        return { secret };
      },
    );

    app.get('/teams', { config: { access: 'agent' }, schema: { tags: ['teams'], response: responses({ 200: z.object({ items: z.array(Team) }) }) } }, async (request) => ({
      items: (await listTeams(deps.db, agentOf(request).workspaceId)).map(toJson),
    }));

    app.post(
      '/teams',
      { config: { access: 'admin' }, schema: { tags: ['teams'], body: CreateTeamBody, response: responses({ 201: Team }) } },
      async (request, reply) => {
        const { workspaceId } = agentOf(request);
        const team = { id: deps.ids(), ...request.body, createdAt: deps.clock() };
        await inTransaction(deps.db, (tx) => saveTeam(tx, workspaceId, team, { isNew: true }));
        reply.code(201);
        return toJson(team);
      },
    );

    app.patch(
      '/teams/:id',
      { config: { access: 'admin' }, schema: { tags: ['teams'], params: IdParams, body: UpdateTeamBody, response: responses({ 200: Team }) } },
      async (request) => {
        const { workspaceId } = agentOf(request);
        const saved = await inTransaction(deps.db, async (tx) => {
          const current = await findTeam(tx, workspaceId, request.params.id);
          if (!current) throw appError('team.not_found');
          const next = { ...current, ...request.body };
          await saveTeam(tx, workspaceId, next, { isNew: false });
          return next;
        });
        return toJson(saved);
      },
    );

    app.get(
      '/audit-entries',
      {
        config: { access: 'admin' },
        schema: { tags: ['audit'], querystring: PageQuery.extend({ targetId: Id.optional() }), response: responses({ 200: page(AuditEntry) }) },
      },
      async (request) => {
        const { cursor, limit, targetId } = request.query;
        const before = (decodeCursor(cursor, 1)?.[0] as string | undefined) ?? null;
        const rows = await listAudit(deps.db, agentOf(request).workspaceId, { before, limit: limit + 1, ...(targetId ? { targetId } : {}) });
        return toPage(rows, limit, (r) => [r.id], (r) => toJson({ ...r, actorType: r.actorType as 'agent' }));
      },
    );

    app.post(
      '/audit-entries/:id/revert',
      { config: { access: 'admin' }, schema: { tags: ['audit'], summary: 'Revert a merge or split', params: IdParams, response: responses({ 200: z.object({ revertedAt: z.string() }) }) } },
      async (request) => {
        const actor = agentOf(request);
        const { revertedAt } = await services.revert.revert(actor.workspaceId, request.params.id, { type: 'agent', id: actor.agentId, role: actor.role });
        return { revertedAt: revertedAt.toISOString() };
      },
    );
  };
}
