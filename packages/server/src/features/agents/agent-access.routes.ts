import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Agent, IdParams } from '@tandem/protocol';
import { inTransaction, type Tx } from '../../adapters/postgres/database.ts';
import { presentAgent } from '../../domain/present.ts';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { disableTotp, resetLoginFailures } from '../auth/agent-security.store.ts';
import { findAgent } from './agent.store.ts';

/**
 * Help for a colleague who cannot sign in: lift a lockout before it expires, or turn off
 * two-factor after a lost phone (they set it up again). Admins may do it for agents and admins,
 * only owners for owners; both are on the audit log.
 */
export function agentAccessRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const help = (action: 'agent.unlocked' | 'agent.two_factor_reset', change: (tx: Tx, workspaceId: string, id: string) => Promise<unknown>) =>
      async (request: Parameters<typeof agentOf>[0] & { params: { id: string } }) => {
        const actor = agentOf(request);
        const agent = await inTransaction(deps.db, async (tx) => {
          const target = await findAgent(tx, actor.workspaceId, request.params.id);
          if (!target) throw appError('agent.not_found');
          if (target.role === 'owner' && actor.role !== 'owner') throw appError('agent.role_not_allowed', 'Only owners help owners.');
          await change(tx, actor.workspaceId, target.id);
          await recordAudit(tx, {
            workspaceId: actor.workspaceId, id: deps.ids(), actor: { type: 'agent', id: actor.agentId, role: actor.role },
            action, targetType: 'agent', targetId: target.id, data: {}, at: deps.clock(),
          });
          return target;
        });
        return presentAgent(agent);
      };

    app.post(
      '/agents/:id/unlock',
      { config: { access: 'admin' }, schema: { tags: ['agents'], summary: 'Lift a sign-in lockout now', params: IdParams, response: responses({ 200: Agent }) } },
      help('agent.unlocked', resetLoginFailures),
    );

    app.post(
      '/agents/:id/two-factor/reset',
      { config: { access: 'admin' }, schema: { tags: ['agents'], summary: 'Turn off two-factor for an agent who lost their device', params: IdParams, response: responses({ 200: Agent }) } },
      help('agent.two_factor_reset', disableTotp),
    );
  };
}
