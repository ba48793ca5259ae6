import { resolve } from 'node:path';
import type { Locale } from '@tandem/core';
import { Slug } from '@tandem/protocol';
import type { Config } from '../config/schema.ts';
import { appError } from '../platform/app-error.ts';
import { findWorkspaceBySlug } from '../features/workspaces/workspace.store.ts';
import { readKbFolder, writeKbFolder, type GuideFile } from '../features/kb/kb-folder.ts';
import { listGuides } from '../features/kb/guide.store.ts';
import { allArticles, listCategories } from '../features/kb/kb.store.ts';
import type { ImportReport } from '../features/kb/kb-import.service.ts';
import { withServices } from './with-services.ts';

/** `tandem kb import <dir>`: all or nothing; a folder with problems raises `kb.import_invalid` listing them all. */
export function kbImport(config: Config, options: { workspace: string; dir: string }): Promise<ImportReport> {
  return withServices(config, async (services, deps) => {
    const workspace = await findWorkspaceBySlug(deps.db, Slug.parse(options.workspace));
    if (!workspace) throw appError('workspace.not_found', `No workspace "${options.workspace}".`);
    const folder = await readKbFolder(resolve(options.dir));
    if (folder.errors.length > 0) throw appError('kb.import_invalid', `${folder.errors.length} problem(s); nothing was imported.`, { fields: folder.errors });
    return services.kbImport.importFolder(workspace.id, folder, null);
  });
}

/** `tandem kb export <dir>`: every article and category, in the layout import reads. */
export function kbExport(config: Config, options: { workspace: string; dir: string }): Promise<{ articles: number }> {
  return withServices(config, async (_services, deps) => {
    const workspace = await findWorkspaceBySlug(deps.db, Slug.parse(options.workspace));
    if (!workspace) throw appError('workspace.not_found', `No workspace "${options.workspace}".`);
    const categories = (await listCategories(deps.db, workspace.id)).map((c) => ({ key: c.key, names: c.names, descriptions: c.descriptions }));
    const articles = (await allArticles(deps.db, workspace.id)).map((a) => ({
      locale: a.locale as Locale,
      body: a.body,
      meta: { key: a.key, title: a.title, summary: a.summary, category: a.categoryKey, tags: a.tags, sampleQuestions: a.sampleQuestions, related: a.related, status: a.status as 'published' },
    }));
    const guides = (await listGuides(deps.db, workspace.id)).map((g) => g.definition as GuideFile);
    await writeKbFolder(resolve(options.dir), { categories, articles, guides });
    return { articles: articles.length };
  });
}
