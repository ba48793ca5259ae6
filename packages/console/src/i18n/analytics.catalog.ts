import type { Locale } from '@tandem/core';
import type { Catalog } from './catalog.ts';
import { analyticsEn } from './analytics.en.catalog.ts';
import { analyticsFa } from './analytics.fa.catalog.ts';
import { analyticsVi } from './analytics.vi.catalog.ts';

/** The dashboard's text in every language, added when the dashboard loads (see addCatalogs). */
export const ANALYTICS_CATALOGS: Record<Locale, Catalog> = { en: analyticsEn, vi: analyticsVi, fa: analyticsFa };
