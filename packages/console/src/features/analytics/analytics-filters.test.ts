import { describe, expect, test } from 'vitest';
import { defaultRange, isDay, readFilters, writeFilters } from './analytics-filters.ts';

const today = new Date(2026, 11, 6, 15, 30);

describe('analytics filters', () => {
  test('without dates in the URL, the range is the last 28 days with today included', () => {
    expect(defaultRange(today)).toEqual({ from: '2026-11-09', to: '2026-12-06' });
    expect(readFilters(new URLSearchParams(''), today)).toEqual({ from: '2026-11-09', to: '2026-12-06' });
  });

  test('filters come from the query string, and unknown channels, languages and bad dates are ignored', () => {
    const params = new URLSearchParams('from=2026-10-01&to=2026-10-31&channel=email&language=fa&teamId=t1&segment=vip&agentId=');
    expect(readFilters(params, today)).toEqual({ from: '2026-10-01', to: '2026-10-31', channel: 'email', language: 'fa', teamId: 't1', segment: 'vip' });
    expect(readFilters(new URLSearchParams('from=2026-02-30&to=yesterday&channel=fax&language=de'), today)).toEqual({ from: '2026-11-09', to: '2026-12-06' });
  });

  test('writing leaves empty filters out, so reading it back gives the same filters', () => {
    const filters = { from: '2026-10-01', to: '2026-10-31', channel: 'sms' as const, segment: 'vip' };
    const params = writeFilters(filters);
    expect(params.toString()).toBe('from=2026-10-01&to=2026-10-31&channel=sms&segment=vip');
    expect(readFilters(params, today)).toEqual(filters);
  });

  test('only real calendar days are days', () => {
    expect([isDay('2026-02-28'), isDay('2026-02-29'), isDay('2028-02-29'), isDay('2026-13-01'), isDay('26-01-01'), isDay(null)]).toEqual([true, false, true, false, false, false]);
  });
});
