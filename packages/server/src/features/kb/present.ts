import type { Locale } from '@tandem/core';
import type { Article } from '@tandem/protocol';
import type { ArticleRecord, CategoryRecord, RevisionRecord } from './kb.store.ts';

export function presentArticle(a: ArticleRecord): Article {
  return {
    id: a.id,
    key: a.key,
    locale: a.locale as Locale,
    title: a.title,
    summary: a.summary,
    body: a.body,
    bodyHtml: a.bodyHtml,
    category: a.categoryKey,
    tags: a.tags,
    sampleQuestions: a.sampleQuestions,
    related: a.related,
    status: a.status as Article['status'],
    views: a.views,
    helpful: a.helpful,
    notHelpful: a.notHelpful,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export const presentCategory = (c: CategoryRecord) => ({ key: c.key, names: c.names, descriptions: c.descriptions, position: c.position });

export const presentRevision = (r: RevisionRecord) => ({ id: r.id, title: r.title, summary: r.summary, body: r.body, authorId: r.authorId, createdAt: r.createdAt.toISOString() });
