import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accuracy, macroF1, percentile } from './metrics.ts';

describe('metrics', () => {
  it('accuracy counts abstentions as misses', () => {
    assert.equal(accuracy(['a', 'b', 'b', 'c'], ['a', 'b', null, 'a']), 0.5);
  });
  it('macro-F1 averages each label equally', () => {
    // a: tp1 fp1 fn0 → 2/3; b: tp1 fn1 → 2/3; c: tp0 → 0
    assert.ok(Math.abs(macroF1(['a', 'b', 'b', 'c'], ['a', 'b', null, 'a']) - 4 / 9) < 1e-9);
  });
  it('percentile by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 99), 99);
    assert.equal(percentile([], 50), 0);
  });
});
