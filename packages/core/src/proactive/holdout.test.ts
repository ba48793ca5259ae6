import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bucketOf, inHoldout } from './holdout.ts';

const customers = Array.from({ length: 10_000 }, (_, i) => `cus_${i}`);
const heldOut = (ruleId: string, percent: number) => customers.filter((c) => inHoldout(ruleId, c, percent));

describe('bucketOf', () => {
  it('gives a whole number from 0 to 99, the same every time', () => {
    for (const key of ['rule-1:cus_1', 'chao-mung:khách-hàng-7', 'خوش‌آمد:مشتری-۴۲', '']) {
      const bucket = bucketOf(key);
      assert.ok(Number.isInteger(bucket) && bucket >= 0 && bucket <= 99, `${key} → ${bucket}`);
      assert.equal(bucketOf(key), bucket);
    }
  });

  it('spreads keys evenly over the hundred buckets', () => {
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 100_000; i++) counts[bucketOf(`rule-1:cus_${i}`)]! += 1;
    // 1,000 expected per bucket; ±15% is far outside chance for an even hash.
    for (const [bucket, count] of counts.entries()) assert.ok(count > 850 && count < 1150, `bucket ${bucket} holds ${count}`);
  });
});

describe('inHoldout', () => {
  it('is deterministic for a (rule, customer) pair', () => {
    for (const customerId of customers.slice(0, 200)) {
      assert.equal(inHoldout('welcome-back', customerId, 20), inHoldout('welcome-back', customerId, 20), customerId);
    }
  });

  for (const percent of [5, 20, 50]) {
    it(`holds out about ${percent}% of customers (± 2%)`, () => {
      for (const ruleId of ['welcome-back', 'exit-offer', 'ưu-đãi-tết', 'تخفیف-نوروز']) {
        const share = (heldOut(ruleId, percent).length / customers.length) * 100;
        assert.ok(Math.abs(share - percent) <= 2, `${ruleId}: ${share}%`);
      }
    });
  }

  it('never holds anyone out at 0% (or below)', () => {
    assert.equal(heldOut('welcome-back', 0).length, 0);
    assert.equal(heldOut('welcome-back', -5).length, 0);
  });

  it('holds everyone out at 100%', () => {
    assert.equal(heldOut('welcome-back', 100).length, customers.length);
  });

  it('keeps a held-out customer held out when the share grows', () => {
    // Raising a rule's holdout must not swap its control group for another one.
    const atTen = new Set(heldOut('exit-offer', 10));
    const atTwenty = new Set(heldOut('exit-offer', 20));
    for (const c of atTen) assert.ok(atTwenty.has(c), c);
  });

  it('draws an independent control group for each rule', () => {
    // Were groups shared, rule B would hold out the same 20% as rule A; independent ones overlap by about 20% × 20% = 4%.
    const a = new Set(heldOut('welcome-back', 20));
    const both = heldOut('exit-offer', 20).filter((c) => a.has(c)).length;
    const overlap = (both / customers.length) * 100;
    assert.ok(overlap >= 3 && overlap <= 5, `overlap ${overlap}%`);
  });
});
