import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { agentHandle, mentionHandlesIn } from './mention.ts';

describe('mentionHandlesIn', () => {
  const cases: Array<[string, string, string[]]> = [
    ['at the start', '@emma can you look?', ['emma']],
    ['after a space, lowercased', 'cc @Emma and @LAN', ['emma', 'lan']],
    ['each once', '@lan @emma @lan', ['lan', 'emma']],
    ['after punctuation', '(@emma), cc:@lan', ['emma', 'lan']],
    ['dots, hyphens and underscores inside', '@minh.tran @hoa-nguyen @le_an', ['minh.tran', 'hoa-nguyen', 'le_an']],
    ['not the full stop that ends a sentence', 'Ask @emma.', ['emma']],
    ['not an email address', 'write to emma@example.com or lan@demo.tandem.test', []],
    ['not a handle glued to an email', '@lan@demo.tandem.test', []],
    ['not followed by more letters', '@emmaé', []],
    ['a lone @', 'meet @ 5pm', []],
    ['in Persian text', '@darius لطفاً این را بررسی کن، و @emma هم ببیند', ['darius', 'emma']],
    ['after a Persian comma', 'بررسی شد،@darius', ['darius']],
    ['in Vietnamese text', 'Nhờ @lan kiểm tra đơn hàng #4821 giúp em.', ['lan']],
    ['none', 'no mentions here', []],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => assert.deepEqual(mentionHandlesIn(body), expected));
  }
});

describe('agentHandle', () => {
  const cases: Array<[string, string]> = [
    ['lan@demo.tandem.test', 'lan'],
    ['Emma.Wilson@Example.com', 'emma.wilson'],
  ];
  for (const [email, handle] of cases) {
    it(`${email} → ${handle}`, () => assert.equal(agentHandle(email), handle));
  }
});
