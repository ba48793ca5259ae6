import { sql } from 'drizzle-orm';
import { statusAfterMessage } from '@tandem/core';
import { rowsOf, type Tx } from '../../adapters/postgres/database.ts';
import { conversationFromRaw, messageFromRaw } from '../../adapters/postgres/row-mappers.ts';
import type { ConversationRecord, MessageRecord } from '../../domain/records.ts';
import type { NewFeedEvent } from '../feed/feed.store.ts';
import { insertDeliveries } from '../deliveries/delivery.store.ts';

/** A message to store: what its record will hold, less what storage assigns (id, seq, time, status). */
export type AppendRequest = Pick<
  MessageRecord,
  'workspaceId' | 'conversationId' | 'author' | 'authorId' | 'channel' | 'private' | 'body' | 'content' | 'idempotencyKey'
> & {
  /** Append only if the conversation belongs to this customer (a customer's own send). */
  customerId?: string;
  /** The channel's thread reference, kept for `thread` grouping. */
  threadKey?: string | null;
  /** A customer's answer to a survey: stored, but it does not reopen the conversation. */
  keepsStatus?: boolean;
};

export type AppendResult =
  | { kind: 'stored'; message: MessageRecord; conversation: ConversationRecord; duplicate: boolean }
  | { kind: 'conversation_not_found'; mergedIntoId: string | null };

/** Thrown when a concurrent writer stored one of our idempotency keys first: retry the batch. */
export class IdempotencyRace extends Error {}

/**
 * Stores a batch of messages in the caller's transaction: idempotent replays are answered
 * from storage, conversations are locked in a fixed order (no deadlocks between batches),
 * sequence numbers are allocated under those locks, and one feed event is added per message.
 */
export async function appendBatch(
  tx: Tx,
  requests: readonly AppendRequest[],
  options: { now: Date; newId: () => string },
): Promise<{ results: AppendResult[]; feed: NewFeedEvent[] }> {
  const results: Array<AppendResult | undefined> = await findReplays(tx, requests);
  const fresh = requests.flatMap((r, i) => (results[i] ? [] : [i]));
  const locked = await lockConversations(tx, fresh.map((i) => requests[i]!));
  const planned = new Map<string, ConversationRecord>();
  const newMessages: MessageRecord[] = [];
  const owners: number[] = [];
  for (const i of fresh) {
    const req = requests[i]!;
    const key = convKey(req.workspaceId, req.conversationId);
    const current = planned.get(key) ?? locked.get(key);
    const visible = current && (!req.customerId || current.customerId === req.customerId);
    if (!visible || current.mergedIntoId !== null) {
      results[i] = { kind: 'conversation_not_found', mergedIntoId: visible ? current.mergedIntoId : null };
      continue;
    }
    const next = applyMessage(current, req, options.now);
    planned.set(key, next);
    newMessages.push({
      workspaceId: req.workspaceId,
      id: options.newId(),
      conversationId: req.conversationId,
      seq: next.lastSeq,
      author: req.author,
      authorId: req.authorId,
      channel: req.channel,
      private: req.private,
      body: req.body,
      content: req.content,
      deliveryStatus: 'stored',
      deliveryError: null,
      idempotencyKey: req.idempotencyKey,
      createdAt: options.now,
    });
    owners.push(i);
  }
  if (newMessages.length === 0) return { results: results as AppendResult[], feed: [] };
  // The rows become exactly what was planned under their locks: no need to read them back.
  await updateConversations(tx, [...planned.values()]);
  await insertMessages(tx, newMessages);
  await insertDeliveries(tx, newMessages, options);
  const feed: NewFeedEvent[] = newMessages.map((message, n) => {
    const conversation = planned.get(convKey(message.workspaceId, message.conversationId))!;
    results[owners[n]!] = { kind: 'stored', message, conversation, duplicate: false };
    return { workspaceId: message.workspaceId, type: 'message.created', conversationId: conversation.id, conversation, message };
  });
  return { results: results as AppendResult[], feed };
}

const convKey = (workspaceId: string, conversationId: string) => `${workspaceId}/${conversationId}`;

function applyMessage(c: ConversationRecord, req: AppendRequest, now: Date): ConversationRecord {
  const status = req.keepsStatus ? c.status : statusAfterMessage(c.status, req.author);
  const fromCustomer = req.author === 'customer';
  const reopened = status !== c.status;
  return {
    ...c,
    lastSeq: c.lastSeq + 1,
    status,
    resolvedAt: reopened ? null : c.resolvedAt,
    snoozedUntil: reopened ? null : c.snoozedUntil,
    channels: c.channels.includes(req.channel) ? c.channels : [...c.channels, req.channel],
    lastChannel: fromCustomer ? req.channel : c.lastChannel,
    threadKey: fromCustomer && req.threadKey ? req.threadKey : c.threadKey,
    lastActivityAt: now,
  };
}

