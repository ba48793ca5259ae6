import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { FeedEventType } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { conversations, feedEvents, messages, workspaces } from '../../adapters/postgres/schema.ts';
import { conversationFromRow, messageFromRow } from '../../adapters/postgres/row-mappers.ts';
import type { ConversationRecord, FeedEventRecord, MessageRecord } from '../../domain/records.ts';

export interface NewFeedEvent {
  workspaceId: string;
  type: FeedEventType;
  conversationId: string | null;
  conversation?: ConversationRecord;
  message?: MessageRecord;
  data?: Record<string, unknown>;
}

/**
 * Stores events in the workspace feed, inside the caller's transaction. Sequence numbers come
 * from a counter on the workspace row, whose lock is held until commit: so seq order is commit
 * order, and a client that has seen N has seen everything before N.
 */
export async function appendFeed(q: Queryable, events: NewFeedEvent[], now: Date): Promise<FeedEventRecord[]> {
  if (events.length === 0) return [];
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.workspaceId, (counts.get(e.workspaceId) ?? 0) + 1);
  const wanted = JSON.stringify([...counts].map(([id, n]) => ({ id, n })));
  const allocated = rowsOf<{ id: string; feed_seq: string | number }>(
    await q.execute(sql`
      UPDATE workspaces w SET feed_seq = w.feed_seq + k.n
      FROM jsonb_to_recordset(${wanted}::jsonb) AS k(id uuid, n int)
      WHERE w.id = k.id
      RETURNING w.id, w.feed_seq`),
  );
  const next = new Map(allocated.map((r) => [r.id, Number(r.feed_seq) - (counts.get(r.id) ?? 0) + 1]));
  const stored: FeedEventRecord[] = events.map((e) => {
    const seq = next.get(e.workspaceId);
    if (seq === undefined) throw new Error(`feed: workspace ${e.workspaceId} does not exist`);
    next.set(e.workspaceId, seq + 1);
    return { ...e, seq, data: e.data ?? {}, createdAt: now };
  });
  await q.insert(feedEvents).values(
    stored.map((e) => ({
      workspaceId: e.workspaceId,
      seq: e.seq,
      type: e.type,
      conversationId: e.conversationId,
      messageId: e.message?.id ?? null,
      data: e.data,
      createdAt: e.createdAt,
    })),
  );
  return stored;
}

/** Feed events after `since`, with their message and the conversation as it is now. */
export async function readFeedSince(
  q: Queryable,
  workspaceId: string,
  since: number,
  limit: number,
): Promise<FeedEventRecord[]> {
  const rows = await q
    .select({ f: feedEvents, m: messages, c: conversations })
    .from(feedEvents)
    .leftJoin(messages, and(eq(messages.workspaceId, feedEvents.workspaceId), eq(messages.id, feedEvents.messageId)))
    .leftJoin(
      conversations,
      and(eq(conversations.workspaceId, feedEvents.workspaceId), eq(conversations.id, feedEvents.conversationId)),
    )
    .where(and(eq(feedEvents.workspaceId, workspaceId), gt(feedEvents.seq, since)))
    .orderBy(asc(feedEvents.seq))
    .limit(limit);
  return rows.map(({ f, m, c }) => ({
    workspaceId: f.workspaceId,
    seq: Number(f.seq),
    type: f.type as FeedEventType,
    conversationId: f.conversationId,
    ...(c ? { conversation: conversationFromRow(c) } : {}),
    ...(m ? { message: messageFromRow(m) } : {}),
    data: f.data,
    createdAt: f.createdAt,
  }));
}

export async function currentFeedSeq(q: Queryable, workspaceId: string): Promise<number> {
  const [row] = await q.select({ seq: workspaces.feedSeq }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return Number(row?.seq ?? 0);
}
