// Proactive rules, what they did, broadcasts and their recipients (re-exported by schema.ts, which drizzle-kit reads).
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProactiveAction, ProactiveAudience, ProactiveTrigger } from '@tandem/core';
import { createdAt, id, workspaceId } from './columns.ts';

export const proactiveRules = pgTable(
  'proactive_rules',
  {
    workspaceId: workspaceId(),
    id: id(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull(),
    trigger: jsonb('trigger').$type<ProactiveTrigger>().notNull(),
    audience: jsonb('audience').$type<ProactiveAudience>().notNull(),
    action: jsonb('action').$type<ProactiveAction>().notNull(),
    allowWhileTyping: boolean('allow_while_typing').notNull(),
    allowDuringPurchase: boolean('allow_during_purchase').notNull(),
    holdoutPercent: integer('holdout_percent').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** Every time a rule fired for a visitor: shown, kept back as control (holdout), or suppressed with the reason. */
export const proactiveExposures = pgTable(
  'proactive_exposures',
  {
    workspaceId: workspaceId(),
    id: id(),
    ruleId: uuid('rule_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    sessionId: text('session_id').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    url: text('url'),
    engagement: text('engagement'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index().on(t.workspaceId, t.customerId, t.occurredAt),
    index().on(t.workspaceId, t.ruleId, t.occurredAt),
  ],
);

/** A customer's own wishes about outreach: no proactive messages at all, no notices. */
export const contactPreferences = pgTable(
  'contact_preferences',
  {
    workspaceId: workspaceId(),
    customerId: uuid('customer_id').notNull(),
    doNotDisturb: boolean('do_not_disturb').notNull().default(false),
    noticesOptedOut: boolean('notices_opted_out').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerId] })],
);

export const broadcasts = pgTable(
  'broadcasts',
  {
    workspaceId: workspaceId(),
    id: id(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull(),
    channels: text('channels').array().notNull(),
    message: jsonb('message').$type<Record<string, unknown>>().notNull(),
    ratePerMinute: integer('rate_per_minute').notNull(),
    status: text('status').notNull(),
    createdBy: uuid('created_by'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('broadcasts_due_idx').on(t.scheduledAt).where(sql`status IN ('scheduled', 'sending')`)],
);

/** One row per customer a broadcast is for: written once (no duplicate sends), then moved on as it goes out. */
export const broadcastRecipients = pgTable(
  'broadcast_recipients',
  {
    workspaceId: workspaceId(),
    broadcastId: uuid('broadcast_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    channel: text('channel'),
    status: text('status').notNull(),
    reason: text('reason'),
    conversationId: uuid('conversation_id'),
    messageId: uuid('message_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.broadcastId, t.customerId] }),
    index('broadcast_recipients_pending_idx').on(t.workspaceId, t.broadcastId).where(sql`status = 'pending'`),
  ],
);

/** Business events the host posted with an idempotency key, and what they did (a replay answers the same). */
export const businessEvents = pgTable(
  'business_events',
  {
    workspaceId: workspaceId(),
    idempotencyKey: text('idempotency_key').notNull(),
    name: text('name').notNull(),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.idempotencyKey] })],
);
