import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { behaviourMetrics, evaluateSegmentRule, type CustomerFacts, type SegmentCondition, type SegmentRule } from './segment-rules.ts';

function facts(attributes: Record<string, unknown> = {}, behaviour: Partial<CustomerFacts['behaviour']> = {}): CustomerFacts {
  return {
    attributes,
    behaviour: { conversations: 0, resolvedBySelfService: 0, resolvedByPeople: 0, channels: {}, lastMode: null, daysSinceLastContact: null, ...behaviour },
  };
}

describe('behaviourMetrics', () => {
  it('derives shares, the preferred channel and passes the rest through', () => {
    const metrics = behaviourMetrics(facts({}, {
      conversations: 7, resolvedBySelfService: 3, resolvedByPeople: 1, channels: { web: 6, whatsapp: 10, voice: 4 }, lastMode: 'bot', daysSinceLastContact: 12,
    }));
    assert.deepEqual(metrics, {
      'behaviour.conversations': 7,
      'behaviour.resolvedBySelfService': 3,
      'behaviour.resolvedByPeople': 1,
      'behaviour.selfServiceShare': 0.75,
      'behaviour.peopleShare': 0.25,
      'behaviour.digitalShare': 0.8,
      'behaviour.preferredChannel': 'whatsapp',
      'behaviour.lastMode': 'bot',
      'behaviour.daysSinceLastContact': 12,
    });
  });

  it('has no shares and no preferred channel for a customer with no history', () => {
    const metrics = behaviourMetrics(facts());
    assert.equal(metrics['behaviour.selfServiceShare'], null);
    assert.equal(metrics['behaviour.peopleShare'], null);
    assert.equal(metrics['behaviour.digitalShare'], null);
    assert.equal(metrics['behaviour.preferredChannel'], null);
  });

  it('counts api and email as written channels and voice alone as not', () => {
    assert.equal(behaviourMetrics(facts({}, { channels: { api: 1, email: 1, voice: 2 } }))['behaviour.digitalShare'], 0.5);
    assert.equal(behaviourMetrics(facts({}, { channels: { voice: 5 } }))['behaviour.digitalShare'], 0);
  });

  it('breaks a tie for the preferred channel by CHANNEL_KINDS order', () => {
    assert.equal(behaviourMetrics(facts({}, { channels: { voice: 3, email: 3 } }))['behaviour.preferredChannel'], 'email');
  });

  it('reads negative or NaN counts from the host as none', () => {
    const metrics = behaviourMetrics(facts({}, { resolvedBySelfService: -2, resolvedByPeople: Number.NaN, channels: { sms: -1 } }));
    assert.equal(metrics['behaviour.selfServiceShare'], null);
    assert.equal(metrics['behaviour.preferredChannel'], null);
  });
});

const customer = facts(
  {
    tier: 'Gold',
    spend: 1200,
    spendText: '1200',
    vip: true,
    country: 'VN',
    nickname: '   ',
    tags: ['VIP', 'beta', 3],
    noTags: [],
    note: 'Ships to Hà Nội',
    billing: { plan: 'Pro', seats: 5 },
    gone: null,
  },
  { conversations: 4, resolvedBySelfService: 4, resolvedByPeople: 0, channels: { web: 9, voice: 1 }, lastMode: 'self-service', daysSinceLastContact: 3 },
);

