import { canAssignRole, type AgentRole } from '@tandem/core';
import { pgCode } from '../../adapters/postgres/database.ts';
import type { AgentRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { transact } from '../feed/transact.ts';
import { hashPassword } from '../auth/password.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { countOwners, findAgent, insertAgent, updateAgent } from './agent.store.ts';

export interface NewAgent {
  email: string;
  name: string;
  role: AgentRole;
  password: string;
  skills: string[];
}

export function createAgentService(deps: ServiceDeps) {
  const { db, clock, ids } = deps;

  return {
    /** `actorRole` null means a local admin command (CLI), which may create owners. */
    async create(workspaceId: string, input: NewAgent, actorRole: AgentRole | null): Promise<AgentRecord> {
      if (actorRole !== null && !canAssignRole(actorRole, input.role)) {
        throw appError('agent.role_not_allowed', `A ${actorRole} cannot create a ${input.role}.`);
      }
      const agent: AgentRecord = {
        workspaceId,
        id: ids(),
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        skills: input.skills,
        createdAt: clock(),
      };
      const passwordHash = await hashPassword(input.password);
      try {
        await insertAgent(db, { ...agent, passwordHash });
      } catch (error) {
        if (pgCode(error) === '23505') throw appError('agent.email_taken', undefined, { cause: error });
        throw error;
      }
      return agent;
    },

    async get(workspaceId: string, id: string): Promise<AgentRecord> {
      const agent = await findAgent(db, workspaceId, id);
      if (!agent) throw appError('agent.not_found');
      return agent;
    },

    async update(
      workspaceId: string,
      id: string,
      change: { name?: string | undefined; role?: AgentRole | undefined; skills?: string[] | undefined; password?: string | undefined },
      actor: { id: string; role: AgentRole },
    ): Promise<AgentRecord> {
      const isSelf = actor.id === id;
      const touchesOthers = change.role !== undefined || (!isSelf && (change.password !== undefined || change.skills !== undefined));
      if (!isSelf && actor.role === 'agent') throw appError('auth.forbidden', 'Agents may only change themselves.');
      if (touchesOthers && actor.role === 'agent') throw appError('auth.forbidden', 'Only admins change roles.');
      if (change.role !== undefined && !canAssignRole(actor.role, change.role)) {
        throw appError('agent.role_not_allowed', `A ${actor.role} cannot give the ${change.role} role.`);
      }
      const passwordHash = change.password ? await hashPassword(change.password) : undefined;
      return transact(deps, async (tx) => {
        const current = await findAgent(tx, workspaceId, id);
        if (!current) throw appError('agent.not_found');
        if (current.role === 'owner' && actor.role !== 'owner' && !isSelf) {
          throw appError('agent.role_not_allowed', 'Only owners change owners.');
        }
        const { password: _password, ...rest } = change;
        const updated = await updateAgent(tx, workspaceId, id, { ...rest, ...(passwordHash ? { passwordHash } : {}) });
        if (current.role === 'owner' && change.role && change.role !== 'owner' && (await countOwners(tx, workspaceId)) === 0) {
          throw appError('agent.last_owner');
        }
        if (change.role !== undefined && change.role !== current.role) {
          const data = { from: current.role, to: change.role };
          await recordAudit(tx, { workspaceId, id: ids(), actor: { type: 'agent', ...actor }, action: 'agent.role_changed', targetType: 'agent', targetId: id, data, at: clock() });
        }
        return updated!;
      });
    },
  };
}

export type AgentService = ReturnType<typeof createAgentService>;
