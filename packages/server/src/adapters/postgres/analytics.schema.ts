// Tables behind satisfaction surveys and the analytics dashboards (re-exported by schema.ts).
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, workspaceId } from './columns.ts';

/** One satisfaction survey per conversation: scheduled at resolution, asked after the delay, answered once. */
export const csatSurveys = pgTable('csat_surveys', {
  workspaceId: workspaceId(),
  conversationId: uuid('conversation_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  agentId: uuid('agent_id'),
  channel: text('channel').notNull(),
  status: text('status').notNull(),
  tokenHash: text('token_hash').notNull(),
  handedOff: boolean('handed_off').notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  askedAt: timestamp('asked_at', { withTimezone: true }),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  rating: smallint('rating'),
  comment: text('comment'),
  easyToReach: boolean('easy_to_reach'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.conversationId] }),
  uniqueIndex().on(t.workspaceId, t.tokenHash),
  index('csat_surveys_due_idx').on(t.dueAt).where(sql`status = 'scheduled'`),
  index().on(t.workspaceId, t.customerId, t.status),
  index().on(t.workspaceId, t.answeredAt),
]);

/**
 * One row per conversation with what the dashboards aggregate, kept up to date by the analytics
 * pass (recomputed when the conversation changes), so no dashboard query reads messages.
 */
export const conversationFacts = pgTable('conversation_facts', {
  workspaceId: workspaceId(),
  conversationId: uuid('conversation_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** Local day, weekday (0 = Sunday) and hour in the workspace's time zone. */
  day: date('day', { mode: 'string' }).notNull(),
  weekday: smallint('weekday').notNull(),
  hour: smallint('hour').notNull(),
  firstChannel: text('first_channel').notNull(),
  channels: text('channels').array().notNull(),
  teamId: uuid('team_id'),
  agentId: uuid('agent_id'),
  language: text('language'),
  segments: text('segments').array().notNull(),
  status: text('status').notNull(),
  botHandled: boolean('bot_handled').notNull(),
  handedOff: boolean('handed_off').notNull(),
  handoffReason: text('handoff_reason'),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  resolvedBy: text('resolved_by'),
  firstResponseSeconds: integer('first_response_seconds'),
  nextResponseSeconds: integer('next_response_seconds').array().notNull(),
  resolutionSeconds: integer('resolution_seconds'),
  customerMessages: integer('customer_messages').notNull(),
  agentMessages: integer('agent_messages').notNull(),
  slaFirstResponseBreached: boolean('sla_first_response_breached').notNull(),
  slaResolutionBreached: boolean('sla_resolution_breached').notNull(),
  /** When the customer next started another conversation, at or after this one's resolution (kept by the pass). */
  cameBackAt: timestamp('came_back_at', { withTimezone: true }),
  /** The conversation as it was when these facts were computed: a change makes them stale. */
  sourceActivityAt: timestamp('source_activity_at', { withTimezone: true }).notNull(),
  sourceStatus: text('source_status').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.conversationId] }),
  index().on(t.workspaceId, t.day),
  index().on(t.workspaceId, t.customerId, t.createdAt),
]);

/** Messages per local day, channel and author, added up from the feed in commit order. */
export const messageDaily = pgTable('message_daily', {
  workspaceId: workspaceId(),
  day: date('day', { mode: 'string' }).notNull(),
  channel: text('channel').notNull(),
  author: text('author').notNull(),
  count: integer('count').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.channel, t.author] })]);

/** How far the analytics pass has read each workspace's feed. */
export const analyticsCursors = pgTable('analytics_cursors', {
  workspaceId: workspaceId().primaryKey(),
  feedSeq: bigint('feed_seq', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Article views per day (UTC), next to the all-time counter on the article: the dashboards ask for a range. */
export const kbArticleDaily = pgTable('kb_article_daily', {
  workspaceId: workspaceId(),
  articleId: uuid('article_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  views: integer('views').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.articleId] })]);
