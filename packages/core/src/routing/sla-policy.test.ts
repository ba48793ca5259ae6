import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boostedPriority, measureSla, pickSlaPolicy, type SlaPolicy } from './sla-policy.ts';

const always = { hours: null, holidays: [] };
const t = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, minutes));
const policy = (over: Partial<SlaPolicy> = {}): SlaPolicy => ({
  key: 'standard', name: 'Standard', priorities: [], channels: [], segments: [],
  targets: { first_response: 600, next_response: 900, resolution: 3600 }, warnAtFraction: 0.8,
  escalation: { boostPriority: true, notifyAgentIds: [], reassign: false }, ...over,
});

describe('pickSlaPolicy', () => {
  it('takes the first policy whose priorities, channels and segments all match', () => {
    const policies = [policy({ key: 'vip-email', channels: ['email'], segments: ['vip'] }), policy({ key: 'urgent', priorities: ['urgent'] }), policy({ key: 'rest' })];
    assert.equal(pickSlaPolicy(policies, { priority: 'normal', channel: 'email', segments: ['vip'] })?.key, 'vip-email');
    assert.equal(pickSlaPolicy(policies, { priority: 'urgent', channel: 'web', segments: ['vip'] })?.key, 'urgent');
    assert.equal(pickSlaPolicy(policies, { priority: 'low', channel: null, segments: [] })?.key, 'rest');
    assert.equal(pickSlaPolicy(policies.slice(0, 2), { priority: 'low', channel: 'web', segments: [] }), null);
  });
});

describe('measureSla', () => {
  it('runs first response and resolution from the start, warns at 80%, breaches at the target', () => {
    const times = { createdAt: t(0), firstAgentReplyAt: null, awaitingSince: null, resolvedAt: null, pauses: [] };
    const at8 = measureSla(policy(), times, always, t(8));
    assert.deepEqual(at8.map((m) => [m.metric, m.state]), [['first_response', 'warning'], ['resolution', 'ok']]);
    assert.deepEqual(at8[0]!.dueAt, t(10));
    assert.equal(measureSla(policy(), times, always, t(10))[0]!.state, 'breached');
  });

  it('a reply in time meets first response; an unanswered follow-up runs next response', () => {
    const times = { createdAt: t(0), firstAgentReplyAt: t(5), awaitingSince: t(20), resolvedAt: null, pauses: [] };
    const measures = measureSla(policy(), times, always, t(33));
    assert.deepEqual(measures.map((m) => [m.metric, m.state]), [['first_response', 'met'], ['next_response', 'warning'], ['resolution', 'ok']]);
    assert.deepEqual(measures[1]!.dueAt, t(35));
    const late = measureSla(policy(), { ...times, firstAgentReplyAt: t(12) }, always, t(30));
    assert.equal(late[0]!.state, 'breached', 'a late first reply stays a breach');
  });

  it('stands still while pending on the customer', () => {
    const times = { createdAt: t(0), firstAgentReplyAt: null, awaitingSince: null, resolvedAt: null, pauses: [{ from: t(2), to: t(32) }] };
    const [first] = measureSla(policy(), times, always, t(35));
    assert.equal(first!.elapsedSeconds, 5 * 60);
    assert.deepEqual(first!.dueAt, t(40));
    const paused = measureSla(policy(), { ...times, pauses: [{ from: t(2), to: null }] }, always, t(35));
    assert.equal(paused[0]!.state, 'paused');
  });

  it('counts business time only', () => {
    const hours = { timezone: 'UTC', days: Array.from({ length: 7 }, () => [{ from: '09:00', to: '09:05' }, { from: '10:00', to: '17:00' }]) };
    const [first] = measureSla(policy(), { createdAt: t(0), firstAgentReplyAt: null, awaitingSince: null, resolvedAt: null, pauses: [] }, { hours, holidays: [] }, t(30));
    assert.equal(first!.elapsedSeconds, 300);
    assert.deepEqual(first!.dueAt, new Date(Date.UTC(2026, 11, 7, 10, 5)));
  });
});

describe('boostedPriority', () => {
  it('goes one level up and stops at urgent', () => {
    assert.deepEqual((['low', 'normal', 'high', 'urgent'] as const).map(boostedPriority), ['normal', 'high', 'urgent', 'urgent']);
  });
});
