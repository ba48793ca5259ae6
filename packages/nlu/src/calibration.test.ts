import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseThreshold, fitTemperature, type HeldOutScore } from './calibration.ts';

const held = (scores: number[], label: number, fold = 0): HeldOutScore => ({ scores: Float64Array.from(scores), label, fold });

describe('calibration', () => {
  it('sharpens the softmax when held-out winners are reliably right, softens it when they are often wrong', () => {
    const reliable = Array.from({ length: 20 }, () => held([1, -1, -1], 0));
    const unreliable = Array.from({ length: 20 }, (_, i) => held([1, 0.8, -1], i % 2));
    assert.ok(fitTemperature(reliable) > fitTemperature(unreliable) * 3);
  });

  it('picks the lowest threshold that abstains on enough withheld-intent examples', () => {
    const heldOut = [
      ...Array.from({ length: 10 }, () => held([2, -2], 0)), // known, confident
      ...Array.from({ length: 10 }, (_, i) => held([0.1 * (i % 5), 0], -1)), // withheld intents, unsure
    ];
    const choice = chooseThreshold(heldOut, 1, 0.6, { min: 0.3, max: 0.9 });
    assert.ok(choice.unknownAbstention >= 0.6);
    assert.equal(choice.knownCoverage, 1);
    assert.equal(choice.knownAccuracy, 1);
    const lower = chooseThreshold(heldOut, 1, 0.6, { min: choice.threshold - 0.01, max: choice.threshold - 0.01 });
    assert.ok(lower.unknownAbstention < 0.6);
  });

  it('asks every fold to abstain enough, not the folds on average', () => {
    // Fold 0's withheld intents look unsure, fold 1's look fairly sure: the average would pass early.
    const heldOut = [
      ...Array.from({ length: 10 }, () => held([3, -3], 0, 0)),
      ...Array.from({ length: 10 }, () => held([0, 0], -1, 0)),
      ...Array.from({ length: 10 }, () => held([1, 0], -1, 1)),
    ];
    const choice = chooseThreshold(heldOut, 1, 0.6, { min: 0.3, max: 0.9 });
    // softmax([1, 0]) tops out at 0.731: only a threshold above it abstains on fold 1.
    assert.equal(choice.threshold, 0.74);
    assert.equal(choice.unknownAbstention, 1);
  });
});
