import { describe, expect, test } from 'vitest';
import { createFormats, formatDuration } from './analytics-format.ts';

describe('analytics formats', () => {
  test('durations show their two largest units, in the reader’s language', () => {
    expect([0, 45, 60, 125, 3_600, 3_900, 90_061].map((s) => formatDuration(s, 'en'))).toEqual(['0 sec', '45 sec', '1 min', '2 min, 5 sec', '1 hr', '1 hr, 5 min', '1 day, 1 hr']);
    expect(formatDuration(3_900, 'vi')).toBe('1 giờ, 5 phút');
    expect(formatDuration(3_900, 'fa')).toMatch(/^۱ ساعت،\u200F? ۵ دقیقه$/);
    expect(formatDuration(null, 'en')).toBe('—');
  });

  test('Persian readers get Persian digits and their weekday names', () => {
    const fa = createFormats('fa');
    expect([fa.count(1234), fa.percent(0.85), fa.decimal(4.25), fa.slot(19), fa.weekday(0)]).toEqual(['۱٬۲۳۴', '۸۵٪', '۴٫۳', '۰۹:۳۰', 'یکشنبه']);
    const en = createFormats('en');
    expect([en.count(1234), en.percent(null), en.slot(47), en.weekday(6), en.day('2026-11-03')]).toEqual(['1,234', '—', '23:30', 'Sat', 'Nov 3']);
  });
});
