import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SEGMENT_RULE_CONDITIONS, MAX_SEGMENT_RULE_DEPTH, validateSegmentRule } from './segment-validation.ts';

const tier = { field: 'attributes.tier', op: 'equals', value: 'gold' };

describe('validateSegmentRule accepts', () => {
  const valid: Array<[string, unknown]> = [
    ['a single condition', tier],
    ['a nested attribute path', { field: 'attributes.billing.plan', op: 'in', value: ['pro', 'team'] }],
    ['exists without a value', { field: 'attributes.vip', op: 'exists' }],
    ['groups of every kind', { all: [tier, { any: [{ not: tier }, { field: 'behaviour.selfServiceShare', op: 'gte', value: 0.8 }] }] }],
    ['a closed behaviour field in any case', { field: 'behaviour.lastMode', op: 'in', value: ['Person', 'bot'] }],
    ['a preferred channel', { field: 'behaviour.preferredChannel', op: 'equals', value: 'whatsapp' }],
    ['a boolean attribute', { field: 'attributes.vip', op: 'not_equals', value: false }],
    ['a Persian value', { field: 'attributes.tier', op: 'equals', value: 'طلایی' }],
  ];
  for (const [name, rule] of valid) it(name, () => assert.deepEqual(validateSegmentRule(rule), []));
});

const invalid: Array<[string, unknown, string[]]> = [
  ['a rule that is not an object', 'tier = gold', ['rule: a rule is an object with exactly one of all, any, not or field']],
  ['a rule that is a list', [tier], ['rule: a rule is an object with exactly one of all, any, not or field']],
  ['two shapes at once', { all: [tier], field: 'attributes.x', op: 'exists' }, ['rule: a rule is an object with exactly one of all, any, not or field']],
  ['a group that is not a list', { any: tier }, ['any: a list of rules']],
  ['an empty group', { all: [] }, ['all: needs at least one rule']],
  ['an unknown key beside a group', { all: [tier], name: 'x' }, ['name: unknown key beside "all"']],
  ['a typo in a condition key', { all: [tier, { field: 'attributes.x', op: 'equals', vaule: 1 }] }, [
    'all.1.vaule: unknown key (a condition has field, op and value)',
    'all.1.value: "equals" needs a value',
  ]],
  ['an unknown behaviour field', { all: [tier, { field: 'behaviour.mood', op: 'exists' }] }, [
    'all.1.field: unknown behaviour field "behaviour.mood" (one of behaviour.conversations, behaviour.resolvedBySelfService, behaviour.resolvedByPeople, behaviour.selfServiceShare, behaviour.peopleShare, behaviour.digitalShare, behaviour.preferredChannel, behaviour.lastMode, behaviour.daysSinceLastContact)',
  ]],
  ['a field with no prefix', { field: 'tier', op: 'exists' }, ['field: "tier" is neither attributes.<name> nor behaviour.<metric>']],
  ['an attribute path with an empty part', { field: 'attributes.billing..plan', op: 'exists' }, ['field: "attributes.billing..plan" has an empty name']],
  ['attributes with no name', { field: 'attributes.', op: 'exists' }, ['field: "attributes." has an empty name']],
  ['a field that is not text', { not: { field: 3, op: 'exists' } }, ['not.field: a field is text: attributes.<name> or behaviour.<metric>']],
  ['an unknown op', { any: [tier, { field: 'attributes.spend', op: 'greater', value: 3 }] }, [
    'any.1.op: unknown op "greater" (one of equals, not_equals, in, gt, gte, lt, lte, exists, contains)',
  ]],
  ['a missing op', { field: 'attributes.spend', value: 3 }, ['op: unknown op undefined (one of equals, not_equals, in, gt, gte, lt, lte, exists, contains)']],
  ['a missing value', { field: 'attributes.spend', op: 'gt' }, ['value: "gt" needs a value']],
  ['text for a number comparison', { field: 'attributes.spend', op: 'gte', value: '100' }, ['value: "gte" compares numbers: the value must be a number']],
  ['null for a number comparison', { field: 'attributes.spend', op: 'lt', value: null }, ['value: "lt" compares numbers: the value must be a number']],
  ['a list for equals', { field: 'attributes.tier', op: 'equals', value: ['gold'] }, ['value: "equals" needs text, a number or true/false']],
  ['an object for not_equals', { field: 'attributes.tier', op: 'not_equals', value: { a: 1 } }, ['value: "not_equals" needs text, a number or true/false']],
  ['a single value for in', { field: 'attributes.tier', op: 'in', value: 'gold' }, ['value: "in" needs a list of at least one value']],
  ['an empty list for in', { field: 'attributes.tier', op: 'in', value: [] }, ['value: "in" needs a list of at least one value']],
  ['a bad item in a list', { field: 'attributes.tier', op: 'in', value: ['gold', null, 'silver', {}] }, [
    'value.1: "in" needs text, a number or true/false',
    'value.3: "in" needs text, a number or true/false',
  ]],
  ['a value for exists', { field: 'attributes.vip', op: 'exists', value: false }, ['value: "exists" takes no value (use "not" for customers without one)']],
  ['blank text for contains', { field: 'attributes.note', op: 'contains', value: '  ' }, ['value: "contains" needs non-blank text']],
  ['text for a number behaviour field', { field: 'behaviour.conversations', op: 'equals', value: 'many' }, ['value: this behaviour field is a number']],
  ['contains on a number behaviour field', { field: 'behaviour.conversations', op: 'contains', value: 3 }, ['op: "contains" does not apply to behaviour.conversations']],
  ['a number comparison on a closed field', { field: 'behaviour.lastMode', op: 'gt', value: 1 }, ['op: "gt" does not apply to behaviour.lastMode']],
  ['an unknown last mode', { field: 'behaviour.lastMode', op: 'equals', value: 'human' }, ['value: this behaviour field is one of self-service, bot, person']],
  ['an unknown channel in a list', { field: 'behaviour.preferredChannel', op: 'in', value: ['web', 'telegram'] }, [
    'value.1: this behaviour field is one of web, email, sms, whatsapp, voice, api',
  ]],
  ['problems deep inside, each with its path', { all: [tier, { any: [tier, { not: { field: 'attributes.spend', op: 'lt', value: 'x' } }] }] }, [
    'all.1.any.1.not.value: "lt" compares numbers: the value must be a number',
  ]],
];
for (const [name, rule, errors] of invalid) {
  test(`validateSegmentRule rejects ${name}`, () => assert.deepEqual(validateSegmentRule(rule), errors));
}

