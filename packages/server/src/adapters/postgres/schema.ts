// The one PostgreSQL schema. Every tenant table carries workspace_id in its primary key, so a
// deployment can shard by workspace (e.g. Citus) without code changes.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, workspaceId } from './columns.ts';


export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  // Per-workspace feed counter: taking it row-locks the workspace until commit, so feed
  // sequence order is commit order and a resuming client can trust "everything after N".
  feedSeq: bigint('feed_seq', { mode: 'number' }).notNull().default(0),
  // Signs widget identify() calls (HMAC of the host site's user id); shown to owners only.
  identitySecret: text('identity_secret').notNull().default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
  createdAt: createdAt(),
});

export const agents = pgTable(
  'agents',
  {
    workspaceId: workspaceId(),
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'`),
    // Wrong passwords in a row; at the limit the account is locked until locked_until.
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    // Two-factor: the TOTP secret (base32) once the agent has confirmed a code from it.
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    // The last time step a code was accepted for: each code works once, across every process.
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique().on(t.workspaceId, t.email)],
);

/** Agent sessions, API tokens and widget sessions: only a hash of each secret is stored. */
export const accessTokens = pgTable(
  'access_tokens',
  {
    workspaceId: workspaceId(),
    id: id(),
    kind: text('kind').notNull(),
    agentId: uuid('agent_id'),
    customerId: uuid('customer_id'),
    name: text('name'),
    tokenHash: text('token_hash').notNull(),
    // What an API token may do: `read` (GET only) and/or `write`; sessions carry both.
    scopes: text('scopes').array().notNull().default(sql`'{read,write}'`),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique().on(t.workspaceId, t.tokenHash)],
);

export const teams = pgTable(
  'teams',
  {
    workspaceId: workspaceId(),
    id: id(),
    name: text('name').notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'`),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique().on(t.workspaceId, t.name)],
);

export const teamMembers = pgTable(
  'team_members',
  { workspaceId: workspaceId(), teamId: uuid('team_id').notNull(), agentId: uuid('agent_id').notNull() },
  (t) => [primaryKey({ columns: [t.workspaceId, t.teamId, t.agentId] })],
);

export const channels = pgTable(
  'channels',
  {
    workspaceId: workspaceId(),
    id: id(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const customers = pgTable(
  'customers',
  {
    workspaceId: workspaceId(),
    id: id(),
    name: text('name'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    consent: jsonb('consent').$type<Record<string, boolean>>().notNull(),
    mergedIntoId: uuid('merged_into_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const identities = pgTable(
  'identities',
  {
    workspaceId: workspaceId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique().on(t.workspaceId, t.kind, t.value),
    index().on(t.workspaceId, t.customerId),
  ],
);

export const conversations = pgTable(
  'conversations',
  {
    workspaceId: workspaceId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    status: text('status').notNull(),
    handler: text('handler').notNull(),
    assigneeId: uuid('assignee_id'),
    teamId: uuid('team_id'),
    priority: text('priority').notNull(),
    language: text('language'),
    channels: text('channels').array().notNull().default(sql`'{}'`),
    lastChannel: text('last_channel'),
    threadKey: text('thread_key'),
    subject: text('subject'),
    labels: text('labels').array().notNull().default(sql`'{}'`),
    lastSeq: integer('last_seq').notNull().default(0),
    customerDeliveredSeq: integer('customer_delivered_seq').notNull().default(0),
    customerReadSeq: integer('customer_read_seq').notNull().default(0),
    agentReadSeq: integer('agent_read_seq').notNull().default(0),
    snoozedUntil: timestamp('snoozed_until', { withTimezone: true }),
    mergedIntoId: uuid('merged_into_id'),
    createdAt: createdAt(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** Routing: when it joined the queue, who it is aimed at, what it needs, and its boosts (complaint, vip). */
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    targetAgentId: uuid('target_agent_id'),
    routingSkills: text('routing_skills').array().notNull().default(sql`'{}'`),
    routingFlags: text('routing_flags').array().notNull().default(sql`'{}'`),
    /** When it waited on the customer (status pending): SLA clocks stand still then. */
    pendingPeriods: jsonb('pending_periods').$type<Array<{ from: string; to: string | null }>>().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index().on(t.workspaceId, t.lastActivityAt.desc(), t.id.desc()),
    // The inbox's open work: picked even without planner statistics (PGlite never gathers them), so pages need no sort.
    index('conversations_open_work_idx').on(t.workspaceId, t.lastActivityAt.desc(), t.id.desc()).where(sql`merged_into_id IS NULL AND status <> 'resolved'`),
    index().on(t.workspaceId, t.customerId),
    index().on(t.workspaceId, t.handler, t.status),
    index().on(t.workspaceId, t.assigneeId),
  ],
);

export const messages = pgTable(
  'messages',
  {
    workspaceId: workspaceId(),
    id: id(),
    conversationId: uuid('conversation_id').notNull(),
    seq: integer('seq').notNull(),
    author: text('author').notNull(),
    authorId: uuid('author_id'),
    channel: text('channel').notNull(),
    private: boolean('private').notNull().default(false),
    body: text('body').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull().default({}),
    deliveryStatus: text('delivery_status').notNull(),
    /** Why the last send failed (provider code and text), shown on the message. */
    deliveryError: text('delivery_error'),
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique().on(t.workspaceId, t.conversationId, t.seq),
    uniqueIndex('messages_idempotency_idx')
      .on(t.workspaceId, t.author, t.authorId, t.idempotencyKey)
      .where(sql`idempotency_key IS NOT NULL`),
  ],
);

/** What agents' clients receive live, in commit order; a reconnecting client replays from it. */
export const feedEvents = pgTable(
  'feed_events',
  {
    workspaceId: workspaceId(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    conversationId: uuid('conversation_id'),
    messageId: uuid('message_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.seq] })],
);

export const timelineEvents = pgTable(
  'timeline_events',
  {
    workspaceId: workspaceId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    conversationId: uuid('conversation_id'),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index().on(t.workspaceId, t.customerId, t.occurredAt)],
);

export const auditEntries = pgTable(
  'audit_entries',
  {
    workspaceId: workspaceId(),
    id: id(),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    revertedAt: timestamp('reverted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index().on(t.workspaceId, t.createdAt)],
);

/** One-time links that let a customer continue on another device; only a hash is stored. */
export const magicLinks = pgTable(
  'magic_links',
  {
    workspaceId: workspaceId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique().on(t.workspaceId, t.tokenHash)],
);

/** Uploaded attachments: bytes live in file storage under `storageKey`; `key` is the unguessable public name. */
export const files = pgTable(
  'files',
  {
    workspaceId: workspaceId(),
    id: id(),
    key: text('key').notNull(),
    customerId: uuid('customer_id'),
    agentId: uuid('agent_id'),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique().on(t.workspaceId, t.key)],
);

export * from './kb.schema.ts';
export * from './bot.schema.ts';
export * from './routing.schema.ts';
export * from './sla.schema.ts';
export * from './console.schema.ts';
export * from './channels.schema.ts';
export * from './analytics.schema.ts';
export * from './bot-ratings.schema.ts';
export * from './proactive.schema.ts';
export * from './privacy.schema.ts';
