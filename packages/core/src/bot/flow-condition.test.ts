import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionHolds } from './flow-condition.ts';
import type { FlowCondition } from './flow.ts';

const facts = {
  slots: { reason: 'Refund', empty: '' },
  attributes: { plan: 'pro', seats: 3, tags: ['VIP', 'beta'], note: 'Ships to Hà Nội', gone: null },
  segments: ['churn-risk', 'vn'],
};

const cases: Array<[string, FlowCondition, boolean]> = [
  ['a slot equals a value, ignoring case', { source: 'slot', name: 'reason', op: 'equals', value: 'refund' }, true],
  ['a missing slot does not equal anything', { source: 'slot', name: 'nope', op: 'equals', value: '' }, false],
  ['a missing slot is not_equals anything', { source: 'slot', name: 'nope', op: 'not_equals', value: 'x' }, true],
  ['a filled slot exists', { source: 'slot', name: 'reason', op: 'exists' }, true],
  ['an empty slot does not exist', { source: 'slot', name: 'empty', op: 'exists' }, false],
  ['a null attribute does not exist', { source: 'attribute', name: 'gone', op: 'exists' }, false],
  ['a number attribute compares as text', { source: 'attribute', name: 'seats', op: 'equals', value: '3' }, true],
  ['in matches any listed value', { source: 'attribute', name: 'plan', op: 'in', value: ['team', 'pro'] }, true],
  ['in fails when none is listed', { source: 'attribute', name: 'plan', op: 'in', value: ['team'] }, false],
  ['not_equals against a list means none of them', { source: 'attribute', name: 'plan', op: 'not_equals', value: ['team', 'pro'] }, false],
  ['contains finds an item of a list attribute', { source: 'attribute', name: 'tags', op: 'contains', value: 'vip' }, true],
  ['contains on a list wants a whole item', { source: 'attribute', name: 'tags', op: 'contains', value: 'bet' }, false],
  ['contains finds a substring of a text', { source: 'attribute', name: 'note', op: 'contains', value: 'hà nội' }, true],
  ['contains on a missing value fails', { source: 'slot', name: 'nope', op: 'contains', value: 'x' }, false],
  ['a segment named by name exists', { source: 'segment', name: 'vn', op: 'exists' }, true],
  ['a segment the customer is not in', { source: 'segment', name: 'vip', op: 'equals' }, false],
  ['a segment not_equals asks for non-membership', { source: 'segment', name: 'vip', op: 'not_equals' }, true],
  ['segment in: any listed segment, name ignored', { source: 'segment', name: '', op: 'in', value: ['vip', 'churn-risk'] }, true],
];
for (const [name, condition, expected] of cases) {
  test(`condition: ${name}`, () => assert.equal(conditionHolds(condition, facts), expected));
}
