import { describe, expect, test } from 'vitest';
import type { SegmentOp } from '@tandem/core';
import { conditionText, conditionValue } from './condition-value.ts';

describe('event condition values', () => {
  test.each<[SegmentOp, string, unknown]>([
    ['equals', 'gold', 'gold'],
    ['equals', ' 42 ', 42],
    ['equals', '"42"', '42'],
    ['equals', 'true', true],
    ['not_equals', '"false"', 'false'],
    ['contains', 'Hà Nội', 'Hà Nội'],
    ['gt', '99.5', 99.5],
    ['lte', '-3', -3],
    ['in', 'gold, 7, "8", true ,,', ['gold', 7, '8', true]],
    ['in', 'vàng، bạc', ['vàng', 'bạc']],
    ['exists', 'anything', undefined],
  ])('%s typed as %j is sent as %j', (op, text, value) => {
    expect(conditionValue(op, text)).toEqual(value);
  });

  test.each<[unknown, string]>([
    ['gold', 'gold'],
    [42, '42'],
    ['42', '"42"'],
    [true, 'true'],
    ['true', '"true"'],
    [['gold', 7, '8'], 'gold, 7, "8"'],
    [undefined, ''],
  ])('a stored %j is edited as %j, which reads back the same', (value, text) => {
    expect(conditionText(value as never)).toBe(text);
    if (value !== undefined) expect(conditionValue(Array.isArray(value) ? 'in' : 'equals', text)).toEqual(value);
  });
});
