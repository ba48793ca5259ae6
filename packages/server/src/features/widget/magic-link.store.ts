import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { magicLinks } from '../../adapters/postgres/schema.ts';

export type MagicLinkRow = typeof magicLinks.$inferSelect;

export async function insertMagicLink(q: Queryable, row: MagicLinkRow): Promise<void> {
  await q.insert(magicLinks).values(row);
}

/** Marks a live link used and returns it; a second redeem (or a racing one) gets null. */
export async function consumeMagicLink(q: Queryable, workspaceId: string, tokenHash: string, now: Date): Promise<MagicLinkRow | null> {
  const [row] = await q
    .update(magicLinks)
    .set({ usedAt: now })
    .where(and(eq(magicLinks.workspaceId, workspaceId), eq(magicLinks.tokenHash, tokenHash), isNull(magicLinks.usedAt), gt(magicLinks.expiresAt, now)))
    .returning();
  return row ?? null;
}
