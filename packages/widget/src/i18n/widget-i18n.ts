import { createInstance, type i18n as I18n } from 'i18next';
import { WIDGET_LOCALES, type WidgetLocale } from '../state/widget-state.ts';
import type { Catalog } from './catalog.ts';
import { enCatalog } from './en.catalog.ts';
import { faCatalog } from './fa.catalog.ts';
import { viCatalog } from './vi.catalog.ts';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export const CATALOGS: Record<WidgetLocale, Catalog> = { en: enCatalog, vi: viCatalog, fa: faCatalog };

export function isWidgetLocale(value: unknown): value is WidgetLocale {
  return typeof value === 'string' && (WIDGET_LOCALES as readonly string[]).includes(value);
}

/** The first of en/vi/fa that an explicit attribute or the browser's languages name, by prefix. */
export function detectLocale(attribute: string | null | undefined, languages: readonly string[]): WidgetLocale {
  for (const candidate of [attribute, ...languages]) {
    const prefix = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (isWidgetLocale(prefix)) return prefix;
  }
  return 'en';
}

export function localeDirection(locale: WidgetLocale): 'rtl' | 'ltr' {
  return locale === 'fa' ? 'rtl' : 'ltr';
}

/** One i18next instance per widget (never the global one, which the host page may own). */
export function createWidgetI18n(locale: WidgetLocale): I18n {
  const instance = createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...WIDGET_LOCALES],
    resources: {
      en: { translation: CATALOGS.en },
      vi: { translation: CATALOGS.vi },
      fa: { translation: CATALOGS.fa },
    },
    // Resources are inline, so init can finish before the first render.
    initAsync: false,
    // Preact renders every string as a text node; escaping here would show "&amp;" to customers.
    interpolation: { escapeValue: false },
  });
  return instance;
}

export function translator(instance: I18n, locale: WidgetLocale): Translate {
  const t = instance.getFixedT(locale);
  return (key, params) => String(t(key, params ?? {}));
}
