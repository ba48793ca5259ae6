import { sql } from 'drizzle-orm';
import type { RetentionAction } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { deleteConversationRecords, messagesOf } from './conversation-records.store.ts';
import { attachmentKeysOnlyIn, deleteFileRows, releaseOriginals } from './stored-files.store.ts';
import { countChanged, uuidArray } from './uuid-array.ts';

/** What an anonymized message says instead of its text: no language, so no locale is favoured. */
export const REMOVED_TEXT = '[removed]';

/** Workspaces that keep conversations for a limited time (a cross-workspace read, for the periodic pass only). */
export async function workspacesWithRetention(q: Queryable): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await q.execute(sql`SELECT id FROM workspaces WHERE settings #>> '{privacy,retentionDays}' IS NOT NULL`));
  return rows.map((r) => r.id);
}

/**
 * Up to `limit` resolved conversations inactive since before `cutoff` that still hold something to
 * remove, row-locked for the caller's transaction (other processes skip them). Only `resolved`:
 * open, pending and snoozed conversations are someone's current work and are never touched.
 */
export async function takeExpired(q: Queryable, workspaceId: string, options: { cutoff: Date; action: RetentionAction; limit: number }): Promise<string[]> {
  const leftToAnonymize = sql`AND (c.subject IS NOT NULL OR EXISTS (
    SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND (m.body <> ${REMOVED_TEXT} OR m.content <> '{}'::jsonb)))`;
  const rows = rowsOf<{ id: string }>(await q.execute(sql`
    SELECT c.id FROM conversations c
    WHERE c.workspace_id = ${workspaceId} AND c.status = 'resolved' AND c.last_activity_at < ${options.cutoff.toISOString()}::timestamptz
      ${options.action === 'anonymize' ? leftToAnonymize : sql``}
    ORDER BY c.last_activity_at, c.id LIMIT ${options.limit} FOR UPDATE OF c SKIP LOCKED`));
  return rows.map((r) => r.id);
}

export interface RetentionBatch {
  counts: Record<string, number>;
  storageKeys: string[];
}

/**
 * Keeps the conversations and their link to the customer (and so every count the dashboards
 * show) but no text: messages say REMOVED_TEXT, attachments and raw mail are deleted, the bot's
 * memory goes, handoff packets and survey comments are emptied.
 */
export async function anonymizeConversations(q: Queryable, workspaceId: string, conversationIds: readonly string[]): Promise<RetentionBatch> {
  const inConversations = sql`workspace_id = ${workspaceId} AND conversation_id = ANY(${uuidArray(conversationIds)})`;
  const attachments = await deleteFileRows(q, workspaceId, { keys: await attachmentKeysOnlyIn(q, workspaceId, conversationIds) });
  const originals = await releaseOriginals(q, workspaceId, conversationIds, 'unlink');
  const counts = {
    conversations: await countChanged(q, sql`UPDATE conversations SET subject = NULL WHERE workspace_id = ${workspaceId} AND id = ANY(${uuidArray(conversationIds)})`),
    messages: await countChanged(q, sql`
      UPDATE messages SET body = ${REMOVED_TEXT}, content = '{}'::jsonb, delivery_error = NULL
      WHERE ${inConversations} AND (body <> ${REMOVED_TEXT} OR content <> '{}'::jsonb OR delivery_error IS NOT NULL)`),
    attachments: attachments.length,
    emailOriginals: originals.length,
    botSessions: await countChanged(q, sql`DELETE FROM bot_sessions WHERE ${inConversations}`),
    handoffs: await countChanged(q, sql`UPDATE handoffs SET packet = '{}'::jsonb WHERE ${inConversations} AND packet <> '{}'::jsonb`),
    csatComments: await countChanged(q, sql`UPDATE csat_surveys SET comment = NULL WHERE ${inConversations} AND comment IS NOT NULL`),
  };
  return { counts, storageKeys: [...attachments, ...originals] };
}

/**
 * Deletes the conversations with their messages, attachments, surveys and analytics facts.
 * Journey events stay on the customer, unlinked from the conversation; training phrases agents
 * confirmed stay as bot content, unlinked from the message (an erasure deletes them).
 */
export async function deleteExpiredConversations(q: Queryable, workspaceId: string, conversationIds: readonly string[]): Promise<RetentionBatch> {
  const inConversations = sql`workspace_id = ${workspaceId} AND conversation_id = ANY(${uuidArray(conversationIds)})`;
  const attachments = await deleteFileRows(q, workspaceId, { keys: await attachmentKeysOnlyIn(q, workspaceId, conversationIds) });
  const originals = await releaseOriginals(q, workspaceId, conversationIds, 'delete');
  await q.execute(sql`UPDATE bot_training_phrases SET message_id = NULL WHERE workspace_id = ${workspaceId} AND message_id IN (${messagesOf(workspaceId, conversationIds)})`);
  await q.execute(sql`UPDATE timeline_events SET conversation_id = NULL WHERE ${inConversations}`);
  const counts = {
    attachments: attachments.length,
    emailOriginals: originals.length,
    csatSurveys: await countChanged(q, sql`DELETE FROM csat_surveys WHERE ${inConversations}`),
    analyticsFacts: await countChanged(q, sql`DELETE FROM conversation_facts WHERE ${inConversations}`),
    ...(await deleteConversationRecords(q, workspaceId, conversationIds)),
  };
  return { counts, storageKeys: [...attachments, ...originals] };
}
