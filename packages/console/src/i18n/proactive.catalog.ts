import type { Locale } from '@tandem/core';
import type { Catalog } from './catalog.ts';
import { proactiveEn } from './proactive.en.catalog.ts';
import { proactiveFa } from './proactive.fa.catalog.ts';
import { proactiveVi } from './proactive.vi.catalog.ts';

/** The proactive rules' text in every language, added when the screen loads (see addCatalogs). */
export const PROACTIVE_CATALOGS: Record<Locale, Catalog> = { en: proactiveEn, vi: proactiveVi, fa: proactiveFa };
