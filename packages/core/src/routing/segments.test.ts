import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomerFacts } from './segment-rules.ts';
import { matchingSegments, type Segment } from './segments.ts';

const customer: CustomerFacts = {
  attributes: { tier: 'Vàng', country: 'VN' },
  behaviour: { conversations: 5, resolvedBySelfService: 1, resolvedByPeople: 4, channels: { voice: 3, web: 1 }, lastMode: 'person', daysSinceLastContact: 2 },
};

function segment(key: string, priority: number, rule: Segment['rule'] = { field: 'attributes.country', op: 'equals', value: 'vn' }): Segment {
  return { key, name: { en: key }, rule, strategy: null, priority };
}

describe('matchingSegments', () => {
  it('keeps only the segments whose rule the customer matches', () => {
    const segments = [
      segment('gold', 1, { field: 'attributes.tier', op: 'equals', value: 'VÀNG' }),
      segment('silver', 1, { field: 'attributes.tier', op: 'equals', value: 'Bạc' }),
      segment('callers', 1, { field: 'behaviour.preferredChannel', op: 'equals', value: 'voice' }),
      segment('digital', 1, { field: 'behaviour.digitalShare', op: 'gte', value: 0.5 }),
    ];
    assert.deepEqual(matchingSegments(segments, customer).map((s) => s.key), ['callers', 'gold']);
  });

  it('orders by priority, highest first, then by key', () => {
    const segments = [segment('b', 5), segment('low', -1), segment('a', 5), segment('top', 10), segment('Z', 5)];
    // Keys compare by code unit, not by locale: stable whatever the server's locale.
    assert.deepEqual(matchingSegments(segments, customer).map((s) => s.key), ['top', 'Z', 'a', 'b', 'low']);
  });

  it('leaves the caller’s list in its order', () => {
    const segments = [segment('b', 1), segment('a', 2)];
    matchingSegments(segments, customer);
    assert.deepEqual(segments.map((s) => s.key), ['b', 'a']);
  });

  it('returns nothing for no segments or no match', () => {
    assert.deepEqual(matchingSegments([], customer), []);
    assert.deepEqual(matchingSegments([segment('ir', 1, { field: 'attributes.country', op: 'equals', value: 'ir' })], customer), []);
  });
});
