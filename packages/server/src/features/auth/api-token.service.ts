import { hasRole, type AgentRole } from '@tandem/core';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '@tandem/protocol';
import { inTransaction } from '../../adapters/postgres/database.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { generateToken } from './access-token.ts';
import { insertToken, listTokens, revokeToken, type TokenRow } from './token.store.ts';

export interface TokenActor {
  workspaceId: string;
  agentId: string;
  role: AgentRole;
}

const actorRef = (actor: TokenActor) => ({ type: 'agent' as const, id: actor.agentId, role: actor.role });

/** API tokens act as the agent who made them, within their scopes. Creating and revoking one is audited (never the secret). */
export function createApiTokenService(deps: ServiceDeps) {
  const { db, clock, ids } = deps;

  async function visibleTo(actor: TokenActor): Promise<TokenRow[]> {
    const rows = await listTokens(db, actor.workspaceId, 'api');
    return hasRole(actor.role, 'admin') ? rows : rows.filter((t) => t.agentId === actor.agentId);
  }

  return {
    /** Yours; an admin sees everyone's. */
    list: visibleTo,

    async create(actor: TokenActor, input: { name: string; scopes: readonly ApiTokenScope[] }): Promise<{ row: TokenRow; token: string }> {
      const { token, hash } = generateToken('api', actor.workspaceId);
      const scopes = API_TOKEN_SCOPES.filter((s) => input.scopes.includes(s));
      const row: TokenRow = {
        workspaceId: actor.workspaceId,
        id: ids(),
        kind: 'api',
        agentId: actor.agentId,
        customerId: null,
        name: input.name,
        tokenHash: hash,
        scopes,
        createdAt: clock(),
        expiresAt: null,
        lastUsedAt: null,
        revokedAt: null,
      };
      await inTransaction(db, async (tx) => {
        await insertToken(tx, row);
        const data = { name: input.name, scopes };
        await recordAudit(tx, { workspaceId: actor.workspaceId, id: ids(), actor: actorRef(actor), action: 'api_token.created', targetType: 'api_token', targetId: row.id, data, at: row.createdAt });
      });
      return { row, token };
    },

    /** Your own token, or anyone's for an admin. */
    async revoke(actor: TokenActor, id: string): Promise<void> {
      const token = (await visibleTo(actor)).find((t) => t.id === id);
      if (!token) throw appError('api_token.not_found');
      const at = clock();
      await inTransaction(db, async (tx) => {
        if (!(await revokeToken(tx, actor.workspaceId, token.id, at))) throw appError('api_token.not_found');
        const data = { name: token.name, ownerId: token.agentId };
        await recordAudit(tx, { workspaceId: actor.workspaceId, id: ids(), actor: actorRef(actor), action: 'api_token.revoked', targetType: 'api_token', targetId: token.id, data, at });
      });
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
