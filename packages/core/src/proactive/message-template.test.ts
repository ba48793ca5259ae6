import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fillTemplate } from './message-template.ts';

describe('fillTemplate', () => {
  const order = { name: 'Minh', order: { id: 'DH-1042', eta: { day: 'thứ Sáu' }, total: 1_250_000 }, paid: true };

  it('fills top-level and nested placeholders', () => {
    assert.equal(fillTemplate('Hi {{name}}, order {{order.id}} arrives {{order.eta.day}}.', order), 'Hi Minh, order DH-1042 arrives thứ Sáu.');
  });

  it('writes numbers and booleans as text', () => {
    assert.equal(fillTemplate('{{order.total}} ₫, paid: {{paid}}, items: {{count}}', { ...order, count: 0 }), '1250000 ₫, paid: true, items: 0');
    assert.equal(fillTemplate('{{ratio}}', { ratio: 0.5 }), '0.5');
  });

  it('leaves nothing for a missing value, so no "{{eta}}" reaches a customer', () => {
    const cases: Array<[text: string, data: Record<string, unknown>, expected: string]> = [
      ['ETA: {{eta}}.', {}, 'ETA: .'],
      ['{{order.courier}}', order, ''],
      ['{{order.id.prefix}}', order, ''], // walking into a string
      ['{{missing.deeper.still}}', order, ''],
      ['[{{gone}}]', { gone: null }, '[]'],
      ['[{{gone}}]', { gone: undefined }, '[]'],
    ];
    for (const [text, data, expected] of cases) assert.equal(fillTemplate(text, data), expected, text);
  });

  it('leaves nothing for a value that is not a scalar', () => {
    const cases: Array<[text: string, data: Record<string, unknown>]> = [
      ['{{order}}', order],
      ['{{items}}', { items: ['áo dài', 'nón lá'] }],
      ['{{at}}', { at: new Date('2026-03-20T10:00:00Z') }],
      ['{{fn}}', { fn: () => 'run' }],
      ['{{constructor}}', {}],
      ['{{toString}}', {}],
      ['{{__proto__}}', {}],
    ];
    for (const [text, data] of cases) assert.equal(fillTemplate(text, data), '', text);
  });

  it('allows spaces inside the braces', () => {
    assert.equal(fillTemplate('{{ name }}|{{  order.id}}|{{order.id  }}', order), 'Minh|DH-1042|DH-1042');
  });

  it('fills placeholders inside Persian and Vietnamese text', () => {
    const fa = fillTemplate('{{name}} عزیز، سفارش {{order.id}} شما ارسال شد.', { name: 'سارا', order: { id: 'ف-۷۷' } });
    assert.equal(fa, 'سارا عزیز، سفارش ف-۷۷ شما ارسال شد.');
    const vi = fillTemplate('Chào {{name}}, đơn hàng {{order.id}} sẽ đến vào {{order.eta.day}}.', order);
    assert.equal(vi, 'Chào Minh, đơn hàng DH-1042 sẽ đến vào thứ Sáu.');
  });

  it('fills the same placeholder everywhere it appears', () => {
    assert.equal(fillTemplate('{{name}}, {{name}}!', order), 'Minh, Minh!');
  });

  it('inserts values literally, dollar signs included', () => {
    // A replacement string would read "$&" as the match; values must not be interpreted.
    assert.equal(fillTemplate('Code: {{code}}', { code: "$&-$1-$$-$'" }), "Code: $&-$1-$$-$'");
  });

  it('leaves text that is not a placeholder alone', () => {
    const text = 'Giảm {giá} {{ }} {{a b}} {name}';
    assert.equal(fillTemplate(text, { giá: 1, name: 'x', a: 'y' }), text);
  });
});
