import { describe, expect, test } from 'vitest';
import { WIDGET_LOCALES } from '../state/widget-state.ts';
import type { Catalog } from './catalog.ts';
import { CATALOGS, createWidgetI18n, detectLocale, translator } from './widget-i18n.ts';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(catalog: Catalog): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [section, entries] of Object.entries(catalog)) {
    for (const [key, text] of Object.entries(entries)) keys.set(`${section}.${key}`, text);
  }
  return keys;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();
}

const english = flatten(CATALOGS.en);
const baseKeys = new Set([...english.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));

describe.each(WIDGET_LOCALES)('the %s catalog', (locale) => {
  const catalog = flatten(CATALOGS[locale]);
  const pluralForms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

  test('has every key, with every plural form its language needs', () => {
    const missing: string[] = [];
    for (const base of baseKeys) {
      const isPlural = !english.has(base);
      const needed = isPlural ? pluralForms.map((form) => `${base}_${form}`) : [base];
      for (const key of needed) if (!catalog.get(key)?.trim()) missing.push(key);
    }
    expect(missing).toEqual([]);
  });

  test('has no keys English lacks', () => {
    const extra = [...catalog.keys()].filter((key) => !baseKeys.has(key.replace(PLURAL_SUFFIX, '')));
    expect(extra).toEqual([]);
  });

  test('uses the same placeholders as English', () => {
    for (const [key, text] of catalog) {
      const englishText = english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, '_other')) ?? '';
      expect(placeholders(text), key).toEqual(placeholders(englishText));
    }
  });
});

describe('locale choice', () => {
  test('data-locale wins, then the first browser language we speak, then English', () => {
    expect(detectLocale('fa', ['vi-VN'])).toBe('fa');
    expect(detectLocale(null, ['de-DE', 'vi-VN', 'en'])).toBe('vi');
    expect(detectLocale(undefined, ['fa-IR'])).toBe('fa');
    expect(detectLocale('xx', ['de'])).toBe('en');
  });

  test('plurals and interpolation render per language, without HTML escaping', () => {
    const i18n = createWidgetI18n('en');
    expect(translator(i18n, 'en')('launcher.openWithUnread', { count: 1 })).toBe('Open chat, 1 unread message');
    expect(translator(i18n, 'en')('launcher.openWithUnread', { count: 3 })).toBe('Open chat, 3 unread messages');
    expect(translator(i18n, 'vi')('launcher.openWithUnread', { count: 3 })).toContain('3 tin nhắn chưa đọc');
    expect(translator(i18n, 'fa')('launcher.openWithUnread', { count: 3 })).toContain('۳');
    expect(translator(i18n, 'en')('conversation.typingNamed', { name: 'Tom & Jerry' })).toBe('Tom & Jerry is typing…');
  });
});
