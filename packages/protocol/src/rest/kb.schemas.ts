import { z } from 'zod';

/** An article's stable key, shared by its translations: `reset-password`. */
export const ArticleKey = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens').max(100);
export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;

/** The front-matter of an article file (`tandem kb import`), and the metadata of an article. */
export const ArticleFrontMatter = z.strictObject({
  key: ArticleKey,
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(500).default(''),
  category: ArticleKey,
  tags: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  sampleQuestions: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
  related: z.array(ArticleKey).max(10).default([]),
  status: z.enum(ARTICLE_STATUSES).default('published'),
});
export type ArticleFrontMatter = z.output<typeof ArticleFrontMatter>;
