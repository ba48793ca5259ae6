import { z } from 'zod';
import { LOCALES } from '@tandem/core';
import { Id, PageQuery, Timestamp, patchOf } from '../common.ts';

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

export const Article = z.object({
  id: Id,
  key: ArticleKey,
  locale: z.enum(LOCALES),
  title: z.string(),
  summary: z.string(),
  body: z.string().describe('Markdown'),
  bodyHtml: z.string().describe('The body rendered to HTML: raw HTML in the Markdown is escaped, links are http(s) or relative'),
  category: ArticleKey,
  tags: z.array(z.string()),
  sampleQuestions: z.array(z.string()),
  related: z.array(ArticleKey),
  status: z.enum(ARTICLE_STATUSES),
  views: z.number().int(),
  helpful: z.number().int(),
  notHelpful: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).meta({ id: 'Article' });
export type Article = z.infer<typeof Article>;

export const ArticleBody = z.string().trim().min(1).max(100_000);
export const CreateArticleBody = ArticleFrontMatter.extend({ locale: z.enum(LOCALES), body: ArticleBody });
export const UpdateArticleBody = patchOf(CreateArticleBody.omit({ key: true, locale: true }))
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const ListArticlesQuery = PageQuery.extend({
  locale: z.enum(LOCALES).optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
  category: ArticleKey.optional(),
});

export const ArticleRevision = z.object({
  id: Id,
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  authorId: Id.nullable(),
  createdAt: Timestamp,
}).meta({ id: 'ArticleRevision' });

export const Category = z.object({
  key: ArticleKey,
  names: z.partialRecord(z.enum(LOCALES), z.string()),
  descriptions: z.partialRecord(z.enum(LOCALES), z.string()),
  position: z.number().int(),
}).meta({ id: 'Category' });

export const PutCategoryBody = z.strictObject({
  names: z.partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(120)).refine((n) => Object.keys(n).length > 0, 'at least one name'),
  descriptions: z.partialRecord(z.enum(LOCALES), z.string().trim().max(500)).default({}),
  position: z.number().int().min(0).max(10_000).default(0),
});

export const SearchArticlesQuery = z.strictObject({
  q: z.string().trim().min(1).max(200),
  locale: z.enum(LOCALES),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const ArticleHit = z.object({
  articleId: Id,
  key: ArticleKey,
  title: z.string(),
  summary: z.string(),
  url: z.string().describe('The article on the public help center'),
});
export const ArticleHits = z.object({ searchId: Id.describe('Report a click with it'), items: z.array(ArticleHit) });
export type ArticleHits = z.infer<typeof ArticleHits>;

export const ArticleFeedbackBody = z.strictObject({
  helpful: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
});

const StepId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens').max(60);
export const LocalizedText = z
  .partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(2000))
  .refine((t) => Object.keys(t).length > 0, 'text in at least one language');
export const GuideEnd = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('article'), article: ArticleKey }),
  z.strictObject({ kind: z.literal('resolved'), message: LocalizedText }),
  z.strictObject({ kind: z.literal('handoff'), message: LocalizedText }),
]);
export const GuideStep = z.strictObject({
  id: StepId,
  text: LocalizedText,
  choices: z.array(z.strictObject({ label: LocalizedText, next: StepId })).max(6).optional(),
  end: GuideEnd.optional(),
});
/** An interactive guide (decision tree), as authored in YAML or JSON. */
export const GuideDefinition = z.strictObject({
  key: ArticleKey,
  title: LocalizedText,
  start: StepId,
  steps: z.array(GuideStep).min(1).max(200),
}).meta({ id: 'GuideDefinition' });

export const Guide = z.object({
  id: Id,
  key: ArticleKey,
  version: z.number().int(),
  definition: GuideDefinition,
  updatedAt: Timestamp,
}).meta({ id: 'Guide' });

export const GuideStats = z.object({
  started: z.number().int(),
  completed: z.number().int().describe('Runs that reached an article or resolved end'),
  handedOff: z.number().int().describe('Runs that ended in "talk to a person"'),
  abandoned: z.number().int().describe('Runs that started and reached no end'),
  steps: z.record(z.string(), z.number().int()).describe('Step id → runs that reached it'),
});

/** A guide as a client lists it. */
export const GuideSummary = z.object({ key: ArticleKey, title: LocalizedText });
/** One step of a running guide, for clients that draw it themselves (the widget). */
export const GuideStepView = z.object({
  runId: z.string().describe('Send it back with the next step'),
  stepId: StepId,
  text: LocalizedText,
  choices: z.array(z.object({ label: LocalizedText, next: StepId })),
  end: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('article'), article: z.object({ key: ArticleKey, title: z.string(), summary: z.string(), url: z.string() }).nullable() }),
    z.object({ kind: z.literal('resolved'), message: LocalizedText }),
    z.object({ kind: z.literal('handoff'), message: LocalizedText }),
  ]).nullable(),
}).meta({ id: 'GuideStepView' });
export type GuideStepView = z.infer<typeof GuideStepView>;
export const AdvanceGuideBody = z.strictObject({
  step: StepId.optional().describe('Omit to start'),
  runId: z.string().max(40).optional(),
});
