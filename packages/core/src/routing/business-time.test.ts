import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BusinessHours } from '../workspace/availability.ts';
import { addBusinessSeconds, businessSecondsBetween, type Schedule } from './business-time.ts';

type Day = BusinessHours['days'][number];
const HOUR = 3600;
const nineToFive: Day = [{ from: '09:00', to: '17:00' }];
const workweek = (timezone: string, holidays: string[] = []): Schedule => ({
  hours: { timezone, days: [[], nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []] },
  holidays,
});
const everyDay = (timezone: string, day: Day): Schedule => ({ hours: { timezone, days: Array(7).fill(day) }, holidays: [] });
const hoursBetween = (schedule: Schedule, from: string, to: string) => businessSecondsBetween(schedule, new Date(from), new Date(to)) / HOUR;
const plus = (schedule: Schedule, start: string, hours: number) => addBusinessSeconds(schedule, new Date(start), hours * HOUR)?.toISOString() ?? null;

const utc = workweek('UTC');
const saigon = workweek('Asia/Ho_Chi_Minh');
// Iran's working week runs Saturday to Wednesday; the zone is UTC+03:30 with no DST since 2022.
const tehran: Schedule = { hours: { timezone: 'Asia/Tehran', days: [nineToFive, nineToFive, nineToFive, nineToFive, [], [], nineToFive] }, holidays: [] };

// 2026-11-23 is a Monday.
const betweenCases: Array<[string, Schedule, string, string, number]> = [
  ['a window inside one working day counts fully', utc, '2026-11-23T10:00:00Z', '2026-11-23T15:30:00Z', 5.5],
  ['time before opening and after closing does not count', utc, '2026-11-23T06:00:00Z', '2026-11-23T20:00:00Z', 8],
  ['the closing minute is not open', utc, '2026-11-23T16:59:00Z', '2026-11-23T18:00:00Z', 1 / 60],
  ['a window over the weekend counts Friday afternoon and Monday morning', utc, '2026-11-27T15:00:00Z', '2026-11-30T11:00:00Z', 4],
  ['a weekend alone is closed', utc, '2026-11-28T00:00:00Z', '2026-11-30T00:00:00Z', 0],
  ['a whole week is five working days', utc, '2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z', 40],
  ['a backwards range is zero', utc, '2026-11-23T15:00:00Z', '2026-11-23T10:00:00Z', 0],
  ['Saigon hours are read in UTC+7', saigon, '2026-11-23T01:00:00Z', '2026-11-23T05:00:00Z', 3],
  ['a Saigon weekend is skipped', saigon, '2026-11-27T09:00:00Z', '2026-11-30T03:00:00Z', 2],
  ['Tehran hours are read in UTC+03:30, closed Thursday and Friday', tehran, '2026-11-25T12:00:00Z', '2026-11-28T07:00:00Z', 3],
  ['no hours at all means every second counts', { hours: null, holidays: [] }, '2026-11-28T00:00:00Z', '2026-11-30T00:00:00Z', 48],
  ['with no hours, holidays have no zone and are ignored', { hours: null, holidays: ['2026-11-28'] }, '2026-11-28T00:00:00Z', '2026-11-29T00:00:00Z', 24],
];
for (const [name, schedule, from, to, expected] of betweenCases) {
  test(name, () => assert.equal(hoursBetween(schedule, from, to), expected));
}

const plusCases: Array<[string, Schedule, string, number, string | null]> = [
  ['time added inside hours lands the same day', utc, '2026-11-23T10:00:00Z', 2, '2026-11-23T12:00:00.000Z'],
  ['a start before opening waits for the opening', utc, '2026-11-23T06:00:00Z', 1, '2026-11-23T10:00:00.000Z'],
  ['a start on Saturday waits for Monday', utc, '2026-11-28T12:00:00Z', 1, '2026-11-30T10:00:00.000Z'],
  ['what does not fit today carries over to the next morning', utc, '2026-11-23T16:30:00Z', 1, '2026-11-24T09:30:00.000Z'],
  ['a target met exactly at closing is met at closing, not the next morning', utc, '2026-11-23T09:00:00Z', 8, '2026-11-23T17:00:00.000Z'],
  ['Friday afternoon carries over the weekend', utc, '2026-11-27T16:00:00Z', 3, '2026-11-30T11:00:00.000Z'],
  ['zero seconds is the start itself, even outside hours', utc, '2026-11-28T12:00:00Z', 0, '2026-11-28T12:00:00.000Z'],
  ['a holiday is skipped', workweek('UTC', ['2026-11-24']), '2026-11-23T16:00:00Z', 2, '2026-11-25T10:00:00.000Z'],
  ['Saigon carries over its weekend', saigon, '2026-11-27T09:00:00Z', 2, '2026-11-30T03:00:00.000Z'],
  ['Tehran carries over Thursday and Friday', tehran, '2026-11-25T12:00:00Z', 3, '2026-11-28T07:00:00.000Z'],
  ['with no hours the clock runs through the weekend', { hours: null, holidays: [] }, '2026-11-28T12:00:00Z', 30, '2026-11-29T18:00:00.000Z'],
  ['a week without any hours never gets there', { hours: { timezone: 'UTC', days: [[], [], [], [], [], [], []] }, holidays: [] }, '2026-11-23T09:00:00Z', 1, null],
];
for (const [name, schedule, start, hours, expected] of plusCases) {
  test(name, () => assert.equal(plus(schedule, start, hours), expected));
}

