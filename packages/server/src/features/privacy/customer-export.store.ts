import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { CustomerExportSection } from '@tandem/protocol';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import {
  accessTokens, botAnswerFeedback, botAnswerRatings, botSessions, botTrainingPhrases, broadcastRecipients, contactPreferences, conversations,
  csatSurveys, files, handoffs, identities, kbFeedback, kbSearches, magicLinks, messages, privacyRequests, proactiveExposures, timelineEvents,
} from '../../adapters/postgres/schema.ts';

export type ExportRow = Record<string, unknown>;

// Never exported: tenancy, and hashes of secrets (a hash of a token is still a way to test a guess).
const HIDDEN = new Set(['workspaceId', 'tokenHash']);
const visible = (row: ExportRow): ExportRow => Object.fromEntries(Object.entries(row).filter(([key]) => !HIDDEN.has(key)));

type Linked = PgTable & { workspaceId: PgColumn };

async function rowsWhere(q: Queryable, table: Linked, column: PgColumn, workspaceId: string, values: readonly string[], order?: PgColumn): Promise<ExportRow[]> {
  if (values.length === 0) return [];
  const query = q.select().from(table as PgTable).where(and(eq(table.workspaceId, workspaceId), inArray(column, [...values])));
  const rows = (await (order ? query.orderBy(asc(order)) : query)) as ExportRow[];
  return rows.map(visible);
}

export interface ExportScope {
  workspaceId: string;
  customerIds: readonly string[];
}

/** The customer's conversations, oldest first, and all their messages (private notes included). */
export async function conversationsWithMessages(q: Queryable, { workspaceId, customerIds }: ExportScope) {
  const found = await rowsWhere(q, conversations, conversations.customerId, workspaceId, customerIds, conversations.createdAt);
  const ids = found.map((c) => String(c.id));
  const all = await rowsWhere(q, messages, messages.conversationId, workspaceId, ids, messages.seq);
  return { conversations: found, messages: all };
}

/** Sections read by the customer's ids, or by their conversations' or messages' ids. */
export async function linkedSections(q: Queryable, scope: ExportScope, conversationIds: readonly string[], messageIds: readonly string[]) {
  const { workspaceId, customerIds } = scope;
  const byCustomer = (table: Linked & { customerId: PgColumn }) => rowsWhere(q, table, table.customerId, workspaceId, customerIds);
  const sections = {
    identities: await byCustomer(identities),
    contactPreferences: await byCustomer(contactPreferences),
    widgetSessions: await byCustomer(accessTokens),
    magicLinks: await byCustomer(magicLinks),
    timelineEvents: await rowsWhere(q, timelineEvents, timelineEvents.customerId, workspaceId, customerIds, timelineEvents.occurredAt),
    csatSurveys: await byCustomer(csatSurveys),
    articleFeedback: await byCustomer(kbFeedback),
    searches: await rowsWhere(q, kbSearches, kbSearches.customerId, workspaceId, customerIds, kbSearches.createdAt),
    botAnswerRatings: await byCustomer(botAnswerRatings),
    botAnswerFeedback: await rowsWhere(q, botAnswerFeedback, botAnswerFeedback.messageId, workspaceId, messageIds),
    trainingPhrases: await rowsWhere(q, botTrainingPhrases, botTrainingPhrases.messageId, workspaceId, messageIds),
    botSessions: await rowsWhere(q, botSessions, botSessions.conversationId, workspaceId, conversationIds),
    handoffs: await rowsWhere(q, handoffs, handoffs.conversationId, workspaceId, conversationIds, handoffs.createdAt),
    proactiveExposures: await rowsWhere(q, proactiveExposures, proactiveExposures.customerId, workspaceId, customerIds, proactiveExposures.occurredAt),
    broadcastRecipients: await byCustomer(broadcastRecipients),
    privacyRequests: await byCustomer(privacyRequests),
  } satisfies Partial<Record<CustomerExportSection, ExportRow[]>>;
  return sections;
}

/** Files the customer uploaded, and files (theirs or agents') attached to their messages. */
export async function attachmentRows(q: Queryable, scope: ExportScope, keys: readonly string[]): Promise<ExportRow[]> {
  const { workspaceId, customerIds } = scope;
  const rows = await q.select().from(files).where(and(
    eq(files.workspaceId, workspaceId),
    sql`(${files.customerId} = ANY(${`{${customerIds.join(',')}}`}::uuid[]) OR ${files.key} IN (SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)))`,
  )).orderBy(asc(files.createdAt));
  return rows.map(visible);
}

/** Business events the host posted that messaged one of these conversations (the events name no customer id). */
export async function businessEventRows(q: Queryable, workspaceId: string, conversationIds: readonly string[]): Promise<ExportRow[]> {
  if (conversationIds.length === 0) return [];
  const rows = rowsOf<{ idempotency_key: string; name: string; result: unknown; created_at: string | Date }>(await q.execute(sql`
    SELECT idempotency_key, name, result, created_at FROM business_events b
    WHERE b.workspace_id = ${workspaceId} AND jsonb_typeof(b.result->'sent') = 'array'
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(b.result->'sent') s WHERE s->>'conversationId' = ANY(${`{${conversationIds.join(',')}}`}::text[]))
    ORDER BY created_at`));
  return rows.map((r) => ({ idempotencyKey: r.idempotency_key, name: r.name, result: typeof r.result === 'string' ? JSON.parse(r.result) : r.result, createdAt: new Date(r.created_at) }));
}
