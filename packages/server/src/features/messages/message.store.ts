import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { messages } from '../../adapters/postgres/schema.ts';
import { messageFromRow } from '../../adapters/postgres/row-mappers.ts';
import type { MessageRecord } from '../../domain/records.ts';

export async function listMessages(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
  options: { afterSeq: number; limit: number; includePrivate: boolean },
): Promise<MessageRecord[]> {
  const rows = await q
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.conversationId, conversationId),
        gt(messages.seq, options.afterSeq),
        options.includePrivate ? undefined : eq(messages.private, false),
      ),
    )
    .orderBy(asc(messages.seq))
    .limit(options.limit);
  return rows.map(messageFromRow);
}

export async function findMessages(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
  ids: string[],
): Promise<MessageRecord[]> {
  const rows = await q
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId), inArray(messages.id, ids)))
    .orderBy(asc(messages.seq));
  return rows.map(messageFromRow);
}

/**
 * Moves messages to another conversation at the given sequence numbers (merge, split and
 * their reverts). Sequence numbers are never reused within a conversation, so moving a
 * message back to its old place cannot collide.
 */
export async function moveMessages(
  q: Queryable,
  workspaceId: string,
  moves: Array<{ id: string; conversationId: string; seq: number }>,
): Promise<void> {
  if (moves.length === 0) return;
  await q.execute(sql`
    UPDATE messages m SET conversation_id = k.conversation_id, seq = k.seq
    FROM jsonb_to_recordset(${JSON.stringify(moves.map((m) => ({ id: m.id, conversation_id: m.conversationId, seq: m.seq })))}::jsonb) AS k(id uuid, conversation_id uuid, seq int)
    WHERE m.workspace_id = ${workspaceId} AND m.id = k.id`);
  // A mention points at its note's conversation, wherever the note goes.
  await q.execute(sql`
    UPDATE mentions n SET conversation_id = k.conversation_id
    FROM jsonb_to_recordset(${JSON.stringify(moves.map((m) => ({ id: m.id, conversation_id: m.conversationId })))}::jsonb) AS k(id uuid, conversation_id uuid)
    WHERE n.workspace_id = ${workspaceId} AND n.message_id = k.id`);
}

export async function findMessage(q: Queryable, workspaceId: string, id: string): Promise<MessageRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await q.select().from(messages).where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, id)));
  return row ? messageFromRow(row) : null;
}
