import type { Locale } from '@tandem/core';
import type { ArticleHits } from '@tandem/protocol';
import { topics } from '../../adapters/bus/event-bus.ts';
import { createPostingsIndex } from '../../adapters/search/postings.search-index.ts';
import type { SearchDocument, SearchIndex } from '../../adapters/search/search-index.ts';
import { appError } from '../../platform/app-error.ts';
import { storableText } from '../../platform/storable-text.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { allArticles, findArticle, findArticles, insertSearch, recordSearchClick, type ArticleRecord } from './kb.store.ts';

export const SEARCH_SOURCES = ['help_center', 'widget', 'bot', 'console'] as const;
export type SearchSource = (typeof SEARCH_SOURCES)[number];

const toDocument = (a: ArticleRecord): SearchDocument => ({
  id: a.id,
  locale: a.locale as Locale,
  title: a.title,
  sampleQuestions: a.sampleQuestions,
  summary: a.summary,
  body: a.body,
  views: a.views,
  helpful: a.helpful,
  notHelpful: a.notHelpful,
});

/** The public path of an article on the help center. */
export const articleUrl = (workspaceSlug: string, a: Pick<ArticleRecord, 'locale' | 'key'>) => `/help/${workspaceSlug}/${a.locale}/articles/${a.key}`;

/**
 * Searches published articles. Each process keeps one in-memory index per workspace, built from
 * the database on first use and kept current from the bus (`kb:<workspace>`), so an edit saved
 * through any process is searchable everywhere. Every search is logged for content-gap analytics.
 */
export function createArticleSearchService(deps: ServiceDeps) {
  const { db, bus, log, clock, ids } = deps;
  const indexes = new Map<string, Promise<SearchIndex>>();

  const refresh = async (workspaceId: string, articleId: string) => {
    const loaded = indexes.get(workspaceId);
    if (!loaded) return;
    const [index, article] = await Promise.all([loaded, findArticle(db, workspaceId, articleId)]);
    if (article?.status === 'published') index.upsert(toDocument(article));
    else index.remove(articleId);
  };

  const load = (workspaceId: string) => {
    let loaded = indexes.get(workspaceId);
    if (!loaded) {
      loaded = (async () => {
        // Subscribe first, so an edit committed while the index builds is not missed.
        await bus.subscribe(topics.kb(workspaceId), (payload) => {
          refresh(workspaceId, (payload as { articleId: string }).articleId).catch((error: unknown) => log.warn({ err: error }, 'search index refresh failed'));
        });
        const index = createPostingsIndex();
        index.replaceAll((await allArticles(db, workspaceId)).filter((a) => a.status === 'published').map(toDocument));
        return index;
      })();
      loaded.catch(() => indexes.delete(workspaceId));
      indexes.set(workspaceId, loaded);
    }
    return loaded;
  };

  return {
    /** Announces a saved article to every process (this one included). */
    changed(workspaceId: string, articleId: string): void {
      bus.publish(topics.kb(workspaceId), { articleId }).catch((error: unknown) => log.warn({ err: error }, 'kb change publish failed'));
    },

    async search(input: { workspaceId: string; workspaceSlug: string; query: string; locale: Locale; limit: number; source: SearchSource; customerId?: string | null }): Promise<ArticleHits> {
      const index = await load(input.workspaceId);
      const hits = index.search(input.query, { locale: input.locale, limit: input.limit });
      const found = new Map((await findArticles(db, input.workspaceId, hits.map((h) => h.id))).map((a) => [a.id, a]));
      const articles = hits.map((h) => found.get(h.id)).filter((a): a is ArticleRecord => a !== undefined);
      const searchId = ids();
      await insertSearch(db, {
        workspaceId: input.workspaceId,
        id: searchId,
        // Logged as typed, less what the database cannot hold (a searcher is not refused for a NUL).
        query: storableText(input.query),
        locale: input.locale,
        source: input.source,
        resultIds: articles.map((a) => a.id),
        customerId: input.customerId ?? null,
        createdAt: clock(),
      });
      return {
        searchId,
        items: articles.map((a) => ({ articleId: a.id, key: a.key, title: a.title, summary: a.summary, url: articleUrl(input.workspaceSlug, a) })),
      };
    },

    async click(workspaceId: string, searchId: string, articleId: string): Promise<void> {
      if (!(await recordSearchClick(db, workspaceId, searchId, articleId))) throw appError('kb_search.not_found');
    },
  };
}

export type ArticleSearchService = ReturnType<typeof createArticleSearchService>;
