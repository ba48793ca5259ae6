import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BusinessHours } from '../workspace/availability.ts';
import { validateSchedule, type ScheduleInput } from './schedule-validation.ts';

type Day = BusinessHours['days'][number];
const interval = (from: string, to: string) => ({ from, to });
const week = (monday: Day): Day[] => [[], monday, [interval('09:00', '17:00')], [], [], [], []];
const input = (patch: Partial<ScheduleInput>): ScheduleInput => ({ timezone: 'Europe/Berlin', days: week([]), holidays: [], ...patch });

test('a valid schedule has no errors: touching intervals, a 24:00 end, real holidays', () => {
  const monday = [interval('00:00', '06:00'), interval('22:00', '24:00'), interval('09:00', '12:00'), interval('12:00', '17:30')];
  for (const timezone of ['Europe/Berlin', 'America/New_York', 'Asia/Ho_Chi_Minh', 'Asia/Tehran', 'UTC']) {
    assert.deepEqual(validateSchedule(input({ timezone, days: week(monday), holidays: ['2026-12-25', '2028-02-29'] })), []);
  }
  assert.deepEqual(validateSchedule({ timezone: 'UTC', days: week([]) }), []);
});

const invalid: Array<[string, Partial<ScheduleInput>, string[]]> = [
  ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, ['Unknown time zone "Mars/Olympus_Mons".']],
  ['an empty time zone', { timezone: '' }, ['Unknown time zone "".']],
  ['six days', { days: week([]).slice(0, 6) }, ['Expected 7 days (Sunday first), got 6.']],
  ['an hour without two digits', { days: week([interval('9:00', '17:00')]) }, ['Monday, interval 1 (9:00–17:00): start "9:00" is not a time of day (HH:MM, 00:00 to 23:59).']],
  ['hour 25', { days: week([interval('09:00', '25:00')]) }, ['Monday, interval 1 (09:00–25:00): end "25:00" is not a time of day (HH:MM, 00:00 to 24:00).']],
  ['minute 60', { days: week([interval('08:00', '09:00'), interval('12:60', '13:00')]) }, ['Monday, interval 2 (12:60–13:00): start "12:60" is not a time of day (HH:MM, 00:00 to 23:59).']],
  ['24:00 as a start', { days: week([interval('24:00', '24:00')]) }, ['Monday, interval 1 (24:00–24:00): start "24:00" is not a time of day (HH:MM, 00:00 to 23:59).']],
  ['a start after the end', { days: week([interval('17:00', '09:00')]) }, ['Monday, interval 1 (17:00–09:00): the start must be before the end.']],
  ['an empty interval', { days: week([interval('09:00', '09:00')]) }, ['Monday, interval 1 (09:00–09:00): the start must be before the end.']],
  [
    'overlapping intervals, named both',
    { days: week([interval('12:00', '17:00'), interval('09:00', '13:00')]) },
    ['Monday, interval 1 (12:00–17:00) overlaps interval 2 (09:00–13:00).'],
  ],
  [
    'an interval inside a long one overlaps it, though a later one does not overlap its neighbour',
    { days: week([interval('08:00', '18:00'), interval('09:00', '10:00'), interval('11:00', '12:00')]) },
    ['Monday, interval 2 (09:00–10:00) overlaps interval 1 (08:00–18:00).', 'Monday, interval 3 (11:00–12:00) overlaps interval 1 (08:00–18:00).'],
  ],
  ['a day that does not exist', { holidays: ['2026-12-25', '2026-02-30'] }, ['Holiday 2 "2026-02-30" is not a calendar date (YYYY-MM-DD).']],
  ['a date in another format', { holidays: ['25/12/2026'] }, ['Holiday 1 "25/12/2026" is not a calendar date (YYYY-MM-DD).']],
  [
    'several problems at once, each reported',
    { timezone: 'Nowhere', days: [...week([interval('17:00', '09:00')]), [interval('x', '10:00')]] },
    [
      'Unknown time zone "Nowhere".',
      'Expected 7 days (Sunday first), got 8.',
      'Monday, interval 1 (17:00–09:00): the start must be before the end.',
      'Day 8, interval 1 (x–10:00): start "x" is not a time of day (HH:MM, 00:00 to 23:59).',
    ],
  ],
];
for (const [name, patch, expected] of invalid) {
  test(`validation reports ${name}`, () => assert.deepEqual(validateSchedule(input(patch)), expected));
}
