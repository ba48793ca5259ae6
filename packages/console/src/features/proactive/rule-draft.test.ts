import { describe, expect, test } from 'vitest';
import type { ProactiveRule } from '@tandem/protocol';
import { lateOrderRule, pricingRule, REFUND_ARTICLE, ROUTER_GUIDE } from './proactive-api.fake.ts';
import { ruleBody, ruleDraft, withTriggerKind } from './rule-draft.ts';

const bodyOf = ({ id: _id, createdAt: _created, updatedAt: _updated, ...body }: ProactiveRule) => body;

describe('a rule in its form', () => {
  test.each<[string, ProactiveRule]>([
    ['a timed bot message with quick replies', pricingRule],
    ['a business event message', lateOrderRule],
    ['a host event with conditions suggesting articles', { ...pricingRule, trigger: { kind: 'host_event', event: 'cart_updated', where: [{ field: 'cart_value', op: 'gte', value: 100 }, { field: 'plan', op: 'in', value: ['pro', 3] }, { field: 'coupon', op: 'exists' }] }, action: { kind: 'suggest_articles', articleIds: [REFUND_ARTICLE], text: { fa: 'شاید کمک کند' } } }],
    ['a scroll trigger opening a guide', { ...pricingRule, trigger: { kind: 'scroll_depth', percent: 75 }, action: { kind: 'open_guide', guideId: ROUTER_GUIDE, text: { en: 'Let us walk you through it.' } } }],
  ])('%s is sent back unchanged when nothing is edited', (_name, rule) => {
    expect(ruleBody(ruleDraft(rule))).toEqual(bodyOf(rule));
  });

  test('a new rule starts on, after 30 seconds on any page, with a bot message, for everyone, without a control group', () => {
    const body = ruleBody({ ...ruleDraft(), name: 'Welcome' });
    expect(body).toMatchObject({ enabled: true, trigger: { kind: 'time_on_page', seconds: 30 }, action: { kind: 'bot_message', text: {}, quickReplies: [] }, holdoutPercent: 0 });
    expect(body.audience).toEqual({ segments: [], locales: [], returning: 'any', identified: 'any', withinBusinessHours: 'any', agentsAvailable: 'any' });
  });

  test('switching to a business event switches the action to a message, and back to a web trigger to a bot message', () => {
    const event = withTriggerKind(ruleDraft(pricingRule), 'business_event');
    expect(event.action.kind).toBe('send_message');
    expect(withTriggerKind(event, 'exit_intent').action.kind).toBe('bot_message');
    const guide = { ...ruleDraft(pricingRule), action: { ...ruleDraft(pricingRule).action, kind: 'open_guide' as const } };
    expect(withTriggerKind(guide, 'exit_intent').action.kind).toBe('open_guide');
  });
});
