import type { AgentRole } from '@tandem/core';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { AgentRecord, WorkspaceRecord } from '../../domain/records.ts';
import { findAgent, findAgentCredentials } from '../agents/agent.store.ts';
import { findWorkspaceBySlug } from '../workspaces/workspace.store.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { generateToken, hashToken, parseToken, type TokenKind } from './access-token.ts';
import { findLiveToken, insertToken, revokeToken, touchToken } from './token.store.ts';

export type Principal =
  | { kind: 'agent'; workspaceId: string; agentId: string; role: AgentRole; tokenId: string; via: 'session' | 'api' }
  | { kind: 'customer'; workspaceId: string; customerId: string; tokenId: string };

// Writing last_used_at on every request would turn reads into writes; minutes are precise enough.
const TOUCH_EVERY_MS = 5 * 60_000;

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

  return {
    issue,

    async login(input: { workspace: string; email: string; password: string }): Promise<{
      token: string;
      agent: AgentRecord;
      workspace: WorkspaceRecord;
    }> {
      const workspace = await findWorkspaceBySlug(db, input.workspace);
      const agent = workspace ? await findAgentCredentials(db, workspace.id, input.email.toLowerCase()) : null;
      const valid = await verifyPassword(input.password, agent?.passwordHash ?? DUMMY_HASH);
      if (!workspace || !agent || !valid) throw appError('auth.invalid_credentials');
      const expiresAt = new Date(clock().getTime() + config.SESSION_TTL_HOURS * 3_600_000);
      const { token } = await issue('session', workspace.id, { agentId: agent.id, expiresAt });
      const { passwordHash: _hash, ...record } = agent;
      return { token, agent: record, workspace };
    },

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
      return { kind: 'agent', workspaceId: row.workspaceId, agentId: agent.id, role: agent.role, tokenId: row.id, via };
    },

    async revoke(workspaceId: string, tokenId: string): Promise<boolean> {
      return revokeToken(db, workspaceId, tokenId, clock());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
