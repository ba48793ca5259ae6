import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { accessTokens } from '../../adapters/postgres/schema.ts';
import type { TokenKind } from './access-token.ts';

export type TokenRow = typeof accessTokens.$inferSelect;

export async function insertToken(q: Queryable, row: typeof accessTokens.$inferInsert): Promise<void> {
  await q.insert(accessTokens).values(row);
}

export async function findLiveToken(q: Queryable, workspaceId: string, hash: string): Promise<TokenRow | null> {
  const [row] = await q
    .select()
    .from(accessTokens)
    .where(and(eq(accessTokens.workspaceId, workspaceId), eq(accessTokens.tokenHash, hash), isNull(accessTokens.revokedAt)));
  return row ?? null;
}

export async function touchToken(q: Queryable, workspaceId: string, id: string, at: Date): Promise<void> {
  await q
    .update(accessTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(accessTokens.workspaceId, workspaceId), eq(accessTokens.id, id)));
}

export async function revokeToken(q: Queryable, workspaceId: string, id: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(accessTokens)
    .set({ revokedAt: at })
    .where(and(eq(accessTokens.workspaceId, workspaceId), eq(accessTokens.id, id), isNull(accessTokens.revokedAt)))
    .returning({ id: accessTokens.id });
  return rows.length > 0;
}

export async function listTokens(q: Queryable, workspaceId: string, kind: TokenKind): Promise<TokenRow[]> {
  return q
    .select()
    .from(accessTokens)
    .where(and(eq(accessTokens.workspaceId, workspaceId), eq(accessTokens.kind, kind)))
    .orderBy(asc(accessTokens.createdAt));
}

/** Signs a customer out everywhere (e.g. after a magic link proved who owns their email). */
export async function revokeCustomerTokens(q: Queryable, workspaceId: string, customerId: string, at: Date): Promise<void> {
  await q
    .update(accessTokens)
    .set({ revokedAt: at })
    .where(and(eq(accessTokens.workspaceId, workspaceId), eq(accessTokens.customerId, customerId), isNull(accessTokens.revokedAt)));
}

/** Signs an agent out of every session but `keepId` (after a suspected compromise); returns how many. */
export async function revokeOtherSessions(q: Queryable, workspaceId: string, agent: { agentId: string; keepId: string }, at: Date): Promise<number> {
  const rows = await q
    .update(accessTokens)
    .set({ revokedAt: at })
    .where(
      and(
        eq(accessTokens.workspaceId, workspaceId),
        eq(accessTokens.agentId, agent.agentId),
        eq(accessTokens.kind, 'session'),
        ne(accessTokens.id, agent.keepId),
        isNull(accessTokens.revokedAt),
      ),
    )
    .returning({ id: accessTokens.id });
  return rows.length;
}
