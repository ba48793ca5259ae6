import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { fastEscalation, resolveStrategy, VERTICALS, type StrategyDecision, type StrategyInput } from './service-strategy.ts';

const input = (over: Partial<StrategyInput> = {}): StrategyInput => ({
  segments: [], vertical: null, workspaceDefault: 'hybrid', topic: null, lastMode: null, ...over,
});
const premium = { key: 'premium', strategy: 'hybrid' } as const;
const digital = { key: 'digital', strategy: 'bot-first' } as const;
const neutrals = { key: 'neutrals', strategy: 'same-as-last-time' } as const;
const reporting = { key: 'reporting-only', strategy: null };
const complaint = { complaint: true, money: false };
const money = { complaint: false, money: true };

const cases: Array<[string, StrategyInput, StrategyDecision]> = [
  ['the first matched segment with a strategy decides', input({ segments: [premium, digital] }), { strategy: 'hybrid', reason: 'segment "premium" (hybrid)' }],
  ['a segment without a strategy is skipped', input({ segments: [reporting, digital] }), { strategy: 'bot-first', reason: 'segment "digital" (bot-first)' }],
  ['a segment wins over the vertical', input({ segments: [digital], vertical: 'banking' }), { strategy: 'bot-first', reason: 'segment "digital" (bot-first)' }],
  ['a segment wins over a banking complaint', input({ segments: [digital], vertical: 'banking', topic: complaint }), { strategy: 'bot-first', reason: 'segment "digital" (bot-first)' }],
  ['same-as-last-time after a person → human-first', input({ segments: [neutrals], lastMode: 'person', vertical: 'retail' }), {
    strategy: 'human-first', reason: 'segment "neutrals" (same-as-last-time: last resolved by a person → human-first)',
  }],
  ['same-as-last-time after the bot → bot-first', input({ segments: [neutrals], lastMode: 'bot', vertical: 'banking' }), {
    strategy: 'bot-first', reason: 'segment "neutrals" (same-as-last-time: last resolved by the bot → bot-first)',
  }],
  ['same-as-last-time after self-service → bot-first', input({ segments: [neutrals], lastMode: 'self-service' }), {
    strategy: 'bot-first', reason: 'segment "neutrals" (same-as-last-time: last resolved by self-service → bot-first)',
  }],
  ['same-as-last-time with no last issue falls through to the next segment', input({ segments: [neutrals, premium] }), { strategy: 'hybrid', reason: 'segment "premium" (hybrid)' }],
  ['same-as-last-time with no last issue falls through to the vertical', input({ segments: [neutrals], vertical: 'retail' }), { strategy: 'bot-first', reason: 'vertical retail → bot-first' }],
  ['same-as-last-time with no last issue falls through to the workspace default', input({ segments: [neutrals], workspaceDefault: 'human-first' }), {
    strategy: 'human-first', reason: 'workspace default (human-first)',
  }],
  ['banking: a complaint goes to a person', input({ vertical: 'banking', topic: complaint }), { strategy: 'human-first', reason: 'vertical banking: complaint → human-first' }],
  ['banking: a money matter goes to a person', input({ vertical: 'banking', topic: money }), { strategy: 'human-first', reason: 'vertical banking: money → human-first' }],
  ['banking: a complaint about money is reported as a complaint', input({ vertical: 'banking', topic: { complaint: true, money: true } }), {
    strategy: 'human-first', reason: 'vertical banking: complaint → human-first',
  }],
  ['banking: anything else is hybrid', input({ vertical: 'banking', topic: { complaint: false, money: false }, workspaceDefault: 'bot-first' }), {
    strategy: 'hybrid', reason: 'vertical banking → hybrid',
  }],
  ['banking with no topic is hybrid', input({ vertical: 'banking' }), { strategy: 'hybrid', reason: 'vertical banking → hybrid' }],
  ['retail is bot-first, complaint or not', input({ vertical: 'retail', topic: complaint, workspaceDefault: 'human-first' }), { strategy: 'bot-first', reason: 'vertical retail → bot-first' }],
  ['telecom is hybrid', input({ vertical: 'telecom', workspaceDefault: 'bot-first' }), { strategy: 'hybrid', reason: 'vertical telecom → hybrid' }],
  ['saas is bot-first', input({ vertical: 'saas', topic: money }), { strategy: 'bot-first', reason: 'vertical saas → bot-first' }],
  ['other uses the workspace default', input({ vertical: 'other', workspaceDefault: 'human-first', topic: complaint }), { strategy: 'human-first', reason: 'workspace default (human-first)' }],
  ['no vertical uses the workspace default', input({ workspaceDefault: 'bot-first', topic: money }), { strategy: 'bot-first', reason: 'workspace default (bot-first)' }],
];
for (const [name, given, expected] of cases) {
  test(`resolveStrategy: ${name}`, () => assert.deepEqual(resolveStrategy(given), expected));
}

describe('fastEscalation', () => {
  it('hands off after one miss in retail only', () => {
    assert.deepEqual(VERTICALS.filter(fastEscalation), ['retail']);
    assert.equal(fastEscalation(null), false);
  });
});
