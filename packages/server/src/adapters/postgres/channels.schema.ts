// Tables behind the email, SMS and WhatsApp channels (re-exported by schema.ts, which drizzle-kit reads).
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, workspaceId } from './columns.ts';

/**
 * Which workspace an inbound address belongs to (support email addresses). Mail arrives before
 * anything names a workspace, so this one lookup is keyed by the address alone; an address
 * belongs to one channel of one workspace.
 */
export const channelAddresses = pgTable('channel_addresses', {
  kind: text('kind').notNull(),
  address: text('address').notNull(),
  workspaceId: workspaceId(),
  channelId: uuid('channel_id').notNull(),
}, (t) => [primaryKey({ columns: [t.kind, t.address] }), index().on(t.workspaceId, t.channelId)]);

/** Every email Message-ID we stored or sent, so replies thread by In-Reply-To/References and bounces find their message. */
export const emailMessageIds = pgTable('email_message_ids', {
  workspaceId: workspaceId(),
  headerId: text('header_id').notNull(),
  conversationId: uuid('conversation_id').notNull(),
  messageId: uuid('message_id').notNull(),
  /** Where the original raw message is kept (inbound mail only). */
  rawKey: text('raw_key'),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.headerId] }), index().on(t.workspaceId, t.conversationId, t.createdAt), index().on(t.workspaceId, t.messageId)]);

/**
 * Outbound sends as durable jobs: one row per public message that leaves on email, SMS or
 * WhatsApp, written in the message's own transaction so an acknowledged reply is never lost.
 */
export const deliveries = pgTable('deliveries', {
  workspaceId: workspaceId(),
  id: id(),
  messageId: uuid('message_id').notNull(),
  conversationId: uuid('conversation_id').notNull(),
  channel: text('channel').notNull(),
  status: text('status').notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
  providerMessageId: text('provider_message_id'),
  lastError: text('last_error'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('deliveries_message_idx').on(t.workspaceId, t.messageId),
  uniqueIndex('deliveries_provider_idx').on(t.workspaceId, t.channel, t.providerMessageId).where(sql`provider_message_id IS NOT NULL`),
  index('deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
]);
