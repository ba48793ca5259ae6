import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BusinessHours } from '../workspace/availability.ts';
import { slaDueAt, slaElapsedSeconds, slaStatus, type Pause, type Schedule } from './sla-clock.ts';

const HOUR = 3600;
const nineToFive: BusinessHours['days'][number] = [{ from: '09:00', to: '17:00' }];
const workweek = (timezone: string): Schedule => ({
  hours: { timezone, days: [[], nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []] },
  holidays: [],
});
const utc = workweek('UTC');
const alwaysOpen: Schedule = { hours: null, holidays: [] };
const never: Schedule = { hours: { timezone: 'UTC', days: [[], [], [], [], [], [], []] }, holidays: [] };
// Times are "HH:MM" on Monday 2026-11-23 in UTC unless a full ISO string is given.
const at = (time: string) => new Date(time.length === 5 ? `2026-11-23T${time}:00Z` : time);
const pause = (from: string, to: string | null): Pause => ({ from: at(from), to: to === null ? null : at(to) });

const elapsedCases: Array<[string, Schedule, string, string, Pause[], number]> = [
  ['without pauses the whole open time counts', utc, '09:00', '13:00', [], 4],
  ['a pause stops the clock for its length', utc, '09:00', '13:00', [pause('10:00', '11:00')], 3],
  ['overlapping pauses are merged, not subtracted twice', utc, '09:00', '13:00', [pause('10:00', '11:00'), pause('10:30', '11:30')], 2.5],
  ['a pause inside another changes nothing', utc, '09:00', '13:00', [pause('10:00', '12:00'), pause('10:30', '11:00')], 2],
  ['a pause from before the start only stops the clock after the start', utc, '09:00', '13:00', [pause('08:00', '09:30')], 3.5],
  ['a pause that ends after now stops the clock up to now', utc, '09:00', '13:00', [pause('12:00', '15:00')], 3],
  ['an open-ended pause stops the clock until now', utc, '09:00', '13:00', [pause('11:00', null)], 2],
  ['a pause after now is ignored', utc, '09:00', '13:00', [pause('14:00', '15:00')], 4],
  ['a pause before the start is ignored', utc, '09:00', '13:00', [pause('2026-11-22T10:00:00Z', '2026-11-23T09:00:00Z')], 4],
  ['a pause overnight costs nothing', utc, '16:00', '2026-11-24T10:00:00Z', [pause('18:00', '2026-11-24T08:00:00Z')], 2],
  ['a pause over the close costs only open time', utc, '16:00', '2026-11-24T10:00:00Z', [pause('16:30', '2026-11-24T09:30:00Z')], 1],
  ['before the start nothing has elapsed', utc, '13:00', '09:00', [], 0],
  ['round the clock every second counts', alwaysOpen, '2026-11-28T10:00:00Z', '2026-11-28T14:00:00Z', [pause('2026-11-28T11:00:00Z', '2026-11-28T11:30:00Z')], 3.5],
];
for (const [name, schedule, startedAt, now, pauses, hours] of elapsedCases) {
  test(`elapsed: ${name}`, () => assert.equal(slaElapsedSeconds(schedule, at(startedAt), at(now), pauses), hours * HOUR));
}

const dueCases: Array<[string, Schedule, string, number, Pause[], string, string | null]> = [
  ['what does not fit today is due the next morning', utc, '16:00', 2, [], '16:30', '2026-11-24T10:00:00.000Z'],
  ['a past pause pushes the due time back by its length', utc, '16:00', 2, [pause('16:10', '16:20')], '16:30', '2026-11-24T10:10:00.000Z'],
  ['while paused there is no due time', utc, '16:00', 2, [pause('16:20', null)], '16:30', null],
  ['while paused until later there is no due time either', utc, '16:00', 2, [pause('16:20', '18:00')], '16:30', null],
  ['a pause that has ended no longer stops the clock', utc, '09:00', 2, [pause('09:30', '10:00')], '10:00', '2026-11-23T11:30:00.000Z'],
  ['once past, it is when the target was reached, walking unpaused time', utc, '09:00', 1, [pause('09:30', '10:00')], '12:00', '2026-11-23T10:30:00.000Z'],
  ['once past, overlapping pauses are merged', utc, '09:00', 1, [pause('09:15', '09:45'), pause('09:30', '10:00')], '12:00', '2026-11-23T10:45:00.000Z'],
  ['once past, it stays known while paused', utc, '09:00', 1, [pause('11:00', null)], '12:00', '2026-11-23T10:00:00.000Z'],
  ['a clock started on Saturday runs from Monday opening', utc, '2026-11-28T12:00:00Z', 1, [], '2026-11-28T13:00:00Z', '2026-11-30T10:00:00.000Z'],
  ['a target reached overnight is due at the close', utc, '09:00', 8, [], '2026-11-24T08:00:00Z', '2026-11-23T17:00:00.000Z'],
  ['a schedule that never opens has no due time', never, '09:00', 1, [], '10:00', null],
  ['round the clock the due time is the start plus the target plus pauses', alwaysOpen, '2026-11-28T10:00:00Z', 4, [pause('2026-11-28T10:15:00Z', '2026-11-28T10:45:00Z')], '2026-11-28T11:00:00Z', '2026-11-28T14:30:00.000Z'],
  ['a zero target is due at the start', utc, '2026-11-28T12:00:00Z', 0, [], '2026-11-28T13:00:00Z', '2026-11-28T12:00:00.000Z'],
  [
    'across the Berlin spring change Monday opens at 09:00 summer time',
    workweek('Europe/Berlin'), '2026-03-27T15:00:00Z', 2, [], '2026-03-27T15:30:00Z', '2026-03-30T08:00:00.000Z',
  ],
  [
    'across the New York autumn change Monday opens at 09:00 standard time',
    workweek('America/New_York'), '2026-10-30T20:00:00Z', 2, [], '2026-10-30T20:30:00Z', '2026-11-02T15:00:00.000Z',
  ],
];
for (const [name, schedule, startedAt, hours, pauses, now, expected] of dueCases) {
  test(`due: ${name}`, () => assert.equal(slaDueAt(schedule, at(startedAt), hours * HOUR, pauses, at(now))?.toISOString() ?? null, expected));
}

