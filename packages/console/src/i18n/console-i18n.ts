import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '@tandem/core';
import type { Catalog } from './catalog.ts';
import { en } from './en.catalog.ts';
import { fa } from './fa.catalog.ts';
import { vi } from './vi.catalog.ts';

export const CATALOGS: Record<Locale, Catalog> = { en, vi, fa };
const STORAGE_KEY = 'tandem.locale';

export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'fa' ? 'rtl' : 'ltr');

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The saved choice, else the first of the browser's languages we speak, else English. */
export function initialLocale(saved: string | null, languages: readonly string[]): Locale {
  if (isLocale(saved)) return saved;
  for (const language of languages) {
    const prefix = language.toLowerCase().split(/[-_]/)[0];
    if (isLocale(prefix)) return prefix;
  }
  return 'en';
}

export function createConsoleI18n(locale: Locale): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    resources: { en: { translation: en }, vi: { translation: vi }, fa: { translation: fa } },
    initAsync: false,
    // React escapes every text node itself.
    interpolation: { escapeValue: false },
  });
  return instance;
}

/** Switches the language and the page direction together, and remembers the choice. */
export function applyLocale(instance: I18n, locale: Locale, storage: Storage = localStorage): void {
  void instance.changeLanguage(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  storage.setItem(STORAGE_KEY, locale);
}

/**
 * Adds the text of a screen that loads on demand (analytics, feedback): its catalogs travel in the
 * screen's own chunk rather than in the inbox's first load. Safe to call on every render.
 */
export function addCatalogs(instance: I18n, catalogs: Record<Locale, Catalog>): void {
  for (const locale of LOCALES) {
    const [section] = Object.keys(catalogs[locale]);
    if (section && instance.getResource(locale, 'translation', section) !== undefined) continue;
    instance.addResourceBundle(locale, 'translation', catalogs[locale], true, true);
  }
}

export const savedLocale = (storage: Storage = localStorage) => storage.getItem(STORAGE_KEY);
