import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { emailMessageIds } from '../../adapters/postgres/schema.ts';

export interface EmailHeaderRow {
  workspaceId: string;
  headerId: string;
  conversationId: string;
  messageId: string;
  rawKey: string | null;
  createdAt: Date;
}

/** Remembers a Message-ID we received or sent; the first record of an id wins (replays change nothing). */
export async function rememberHeaderId(q: Queryable, row: EmailHeaderRow): Promise<void> {
  await q.insert(emailMessageIds).values(row).onConflictDoNothing();
}

export async function isKnownHeaderId(q: Queryable, workspaceId: string, headerId: string): Promise<boolean> {
  const rows = await q.select({ id: emailMessageIds.headerId }).from(emailMessageIds)
    .where(and(eq(emailMessageIds.workspaceId, workspaceId), eq(emailMessageIds.headerId, headerId))).limit(1);
  return rows.length > 0;
}

/** The conversations a mail's In-Reply-To and References point at, most recently referenced first. */
export async function conversationsForHeaderIds(q: Queryable, workspaceId: string, headerIds: readonly string[]): Promise<EmailHeaderRow[]> {
  if (headerIds.length === 0) return [];
  return q.select().from(emailMessageIds)
    .where(and(eq(emailMessageIds.workspaceId, workspaceId), inArray(emailMessageIds.headerId, [...headerIds].slice(0, 100))))
    .orderBy(desc(emailMessageIds.createdAt));
}

/** A conversation's Message-IDs, oldest first: the References of the next reply. */
export async function headerIdsOf(q: Queryable, workspaceId: string, conversationId: string): Promise<EmailHeaderRow[]> {
  return q.select().from(emailMessageIds)
    .where(and(eq(emailMessageIds.workspaceId, workspaceId), eq(emailMessageIds.conversationId, conversationId)))
    .orderBy(asc(emailMessageIds.createdAt));
}

export async function rawKeyOf(q: Queryable, workspaceId: string, messageId: string): Promise<string | null> {
  const [row] = await q.select({ rawKey: emailMessageIds.rawKey }).from(emailMessageIds)
    .where(and(eq(emailMessageIds.workspaceId, workspaceId), eq(emailMessageIds.messageId, messageId))).limit(1);
  return row?.rawKey ?? null;
}
