import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeIdentity, reachableChannels } from './identity.ts';

describe('normalizeIdentity', () => {
  const cases = [
    { kind: 'email', raw: '  Ana@Example.COM ', expected: { kind: 'ok', value: 'ana@example.com' } },
    { kind: 'email', raw: 'not-an-email', expected: { kind: 'invalid', reason: 'not an email address' } },
    { kind: 'phone', raw: '+84 90-123 4567', expected: { kind: 'ok', value: '+84901234567' } },
    { kind: 'whatsapp', raw: '+98 (912) 345-6789', expected: { kind: 'ok', value: '+989123456789' } },
    { kind: 'web', raw: 'visitor_0123456789', expected: { kind: 'ok', value: 'visitor_0123456789' } },
    { kind: 'external', raw: 'کاربر-۱۲', expected: { kind: 'ok', value: 'کاربر-۱۲' } },
  ] as const;
  for (const c of cases) {
    it(`${c.kind} "${c.raw}" → ${JSON.stringify(c.expected)}`, () => {
      assert.deepEqual(normalizeIdentity(c.kind, c.raw), c.expected);
    });
  }
  it('rejects a phone number without a country code', () => {
    assert.equal(normalizeIdentity('phone', '0901234567').kind, 'invalid');
  });
});

describe('reachableChannels', () => {
  it('a phone identity reaches SMS and voice, an email identity email', () => {
    assert.deepEqual(reachableChannels(['phone', 'email']).sort(), ['email', 'sms', 'voice']);
  });
});