function nest(levels: number): unknown {
  let rule: unknown = tier;
  for (let i = 0; i < levels; i++) rule = { all: [rule] };
  return rule;
}

describe('validateSegmentRule limits', () => {
  it(`allows groups ${MAX_SEGMENT_RULE_DEPTH} deep`, () => assert.deepEqual(validateSegmentRule(nest(MAX_SEGMENT_RULE_DEPTH)), []));

  it('rejects groups nested one deeper, at the group that is too deep', () => {
    assert.deepEqual(validateSegmentRule(nest(MAX_SEGMENT_RULE_DEPTH + 1)), ['all.0.all.0.all.0.all.0.all.0: groups are nested deeper than 5 levels']);
  });

  it('counts not as a level', () => {
    const deep = { not: { not: { not: { not: { not: { not: tier } } } } } };
    assert.deepEqual(validateSegmentRule(deep), ['not.not.not.not.not: groups are nested deeper than 5 levels']);
  });

  it('stops at the depth limit without overflowing the stack on hostile input', () => {
    assert.equal(validateSegmentRule(nest(100_000)).length, 1);
  });

  it(`allows ${MAX_SEGMENT_RULE_CONDITIONS} conditions and rejects one more, counted across groups`, () => {
    const conditions = (n: number) => Array.from({ length: n }, (_, i) => ({ field: `attributes.a${i}`, op: 'exists' }));
    assert.deepEqual(validateSegmentRule({ any: [{ all: conditions(25) }, { all: conditions(25) }] }), []);
    assert.deepEqual(validateSegmentRule({ any: [{ all: conditions(25) }, { all: conditions(26) }] }), ['rule: 51 conditions; at most 50 are allowed']);
  });
});
