// The knowledge base's tables (re-exported by schema.ts, which drizzle-kit reads).
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, workspaceId } from './columns.ts';


/** Knowledge-base categories; names and descriptions per locale. */
export const kbCategories = pgTable(
  'kb_categories',
  {
    workspaceId: workspaceId(),
    id: id(),
    key: text('key').notNull(),
    names: jsonb('names').$type<Record<string, string>>().notNull(),
    descriptions: jsonb('descriptions').$type<Record<string, string>>().notNull().default({}),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique().on(t.workspaceId, t.key)],
);

/** One article in one locale; `key` groups its translations. `bodyHtml` is rendered and safe. */
export const kbArticles = pgTable(
  'kb_articles',
  {
    workspaceId: workspaceId(),
    id: id(),
    key: text('key').notNull(),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    categoryKey: text('category_key').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    sampleQuestions: text('sample_questions').array().notNull().default(sql`'{}'`),
    related: text('related').array().notNull().default(sql`'{}'`),
    status: text('status').notNull(),
    views: integer('views').notNull().default(0),
    helpful: integer('helpful').notNull().default(0),
    notHelpful: integer('not_helpful').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique().on(t.workspaceId, t.key, t.locale), index().on(t.workspaceId, t.status, t.locale)],
);

/** Every saved version of an article, with who saved it (null: an import or the system). */
export const kbArticleRevisions = pgTable(
  'kb_article_revisions',
  {
    workspaceId: workspaceId(),
    id: id(),
    articleId: uuid('article_id').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull(),
    authorId: uuid('author_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index().on(t.workspaceId, t.articleId, t.createdAt)],
);

/** "Did this answer your question?" */
export const kbFeedback = pgTable(
  'kb_feedback',
  {
    workspaceId: workspaceId(),
    id: id(),
    articleId: uuid('article_id').notNull(),
    helpful: boolean('helpful').notNull(),
    comment: text('comment'),
    customerId: uuid('customer_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index().on(t.workspaceId, t.articleId)],
);

/** Every search, for analytics: no results and searches followed by a conversation are content gaps. */
export const kbSearches = pgTable(
  'kb_searches',
  {
    workspaceId: workspaceId(),
    id: id(),
    query: text('query').notNull(),
    locale: text('locale').notNull(),
    source: text('source').notNull(),
    resultIds: uuid('result_ids').array().notNull(),
    clickedId: uuid('clicked_id'),
    customerId: uuid('customer_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index().on(t.workspaceId, t.createdAt)],
);

/** Interactive guides: the current definition; every saved version is in kb_guide_revisions. */
export const kbGuides = pgTable(
  'kb_guides',
  {
    workspaceId: workspaceId(),
    id: id(),
    key: text('key').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique().on(t.workspaceId, t.key)],
);

export const kbGuideRevisions = pgTable(
  'kb_guide_revisions',
  {
    workspaceId: workspaceId(),
    id: id(),
    guideId: uuid('guide_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    authorId: uuid('author_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique().on(t.workspaceId, t.guideId, t.version)],
);

/** One row per thing that happened in a guide run (started, step_reached, completed, handed_off). */
export const kbGuideEvents = pgTable(
  'kb_guide_events',
  {
    workspaceId: workspaceId(),
    id: id(),
    guideId: uuid('guide_id').notNull(),
    runId: text('run_id').notNull(),
    stepId: text('step_id'),
    event: text('event').notNull(),
    channel: text('channel').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index().on(t.workspaceId, t.guideId, t.createdAt)],
);
