import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durationStat, percentileCont, share } from './duration-stat.ts';

// Each expected value is worked by hand as Postgres does it: sort, position = p × (n − 1)
// counted from 0, then lo + (hi − lo) × (position − floor(position)).
const statCases: Array<[string, number[], { count: number; median: number | null; p90: number | null }]> = [
  ['nothing to measure has no median or p90', [], { count: 0, median: null, p90: null }],
  // n = 1: every position is 0.
  ['one value is its own median and p90', [42], { count: 1, median: 42, p90: 42 }],
  // [10, 20]: median at 0.5 → 10 + 10 × 0.5 = 15; p90 at 0.9 → 10 + 10 × 0.9 = 19.
  ['two values interpolate between them', [20, 10], { count: 2, median: 15, p90: 19 }],
  // [1, 2, 3, 4, 5]: median at 2 → 3; p90 at 3.6 → 4 + (5 − 4) × 0.6 = 4.6.
  ['an odd count has an exact median', [5, 1, 4, 2, 3], { count: 5, median: 3, p90: 4.6 }],
  // [60, 120, 180, 600]: median at 1.5 → 120 + 60 × 0.5 = 150; p90 at 2.7 → 180 + 420 × 0.7 = 474.
  ['an even count averages the middle two', [600, 60, 180, 120], { count: 4, median: 150, p90: 474 }],
  // nine 0s then 100: median at 4.5 → 0 + (0 − 0) × 0.5 = 0; p90 at 8.1 → index 8 is 0, index 9 is 100,
  // so 0 + (100 − 0) × 0.1 = 10.
  ['one outlier moves p90 only by interpolation', [0, 0, 0, 0, 0, 0, 0, 0, 0, 100], { count: 10, median: 0, p90: 10 }],
  // [30, 30, 30]: ties stay ties.
  ['equal values give that value', [30, 30, 30], { count: 3, median: 30, p90: 30 }],
];
const close = (actual: number | null, expected: number | null) =>
  assert.ok(actual === expected || (actual !== null && expected !== null && Math.abs(actual - expected) < 1e-9), `${actual} ≠ ${expected}`);
for (const [name, values, expected] of statCases) {
  test(`durationStat: ${name}`, () => {
    const stat = durationStat(values);
    assert.equal(stat.count, expected.count);
    close(stat.median, expected.median);
    close(stat.p90, expected.p90);
  });
}

test('the doubles agree bit for bit with what PostgreSQL returns, rounding error included', () => {
  // 0.9 × 3 is 2.7000000000000002 and 0.9 × 9 − 8 is 0.0999999999999996 in doubles; Postgres does
  // the same float8 arithmetic. Recorded from PGlite 0.5.16:
  // select percentile_cont(0.9) within group (order by v) from unnest(array[600,60,180,120]::float8[]) v
  assert.equal(durationStat([600, 60, 180, 120]).p90, 474.00000000000006);
  assert.equal(durationStat([0, 0, 0, 0, 0, 0, 0, 0, 0, 100]).p90, 9.999999999999964);
});

test('percentileCont does not reorder the caller’s array', () => {
  const values = [3, 1, 2];
  assert.equal(percentileCont(values, 0.5), 2);
  assert.deepEqual(values, [3, 1, 2]);
});

test('percentileCont at 0 and 1 is the minimum and maximum', () => {
  assert.equal(percentileCont([7, 3, 9], 0), 3);
  assert.equal(percentileCont([7, 3, 9], 1), 9);
});

const shareCases: Array<[string, number, number, number | null]> = [
  ['a share of nothing is unknown', 0, 0, null],
  ['none of something is zero', 0, 7, 0],
  ['all of it is one', 7, 7, 1],
  // 2 / 3 = 0.666666… → 0.6667
  ['two thirds rounds up at the fourth decimal', 2, 3, 0.6667],
  // 1 / 3 = 0.333333… → 0.3333
  ['one third rounds down at the fourth decimal', 1, 3, 0.3333],
  // 1 / 32 = 0.03125 exactly → half rounds away from zero → 0.0313
  ['an exact half at the fifth decimal rounds away from zero', 1, 32, 0.0313],
  // 1 / 80000 = 0.0000125 → 0.0000
  ['a tiny share rounds to zero', 1, 80_000, 0],
];
for (const [name, part, whole, expected] of shareCases) {
  test(`share: ${name}`, () => assert.equal(share(part, whole), expected));
}
