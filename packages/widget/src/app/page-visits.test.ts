import { describe, expect, test } from 'vitest';
import { createSafeStorage } from '../state/safe-storage.ts';
import { recordPageVisit } from './page-visits.ts';

const KEY = 'tandem:ws-1:page-visits';
const DAY_MS = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 2, 1, 10);

describe('page visits', () => {
  test('counts the views of one page in the last week, whatever its hash', () => {
    const storage = createSafeStorage(() => null);
    expect(recordPageVisit(storage, KEY, 'https://shop.example/pricing', T0)).toBe(1);
    expect(recordPageVisit(storage, KEY, 'https://shop.example/pricing#plans', T0 + DAY_MS)).toBe(2);
    expect(recordPageVisit(storage, KEY, 'https://shop.example/pricing?plan=pro', T0 + DAY_MS)).toBe(1);
    expect(recordPageVisit(storage, KEY, 'https://shop.example/pricing', T0 + 7.5 * DAY_MS)).toBe(2);
  });

  test('keeps no URL, and at most a hundred pages, dropping the ones seen longest ago', () => {
    const storage = createSafeStorage(() => null);
    recordPageVisit(storage, KEY, 'https://shop.example/reset?token=secret', T0);
    expect(storage.getItem(KEY)).not.toContain('secret');
    for (let i = 0; i < 120; i++) recordPageVisit(storage, KEY, `https://shop.example/p/${i}`, T0 + i * 1000);
    expect(Object.keys(JSON.parse(storage.getItem(KEY) ?? '{}'))).toHaveLength(100);
    expect(recordPageVisit(storage, KEY, 'https://shop.example/p/119', T0 + DAY_MS)).toBe(2);
    expect(recordPageVisit(storage, KEY, 'https://shop.example/p/0', T0 + DAY_MS)).toBe(1);
  });

  test('a corrupt entry starts the count over', () => {
    const storage = createSafeStorage(() => null);
    storage.setItem(KEY, '{not json');
    expect(recordPageVisit(storage, KEY, 'https://shop.example/', T0)).toBe(1);
    storage.setItem(KEY, JSON.stringify({ a: 'x', b: [T0 / 1000, 'y'] }));
    expect(recordPageVisit(storage, KEY, 'https://shop.example/', T0)).toBe(1);
  });
});