// One probe of messages_idempotency_idx per key, not a scan: LATERAL makes the plan per key
// whatever the planner guesses of the batch size, and IS NOT NULL matches the partial index.
// Keys are deduplicated per author; only authored messages (customer, agent) carry them.
async function findReplays(tx: Tx, requests: readonly AppendRequest[]): Promise<Array<AppendResult | undefined>> {
  const keyed = requests.flatMap((r, i) => (r.idempotencyKey && r.authorId ? [{ i, ws: r.workspaceId, author: r.author, aid: r.authorId, key: r.idempotencyKey }] : []));
  const results: Array<AppendResult | undefined> = requests.map(() => undefined);
  if (keyed.length === 0) return results;
  const rows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      SELECT k.i, to_jsonb(m) AS m, to_jsonb(c) AS c
      FROM jsonb_to_recordset(${JSON.stringify(keyed)}::jsonb) AS k(i int, ws uuid, author text, aid uuid, key text)
      CROSS JOIN LATERAL (
        SELECT * FROM messages
        WHERE workspace_id = k.ws AND author = k.author AND author_id = k.aid
          AND idempotency_key = k.key AND idempotency_key IS NOT NULL
        LIMIT 1) m
      JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id`),
  );
  for (const row of rows) {
    results[Number(row.i)] = {
      kind: 'stored',
      message: messageFromRaw(row.m as Record<string, unknown>),
      conversation: conversationFromRaw(row.c as Record<string, unknown>),
      duplicate: true,
    };
  }
  return results;
}

async function lockConversations(tx: Tx, requests: readonly AppendRequest[]): Promise<Map<string, ConversationRecord>> {
  const wanted = [...new Set(requests.map((r) => convKey(r.workspaceId, r.conversationId)))].map((k) => {
    const [ws, id] = k.split('/');
    return { ws, id };
  });
  if (wanted.length === 0) return new Map();
  const rows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      SELECT c.* FROM conversations c
      JOIN jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS k(ws uuid, id uuid)
        ON c.workspace_id = k.ws AND c.id = k.id
      ORDER BY c.workspace_id, c.id
      FOR UPDATE OF c`),
  );
  return new Map(rows.map((r) => [convKey(String(r.workspace_id), String(r.id)), conversationFromRaw(r)]));
}

async function updateConversations(tx: Tx, planned: ConversationRecord[]): Promise<void> {
  const values = planned.map((c) => ({
    ws: c.workspaceId,
    id: c.id,
    last_seq: c.lastSeq,
    status: c.status,
    resolved_at: c.resolvedAt,
    snoozed_until: c.snoozedUntil,
    channels: c.channels,
    last_channel: c.lastChannel,
    thread_key: c.threadKey,
    last_activity_at: c.lastActivityAt,
  }));
  await tx.execute(sql`
    UPDATE conversations c SET last_seq = k.last_seq, status = k.status, resolved_at = k.resolved_at,
      snoozed_until = k.snoozed_until, channels = k.channels, last_channel = k.last_channel,
      thread_key = k.thread_key, last_activity_at = k.last_activity_at
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS k(ws uuid, id uuid, last_seq int, status text,
      resolved_at timestamptz, snoozed_until timestamptz, channels text[], last_channel text, thread_key text,
      last_activity_at timestamptz)
    WHERE c.workspace_id = k.ws AND c.id = k.id`);
}

async function insertMessages(tx: Tx, batch: MessageRecord[]): Promise<void> {
  const values = batch.map((m) => ({
    ws: m.workspaceId,
    id: m.id,
    conv: m.conversationId,
    seq: m.seq,
    author: m.author,
    aid: m.authorId,
    channel: m.channel,
    private: m.private,
    body: m.body,
    content: m.content,
    status: m.deliveryStatus,
    key: m.idempotencyKey,
    at: m.createdAt,
  }));
  const inserted = rowsOf<{ id: string }>(
    await tx.execute(sql`
      INSERT INTO messages (workspace_id, id, conversation_id, seq, author, author_id, channel, private, body,
        content, delivery_status, idempotency_key, created_at)
      SELECT ws, id, conv, seq, author, aid, channel, private, body, content, status, key, at
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS k(ws uuid, id uuid, conv uuid, seq int,
        author text, aid uuid, channel text, private boolean, body text, content jsonb, status text, key text,
        at timestamptz)
      ON CONFLICT (workspace_id, author, author_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
      RETURNING id`),
  );
  if (inserted.length !== batch.length) throw new IdempotencyRace('an idempotency key was stored concurrently');
}
