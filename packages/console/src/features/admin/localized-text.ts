import { LOCALES, type Locale } from '@tandem/core';

/** The text in the agent's language, else English, else any language there is. */
export function localizedText(texts: Readonly<Record<string, string | undefined>>, locale: string): string {
  return texts[locale] ?? texts.en ?? Object.values(texts).find(Boolean) ?? '';
}

/** A text being typed in every language the console speaks ('' where none is typed yet). */
export type LocalizedDraft = Record<Locale, string>;

export function localizedDraft(texts: Readonly<Partial<Record<Locale, string>>> = {}): LocalizedDraft {
  return Object.fromEntries(LOCALES.map((locale) => [locale, texts[locale] ?? ''])) as LocalizedDraft;
}

/** The languages typed in, trimmed; a language left empty is left out (readers then get another). */
export function localizedBody(draft: LocalizedDraft): Partial<Record<Locale, string>> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, draft[locale].trim()]).filter(([, text]) => text));
}
