import type { z } from 'zod';
import type { CreateArticleBody, UpdateArticleBody } from '@tandem/protocol';
import { inTransaction, pgCode } from '../../adapters/postgres/database.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { renderMarkdown } from './markdown.ts';
import { findArticle, insertArticle, insertRevision, listCategories, updateArticleRow, type ArticleRecord } from './kb.store.ts';

export type NewArticle = z.output<typeof CreateArticleBody>;
export type ArticleChange = z.output<typeof UpdateArticleBody>;

/** Writing articles: every save renders the body, keeps a revision, and tells the search index. */
export function createArticleService(deps: ServiceDeps & { onChanged: (workspaceId: string, articleId: string) => void }) {
  const { db, clock, ids } = deps;

  async function checkCategory(q: Parameters<typeof listCategories>[0], workspaceId: string, key: string) {
    if (!(await listCategories(q, workspaceId)).some((c) => c.key === key)) {
      throw appError('article.unknown_category', `Create the category "${key}" first.`, { fields: [{ path: 'category', message: 'unknown category' }] });
    }
  }

  const revisionOf = (a: ArticleRecord, authorId: string | null) => ({
    workspaceId: a.workspaceId,
    id: ids(),
    articleId: a.id,
    title: a.title,
    summary: a.summary,
    body: a.body,
    meta: { category: a.categoryKey, tags: a.tags, sampleQuestions: a.sampleQuestions, related: a.related, status: a.status },
    authorId,
    createdAt: a.updatedAt,
  });

  return {
    async create(workspaceId: string, input: NewArticle, authorId: string | null): Promise<ArticleRecord> {
      const now = clock();
      const article: ArticleRecord = {
        workspaceId,
        id: ids(),
        key: input.key,
        locale: input.locale,
        title: input.title,
        summary: input.summary,
        body: input.body,
        bodyHtml: renderMarkdown(input.body),
        categoryKey: input.category,
        tags: input.tags,
        sampleQuestions: input.sampleQuestions,
        related: input.related,
        status: input.status,
        views: 0,
        helpful: 0,
        notHelpful: 0,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await inTransaction(db, async (tx) => {
          await checkCategory(tx, workspaceId, input.category);
          await insertArticle(tx, article);
          await insertRevision(tx, revisionOf(article, authorId));
        });
      } catch (error) {
        if (pgCode(error) === '23505') throw appError('article.key_taken', `"${input.key}" exists in ${input.locale}.`, { cause: error });
        throw error;
      }
      deps.onChanged(workspaceId, article.id);
      return article;
    },

    async update(workspaceId: string, id: string, change: ArticleChange, authorId: string | null): Promise<ArticleRecord> {
      const updated = await inTransaction(db, async (tx) => {
        const current = await findArticle(tx, workspaceId, id, { lock: true });
        if (!current) throw appError('article.not_found');
        if (change.category) await checkCategory(tx, workspaceId, change.category);
        const { category, body, ...rest } = change;
        const row = await updateArticleRow(tx, workspaceId, id, {
          ...rest,
          ...(category ? { categoryKey: category } : {}),
          ...(body ? { body, bodyHtml: renderMarkdown(body) } : {}),
          updatedAt: clock(),
        });
        await insertRevision(tx, revisionOf(row!, authorId));
        return row!;
      });
      deps.onChanged(workspaceId, id);
      return updated;
    },

    async get(workspaceId: string, id: string): Promise<ArticleRecord> {
      const article = await findArticle(db, workspaceId, id);
      if (!article) throw appError('article.not_found');
      return article;
    },
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
