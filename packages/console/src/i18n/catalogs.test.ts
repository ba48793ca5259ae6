import { describe, expect, test } from 'vitest';
import { LOCALES } from '@tandem/core';
import type { Catalog } from './catalog.ts';
import { CATALOGS, createConsoleI18n, initialLocale } from './console-i18n.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(catalog: Catalog): Map<string, string> {
  const found = new Map<string, string>();
  for (const [section, entries] of Object.entries(catalog)) for (const [key, text] of Object.entries(entries)) found.set(`${section}.${key.replace(PLURAL, '')}`, text);
  return found;
}
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('console catalogs', () => {
  const english = keys(CATALOGS.en);
  for (const locale of LOCALES) {
    test(`${locale} has every English key, no other, with the same placeholders and no empty text`, () => {
      const translated = keys(CATALOGS[locale]);
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of translated) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
      }
    });
  }

  test('Persian counts use Persian digits', () => {
    const i18n = createConsoleI18n('fa');
    expect(i18n.t('inbox.total', { count: 12 })).toBe('۱۲ گفتگو');
  });

  test('the saved choice wins, then the first browser language spoken, then English', () => {
    expect(initialLocale('fa', ['vi-VN'])).toBe('fa');
    expect(initialLocale(null, ['de-DE', 'vi-VN'])).toBe('vi');
    expect(initialLocale('xx', ['de'])).toBe('en');
  });
});
