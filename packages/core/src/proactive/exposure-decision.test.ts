import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decideExposure, type ExposureOutcome, type ExposureRequest, type PastExposure } from './exposure-decision.ts';
import { DEFAULT_PROACTIVE_CAPS, type ProactiveAction } from './proactive-rule.ts';

const now = new Date('2026-03-20T10:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(now.getTime() - ms);

const greet: ProactiveAction = { kind: 'bot_message', text: { fa: 'سلام! می‌توانیم کمک کنیم؟', vi: 'Xin chào! Chúng tôi có thể giúp gì?', en: 'Hi! Can we help?' }, quickReplies: [] };
const offerPerson: ProactiveAction = { kind: 'offer_person', text: { vi: 'Nói chuyện với nhân viên?', fa: 'با یک همکار صحبت کنید؟' } };

// A visitor who passes everything, on a rule with no control group: shown.
function request(over: Partial<ExposureRequest> = {}, rule: Partial<ExposureRequest['rule']> = {}): ExposureRequest {
  return {
    rule: { id: 'nowruz-offer', enabled: true, trigger: { kind: 'time_on_page', seconds: 30 }, action: greet, allowWhileTyping: false, allowDuringPurchase: false, holdoutPercent: 0, ...rule },
    caps: DEFAULT_PROACTIVE_CAPS, // 1 per session, 3 per week, consent required
    customerId: 'cus_minh',
    sessionId: 'laptop-1',
    now,
    doNotDisturb: false,
    behaviourConsent: true,
    audienceMatches: true,
    agentsAvailable: true,
    typing: false,
    purchasing: false,
    past: [],
    ...over,
  };
}
const shown: ExposureOutcome = { kind: 'shown' };
const suppressed = (reason: string) => ({ kind: 'suppressed', reason });
const exposure = (sessionId: string, at: Date, ruleId = 'nowruz-offer'): PastExposure => ({ ruleId, sessionId, at });

describe('decideExposure: the order of reasons', () => {
  it('names the first failing check, and shows once none is left', () => {
    // Every check fails at first; each step clears the one just reported.
    let r = request(
      { doNotDisturb: true, behaviourConsent: false, audienceMatches: false, agentsAvailable: false, typing: true, purchasing: true, past: [exposure('laptop-1', ago(HOUR)), exposure('phone', ago(DAY)), exposure('tablet', ago(2 * DAY))] },
      { enabled: false, action: offerPerson },
    );
    const steps: Array<[reason: string, clear: (r: ExposureRequest) => ExposureRequest]> = [
      ['rule_disabled', (r) => ({ ...r, rule: { ...r.rule, enabled: true } })],
      ['do_not_disturb', (r) => ({ ...r, doNotDisturb: false })],
      ['no_consent', (r) => ({ ...r, behaviourConsent: true })],
      ['audience', (r) => ({ ...r, audienceMatches: true })],
      ['no_agent', (r) => ({ ...r, agentsAvailable: true })],
      ['typing', (r) => ({ ...r, typing: false })],
      ['purchasing', (r) => ({ ...r, purchasing: false })],
      // Moving this session's exposure to another device clears the session cap but still fills the week.
      ['session_cap', (r) => ({ ...r, past: [exposure('phone', ago(HOUR)), ...r.past.slice(1)] })],
      ['weekly_cap', (r) => ({ ...r, past: r.past.slice(1) })],
    ];
    for (const [reason, clear] of steps) {
      assert.deepEqual(decideExposure(r), suppressed(reason));
      r = clear(r);
    }
    assert.deepEqual(decideExposure(r), shown);
  });

  it('asks for consent only when the workspace requires it', () => {
    assert.deepEqual(decideExposure(request({ behaviourConsent: false })), suppressed('no_consent'));
    assert.deepEqual(decideExposure(request({ behaviourConsent: false, caps: { ...DEFAULT_PROACTIVE_CAPS, requireConsent: false } })), shown);
  });

  it('needs an available agent only to offer a person', () => {
    assert.deepEqual(decideExposure(request({ agentsAvailable: false }, { action: offerPerson })), suppressed('no_agent'));
    assert.deepEqual(decideExposure(request({ agentsAvailable: false }, { action: greet })), shown);
    assert.deepEqual(decideExposure(request({ agentsAvailable: true }, { action: offerPerson })), shown);
  });

  it('waits while the visitor types unless the rule allows it', () => {
    assert.deepEqual(decideExposure(request({ typing: true })), suppressed('typing'));
    assert.deepEqual(decideExposure(request({ typing: true }, { allowWhileTyping: true })), shown);
  });

  it('keeps out of a purchase unless the rule allows it', () => {
    assert.deepEqual(decideExposure(request({ purchasing: true })), suppressed('purchasing'));
    assert.deepEqual(decideExposure(request({ purchasing: true }, { allowDuringPurchase: true })), shown);
  });
});

describe('decideExposure: caps across sessions and devices of one customer', () => {
  const caps = { ...DEFAULT_PROACTIVE_CAPS, perSession: 1, perWeek: 3 };

  it('counts an exposure in this session towards the session cap, whichever rule it was', () => {
    assert.deepEqual(decideExposure(request({ caps, past: [exposure('laptop-1', ago(5 * 60_000), 'exit-offer')] })), suppressed('session_cap'));
  });

  it('does not count another tab’s or device’s exposures towards the session cap', () => {
    const past = [exposure('laptop-2', ago(10 * 60_000)), exposure('phone', ago(HOUR))];
    assert.deepEqual(decideExposure(request({ caps, past })), shown);
  });

  it('counts every session and device towards the weekly cap', () => {
    const past = [exposure('laptop-2', ago(10 * 60_000)), exposure('phone', ago(DAY)), exposure('tablet', ago(3 * DAY), 'exit-offer')];
    assert.deepEqual(decideExposure(request({ caps, past })), suppressed('weekly_cap'));
    assert.deepEqual(decideExposure(request({ caps, past: past.slice(1) })), shown, 'two in the week leave room for a third');
  });

  it('forgets exposures older than 7 days', () => {
    const past = [exposure('phone', ago(8 * DAY)), exposure('tablet', ago(30 * DAY)), exposure('laptop-0', ago(7 * DAY + HOUR))];
    assert.deepEqual(decideExposure(request({ caps, past })), shown);
  });

  it('counts an exposure until it is exactly 7 days old', () => {
    const twoRecent = [exposure('phone', ago(HOUR)), exposure('tablet', ago(DAY))];
    const justInside = [...twoRecent, exposure('laptop-0', ago(7 * DAY - 1))];
    const onTheBoundary = [...twoRecent, exposure('laptop-0', ago(7 * DAY))];
    assert.deepEqual(decideExposure(request({ caps, past: justInside })), suppressed('weekly_cap'));
    // The week is (now − 7 days, now]: an exposure exactly 7 days old has just left it.
    assert.deepEqual(decideExposure(request({ caps, past: onTheBoundary })), shown);
  });

  it('lets a workspace with a higher session cap show more than one in a session', () => {
    const past = [exposure('laptop-1', ago(HOUR))];
    assert.deepEqual(decideExposure(request({ caps: { ...caps, perSession: 2 }, past })), shown);
  });
});

describe('decideExposure: the control group', () => {
  const customers = Array.from({ length: 10_000 }, (_, i) => `cus_${i}`);
  const outcomeFor = (customerId: string, over: Partial<ExposureRequest> = {}, holdoutPercent = 20) =>
    decideExposure(request({ customerId, ...over }, { holdoutPercent })).kind;

  it('holds out roughly the requested share and shows the rest', () => {
    const kinds = customers.map((c) => outcomeFor(c));
    const held = kinds.filter((k) => k === 'holdout').length;
    assert.equal(held + kinds.filter((k) => k === 'shown').length, customers.length, 'nothing else');
    assert.ok(Math.abs(held / customers.length - 0.2) <= 0.02, `${held} of ${customers.length} held out`);
  });

  it('puts one customer on the same side on every device, visit and day', () => {
    for (const customerId of customers.slice(0, 300)) {
      const first = outcomeFor(customerId);
      assert.equal(outcomeFor(customerId, { sessionId: 'phone', now: new Date(now.getTime() + 3 * DAY) }), first, customerId);
    }
  });

  it('never holds anyone out at 0%', () => {
    assert.ok(customers.every((c) => outcomeFor(c, {}, 0) === 'shown'));
  });

  it('holds out only visitors who pass every check', () => {
    const heldOut = customers.filter((c) => outcomeFor(c) === 'holdout').slice(0, 50);
    assert.ok(heldOut.length > 0);
    for (const c of heldOut) {
      assert.equal(outcomeFor(c, { doNotDisturb: true }), 'suppressed', c);
      assert.equal(outcomeFor(c, { past: [exposure('laptop-1', ago(HOUR))] }), 'suppressed', c);
    }
  });

  it('counts a held-out exposure against the caps like a show', () => {
    const customerId = customers.find((c) => outcomeFor(c) === 'holdout')!;
    const first = decideExposure(request({ customerId }, { holdoutPercent: 20 }));
    assert.deepEqual(first, { kind: 'holdout' });
    // The server records the holdout as an exposure, as it does a show.
    const past = [exposure('laptop-1', now)];
    assert.deepEqual(decideExposure(request({ customerId, past, now: new Date(now.getTime() + 60_000) }, { holdoutPercent: 20 })), suppressed('session_cap'));
    const week = [exposure('phone', ago(DAY)), exposure('tablet', ago(2 * DAY)), exposure('laptop-1', now)];
    assert.deepEqual(decideExposure(request({ customerId, sessionId: 'laptop-2', past: week }, { holdoutPercent: 20 })), suppressed('weekly_cap'));
  });
});
