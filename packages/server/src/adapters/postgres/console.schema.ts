// Tables behind the agent console's tools (re-exported by schema.ts, which drizzle-kit reads).
import { index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, workspaceId } from './columns.ts';

/** Saved replies agents insert with `/shortcut`, one per shortcut and language. */
export const cannedResponses = pgTable(
  'canned_responses',
  {
    workspaceId: workspaceId(),
    id: id(),
    shortcut: text('shortcut').notNull(),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique().on(t.workspaceId, t.shortcut, t.locale)],
);

/** An agent named with `@handle` in a colleague's private note; seen once they open the conversation. */
export const mentions = pgTable(
  'mentions',
  {
    workspaceId: workspaceId(),
    id: id(),
    messageId: uuid('message_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    agentId: uuid('agent_id').notNull(),
    authorId: uuid('author_id').notNull(),
    createdAt: createdAt(),
    seenAt: timestamp('seen_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique().on(t.workspaceId, t.messageId, t.agentId),
    index().on(t.workspaceId, t.agentId, t.createdAt),
  ],
);

/** An agent's saved inbox filter: a named set of conditions, shown as a view of its own. */
export const savedFilters = pgTable(
  'saved_filters',
  {
    workspaceId: workspaceId(),
    id: id(),
    agentId: uuid('agent_id').notNull(),
    name: text('name').notNull(),
    filter: jsonb('filter').$type<Record<string, string[]>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique().on(t.workspaceId, t.agentId, t.name)],
);
