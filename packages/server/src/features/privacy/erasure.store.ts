import { sql } from 'drizzle-orm';
import { CONSENT_PURPOSES } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { ERASED_ATTRIBUTE } from '../customers/customer.store.ts';
import { deleteConversationRecords, messagesOf } from './conversation-records.store.ts';
import { attachmentKeysOnlyIn, deleteFileRows, releaseOriginals } from './stored-files.store.ts';
import { countChanged, uuidArray } from './uuid-array.ts';

/** The customer and every record merged into them (the same person, whose old profiles keep a name). */
export async function customerAndMerged(q: Queryable, workspaceId: string, customerId: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await q.execute(sql`
    WITH RECURSIVE person(id) AS (
      SELECT ${customerId}::uuid
      UNION SELECT c.id FROM customers c JOIN person p ON c.merged_into_id = p.id WHERE c.workspace_id = ${workspaceId}
    )
    SELECT id FROM person`));
  return rows.map((r) => r.id);
}

/** Row-locks the customers (in id order, as merges do): an inbound message for them waits for the erasure. */
export async function lockCustomers(q: Queryable, workspaceId: string, customerIds: readonly string[]): Promise<number> {
  const rows = rowsOf<{ id: string }>(await q.execute(sql`
    SELECT id FROM customers WHERE workspace_id = ${workspaceId} AND id = ANY(${uuidArray(customerIds)}) ORDER BY id FOR UPDATE`));
  return rows.length;
}

export interface ErasureInput {
  workspaceId: string;
  customerIds: readonly string[];
  /** Replaces the customer id on rows kept for aggregate analytics: they still count, but point at nobody. */
  pseudonymId: string;
  now: Date;
}

export interface ErasureResult {
  report: Record<string, number>;
  /** Stored bytes to remove once the transaction commits. */
  storageKeys: string[];
}

/**
 * Removes a customer's data inside the caller's transaction. Deleted: conversations and
 * messages (with everything kept per conversation), attachments, identities, journey,
 * preferences, exposures, broadcast rows, business events, searches, magic links and the
 * training phrases agents made from their messages (the phrase table records the source
 * message, so no text matching is needed). Anonymized, because aggregates read them:
 * conversation facts and answered surveys (rating kept, comment dropped, pseudonymous id),
 * article votes (vote kept, comment and customer dropped). Widget tokens are revoked.
 */
export async function eraseCustomerData(q: Queryable, input: ErasureInput): Promise<ErasureResult> {
  const { workspaceId, customerIds, pseudonymId, now } = input;
  const customers = uuidArray(customerIds);
  const ofCustomers = sql`workspace_id = ${workspaceId} AND customer_id = ANY(${customers})`;
  const conversationIds = rowsOf<{ id: string }>(await q.execute(sql`SELECT id FROM conversations WHERE ${ofCustomers}`)).map((r) => r.id);
  const conversations = uuidArray(conversationIds);

  const attachmentKeys = await attachmentKeysOnlyIn(q, workspaceId, conversationIds);
  const attachments = await deleteFileRows(q, workspaceId, { keys: attachmentKeys, customerIds });
  const originals = await releaseOriginals(q, workspaceId, conversationIds, 'delete');
  const report: Record<string, number> = {
    attachments: attachments.length,
    emailOriginals: originals.length,
    trainingPhrases: await countChanged(q, sql`DELETE FROM bot_training_phrases WHERE workspace_id = ${workspaceId} AND message_id IN (${messagesOf(workspaceId, conversationIds)})`),
    businessEvents: await countChanged(q, sql`
      DELETE FROM business_events b WHERE b.workspace_id = ${workspaceId} AND jsonb_typeof(b.result->'sent') = 'array'
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(b.result->'sent') s WHERE s->>'conversationId' = ANY(${`{${conversationIds.join(',')}}`}::text[]))`),
    csatComments: await countChanged(q, sql`
      UPDATE csat_surveys SET comment = NULL, customer_id = ${pseudonymId}
      WHERE workspace_id = ${workspaceId} AND (customer_id = ANY(${customers}) OR conversation_id = ANY(${conversations})) AND answered_at IS NOT NULL`),
    csatSurveys: await countChanged(q, sql`
      DELETE FROM csat_surveys WHERE workspace_id = ${workspaceId} AND (customer_id = ANY(${customers}) OR conversation_id = ANY(${conversations})) AND answered_at IS NULL`),
    analyticsFacts: await countChanged(q, sql`
      UPDATE conversation_facts SET customer_id = ${pseudonymId}
      WHERE workspace_id = ${workspaceId} AND (customer_id = ANY(${customers}) OR conversation_id = ANY(${conversations}))`),
    ...(await deleteConversationRecords(q, workspaceId, conversationIds)),
    timelineEvents: await countChanged(q, sql`DELETE FROM timeline_events WHERE ${ofCustomers}`),
    identities: await countChanged(q, sql`DELETE FROM identities WHERE ${ofCustomers}`),
    magicLinks: await countChanged(q, sql`DELETE FROM magic_links WHERE ${ofCustomers}`),
    contactPreferences: await countChanged(q, sql`DELETE FROM contact_preferences WHERE ${ofCustomers}`),
    exposures: await countChanged(q, sql`DELETE FROM proactive_exposures WHERE ${ofCustomers}`),
    broadcastRecipients: await countChanged(q, sql`DELETE FROM broadcast_recipients WHERE ${ofCustomers}`),
    searches: await countChanged(q, sql`DELETE FROM kb_searches WHERE ${ofCustomers}`),
    feedback: await countChanged(q, sql`UPDATE kb_feedback SET customer_id = NULL, comment = NULL WHERE ${ofCustomers}`),
    widgetSessions: await countChanged(q, sql`UPDATE access_tokens SET revoked_at = ${now.toISOString()}::timestamptz WHERE ${ofCustomers} AND revoked_at IS NULL`),
    customers: await tombstone(q, workspaceId, customerIds, now),
  };
  // Ratings hang off bot answers in their conversations (gone above); any left still name them.
  report.botRatings = (report.botRatings ?? 0) + (await countChanged(q, sql`DELETE FROM bot_answer_ratings WHERE ${ofCustomers}`));
  return { report, storageKeys: [...attachments, ...originals] };
}

/**
 * The customer rows stay as empty tombstones rather than being deleted: the request, the audit
 * trail and in-flight work (a widget call authenticated a moment before its token was revoked,
 * a send job) keep resolving the id to "an erased customer" instead of failing on a missing row.
 */
async function tombstone(q: Queryable, workspaceId: string, customerIds: readonly string[], now: Date): Promise<number> {
  const noConsent = JSON.stringify(Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, false])));
  const marker = JSON.stringify({ [ERASED_ATTRIBUTE]: now.toISOString() });
  return countChanged(q, sql`
    UPDATE customers SET name = NULL, attributes = ${marker}::jsonb, consent = ${noConsent}::jsonb, updated_at = ${now.toISOString()}::timestamptz
    WHERE workspace_id = ${workspaceId} AND id = ANY(${uuidArray(customerIds)}) AND NOT (attributes ? ${ERASED_ATTRIBUTE})`);
}
