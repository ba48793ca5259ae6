import type { AgentRole } from '@tandem/core';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '@tandem/protocol';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findAgent } from '../agents/agent.store.ts';
import { generateToken, hashToken, parseToken, type TokenKind } from './access-token.ts';
import { createApiTokenService } from './api-token.service.ts';
import { createLoginService } from './login.service.ts';
import { findLiveToken, insertToken, revokeOtherSessions, revokeToken, touchToken } from './token.store.ts';
import { createTwoFactorService } from './two-factor.service.ts';

export type Principal =
  | {
      kind: 'agent';
      workspaceId: string;
      agentId: string;
      role: AgentRole;
      tokenId: string;
      via: 'session' | 'api';
      /** What the token may do: sessions have every scope, API tokens the ones they were made with. */
      scopes: readonly ApiTokenScope[];
    }
  | { kind: 'customer'; workspaceId: string; customerId: string; tokenId: string };

// Writing last_used_at on every request would turn reads into writes; minutes are precise enough.
const TOUCH_EVERY_MS = 5 * 60_000;

const scopesOf = (stored: readonly string[]): ApiTokenScope[] => API_TOKEN_SCOPES.filter((s) => stored.includes(s));

export function createAuthService(deps: ServiceDeps) {
  const { db, clock, ids, config } = deps;

  async function issue(
    kind: TokenKind,
    workspaceId: string,
    owner: { agentId?: string; customerId?: string; name?: string; expiresAt?: Date | null },
  ) {
    const { token, hash } = generateToken(kind, workspaceId);
    const id = ids();
    await insertToken(db, {
      workspaceId,
      id,
      kind,
      agentId: owner.agentId ?? null,
      customerId: owner.customerId ?? null,
      name: owner.name ?? null,
      tokenHash: hash,
      createdAt: clock(),
      expiresAt: owner.expiresAt ?? null,
    });
    return { id, token };
  }

  async function revokePresentedSession(token: string): Promise<void> {
    const parsed = parseToken(token);
    if (parsed?.kind !== 'session') return;
    const row = await findLiveToken(db, parsed.workspaceId, hashToken(token));
    if (row?.kind === 'session') await revokeToken(db, row.workspaceId, row.id, clock());
  }

  const twoFactor = createTwoFactorService(deps);
  const login = createLoginService(deps, {
    twoFactor,
    revokePresentedSession,
    issueSession: async (workspaceId, agentId) => {
      const expiresAt = new Date(clock().getTime() + config.SESSION_TTL_HOURS * 3_600_000);
      return (await issue('session', workspaceId, { agentId, expiresAt })).token;
    },
  });

  return {
    issue,
    login,
    twoFactor,
    apiTokens: createApiTokenService(deps),

    async authenticate(token: string): Promise<Principal | null> {
      const parsed = parseToken(token);
      if (!parsed) return null;
      const row = await findLiveToken(db, parsed.workspaceId, hashToken(token));
      const now = clock();
      if (!row || row.kind !== parsed.kind || (row.expiresAt && row.expiresAt <= now)) return null;
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
        await touchToken(db, row.workspaceId, row.id, now);
      }
      if (row.kind === 'widget') {
        return row.customerId
          ? { kind: 'customer', workspaceId: row.workspaceId, customerId: row.customerId, tokenId: row.id }
          : null;
      }
      const agent = row.agentId ? await findAgent(db, row.workspaceId, row.agentId) : null;
      if (!agent) return null;
      const via = row.kind === 'api' ? 'api' : 'session';
      const scopes = via === 'api' ? scopesOf(row.scopes) : API_TOKEN_SCOPES;
      return { kind: 'agent', workspaceId: row.workspaceId, agentId: agent.id, role: agent.role, tokenId: row.id, via, scopes };
    },

    async revoke(workspaceId: string, tokenId: string): Promise<boolean> {
      return revokeToken(db, workspaceId, tokenId, clock());
    },

    /** Every other session of the agent ends; the one asking (`keepId`) stays signed in. */
    async revokeOtherSessions(workspaceId: string, agent: { agentId: string; keepId: string }): Promise<number> {
      return revokeOtherSessions(db, workspaceId, agent, clock());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
