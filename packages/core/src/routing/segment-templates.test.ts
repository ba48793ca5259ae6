import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LOCALES } from '../vocabulary.ts';
import { evaluateSegmentRule, type CustomerFacts } from './segment-rules.ts';
import { SEGMENT_TEMPLATES, VERTICAL_TEMPLATES } from './segment-templates.ts';
import { validateSegmentRule } from './segment-validation.ts';
import { matchingSegments } from './segments.ts';
import { resolveStrategy, VERTICAL_POLICIES, VERTICALS } from './service-strategy.ts';

function facts(attributes: Record<string, unknown>, behaviour: Partial<CustomerFacts['behaviour']> = {}): CustomerFacts {
  return {
    attributes,
    behaviour: { conversations: 0, resolvedBySelfService: 0, resolvedByPeople: 0, channels: {}, lastMode: null, daysSinceLastContact: null, ...behaviour },
  };
}
const template = (key: string) => {
  const found = SEGMENT_TEMPLATES.find((t) => t.key === key);
  assert.ok(found, `template ${key}`);
  return found;
};

// Each template: customers it must take, and near misses it must leave out.
const examples: Record<string, { match: Array<[string, CustomerFacts]>; miss: Array<[string, CustomerFacts]> }> = {
  'neutrals': {
    match: [
      ['always helps themselves', facts({}, { conversations: 5, resolvedBySelfService: 5 })],
      ['solves 4 in 5 with people, exactly the threshold', facts({ income_band: 'high' }, { conversations: 3, resolvedBySelfService: 1, resolvedByPeople: 4 })],
    ],
    miss: [
      ['loyal but with only 2 conversations', facts({}, { conversations: 2, resolvedBySelfService: 2 })],
      ['mixes both ways', facts({}, { conversations: 6, resolvedBySelfService: 3, resolvedByPeople: 2 })],
      ['has conversations but nothing resolved yet', facts({}, { conversations: 4 })],
    ],
  },
  'high-income-hybrid': {
    match: [['has a high income, in capitals', facts({ income_band: 'HIGH' })]],
    miss: [['has a middle income', facts({ income_band: 'middle' })], ['has no income band', facts({ tier: 'high' })]],
  },
  'middle-income-agents': {
    match: [['has a middle income', facts({ income_band: 'middle' }, { channels: { voice: 4 } })]],
    miss: [['has a lower-middle income', facts({ income_band: 'lower_middle' })]],
  },
  'lower-middle-digital': {
    match: [
      ['writes on whatsapp and the web', facts({ income_band: 'lower_middle' }, { channels: { whatsapp: 7, web: 2, voice: 1 } })],
      ['is new, with no messages yet', facts({ income_band: 'lower_middle' })],
    ],
    miss: [
      ['mostly calls', facts({ income_band: 'lower_middle' }, { channels: { voice: 8, web: 1 } })],
      ['is digital with a middle income', facts({ income_band: 'middle' }, { channels: { web: 9 } })],
      ['has a low income', facts({ income_band: 'low' }, { channels: { web: 9 } })],
    ],
  },
};

describe('SEGMENT_TEMPLATES', () => {
  it('are the four research groups, each with its strategy, neutrals first', () => {
    assert.deepEqual(matchingSegments(SEGMENT_TEMPLATES, facts({ income_band: 'high' }, { conversations: 3, resolvedByPeople: 3 })).map((t) => t.key), ['neutrals', 'high-income-hybrid']);
    assert.deepEqual(Object.fromEntries(SEGMENT_TEMPLATES.map((t) => [t.key, t.strategy])), {
      'neutrals': 'same-as-last-time', 'high-income-hybrid': 'hybrid', 'middle-income-agents': 'human-first', 'lower-middle-digital': 'bot-first',
    });
  });

  for (const [key, { match, miss }] of Object.entries(examples)) {
    for (const [who, customer] of match) it(`${key} takes a customer who ${who}`, () => assert.equal(evaluateSegmentRule(template(key).rule, customer), true));
    for (const [who, customer] of miss) it(`${key} leaves out a customer who ${who}`, () => assert.equal(evaluateSegmentRule(template(key).rule, customer), false));
  }

  it('pass validation', () => {
    for (const t of SEGMENT_TEMPLATES) assert.deepEqual(validateSegmentRule(t.rule), [], t.key);
  });

  it('have distinct keys and priorities', () => {
    assert.equal(new Set(SEGMENT_TEMPLATES.map((t) => t.key)).size, SEGMENT_TEMPLATES.length);
    assert.equal(new Set(SEGMENT_TEMPLATES.map((t) => t.priority)).size, SEGMENT_TEMPLATES.length);
  });

  it('serve a loyal customer the way their last issue was resolved', () => {
    const loyalToPeople = facts({ income_band: 'high' }, { conversations: 4, resolvedByPeople: 4, lastMode: 'person' });
    const decision = resolveStrategy({ segments: matchingSegments(SEGMENT_TEMPLATES, loyalToPeople), vertical: 'retail', workspaceDefault: 'bot-first', lastMode: 'person' });
    assert.equal(decision.strategy, 'human-first');
    assert.match(decision.reason, /^segment "neutrals"/);
  });
});

const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const PERSIAN_LETTER = /[\u0600-\u06FF]/;
const LATIN_LETTER = /[a-z]/i;

describe('localized texts', () => {
  const texts = [
    ...SEGMENT_TEMPLATES.flatMap((t) => [t.name, t.description]),
    ...VERTICAL_TEMPLATES.flatMap((t) => [t.name, t.description]),
  ];

  it('exist in every locale, normalized to NFC', () => {
    for (const text of texts) {
      for (const locale of LOCALES) {
        assert.ok(text[locale].trim().length > 0, `${text.en} in ${locale}`);
        assert.equal(text[locale], text[locale].normalize('NFC'));
      }
    }
  });

  it('are written in Vietnamese and Persian, not transliterated', () => {
    for (const text of texts) {
      assert.match(text.vi, VIETNAMESE_LETTER, text.vi);
      assert.match(text.fa, PERSIAN_LETTER, text.fa);
      // "SaaS" is the industry's own name; no other Latin letters belong in Persian text.
      assert.doesNotMatch(text.fa.replace('SaaS', ''), LATIN_LETTER, text.fa);
      assert.notEqual(text.vi, text.en);
    }
  });
});

describe('VERTICAL_TEMPLATES', () => {
  it('describe every vertical once, with the policy resolveStrategy reads', () => {
    assert.deepEqual(VERTICAL_TEMPLATES.map((t) => t.vertical), [...VERTICALS]);
    for (const t of VERTICAL_TEMPLATES) assert.equal(t.policy, VERTICAL_POLICIES[t.vertical]);
  });

  it('carry the banking and retail tables', () => {
    const banking = VERTICAL_TEMPLATES.find((t) => t.vertical === 'banking')!;
    const retail = VERTICAL_TEMPLATES.find((t) => t.vertical === 'retail')!;
    assert.deepEqual(banking.policy, { strategy: 'hybrid', topics: { complaint: 'human-first', money: 'human-first' }, fastEscalation: false });
    assert.deepEqual(retail.policy, { strategy: 'bot-first', topics: {}, fastEscalation: true });
    assert.equal(banking.name.fa, 'بانکداری');
    assert.equal(retail.name.vi, 'Bán lẻ');
  });
});
