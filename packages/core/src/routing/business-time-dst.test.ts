import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availabilityAt, type BusinessHours } from '../workspace/availability.ts';
import { addBusinessSeconds, businessSecondsBetween, type Schedule } from './business-time.ts';

// Daylight-saving changes: New York 2026-03-08 02:00→03:00 and 2026-11-01 02:00→01:00 (Sundays);
// Berlin 2026-03-29 02:00→03:00 and 2026-10-25 03:00→02:00 (Sundays); Tehran, before Iran dropped
// DST, 2021-03-22 00:00→01:00 (Monday) and 2021-09-21 24:00→23:00 (Tuesday).

type Day = BusinessHours['days'][number];
const HOUR = 3600;
const schedule = (timezone: string, days: Day[]): Schedule => ({ hours: { timezone, days }, holidays: [] });
const everyDay = (timezone: string, day: Day) => schedule(timezone, Array(7).fill(day));
const hoursBetween = (s: Schedule, from: string, to: string) => businessSecondsBetween(s, new Date(from), new Date(to)) / HOUR;
const plus = (s: Schedule, start: string, hours: number) => addBusinessSeconds(s, new Date(start), hours * HOUR)?.toISOString() ?? null;

const nineToFive = (zone: string) => everyDay(zone, [{ from: '09:00', to: '17:00' }]);
// A night shift from Saturday 22:00 to Sunday 06:00, across the change.
const saturdayNight = (zone: string) => schedule(zone, [[{ from: '00:00', to: '06:00' }], [], [], [], [], [], [{ from: '22:00', to: '24:00' }]]);

test('a 09:00–17:00 day is 8 business hours on each change day', () => {
  // Each window runs from local midnight to the next local midnight of the change day.
  assert.equal(hoursBetween(nineToFive('America/New_York'), '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z'), 8);
  assert.equal(hoursBetween(nineToFive('America/New_York'), '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z'), 8);
  assert.equal(hoursBetween(nineToFive('Europe/Berlin'), '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'), 8);
  assert.equal(hoursBetween(nineToFive('Europe/Berlin'), '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z'), 8);
});

test('on a change day the office opens and closes at its wall-clock hours in the new offset', () => {
  assert.equal(plus(nineToFive('America/New_York'), '2026-03-08T05:00:00Z', 1), '2026-03-08T14:00:00.000Z');
  assert.equal(plus(nineToFive('America/New_York'), '2026-03-08T05:00:00Z', 8), '2026-03-08T21:00:00.000Z');
  assert.equal(plus(nineToFive('America/New_York'), '2026-11-01T04:00:00Z', 8), '2026-11-01T22:00:00.000Z');
  assert.equal(plus(nineToFive('Europe/Berlin'), '2026-03-28T23:00:00Z', 8), '2026-03-29T15:00:00.000Z');
  assert.equal(plus(nineToFive('Europe/Berlin'), '2026-10-24T22:00:00Z', 8), '2026-10-25T16:00:00.000Z');
});

const nightShifts: Array<[string, Schedule, string, string, number]> = [
  ['New York spring', saturdayNight('America/New_York'), '2026-03-07T12:00:00Z', '2026-03-08T18:00:00Z', 7],
  ['New York autumn', saturdayNight('America/New_York'), '2026-10-31T12:00:00Z', '2026-11-01T18:00:00Z', 9],
  ['Berlin spring', saturdayNight('Europe/Berlin'), '2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z', 7],
  ['Berlin autumn', saturdayNight('Europe/Berlin'), '2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z', 9],
  ['an ordinary New York weekend', saturdayNight('America/New_York'), '2026-03-14T12:00:00Z', '2026-03-15T18:00:00Z', 8],
];
for (const [name, shift, from, to, expected] of nightShifts) {
  test(`a 22:00–06:00 night shift lasts ${expected} hours: ${name}`, () => assert.equal(hoursBetween(shift, from, to), expected));
}

test('a night shift ends at its wall-clock end in the new offset', () => {
  assert.equal(plus(saturdayNight('America/New_York'), '2026-03-07T12:00:00Z', 7), '2026-03-08T10:00:00.000Z');
  assert.equal(plus(saturdayNight('America/New_York'), '2026-10-31T12:00:00Z', 9), '2026-11-01T11:00:00.000Z');
  assert.equal(plus(saturdayNight('Europe/Berlin'), '2026-03-28T12:00:00Z', 7), '2026-03-29T04:00:00.000Z');
  assert.equal(plus(saturdayNight('Europe/Berlin'), '2026-10-24T12:00:00Z', 9), '2026-10-25T05:00:00.000Z');
});

test('in Tehran 2021 midnight itself was skipped, and later an hour before midnight repeated', () => {
  const spring = schedule('Asia/Tehran', [[{ from: '22:00', to: '24:00' }], [{ from: '00:00', to: '06:00' }], [], [], [], [], []]);
  assert.equal(hoursBetween(spring, '2021-03-21T12:00:00Z', '2021-03-22T12:00:00Z'), 7);
  assert.equal(plus(spring, '2021-03-21T12:00:00Z', 7), '2021-03-22T01:30:00.000Z');
  const autumn = schedule('Asia/Tehran', [[], [], [{ from: '22:00', to: '24:00' }], [], [], [], []]);
  assert.equal(hoursBetween(autumn, '2021-09-21T12:00:00Z', '2021-09-22T12:00:00Z'), 3);
  assert.equal(hoursBetween(autumn, '2021-09-14T12:00:00Z', '2021-09-15T12:00:00Z'), 2);
});

test('a wall-clock hour skipped in spring is never open, one repeated in autumn is open twice', () => {
  const sundayHour = (from: string, to: string) => schedule('America/New_York', [[{ from, to }], [], [], [], [], [], []]);
  assert.equal(hoursBetween(sundayHour('02:00', '03:00'), '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z'), 0);
  assert.equal(hoursBetween(sundayHour('02:00', '03:00'), '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'), 1);
  assert.equal(hoursBetween(sundayHour('01:00', '02:00'), '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'), 2);
  assert.equal(hoursBetween(sundayHour('01:30', '02:30'), '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z'), 0.5);
});

test('business time is real elapsed time: a day open round the clock is 23 hours long in spring', () => {
  const allDay = everyDay('America/New_York', [{ from: '00:00', to: '24:00' }]);
  assert.equal(hoursBetween(allDay, '2026-03-07T17:00:00Z', '2026-03-08T16:00:00Z'), 23);
  assert.equal(plus(allDay, '2026-03-07T17:00:00Z', 24), '2026-03-08T17:00:00.000Z');
});

test('an instant counts as open exactly when availabilityAt says the team is open', () => {
  const day: Day = [{ from: '00:00', to: '06:00' }, { from: '01:30', to: '02:30' }, { from: '09:00', to: '17:00' }, { from: '22:00', to: '24:00' }];
  for (const zone of ['America/New_York', 'Europe/Berlin']) {
    const hours: BusinessHours = { timezone: zone, days: [day, [], [], [], [], [], day] };
    for (const [from, to] of [[Date.UTC(2026, 2, 6), Date.UTC(2026, 3, 1)], [Date.UTC(2026, 9, 23), Date.UTC(2026, 10, 3)]] as const) {
      for (let t = from; t < to; t += 15 * 60_000) {
        const isOpen = businessSecondsBetween({ hours, holidays: [] }, new Date(t), new Date(t + 1000)) > 0;
        assert.equal(isOpen, availabilityAt(hours, new Date(t)).open, `${zone} at ${new Date(t).toISOString()}`);
      }
    }
  }
});
