import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { mentions } from '../../adapters/postgres/schema.ts';
import type { MessageRecord } from '../../domain/records.ts';

export type MentionRecord = Omit<typeof mentions.$inferSelect, 'workspaceId' | 'agentId'>;

const visible = { id: mentions.id, messageId: mentions.messageId, conversationId: mentions.conversationId, authorId: mentions.authorId, createdAt: mentions.createdAt, seenAt: mentions.seenAt };

/** One mention per agent named in an agent's note. */
export async function insertMentions(q: Queryable, note: MessageRecord, agentIds: readonly string[], newId: () => string): Promise<void> {
  const { authorId } = note;
  if (agentIds.length === 0 || !authorId) return;
  const rows = agentIds.map((agentId) => ({
    workspaceId: note.workspaceId, id: newId(), messageId: note.id, conversationId: note.conversationId, agentId, authorId, createdAt: note.createdAt,
  }));
  await q.insert(mentions).values(rows).onConflictDoNothing();
}

/** An agent's mentions, newest first. */
export async function listMentions(q: Queryable, workspaceId: string, agentId: string, options: { unseenOnly: boolean; limit: number }): Promise<MentionRecord[]> {
  return q.select(visible).from(mentions)
    .where(and(eq(mentions.workspaceId, workspaceId), eq(mentions.agentId, agentId), options.unseenOnly ? isNull(mentions.seenAt) : undefined))
    .orderBy(desc(mentions.createdAt), desc(mentions.id))
    .limit(options.limit);
}

/** Marks an agent's unseen mentions in a conversation seen; returns how many. */
export async function markMentionsSeen(q: Queryable, workspaceId: string, agentId: string, conversationId: string, now: Date): Promise<number> {
  const rows = await q.update(mentions).set({ seenAt: now })
    .where(and(eq(mentions.workspaceId, workspaceId), eq(mentions.agentId, agentId), eq(mentions.conversationId, conversationId), isNull(mentions.seenAt)))
    .returning({ id: mentions.id });
  return rows.length;
}
