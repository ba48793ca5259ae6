import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isOptOutReply } from './opt-out-reply.ts';

describe('isOptOutReply', () => {
  it('recognises a whole-message stop word in English, Vietnamese and Persian, in any case', () => {
    for (const text of ['STOP', ' stop ', 'Unsubscribe!', 'HỦY', 'Hủy', 'huy', 'dừng.', 'لغو', ' توقف ']) assert.equal(isOptOutReply(text), true, text);
  });
  it('leaves sentences that merely contain the word alone', () => {
    for (const text of ['please stop by the shop', 'stop sending me the wrong size', 'hủy đơn hàng A-1042', 'لغو سفارش', '', 'stops']) assert.equal(isOptOutReply(text), false, text);
  });
  it('treats decomposed Vietnamese (as some phones send it) like composed', () => {
    assert.equal(isOptOutReply('Hu\u0309y'), true);
  });
});