test('holidays are local dates in the zone, not UTC dates', () => {
  // Saigon 06:00–09:00 on Tuesday 24 November is 23:00–02:00 UTC, starting on the Monday in UTC.
  const early: Day = [{ from: '06:00', to: '09:00' }];
  const hours: BusinessHours = { timezone: 'Asia/Ho_Chi_Minh', days: [[], early, early, early, early, early, []] };
  const window = ['2026-11-23T22:00:00Z', '2026-11-24T03:00:00Z'] as const;
  assert.equal(hoursBetween({ hours, holidays: [] }, ...window), 3);
  assert.equal(hoursBetween({ hours, holidays: ['2026-11-24'] }, ...window), 0);
  assert.equal(hoursBetween({ hours, holidays: ['2026-11-23'] }, ...window), 3);
});

test('a holiday removes exactly its day from a longer window', () => {
  const window = ['2026-11-23T00:00:00Z', '2026-11-26T00:00:00Z'] as const;
  assert.equal(hoursBetween(saigon, ...window), 24);
  assert.equal(hoursBetween(workweek('Asia/Ho_Chi_Minh', ['2026-11-24']), ...window), 16);
});

test('overlapping intervals on one day are not counted twice', () => {
  const overlapping: Day = [{ from: '09:00', to: '13:00' }, { from: '12:00', to: '17:00' }];
  assert.equal(hoursBetween(everyDay('UTC', overlapping), '2026-11-23T00:00:00Z', '2026-11-24T00:00:00Z'), 8);
});

test('a schedule closed by holidays for over 400 days never gets there, a shorter closure is waited out', () => {
  const mondays = (weeks: number) => Array.from({ length: weeks }, (_, week) => new Date(Date.UTC(2026, 10, 23 + week * 7)).toISOString().slice(0, 10));
  const mondaysOnly = (holidays: string[]): Schedule => ({ hours: { timezone: 'UTC', days: [[], nineToFive, [], [], [], [], []] }, holidays });
  assert.equal(plus(mondaysOnly(mondays(70)), '2026-11-23T08:00:00Z', 1), null);
  // 40 closed Mondays (280 days): the first open one is 2027-08-30.
  assert.equal(plus(mondaysOnly(mondays(40)), '2026-11-23T08:00:00Z', 1), '2027-08-30T10:00:00.000Z');
});

test('a target longer than 400 calendar days is still reached', () => {
  // 3000 h is exactly 75 working weeks, met at closing on the 75th Friday.
  const due = plus(utc, '2026-11-23T09:00:00Z', 3000);
  assert.equal(due, new Date(Date.UTC(2026, 10, 27, 17) + 74 * 7 * 86_400_000).toISOString());
});

test('adding then measuring gives back the same amount, and no earlier instant does', () => {
  const schedules = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Ho_Chi_Minh', 'Asia/Tehran'].map((zone) =>
    everyDay(zone, [{ from: '00:00', to: '06:00' }, { from: '09:00', to: '12:30' }, { from: '22:00', to: '24:00' }]),
  );
  for (const schedule of [...schedules, workweek('America/New_York', ['2026-03-09'])]) {
    for (let start = Date.UTC(2026, 2, 5); start < Date.UTC(2026, 2, 12); start += 7 * 3_600_000 + 13 * 60_000) {
      for (const seconds of [1, 1800, 5 * HOUR, 20 * HOUR]) {
        const due = addBusinessSeconds(schedule, new Date(start), seconds)!;
        assert.equal(businessSecondsBetween(schedule, new Date(start), due), seconds);
        assert.ok(businessSecondsBetween(schedule, new Date(start), new Date(due.getTime() - 1000)) < seconds);
      }
    }
  }
});