const cases: Array<[string, SegmentCondition, boolean]> = [
  ['equals ignores case', { field: 'attributes.tier', op: 'equals', value: 'gold' }, true],
  ['equals ignores surrounding blanks', { field: 'attributes.tier', op: 'equals', value: ' GOLD ' }, true],
  ['equals on a different text', { field: 'attributes.tier', op: 'equals', value: 'silver' }, false],
  ['equals on a number', { field: 'attributes.spend', op: 'equals', value: 1200 }, true],
  ['equals does not turn text into a number', { field: 'attributes.spendText', op: 'equals', value: 1200 }, false],
  ['equals does not turn a number into text', { field: 'attributes.spend', op: 'equals', value: '1200' }, false],
  ['equals on a boolean', { field: 'attributes.vip', op: 'equals', value: true }, true],
  ['equals false against true', { field: 'attributes.vip', op: 'equals', value: false }, false],
  ['equals never matches a missing attribute', { field: 'attributes.plan', op: 'equals', value: '' }, false],
  ['equals never matches a null attribute', { field: 'attributes.gone', op: 'equals', value: 'x' }, false],
  ['not_equals a different value', { field: 'attributes.tier', op: 'not_equals', value: 'silver' }, true],
  ['not_equals the same value, other case', { field: 'attributes.tier', op: 'not_equals', value: 'GOLD' }, false],
  ['not_equals with a list (rejected by validation) never matches', { field: 'attributes.tier', op: 'not_equals', value: ['silver'] }, false],
  ['not_equals never matches a missing attribute', { field: 'attributes.plan', op: 'not_equals', value: 'pro' }, false],
  ['in matches any listed value', { field: 'attributes.country', op: 'in', value: ['ir', 'vn'] }, true],
  ['in fails when none is listed', { field: 'attributes.country', op: 'in', value: ['ir', 'us'] }, false],
  ['in does not turn a number into text', { field: 'attributes.spend', op: 'in', value: ['1200'] }, false],
  ['in may list values of several kinds', { field: 'attributes.spend', op: 'in', value: ['1200', 1200] }, true],
  ['in never matches a missing attribute', { field: 'attributes.plan', op: 'in', value: ['pro'] }, false],
  ['gt above', { field: 'attributes.spend', op: 'gt', value: 1000 }, true],
  ['gt at the value', { field: 'attributes.spend', op: 'gt', value: 1200 }, false],
  ['gte at the value', { field: 'attributes.spend', op: 'gte', value: 1200 }, true],
  ['gte above the actual', { field: 'attributes.spend', op: 'gte', value: 1201 }, false],
  ['lt below', { field: 'attributes.spend', op: 'lt', value: 1500 }, true],
  ['lt at the value', { field: 'attributes.spend', op: 'lt', value: 1200 }, false],
  ['lte at the value', { field: 'attributes.spend', op: 'lte', value: 1200 }, true],
  ['lte below the actual', { field: 'attributes.spend', op: 'lte', value: 1199 }, false],
  ['gt on numeric text is not a number comparison', { field: 'attributes.spendText', op: 'gt', value: 1 }, false],
  ['lt on a missing attribute', { field: 'attributes.plan', op: 'lt', value: 1e9 }, false],
  ['exists on a value', { field: 'attributes.tier', op: 'exists' }, true],
  ['exists on false: a value all the same', { field: 'attributes.vip', op: 'exists' }, true],
  ['exists on blank text', { field: 'attributes.nickname', op: 'exists' }, false],
  ['exists on an empty list', { field: 'attributes.noTags', op: 'exists' }, false],
  ['exists on null', { field: 'attributes.gone', op: 'exists' }, false],
  ['exists on a missing attribute', { field: 'attributes.plan', op: 'exists' }, false],
  ['contains finds a list item, ignoring case', { field: 'attributes.tags', op: 'contains', value: 'vip' }, true],
  ['contains wants a whole list item', { field: 'attributes.tags', op: 'contains', value: 'bet' }, false],
  ['contains finds a number in a list', { field: 'attributes.tags', op: 'contains', value: 3 }, true],
  ['contains finds text inside text, with its diacritics', { field: 'attributes.note', op: 'contains', value: 'HÀ NỘI' }, true],
  ['contains keeps Vietnamese diacritics apart', { field: 'attributes.note', op: 'contains', value: 'ha noi' }, false],
  ['contains on a number is not a text search', { field: 'attributes.spend', op: 'contains', value: '12' }, false],
  ['contains on a missing attribute', { field: 'attributes.plan', op: 'contains', value: 'p' }, false],
  ['a dotted path reads a nested attribute', { field: 'attributes.billing.plan', op: 'equals', value: 'pro' }, true],
  ['a dotted path through a missing object', { field: 'attributes.shipping.city', op: 'exists' }, false],
  ['a dotted path never reaches the object prototype', { field: 'attributes.billing.constructor', op: 'exists' }, false],
  ['a path does not index into a string', { field: 'attributes.tier.length', op: 'exists' }, false],
  ['behaviour: conversations', { field: 'behaviour.conversations', op: 'gte', value: 4 }, true],
  ['behaviour: self-service share', { field: 'behaviour.selfServiceShare', op: 'equals', value: 1 }, true],
  ['behaviour: people share', { field: 'behaviour.peopleShare', op: 'lte', value: 0 }, true],
  ['behaviour: digital share', { field: 'behaviour.digitalShare', op: 'equals', value: 0.9 }, true],
  ['behaviour: preferred channel ignores case', { field: 'behaviour.preferredChannel', op: 'equals', value: 'WEB' }, true],
  ['behaviour: last mode', { field: 'behaviour.lastMode', op: 'in', value: ['bot', 'self-service'] }, true],
  ['behaviour: days since last contact', { field: 'behaviour.daysSinceLastContact', op: 'lt', value: 7 }, true],
  ['an unknown behaviour field never matches', { field: 'behaviour.mood', op: 'exists' }, false],
];
for (const [name, condition, expected] of cases) {
  test(`segment condition: ${name}`, () => assert.equal(evaluateSegmentRule(condition, customer), expected));
}

