import type { Locale } from '@tandem/core';
import type { Catalog } from './catalog.ts';
import { broadcastEn } from './broadcast.en.catalog.ts';
import { broadcastFa } from './broadcast.fa.catalog.ts';
import { broadcastVi } from './broadcast.vi.catalog.ts';

/** The broadcast screens' text in every language, added when they load (see addCatalogs). */
export const BROADCAST_CATALOGS: Record<Locale, Catalog> = { en: broadcastEn, vi: broadcastVi, fa: broadcastFa };
