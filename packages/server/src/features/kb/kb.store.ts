import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { maskPersonalData } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { kbArticleDaily, kbArticleRevisions, kbArticles, kbCategories, kbFeedback, kbSearches } from '../../adapters/postgres/schema.ts';

export type ArticleRecord = typeof kbArticles.$inferSelect;
export type CategoryRecord = typeof kbCategories.$inferSelect;
export type RevisionRecord = typeof kbArticleRevisions.$inferSelect;

const article = (workspaceId: string, id: string) => and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.id, id));

export async function upsertCategory(q: Queryable, row: CategoryRecord): Promise<void> {
  await q
    .insert(kbCategories)
    .values(row)
    .onConflictDoUpdate({ target: [kbCategories.workspaceId, kbCategories.key], set: { names: row.names, descriptions: row.descriptions, position: row.position } });
}

export function listCategories(q: Queryable, workspaceId: string): Promise<CategoryRecord[]> {
  return q.select().from(kbCategories).where(eq(kbCategories.workspaceId, workspaceId)).orderBy(asc(kbCategories.position), asc(kbCategories.key));
}

export async function insertArticle(q: Queryable, row: ArticleRecord): Promise<void> {
  await q.insert(kbArticles).values(row);
}

export async function updateArticleRow(q: Queryable, workspaceId: string, id: string, change: Partial<ArticleRecord>): Promise<ArticleRecord | null> {
  const [row] = await q.update(kbArticles).set(change).where(article(workspaceId, id)).returning();
  return row ?? null;
}

export async function findArticle(q: Queryable, workspaceId: string, id: string, options: { lock?: boolean } = {}): Promise<ArticleRecord | null> {
  const query = q.select().from(kbArticles).where(article(workspaceId, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findArticleByKey(q: Queryable, workspaceId: string, key: string, locale: string): Promise<ArticleRecord | null> {
  const [row] = await q.select().from(kbArticles).where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.key, key), eq(kbArticles.locale, locale)));
  return row ?? null;
}

export interface ArticleFilter {
  locale?: string | undefined;
  status?: string | undefined;
  category?: string | undefined;
}

/** The condition for a workspace's articles matching a filter (absent fields match anything). */
const matching = (workspaceId: string, filter: ArticleFilter) => [
  eq(kbArticles.workspaceId, workspaceId),
  filter.locale ? eq(kbArticles.locale, filter.locale) : undefined,
  filter.status ? eq(kbArticles.status, filter.status) : undefined,
  filter.category ? eq(kbArticles.categoryKey, filter.category) : undefined,
];

export function listArticles(q: Queryable, workspaceId: string, filter: ArticleFilter, page: { before: [string, string] | null; limit: number }): Promise<ArticleRecord[]> {
  return q
    .select()
    .from(kbArticles)
    .where(
      and(
        ...matching(workspaceId, filter),
        page.before ? sql`(${kbArticles.updatedAt}, ${kbArticles.id}) < (${page.before[0]}::timestamptz, ${page.before[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(kbArticles.updatedAt), desc(kbArticles.id))
    .limit(page.limit);
}

/** The articles with these ids, in no particular order (search results, fetched in one query). */
export function findArticles(q: Queryable, workspaceId: string, ids: readonly string[]): Promise<ArticleRecord[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return q.select().from(kbArticles).where(and(eq(kbArticles.workspaceId, workspaceId), inArray(kbArticles.id, [...ids])));
}

/** Every article of a workspace (what its search index is built from). */
export function allArticles(q: Queryable, workspaceId: string): Promise<ArticleRecord[]> {
  return q.select().from(kbArticles).where(eq(kbArticles.workspaceId, workspaceId));
}

export async function insertRevision(q: Queryable, row: RevisionRecord): Promise<void> {
  await q.insert(kbArticleRevisions).values(row);
}

export function listRevisions(q: Queryable, workspaceId: string, articleId: string): Promise<RevisionRecord[]> {
  return q
    .select()
    .from(kbArticleRevisions)
    .where(and(eq(kbArticleRevisions.workspaceId, workspaceId), eq(kbArticleRevisions.articleId, articleId)))
    .orderBy(desc(kbArticleRevisions.createdAt), desc(kbArticleRevisions.id));
}

/** Stores the vote (a comment masked of personal data: it feeds analytics) and moves the article's counter. */
export async function recordFeedback(q: Queryable, row: typeof kbFeedback.$inferInsert): Promise<void> {
  await q.insert(kbFeedback).values({ ...row, comment: row.comment ? maskPersonalData(row.comment).text : row.comment });
  const counter = row.helpful ? { helpful: sql`${kbArticles.helpful} + 1` } : { notHelpful: sql`${kbArticles.notHelpful} + 1` };
  await q.update(kbArticles).set(counter).where(article(row.workspaceId, row.articleId));
}

export async function countView(q: Queryable, workspaceId: string, id: string, now: Date): Promise<void> {
  await q.update(kbArticles).set({ views: sql`${kbArticles.views} + 1` }).where(article(workspaceId, id));
  await q.insert(kbArticleDaily).values({ workspaceId, articleId: id, day: now.toISOString().slice(0, 10), views: 1 })
    .onConflictDoUpdate({ target: [kbArticleDaily.workspaceId, kbArticleDaily.day, kbArticleDaily.articleId], set: { views: sql`${kbArticleDaily.views} + 1` } });
}

/** The search log feeds analytics: personal data typed into the box is stored masked. */
export async function insertSearch(q: Queryable, row: typeof kbSearches.$inferInsert): Promise<void> {
  await q.insert(kbSearches).values({ ...row, query: maskPersonalData(row.query).text });
}

export async function recordSearchClick(q: Queryable, workspaceId: string, searchId: string, articleId: string): Promise<boolean> {
  const rows = await q
    .update(kbSearches)
    .set({ clickedId: articleId })
    .where(and(eq(kbSearches.workspaceId, workspaceId), eq(kbSearches.id, searchId), sql`${articleId}::uuid = any(${kbSearches.resultIds})`))
    .returning({ id: kbSearches.id });
  return rows.length > 0;
}

export async function hasPublishedArticles(q: Queryable, workspaceId: string): Promise<boolean> {
  const rows = await q.select({ id: kbArticles.id }).from(kbArticles).where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.status, 'published'))).limit(1);
  return rows.length > 0;
}

/** Published articles in a locale, most viewed first (the help center's lists). */
export function publishedArticles(q: Queryable, workspaceId: string, locale: string, options: { category?: string; limit: number }): Promise<ArticleRecord[]> {
  return q
    .select()
    .from(kbArticles)
    .where(and(...matching(workspaceId, { locale, status: 'published', category: options.category })))
    .orderBy(desc(kbArticles.views), asc(kbArticles.title))
    .limit(options.limit);
}

/** The published translations of an article (its `key` in every locale). */
export function publishedTranslations(q: Queryable, workspaceId: string, key: string): Promise<Array<Pick<ArticleRecord, 'locale' | 'key' | 'title'>>> {
  return q
    .select({ locale: kbArticles.locale, key: kbArticles.key, title: kbArticles.title })
    .from(kbArticles)
    .where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.key, key), eq(kbArticles.status, 'published')));
}

/** Published articles among `keys` in a locale (related articles). */
export function publishedByKeys(q: Queryable, workspaceId: string, locale: string, keys: readonly string[]): Promise<ArticleRecord[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(kbArticles)
    .where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.locale, locale), eq(kbArticles.status, 'published'), inArray(kbArticles.key, [...keys])));
}
