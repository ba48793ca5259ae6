import { LOCALES, type Locale } from '@tandem/core';

/** The first of our locales named in an Accept-Language header (by order, ignoring q), else English. */
export function preferredLocale(header: string | undefined): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().slice(0, 2).toLowerCase();
    if ((LOCALES as readonly string[]).includes(tag)) return tag as Locale;
  }
  return 'en';
}
