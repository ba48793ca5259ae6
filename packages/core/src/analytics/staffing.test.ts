import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrivalsBySlot, staffingPlan, type ArrivalSlot } from './staffing.ts';

const dates = (...isos: string[]) => isos.map((iso) => new Date(iso));
const range = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
/** The non-zero slots as "weekday/slot=arrivals", to compare by eye. */
const busy = (slots: ArrivalSlot[]) => slots.filter((s) => s.arrivals > 0).map((s) => `${s.weekday}/${s.slot}=${s.arrivals}`);

test('every weekday and half hour is listed, Sunday 00:00 first, even with nothing in them', () => {
  const slots = arrivalsBySlot([], 'UTC', range('2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z'));
  assert.equal(slots.length, 7 * 48);
  assert.deepEqual(slots[0], { weekday: 0, slot: 0, arrivals: 0 });
  assert.deepEqual(slots.at(-1), { weekday: 6, slot: 47, arrivals: 0 });
});

test('Saigon: slots are local, and each weekday is averaged over its occurrences', () => {
  // Two local weeks, Mon 23 Nov 00:00 +07 (22 Nov 17:00Z) to Mon 7 Dec 00:00 +07: every weekday twice.
  const slots = arrivalsBySlot(
    dates(
      '2026-11-22T16:59:00Z', // Sun 23:59 local, before the range: ignored
      '2026-11-22T17:30:00Z', // Mon 00:30 local (still Sunday in UTC) → Monday slot 1
      '2026-11-23T02:10:00Z', // Mon 09:10 local → slot 18
      '2026-11-30T02:29:00Z', // Mon 09:29 local → slot 18
      '2026-11-30T02:30:00Z', // Mon 09:30 local → slot 19
      '2026-12-06T17:00:00Z', // Mon 7 Dec 00:00 local = the end: ignored
    ),
    'Asia/Ho_Chi_Minh',
    range('2026-11-22T17:00:00Z', '2026-12-06T17:00:00Z'),
  );
  // Monday slot 1: 1 arrival / 2 Mondays = 0.5; slot 18: 2 / 2 = 1; slot 19: 1 / 2 = 0.5.
  assert.deepEqual(busy(slots), ['1/1=0.5', '1/18=1', '1/19=0.5']);
});

test('Tehran: the +03:30 offset puts a UTC quarter past into a local half past', () => {
  // One local week, Sat 28 Nov 00:00 +03:30 (27 Nov 20:30Z) to Sat 5 Dec 00:00 +03:30 (4 Dec 20:30Z).
  const slots = arrivalsBySlot(
    dates(
      '2026-11-27T20:29:00Z', // Fri 23:59 local: before the range
      '2026-11-27T20:30:00Z', // Sat 00:00 local → Saturday slot 0
      '2026-11-28T05:45:00Z', // Sat 09:15 local → slot 18
      '2026-11-28T06:00:00Z', // Sat 09:30 local → slot 19
      '2026-12-02T13:00:00Z', // Wed 16:30 local → Wednesday slot 33
    ),
    'Asia/Tehran',
    range('2026-11-27T20:30:00Z', '2026-12-04T20:30:00Z'),
  );
  // Each weekday occurs once, so averages are the counts.
  assert.deepEqual(busy(slots), ['3/33=1', '6/0=1', '6/18=1', '6/19=1']);
});

test('London across the March change: the same local slot before and after, and a skipped hour', () => {
  // Sun 22 Mar 00:00 GMT (00:00Z) to Sun 5 Apr 00:00 BST (4 Apr 23:00Z): two of each weekday.
  const slots = arrivalsBySlot(
    dates(
      '2026-03-25T09:10:00Z', // Wed 09:10 GMT → Wednesday slot 18
      '2026-04-01T08:10:00Z', // Wed 09:10 BST → Wednesday slot 18 again, though an hour earlier in UTC
      '2026-03-29T00:45:00Z', // Sun 00:45 GMT → Sunday slot 1
      '2026-03-29T01:15:00Z', // Sun 02:15 BST: 01:00–02:00 never happened → Sunday slot 4
    ),
    'Europe/London',
    range('2026-03-22T00:00:00Z', '2026-04-04T23:00:00Z'),
  );
  // Sunday slots 1 and 4: 1 / 2 Sundays = 0.5 each; Wednesday slot 18: 2 / 2 = 1.
  assert.deepEqual(busy(slots), ['0/1=0.5', '0/4=0.5', '3/18=1']);
});

test('London across the October change: both runs of the repeated hour fall in the same slot', () => {
  // Sun 25 Oct 00:00 BST (24 Oct 23:00Z) to Mon 26 Oct 00:00 GMT (26 Oct 00:00Z): one Sunday, 25 h long.
  const slots = arrivalsBySlot(
    dates('2026-10-25T00:10:00Z', '2026-10-25T01:10:00Z'), // 01:10 BST and 01:10 GMT → Sunday slot 2 twice
    'Europe/London',
    range('2026-10-24T23:00:00Z', '2026-10-26T00:00:00Z'),
  );
  assert.deepEqual(busy(slots), ['0/2=2']);
});

test('a range counts every local day it touches, part days included', () => {
  // Wed 12:00Z to Fri 12:00Z touches Wed, Thu and Fri once each; two Thursday arrivals average 2.
  const slots = arrivalsBySlot(dates('2026-11-26T10:00:00Z', '2026-11-26T10:20:00Z'), 'UTC', range('2026-11-25T12:00:00Z', '2026-11-27T12:00:00Z'));
  assert.deepEqual(busy(slots), ['4/20=2']);
});

test('an empty or backwards range averages nothing', () => {
  const slots = arrivalsBySlot(dates('2026-11-26T10:00:00Z'), 'UTC', range('2026-11-27T00:00:00Z', '2026-11-26T00:00:00Z'));
  assert.deepEqual(busy(slots), []);
});

test('the plan adds Erlang C agents to each slot at its average arrivals per 30 minutes', () => {
  const slots: ArrivalSlot[] = [
    { weekday: 1, slot: 18, arrivals: 100 }, // 100 × 180 / 1800 = 10 erlangs → 14 for 80% in 20 s (see erlang.test.ts)
    { weekday: 1, slot: 19, arrivals: 2.5 }, // 0.25 erlang → 2 (see erlang.test.ts)
    { weekday: 1, slot: 20, arrivals: 0 }, // nobody arrives → 0
  ];
  const plan = staffingPlan(slots, { serviceLevel: 0.8, withinSeconds: 20, handleSeconds: 180 });
  assert.deepEqual(plan.map((s) => s.agentsNeeded), [14, 2, 0]);
  assert.deepEqual(plan[0], { weekday: 1, slot: 18, arrivals: 100, agentsNeeded: 14 });
});
