import i18next, { type TFunction } from 'i18next';
import { LOCALES, type Locale } from '@tandem/core';
import { en, fa, vi } from './catalogs.ts';

const instance = i18next.createInstance();
// initAsync: false makes init synchronous with inline resources; no escaping because
// every caller either sends plain text (email) or escapes on output (HTML pages).
await instance.init({
  resources: { en: { translation: en }, vi: { translation: vi }, fa: { translation: fa } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The translation function for a locale (English when unknown). */
export function translator(locale: string | undefined): TFunction {
  return instance.getFixedT(isLocale(locale) ? locale : 'en');
}

export const isLocale = (value: string | undefined): value is Locale => (LOCALES as readonly string[]).includes(value ?? '');

/** Right-to-left locales. */
export const isRtl = (locale: Locale) => locale === 'fa';
