import type { FieldError } from '@tandem/core';
import { inTransaction, type Tx } from '../../adapters/postgres/database.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { KbFolder, LocalizedArticle } from './kb-folder.ts';
import type { GuideService } from './guide.service.ts';
import { allArticles, insertArticle, insertRevision, listCategories, updateArticleRow, upsertCategory, type ArticleRecord } from './kb.store.ts';
import { articleFields, newArticle, revisionOf } from './article-fields.ts';

export interface ImportReport {
  categories: number;
  guides: number;
  created: number;
  updated: number;
}

/**
 * Imports a knowledge-base folder all or nothing: every reference is checked first (categories,
 * related articles, duplicates), then everything is written in one transaction, a revision per
 * article. Search indexes learn about the articles after commit.
 */
type Importable = Omit<KbFolder, 'errors'>;

export function createKbImportService(deps: ServiceDeps & { guides: GuideService; onChanged: (workspaceId: string, articleId: string) => void }) {
  const { db, clock, ids } = deps;

  function check(folder: Importable, existing: { categories: string[]; keys: string[] }): FieldError[] {
    const errors: FieldError[] = [];
    const categories = new Set([...existing.categories, ...folder.categories.map((c) => c.key)]);
    const keys = new Set([...existing.keys, ...folder.articles.map((a) => a.meta.key)]);
    const seen = new Set<string>();
    for (const { locale, meta } of folder.articles) {
      const path = `${locale}/${meta.key}.md`;
      if (seen.has(`${locale}/${meta.key}`)) errors.push({ path, message: 'the same key twice in one locale' });
      seen.add(`${locale}/${meta.key}`);
      if (!categories.has(meta.category)) errors.push({ path: `${path}: category`, message: `no category "${meta.category}" (add it to categories.yaml)` });
      for (const related of meta.related) if (!keys.has(related)) errors.push({ path: `${path}: related`, message: `no article "${related}"` });
    }
    return errors;
  }

  async function write(tx: Tx, workspaceId: string, article: LocalizedArticle, current: ArticleRecord | undefined, authorId: string | null) {
    const now = clock();
    const { meta, body, locale } = article;
    const saved = current
      ? (await updateArticleRow(tx, workspaceId, current.id, articleFields(meta, body, now)))!
      : newArticle({ workspaceId, id: ids(), key: meta.key, locale, meta, body, now });
    if (!current) await insertArticle(tx, saved);
    await insertRevision(tx, revisionOf(saved, authorId, ids()));
    return saved.id;
  }

  return {
    async importFolder(workspaceId: string, folder: Importable, authorId: string | null): Promise<ImportReport> {
      const report: ImportReport = { categories: folder.categories.length, guides: folder.guides.length, created: 0, updated: 0 };
      const changed = await inTransaction(db, async (tx) => {
        const current = await allArticles(tx, workspaceId);
        const errors = check(folder, { categories: (await listCategories(tx, workspaceId)).map((c) => c.key), keys: current.map((a) => a.key) });
        if (errors.length > 0) throw appError('kb.import_invalid', `${errors.length} problem(s); nothing was imported.`, { fields: errors });
        for (const [position, category] of folder.categories.entries()) {
          await upsertCategory(tx, { workspaceId, id: ids(), ...category, position, createdAt: clock() });
        }
        const byKey = new Map(current.map((a) => [`${a.locale}/${a.key}`, a]));
        const written: string[] = [];
        for (const article of folder.articles) {
          const existing = byKey.get(`${article.locale}/${article.meta.key}`);
          written.push(await write(tx, workspaceId, article, existing, authorId));
          if (existing) report.updated++;
          else report.created++;
        }
        const keys = folder.articles.map((a) => a.meta.key);
        for (const guide of folder.guides) await deps.guides.save(tx, workspaceId, guide, authorId, keys);
        return written;
      });
      for (const id of changed) deps.onChanged(workspaceId, id);
      return report;
    },
  };
}

export type KbImportService = ReturnType<typeof createKbImportService>;
