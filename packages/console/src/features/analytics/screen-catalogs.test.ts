import { describe, expect, test } from 'vitest';
import { LOCALES } from '@tandem/core';
import { ANALYTICS_CATALOGS } from '../../i18n/analytics.catalog.ts';
import type { Catalog } from '../../i18n/catalog.ts';
import { addCatalogs, CATALOGS, createConsoleI18n } from '../../i18n/console-i18n.ts';
import { FEEDBACK_CATALOGS } from '../../i18n/feedback.catalog.ts';
import { BROADCAST_CATALOGS } from '../../i18n/broadcast.catalog.ts';
import { PROACTIVE_CATALOGS } from '../../i18n/proactive.catalog.ts';

// The same rules as i18n/catalogs.test.ts, for the catalogs that load with their screen.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const keys = (catalog: Catalog) => new Map(Object.entries(catalog).flatMap(([section, entries]) => Object.entries(entries).map(([key, text]) => [`${section}.${key.replace(PLURAL, '')}`, text] as const)));
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();

describe.each([['analytics', ANALYTICS_CATALOGS], ['feedback', FEEDBACK_CATALOGS], ['proactive', PROACTIVE_CATALOGS], ['broadcast', BROADCAST_CATALOGS]] as const)('the %s catalogs', (_name, catalogs) => {
  const english = keys(catalogs.en);
  test.each(LOCALES)('%s has every English key, no other, with the same placeholders and no empty text', (locale) => {
    const translated = keys(catalogs[locale]);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of translated) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
    }
  });

  test('no section is shared with the first-load catalogs, so adding them overwrites nothing', () => {
    expect(Object.keys(catalogs.en).filter((section) => section in CATALOGS.en)).toEqual([]);
  });
});

test('adding a screen’s catalogs makes its text available in every language, once', () => {
  const i18n = createConsoleI18n('fa');
  expect(i18n.exists('analytics.title')).toBe(false);
  addCatalogs(i18n, ANALYTICS_CATALOGS);
  addCatalogs(i18n, ANALYTICS_CATALOGS);
  expect(i18n.t('analytics.responses', { count: 12 })).toBe('از ۱۲ امتیاز');
  expect(i18n.t('analytics.title', { lng: 'vi' })).toBe('Phân tích');
  expect(i18n.t('inbox.total', { count: 12 })).toBe('۱۲ گفتگو');
});