describe('evaluateSegmentRule', () => {
  const newcomer = facts({ tier: 'gold' });
  it('treats a share with nothing to divide as missing, even for not_equals', () => {
    assert.equal(evaluateSegmentRule({ field: 'behaviour.selfServiceShare', op: 'lt', value: 0.5 }, newcomer), false);
    assert.equal(evaluateSegmentRule({ field: 'behaviour.selfServiceShare', op: 'not_equals', value: 1 }, newcomer), false);
    assert.equal(evaluateSegmentRule({ field: 'behaviour.lastMode', op: 'exists' }, newcomer), false);
    assert.equal(evaluateSegmentRule({ field: 'behaviour.daysSinceLastContact', op: 'gte', value: 0 }, newcomer), false);
  });

  it('lets not include customers without the value', () => {
    assert.equal(evaluateSegmentRule({ not: { field: 'attributes.country', op: 'equals', value: 'vn' } }, newcomer), true);
    assert.equal(evaluateSegmentRule({ not: { field: 'attributes.country', op: 'equals', value: 'vn' } }, customer), false);
  });

  it('combines all, any and not', () => {
    const rule: SegmentRule = {
      all: [
        { field: 'attributes.tier', op: 'equals', value: 'gold' },
        { any: [{ field: 'attributes.spend', op: 'gt', value: 5000 }, { field: 'behaviour.conversations', op: 'gte', value: 3 }] },
        { not: { field: 'behaviour.preferredChannel', op: 'equals', value: 'voice' } },
      ],
    };
    assert.equal(evaluateSegmentRule(rule, customer), true);
    assert.equal(evaluateSegmentRule(rule, { ...customer, behaviour: { ...customer.behaviour, conversations: 2 } }), false, 'neither branch of any holds');
    assert.equal(evaluateSegmentRule(rule, { ...customer, behaviour: { ...customer.behaviour, channels: { voice: 5 } } }), false, 'not excludes callers');
  });

  it('holds for an empty all and not for an empty any', () => {
    assert.equal(evaluateSegmentRule({ all: [] }, newcomer), true);
    assert.equal(evaluateSegmentRule({ any: [] }, newcomer), false);
  });
});

describe('Vietnamese and Persian values', () => {
  // "Vàng" typed decomposed (a + combining grave) by some keyboards, stored composed by others.
  const decomposedVang = 'Va\u0300ng';
  const vietnamese = facts({ tier: decomposedVang, city: 'TP. HỒ CHÍ MINH' });
  // "طلایی" (gold) typed with the Arabic yeh (U+064A) instead of the Persian one (U+06CC).
  const persian = facts({ tier: 'طلايي', segmentName: 'مشتری\u200cویژه' });

  it('compares Vietnamese in any Unicode form and case', () => {
    assert.notEqual(decomposedVang, 'vàng');
    assert.equal(evaluateSegmentRule({ field: 'attributes.tier', op: 'equals', value: 'VÀNG' }, vietnamese), true);
    assert.equal(evaluateSegmentRule({ field: 'attributes.tier', op: 'in', value: ['bạc', 'vàng'] }, vietnamese), true);
    assert.equal(evaluateSegmentRule({ field: 'attributes.city', op: 'contains', value: 'hồ chí minh' }, vietnamese), true);
  });

  it('keeps Vietnamese words with other diacritics apart', () => {
    assert.equal(evaluateSegmentRule({ field: 'attributes.tier', op: 'equals', value: 'vang' }, vietnamese), false);
    assert.equal(evaluateSegmentRule({ field: 'attributes.tier', op: 'equals', value: 'váng' }, vietnamese), false);
  });

  it('compares Persian across Arabic and Persian letter forms and zero-width joiners', () => {
    assert.equal(evaluateSegmentRule({ field: 'attributes.tier', op: 'equals', value: 'طلایی' }, persian), true);
    assert.equal(evaluateSegmentRule({ field: 'attributes.tier', op: 'not_equals', value: 'نقره‌ای' }, persian), true);
    assert.equal(evaluateSegmentRule({ field: 'attributes.segmentName', op: 'equals', value: 'مشتریویژه' }, persian), true);
    assert.equal(evaluateSegmentRule({ field: 'attributes.tier', op: 'equals', value: 'نقره‌ای' }, persian), false);
  });
});
