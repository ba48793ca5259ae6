import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { maskPersonalData, type FlowDefinition } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { botAnswerFeedback, botAnswerRatings, botFlows, botIntents, botModels, botSessions, botTrainingPhrases, botWebhooks, handoffs } from '../../adapters/postgres/schema.ts';

export type IntentRecord = typeof botIntents.$inferSelect;
export type WebhookRecord = typeof botWebhooks.$inferSelect;
export type ModelRecord = typeof botModels.$inferSelect;
export type HandoffRecord = typeof handoffs.$inferSelect;

export const listIntents = (q: Queryable, workspaceId: string) =>
  q.select().from(botIntents).where(eq(botIntents.workspaceId, workspaceId)).orderBy(botIntents.key);

export async function findIntent(q: Queryable, workspaceId: string, key: string): Promise<IntentRecord | null> {
  const [row] = await q.select().from(botIntents).where(and(eq(botIntents.workspaceId, workspaceId), eq(botIntents.key, key)));
  return row ?? null;
}

export async function saveIntent(q: Queryable, intent: IntentRecord): Promise<void> {
  const { workspaceId: _w, key: _k, ...changes } = intent;
  await q.insert(botIntents).values(intent).onConflictDoUpdate({ target: [botIntents.workspaceId, botIntents.key], set: changes });
}

export async function deleteIntent(q: Queryable, workspaceId: string, key: string): Promise<boolean> {
  const rows = await q.delete(botIntents).where(and(eq(botIntents.workspaceId, workspaceId), eq(botIntents.key, key))).returning({ key: botIntents.key });
  return rows.length > 0;
}

export async function listFlows(q: Queryable, workspaceId: string): Promise<FlowDefinition[]> {
  const rows = await q.select().from(botFlows).where(eq(botFlows.workspaceId, workspaceId)).orderBy(botFlows.key);
  return rows.map((row) => row.definition as unknown as FlowDefinition);
}

export async function findFlow(q: Queryable, workspaceId: string, key: string): Promise<FlowDefinition | null> {
  const [row] = await q.select().from(botFlows).where(and(eq(botFlows.workspaceId, workspaceId), eq(botFlows.key, key)));
  return row ? (row.definition as unknown as FlowDefinition) : null;
}

export async function saveFlow(q: Queryable, workspaceId: string, flow: FlowDefinition, now: Date): Promise<void> {
  const definition = flow as unknown as Record<string, unknown>;
  await q.insert(botFlows).values({ workspaceId, key: flow.key, definition, updatedAt: now })
    .onConflictDoUpdate({ target: [botFlows.workspaceId, botFlows.key], set: { definition, updatedAt: now } });
}

export const listWebhooks = (q: Queryable, workspaceId: string) =>
  q.select().from(botWebhooks).where(eq(botWebhooks.workspaceId, workspaceId)).orderBy(botWebhooks.name);

export async function findWebhook(q: Queryable, workspaceId: string, name: string): Promise<WebhookRecord | null> {
  const [row] = await q.select().from(botWebhooks).where(and(eq(botWebhooks.workspaceId, workspaceId), eq(botWebhooks.name, name)));
  return row ?? null;
}

export async function saveWebhook(q: Queryable, webhook: WebhookRecord): Promise<void> {
  const { workspaceId: _w, name: _n, ...changes } = webhook;
  await q.insert(botWebhooks).values(webhook).onConflictDoUpdate({ target: [botWebhooks.workspaceId, botWebhooks.name], set: changes });
}

export async function findModel(q: Queryable, workspaceId: string): Promise<ModelRecord | null> {
  // Read as base64 text, for the reason the column writes it so (bot.schema.ts).
  const { model: _bytes, ...columns } = getTableColumns(botModels);
  const [row] = await q.select({ ...columns, base64: sql<string>`encode(${botModels.model}, 'base64')` }).from(botModels).where(eq(botModels.workspaceId, workspaceId));
  if (!row) return null;
  const { base64, ...rest } = row;
  return { ...rest, model: new Uint8Array(Buffer.from(base64, 'base64')) };
}

/** When the stored model was trained, without reading the model itself (it can be megabytes). */
export async function findModelTrainedAt(q: Queryable, workspaceId: string): Promise<Date | null> {
  const [row] = await q.select({ trainedAt: botModels.trainedAt }).from(botModels).where(eq(botModels.workspaceId, workspaceId));
  return row?.trainedAt ?? null;
}

export async function saveModel(q: Queryable, model: ModelRecord): Promise<void> {
  const { workspaceId: _w, ...changes } = model;
  await q.insert(botModels).values(model).onConflictDoUpdate({ target: botModels.workspaceId, set: changes });
}

export const listTrainingPhrases = (q: Queryable, workspaceId: string) =>
  q.select({ intentKey: botTrainingPhrases.intentKey, text: botTrainingPhrases.text }).from(botTrainingPhrases).where(eq(botTrainingPhrases.workspaceId, workspaceId));

/** Phrases often come from customers' messages: personal data in them is stored masked (`[card]`). */
export async function addTrainingPhrase(q: Queryable, row: typeof botTrainingPhrases.$inferInsert): Promise<void> {
  await q.insert(botTrainingPhrases).values({ ...row, text: maskPersonalData(row.text).text });
}

export async function saveAnswerFeedback(q: Queryable, row: typeof botAnswerFeedback.$inferInsert): Promise<void> {
  const { workspaceId: _w, messageId: _m, ...changes } = row;
  await q.insert(botAnswerFeedback).values(row).onConflictDoUpdate({ target: [botAnswerFeedback.workspaceId, botAnswerFeedback.messageId], set: changes });
}

/** One rating per answer: the customer's latest choice replaces the earlier one. */
export async function saveAnswerRating(q: Queryable, row: typeof botAnswerRatings.$inferInsert): Promise<void> {
  const { workspaceId: _w, messageId: _m, ...changes } = row;
  await q.insert(botAnswerRatings).values(row).onConflictDoUpdate({ target: [botAnswerRatings.workspaceId, botAnswerRatings.messageId], set: changes });
}

export async function loadSession(q: Queryable, workspaceId: string, conversationId: string): Promise<Record<string, unknown> | null> {
  const [row] = await q.select({ state: botSessions.state }).from(botSessions)
    .where(and(eq(botSessions.workspaceId, workspaceId), eq(botSessions.conversationId, conversationId)));
  return row?.state ?? null;
}

export async function saveSession(q: Queryable, workspaceId: string, conversationId: string, state: Record<string, unknown>, now: Date): Promise<void> {
  await q.insert(botSessions).values({ workspaceId, conversationId, state, updatedAt: now })
    .onConflictDoUpdate({ target: [botSessions.workspaceId, botSessions.conversationId], set: { state, updatedAt: now } });
}

export async function insertHandoff(q: Queryable, row: HandoffRecord): Promise<void> {
  await q.insert(handoffs).values(row);
}

export const listHandoffs = (q: Queryable, workspaceId: string, conversationId: string) =>
  q.select().from(handoffs).where(and(eq(handoffs.workspaceId, workspaceId), eq(handoffs.conversationId, conversationId))).orderBy(desc(handoffs.createdAt));
