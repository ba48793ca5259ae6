import type { z } from 'zod';
import type { CreateArticleBody, UpdateArticleBody } from '@tandem/protocol';
import { inTransaction, pgCode } from '../../adapters/postgres/database.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { newArticle, revisionOf } from './article-fields.ts';
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

  return {
    async create(workspaceId: string, input: NewArticle, authorId: string | null): Promise<ArticleRecord> {
      const { key, locale, body, ...meta } = input;
      const article = newArticle({ workspaceId, id: ids(), key, locale, meta, body, now: clock() });
      try {
        await inTransaction(db, async (tx) => {
          await checkCategory(tx, workspaceId, input.category);
          await insertArticle(tx, article);
          await insertRevision(tx, revisionOf(article, authorId, ids()));
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
        await insertRevision(tx, revisionOf(row!, authorId, ids()));
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
