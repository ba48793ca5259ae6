import { describe, expect, test } from 'vitest';
import { backoffDelay } from './backoff.ts';

const options = (random: () => number) => ({ baseMs: 500, capMs: 30_000, random });

describe('reconnect backoff', () => {
  test('full jitter: the delay spans zero up to the exponential ceiling', () => {
    expect(backoffDelay(0, options(() => 0))).toBe(0);
    expect(backoffDelay(0, options(() => 0.5))).toBe(250);
    expect(backoffDelay(3, options(() => 0.5))).toBe(2_000);
    expect(backoffDelay(3, options(() => 0.999999))).toBeLessThan(4_000);
  });

  test('never exceeds the cap, however many attempts failed', () => {
    for (const attempt of [6, 10, 50, 10_000]) {
      expect(backoffDelay(attempt, options(() => 0.999999))).toBeLessThan(30_000);
      expect(backoffDelay(attempt, options(() => 0.5))).toBe(15_000);
    }
  });

  test('a random source out of range cannot push it past its bounds', () => {
    expect(backoffDelay(2, options(() => 1.5))).toBeLessThan(2_000);
    expect(backoffDelay(2, options(() => -1))).toBe(0);
  });

  test('different random draws give different delays (the jitter is real)', () => {
    const draws = [0.1, 0.4, 0.8].map((r) => backoffDelay(4, options(() => r)));
    expect(new Set(draws).size).toBe(3);
  });
});
