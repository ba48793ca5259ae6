import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planMerge } from './merge.ts';

describe('planMerge', () => {
  it('merges two live records', () => {
    assert.deepEqual(planMerge({ id: 'a', mergedIntoId: null }, { id: 'b', mergedIntoId: null }), {
      kind: 'ok',
      survivorId: 'a',
      absorbedId: 'b',
    });
  });
  it('refuses to merge a record into itself', () => {
    assert.deepEqual(planMerge({ id: 'a', mergedIntoId: null }, { id: 'a', mergedIntoId: null }), {
      kind: 'rejected',
      reason: 'same_record',
    });
  });
  it('refuses a record that was already merged away', () => {
    assert.equal(planMerge({ id: 'a', mergedIntoId: null }, { id: 'b', mergedIntoId: 'c' }).kind, 'rejected');
  });
});
