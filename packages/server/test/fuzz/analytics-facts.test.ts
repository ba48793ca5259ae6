// Property of the analytics facts computed for every conversation (core conversationFacts): the
// durations are whole seconds, as the conversation_facts columns (integer) store them, whatever
// the milliseconds of the timestamps. Found by the soak (npm run soak): real clocks have
// milliseconds, test clocks did not, and the periodic analytics pass failed on every batch.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { conversationFacts, type FactsMessage } from '@tandem/core';
import { checkProperty } from './fuzz-settings.ts';

const START = Date.parse('2026-11-23T00:00:00Z');
const instant = fc.integer({ min: 0, max: 3 * 24 * 3_600_000 }).map((ms) => new Date(START + ms));
const message: fc.Arbitrary<FactsMessage> = fc.record({ author: fc.constantFrom('customer', 'agent', 'bot', 'system' as const), private: fc.boolean(), createdAt: instant });
const schedule = fc.constantFrom(
  { hours: null, holidays: [] },
  { hours: { timezone: 'Asia/Ho_Chi_Minh', days: [[], [{ from: '08:00', to: '17:00' }], [{ from: '08:00', to: '17:00' }], [{ from: '08:00', to: '17:00' }], [{ from: '08:00', to: '17:00' }], [{ from: '08:00', to: '17:00' }], []] }, holidays: [] },
);

describe('conversation facts', () => {
  it('every duration is a whole number of seconds, never negative', async (t) => {
    await checkProperty(t, fc.property(schedule, instant, fc.array(message, { maxLength: 8 }), fc.option(instant, { nil: null }), fc.array(fc.tuple(instant, fc.option(instant, { nil: null })), { maxLength: 2 }), (sched, createdAt, messages, resolvedAt, pauses) => {
      const facts = conversationFacts({
        schedule: sched, createdAt, status: resolvedAt ? 'resolved' : 'open', resolvedAt, handedOffAt: null, messages,
        pauses: pauses.map(([from, to]) => ({ from, to: to && to > from ? to : null })),
      });
      for (const value of [facts.firstResponseSeconds, facts.resolutionSeconds, ...facts.nextResponseSeconds]) {
        if (value === null) continue;
        assert.ok(Number.isInteger(value) && value >= 0, `${value} is not a whole, non-negative number of seconds`);
      }
    }), 200);
  });
});
