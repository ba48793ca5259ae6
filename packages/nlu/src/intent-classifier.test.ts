import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify, trainIntentModel } from './intent-classifier.ts';
import { decodeModel, encodeModel } from './model-codec.ts';
import { TEST_PHRASES } from './test-phrases.ts';

describe('intent classifier', () => {
  const model = trainIntentModel(TEST_PHRASES);

  it('understands unseen phrasings in English, Vietnamese (with and without diacritics) and Persian', () => {
    const cases: Array<[string, string]> = [
      ['where is my parcel?', 'order_status'],
      ['I forgot the password for my account', 'password_reset'],
      ['đơn hàng của tôi đang ở đâu vậy', 'order_status'],
      ['toi quen mat khau', 'password_reset'],
      ['hoan tien cho toi', 'refund'],
      ['رمز عبور را فراموش کرده‌ام', 'password_reset'],
      ['ساعت کاری فروشگاه', 'opening_hours'],
      ['سفارشم کجاست؟', 'order_status'],
    ];
    for (const [text, intent] of cases) assert.equal(classify(model, text).ranked[0]?.intent, intent, text);
  });

  it('gives calibrated probabilities: ranked, between 0 and 1, summing to at most 1', () => {
    const { ranked } = classify(model, 'reset my password please');
    assert.equal(ranked.length, 4);
    for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1]!.confidence >= ranked[i]!.confidence);
    const total = ranked.reduce((sum, r) => sum + r.confidence, 0);
    assert.ok(total > 0.99 && total <= 1.0001, String(total));
  });

  it('abstains on text it has no features for, and below the threshold', () => {
    assert.deepEqual(classify(model, '🙂🙂'), { ranked: [], intent: null, confidence: 0 });
    const sure = classify(model, 'reset my password');
    assert.equal(classify(model, 'reset my password', { threshold: 1.01 }).intent, null);
    assert.equal(classify(model, 'reset my password', { threshold: 0 }).intent, sure.ranked[0]!.intent);
  });

  it('is deterministic for a seed', () => {
    const again = trainIntentModel(TEST_PHRASES);
    assert.deepEqual(Array.from(again.linear.weights), Array.from(model.linear.weights));
    assert.equal(again.threshold, model.threshold);
    assert.equal(again.temperature, model.temperature);
  });

  it('survives encoding to bytes and back, predicting the same', () => {
    const bytes = encodeModel(model);
    const decoded = decodeModel(bytes);
    for (const text of ['hoàn tiền', 'mấy giờ mở cửa', 'refund please', 'بازنشانی رمز']) {
      assert.deepEqual(classify(decoded, text), classify(model, text));
    }
  });

  it('uses defaults when there is too little data to cross-validate', () => {
    const tiny = trainIntentModel([{ text: 'hello', intent: 'greet' }, { text: 'bye', intent: 'leave' }]);
    assert.equal(tiny.calibration, null);
    assert.equal(classify(tiny, 'hello there').ranked[0]?.intent, 'greet');
  });
});
