import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DeliveryStatus } from '../vocabulary.ts';
import { advanceDelivery, retryAfterFailure, RETRY_STEPS_SECONDS } from './delivery.ts';

const moves: Array<[DeliveryStatus, DeliveryStatus, DeliveryStatus]> = [
  ['stored', 'sent', 'sent'],
  ['sent', 'delivered', 'delivered'],
  ['delivered', 'sent', 'delivered'],
  ['read', 'delivered', 'read'],
  ['sent', 'failed', 'failed'],
  ['delivered', 'failed', 'delivered'],
  ['failed', 'delivered', 'delivered'],
  ['failed', 'stored', 'failed'],
  ['stored', 'read', 'read'],
];

for (const [current, reported, expected] of moves) {
  test(`a ${reported} callback on a ${current} message leaves it ${expected}`, () => {
    assert.equal(advanceDelivery(current, reported), expected);
  });
}

test('temporary failures are retried with growing waits, then given up', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const waits = RETRY_STEPS_SECONDS.map((_, i) => {
    const decision = retryAfterFailure('temporary', i + 1, now);
    assert.equal(decision.kind, 'retry');
    return decision.kind === 'retry' ? (decision.at.getTime() - now.getTime()) / 1000 : 0;
  });
  assert.deepEqual(waits, [...RETRY_STEPS_SECONDS]);
  assert.deepEqual(retryAfterFailure('temporary', RETRY_STEPS_SECONDS.length + 1, now), { kind: 'give_up' });
});

test('a refused recipient or a bad credential is not retried', () => {
  const now = new Date();
  assert.deepEqual(retryAfterFailure('rejected', 1, now), { kind: 'give_up' });
  assert.deepEqual(retryAfterFailure('auth', 1, now), { kind: 'give_up' });
});
