import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOutreachChannel, sendsAllowed, type OutreachChannel, type RecipientReach } from './broadcast-channel.ts';

// Reachable everywhere, no preference, subscribed and consenting.
function reach(over: Partial<RecipientReach> = {}): RecipientReach {
  return { reachable: ['email', 'sms', 'whatsapp', 'web'], preferred: null, optedOut: false, marketingConsent: true, ...over };
}
const everyChannel: OutreachChannel[] = ['email', 'sms', 'whatsapp', 'web'];

describe('chooseOutreachChannel: who is skipped', () => {
  it('skips a customer who opted out, before anything else', () => {
    for (const purpose of ['service', 'marketing'] as const) {
      assert.deepEqual(chooseOutreachChannel(everyChannel, purpose, reach({ optedOut: true })), { skipped: 'opted_out' }, purpose);
    }
    assert.deepEqual(chooseOutreachChannel(everyChannel, 'marketing', reach({ optedOut: true, marketingConsent: false, reachable: [] })), { skipped: 'opted_out' });
  });

  it('skips marketing to a customer without marketing consent', () => {
    assert.deepEqual(chooseOutreachChannel(everyChannel, 'marketing', reach({ marketingConsent: false })), { skipped: 'no_consent' });
    assert.deepEqual(chooseOutreachChannel(everyChannel, 'marketing', reach({ marketingConsent: false, reachable: [] })), { skipped: 'no_consent' }, 'consent is checked before reach');
  });

  it('sends a service notice without marketing consent', () => {
    // An outage or a delayed order is not marketing: the customer needs to know.
    assert.deepEqual(chooseOutreachChannel(['sms'], 'service', reach({ marketingConsent: false })), { channel: 'sms' });
  });

  it('skips a customer no allowed channel reaches', () => {
    assert.deepEqual(chooseOutreachChannel(['sms', 'whatsapp'], 'service', reach({ reachable: ['email', 'web'] })), { skipped: 'unreachable' });
    assert.deepEqual(chooseOutreachChannel(everyChannel, 'service', reach({ reachable: [] })), { skipped: 'unreachable' });
    assert.deepEqual(chooseOutreachChannel([], 'service', reach()), { skipped: 'unreachable' });
  });
});

describe('chooseOutreachChannel: which channel', () => {
  it('uses the preferred channel when the sender allows it and it reaches the customer', () => {
    assert.deepEqual(chooseOutreachChannel(['email', 'whatsapp'], 'marketing', reach({ preferred: 'whatsapp' })), { channel: 'whatsapp' });
  });

  it('ignores a preferred channel the sender does not allow', () => {
    assert.deepEqual(chooseOutreachChannel(['email', 'sms'], 'service', reach({ preferred: 'whatsapp' })), { channel: 'email' });
  });

  it('ignores a preferred channel that does not reach the customer', () => {
    // Preferred WhatsApp, but the number was removed.
    assert.deepEqual(chooseOutreachChannel(['whatsapp', 'sms', 'email'], 'service', reach({ preferred: 'whatsapp', reachable: ['email', 'sms'] })), { channel: 'sms' });
  });

  it('otherwise takes the first allowed channel that reaches them, in the sender’s order', () => {
    const cases: Array<[allowed: OutreachChannel[], reachable: OutreachChannel[], expected: OutreachChannel]> = [
      [['whatsapp', 'sms', 'email'], ['email', 'sms', 'whatsapp'], 'whatsapp'],
      [['sms', 'whatsapp', 'email'], ['email', 'sms', 'whatsapp'], 'sms'],
      [['whatsapp', 'sms', 'email'], ['email'], 'email'],
      [['web', 'email'], ['email', 'web'], 'web'],
    ];
    for (const [allowed, reachable, expected] of cases) {
      assert.deepEqual(chooseOutreachChannel(allowed, 'service', reach({ reachable })), { channel: expected }, `${allowed.join('>')} reaching ${reachable.join(',')}`);
    }
  });
});

describe('sendsAllowed', () => {
  it('is what is left of the rate in this minute, never below zero', () => {
    const cases: Array<[rate: number, sent: number, left: number]> = [
      [60, 0, 60],
      [60, 59, 1],
      [60, 60, 0],
      [60, 75, 0],
      [0, 0, 0],
    ];
    for (const [rate, sent, left] of cases) assert.equal(sendsAllowed(rate, sent), left, `${sent} of ${rate}`);
  });
});
