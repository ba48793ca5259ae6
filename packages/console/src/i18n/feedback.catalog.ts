import type { Locale } from '@tandem/core';
import type { Catalog } from './catalog.ts';
import { feedbackEn } from './feedback.en.catalog.ts';
import { feedbackFa } from './feedback.fa.catalog.ts';
import { feedbackVi } from './feedback.vi.catalog.ts';

/** The feedback inbox's text in every language, added when the inbox loads (see addCatalogs). */
export const FEEDBACK_CATALOGS: Record<Locale, Catalog> = { en: feedbackEn, vi: feedbackVi, fa: feedbackFa };
