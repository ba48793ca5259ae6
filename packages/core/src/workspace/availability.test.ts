import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availabilityAt, type BusinessHours } from './availability.ts';

const weekdays: BusinessHours['days'][number] = [{ from: '09:00', to: '17:00' }];
const saigon: BusinessHours = { timezone: 'Asia/Ho_Chi_Minh', days: [[], weekdays, weekdays, weekdays, weekdays, weekdays, []] };

test('no business hours means always open', () => {
  assert.deepEqual(availabilityAt(null, new Date('2026-11-22T03:00:00Z')), { open: true, nextOpenAt: null });
});

const cases: Array<[string, string, boolean, string | null]> = [
  ['Monday 10:00 in Saigon is open', '2026-11-23T03:00:00Z', true, null],
  ['Monday 08:59 opens at 09:00 the same day', '2026-11-23T01:59:00Z', false, '2026-11-23T02:00:00.000Z'],
  ['Monday 17:00 is closed (the end is exclusive), opens Tuesday', '2026-11-23T10:00:00Z', false, '2026-11-24T02:00:00.000Z'],
  ['Friday evening opens on Monday', '2026-11-27T12:00:00Z', false, '2026-11-30T02:00:00.000Z'],
  ['Sunday opens on Monday', '2026-11-22T05:00:00Z', false, '2026-11-23T02:00:00.000Z'],
];
for (const [name, now, open, next] of cases) {
  test(name, () => {
    const result = availabilityAt(saigon, new Date(now));
    assert.equal(result.open, open);
    assert.equal(result.nextOpenAt?.toISOString() ?? null, next);
  });
}

test('opening follows daylight saving time in the workspace zone', () => {
  const berlin: BusinessHours = { timezone: 'Europe/Berlin', days: [[], weekdays, weekdays, weekdays, weekdays, weekdays, []] };
  // Sunday 29 March 2026 the clocks go forward: Monday opens at 09:00 CEST = 07:00 UTC.
  assert.equal(availabilityAt(berlin, new Date('2026-03-29T12:00:00Z')).nextOpenAt?.toISOString(), '2026-03-30T07:00:00.000Z');
  // A week earlier it was still CET: 08:00 UTC.
  assert.equal(availabilityAt(berlin, new Date('2026-03-22T12:00:00Z')).nextOpenAt?.toISOString(), '2026-03-23T08:00:00.000Z');
});

test('a week with no hours at all is never open and has no next opening', () => {
  assert.deepEqual(availabilityAt({ timezone: 'UTC', days: [[], [], [], [], [], [], []] }, new Date()), { open: false, nextOpenAt: null });
});
