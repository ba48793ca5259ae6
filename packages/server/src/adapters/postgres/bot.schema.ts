// The bot's tables (re-exported by schema.ts, which drizzle-kit reads).
import { sql, type SQL } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, workspaceId } from './columns.ts';

/**
 * Bytes written as base64 text that the database decodes: embedded PGlite takes a binary parameter
 * of megabytes (a bot model) about 30 times slower than the same bytes as text (1.25 s against 40 ms
 * for 2.4 MB, measured). PostgreSQL does not mind either way.
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | SQL }>({
  dataType: () => 'bytea',
  toDriver: (value) => sql`decode(${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}, 'base64')`,
});

/** What customers want: example phrases per locale, and how the bot answers (a reply, a flow, articles). */
export const botIntents = pgTable(
  'bot_intents',
  {
    workspaceId: workspaceId(),
    key: text('key').notNull(),
    title: jsonb('title').$type<Record<string, string>>().notNull(),
    phrases: jsonb('phrases').$type<Record<string, string[]>>().notNull(),
    answer: text('answer').notNull(),
    reply: jsonb('reply').$type<Record<string, string>>().notNull().default({}),
    flowKey: text('flow_key'),
    articleKeys: text('article_keys').array().notNull().default([]),
    sensitive: boolean('sensitive').notNull().default(false),
    complaint: boolean('complaint').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);

/** Scripted dialogues, as structured data (validated by the core flow engine before saving). */
export const botFlows = pgTable(
  'bot_flows',
  {
    workspaceId: workspaceId(),
    key: text('key').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);

/** A workspace's backend endpoints flows may call; requests are signed with `secret`. */
export const botWebhooks = pgTable(
  'bot_webhooks',
  {
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    timeoutMs: integer('timeout_ms').notNull().default(5000),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.name] })],
);

/** The workspace's trained classifier (one per workspace; replaced on each training). */
export const botModels = pgTable('bot_models', {
  workspaceId: uuid('workspace_id').primaryKey(),
  model: bytea('model').notNull(),
  examples: integer('examples').notNull(),
  intents: integer('intents').notNull(),
  threshold: real('threshold').notNull(),
  trainingMs: integer('training_ms').notNull(),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
});

/** Customer messages agents confirmed as examples of an intent (training data from real traffic). */
export const botTrainingPhrases = pgTable(
  'bot_training_phrases',
  {
    workspaceId: workspaceId(),
    id: id(),
    intentKey: text('intent_key').notNull(),
    text: text('text').notNull(),
    messageId: uuid('message_id'),
    agentId: uuid('agent_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index().on(t.workspaceId, t.intentKey)],
);

/** The bot's memory of one conversation: current flow, slots, recent intents, articles shown. */
export const botSessions = pgTable(
  'bot_sessions',
  {
    workspaceId: workspaceId(),
    conversationId: uuid('conversation_id').notNull(),
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.conversationId] })],
);

/** Agents' verdicts on bot answers (right/wrong), for the feedback inbox and retraining. */
export const botAnswerFeedback = pgTable(
  'bot_answer_feedback',
  {
    workspaceId: workspaceId(),
    messageId: uuid('message_id').notNull(),
    agentId: uuid('agent_id'),
    correct: boolean('correct').notNull(),
    intentKey: text('intent_key'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.messageId] })],
);

/** Each move from the bot to people, with its reason and the context packet agents read first. */
export const handoffs = pgTable(
  'handoffs',
  {
    workspaceId: workspaceId(),
    id: id(),
    conversationId: uuid('conversation_id').notNull(),
    reason: text('reason').notNull(),
    packet: jsonb('packet').$type<Record<string, unknown>>().notNull(),
    confidence: real('confidence'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index().on(t.workspaceId, t.conversationId)],
);
