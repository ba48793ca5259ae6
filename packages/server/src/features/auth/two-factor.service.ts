import type { AgentRole } from '@tandem/core';
import { inTransaction, type Tx } from '../../adapters/postgres/database.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { acceptTotpStep, disableTotp, enableTotp, findTotpState, storePendingTotp, type TotpState } from './agent-security.store.ts';
import { matchTotp, newTotpSecret, totpUri } from './totp.ts';

export interface TwoFactorActor {
  workspaceId: string;
  agentId: string;
  role: AgentRole;
}

/**
 * Optional TOTP per agent: setup stores a pending secret, enable turns it on once the agent proves
 * their app has it, disable needs a current code too. The secret leaves the server only in setup's answer.
 */
export function createTwoFactorService(deps: ServiceDeps) {
  const { db, clock, ids, log } = deps;
  /** True when `code` is current for `secret` and was not accepted before for this agent (by any process). */
  async function check(workspaceId: string, agentId: string, secret: string, code: string): Promise<boolean> {
    const step = matchTotp(secret, code, clock());
    return step !== null && (await acceptTotpStep(db, workspaceId, agentId, step));
  }

  async function stateOf(actor: TwoFactorActor): Promise<TotpState> {
    const state = await findTotpState(db, actor.workspaceId, actor.agentId);
    if (!state) throw appError('agent.not_found');
    return state;
  }

  async function audit(actor: TwoFactorActor, action: 'agent.two_factor_enabled' | 'agent.two_factor_disabled', write: (tx: Tx) => Promise<boolean>) {
    const at = clock();
    await inTransaction(db, async (tx) => {
      if (!(await write(tx))) throw appError('auth.totp_not_enabled', 'Two-factor changed meanwhile: start again.');
      const actorRef = { type: 'agent' as const, id: actor.agentId, role: actor.role };
      await recordAudit(tx, { workspaceId: actor.workspaceId, id: ids(), actor: actorRef, action, targetType: 'agent', targetId: actor.agentId, data: {}, at });
    });
    log.info({ workspaceId: actor.workspaceId, agentId: actor.agentId, action }, 'two-factor changed');
  }

  return {
    check,

    async isEnabled(workspaceId: string, agentId: string): Promise<boolean> {
      return Boolean((await findTotpState(db, workspaceId, agentId))?.enabledAt);
    },

    async setup(actor: TwoFactorActor): Promise<{ secret: string; otpauthUri: string }> {
      const state = await stateOf(actor);
      const secret = newTotpSecret();
      if (state.enabledAt || !(await storePendingTotp(db, actor.workspaceId, actor.agentId, secret))) {
        throw appError('auth.totp_already_enabled', 'Turn two-factor off before setting it up again.');
      }
      return { secret, otpauthUri: totpUri(secret, state.email) };
    },

    async enable(actor: TwoFactorActor, code: string): Promise<void> {
      const { secret, enabledAt } = await stateOf(actor);
      if (enabledAt) throw appError('auth.totp_already_enabled');
      if (!secret) throw appError('auth.totp_not_enabled', 'Set two-factor up first.');
      if (!(await check(actor.workspaceId, actor.agentId, secret, code))) throw appError('auth.totp_invalid');
      await audit(actor, 'agent.two_factor_enabled', (tx) => enableTotp(tx, actor.workspaceId, actor.agentId, secret, clock()));
    },

    async disable(actor: TwoFactorActor, code: string): Promise<void> {
      const { secret, enabledAt } = await stateOf(actor);
      if (!enabledAt || !secret) throw appError('auth.totp_not_enabled');
      if (!(await check(actor.workspaceId, actor.agentId, secret, code))) throw appError('auth.totp_invalid');
      await audit(actor, 'agent.two_factor_disabled', (tx) => disableTotp(tx, actor.workspaceId, actor.agentId));
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
