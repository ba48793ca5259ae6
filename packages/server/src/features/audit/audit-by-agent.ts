import type { FastifyRequest } from 'fastify';
import { agentOf } from '../../http/access.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { recordAudit } from './audit.store.ts';

/**
 * Records what the signed-in agent just did (settings, consent, secrets). Called after the change
 * succeeded; `data` says what changed and never holds a secret.
 */
export async function auditByAgent(
  deps: Pick<ServiceDeps, 'db' | 'ids' | 'clock'>,
  request: FastifyRequest,
  entry: { action: string; targetType: string; targetId: string; data?: Record<string, unknown> },
): Promise<void> {
  const agent = agentOf(request);
  await recordAudit(deps.db, {
    workspaceId: agent.workspaceId,
    id: deps.ids(),
    actor: { type: 'agent', id: agent.agentId, role: agent.role },
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    data: entry.data ?? {},
    at: deps.clock(),
  });
}
