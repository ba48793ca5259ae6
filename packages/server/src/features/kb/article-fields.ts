import type { ArticleFrontMatter } from '@tandem/protocol';
import type { ArticleRecord, RevisionRecord } from './kb.store.ts';
import { renderMarkdown } from './markdown.ts';

/** The stored columns an article's metadata and Markdown body become (the body rendered once, here). */
export function articleFields(meta: Omit<ArticleFrontMatter, 'key'>, body: string, now: Date) {
  return {
    title: meta.title,
    summary: meta.summary,
    body,
    bodyHtml: renderMarkdown(body),
    categoryKey: meta.category,
    tags: meta.tags,
    sampleQuestions: meta.sampleQuestions,
    related: meta.related,
    status: meta.status,
    updatedAt: now,
  } satisfies Partial<ArticleRecord>;
}

/** The revision that records an article as just saved. */
export function revisionOf(a: ArticleRecord, authorId: string | null, id: string): RevisionRecord {
  return {
    workspaceId: a.workspaceId,
    id,
    articleId: a.id,
    title: a.title,
    summary: a.summary,
    body: a.body,
    meta: { category: a.categoryKey, tags: a.tags, sampleQuestions: a.sampleQuestions, related: a.related, status: a.status },
    authorId,
    createdAt: a.updatedAt,
  };
}

/** A new article: its fields plus identity and zeroed counters. */
export function newArticle(input: { workspaceId: string; id: string; key: string; locale: string; meta: Omit<ArticleFrontMatter, 'key'>; body: string; now: Date }): ArticleRecord {
  const { workspaceId, id, key, locale, meta, body, now } = input;
  return { workspaceId, id, key, locale, views: 0, helpful: 0, notHelpful: 0, createdAt: now, ...articleFields(meta, body, now) };
}