test('at the due time exactly the target has elapsed, and a second earlier it had not', () => {
  const pauses = [pause('09:20', '09:40'), pause('13:00', '2026-11-24T09:30:00Z'), pause('2026-11-24T09:50:00Z', '2026-11-24T10:05:00Z')];
  for (const schedule of [utc, workweek('America/New_York'), workweek('Asia/Tehran'), alwaysOpen]) {
    for (const hours of [0.25, 1, 4, 9, 30]) {
      const startedAt = at('09:00');
      const now = at('2026-11-24T11:00:00Z');
      const due = slaDueAt(schedule, startedAt, hours * HOUR, pauses, now)!;
      assert.equal(slaElapsedSeconds(schedule, startedAt, due, pauses), hours * HOUR);
      assert.ok(slaElapsedSeconds(schedule, startedAt, new Date(due.getTime() - 1000), pauses) < hours * HOUR);
    }
  }
});

const statusCases: Array<[string, Pause[], string, number | undefined, ReturnType<typeof slaStatus>]> = [
  ['under the warning line is ok', [], '09:40', undefined, { state: 'ok', elapsedSeconds: 2400, remainingSeconds: 1200, dueAt: at('10:00') }],
  ['past 80% of the target is a warning', [], '09:50', undefined, { state: 'warning', elapsedSeconds: 3000, remainingSeconds: 600, dueAt: at('10:00') }],
  ['the warning line can be moved', [], '09:40', 0.5, { state: 'warning', elapsedSeconds: 2400, remainingSeconds: 1200, dueAt: at('10:00') }],
  ['reaching the target exactly is a breach', [], '10:00', undefined, { state: 'breached', elapsedSeconds: 3600, remainingSeconds: 0, dueAt: at('10:00') }],
  ['past the target remaining stays at zero', [], '11:00', undefined, { state: 'breached', elapsedSeconds: 7200, remainingSeconds: 0, dueAt: at('10:00') }],
  ['a paused clock is paused, with no due time', [pause('09:30', null)], '11:00', undefined, { state: 'paused', elapsedSeconds: 1800, remainingSeconds: 1800, dueAt: null }],
  ['paused wins over warning', [pause('09:50', null)], '11:00', undefined, { state: 'paused', elapsedSeconds: 3000, remainingSeconds: 600, dueAt: null }],
  ['breached wins over paused', [pause('10:30', null)], '11:00', undefined, { state: 'breached', elapsedSeconds: 5400, remainingSeconds: 0, dueAt: at('10:00') }],
  ['a resumed clock counts again', [pause('09:30', '10:30')], '10:50', undefined, { state: 'warning', elapsedSeconds: 3000, remainingSeconds: 600, dueAt: at('11:00') }],
];
for (const [name, pauses, now, warnAt, expected] of statusCases) {
  test(`status: ${name}`, () => assert.deepEqual(slaStatus(utc, at('09:00'), HOUR, pauses, at(now), warnAt), expected));
}

test('status: a schedule that never opens stays ok with no due time', () => {
  assert.deepEqual(slaStatus(never, at('09:00'), HOUR, [], at('12:00')), { state: 'ok', elapsedSeconds: 0, remainingSeconds: HOUR, dueAt: null });
});
