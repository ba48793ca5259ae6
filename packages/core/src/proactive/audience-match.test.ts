import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { audienceMatches, type VisitorFacts } from './audience-match.ts';
import { ANY_AUDIENCE, type AudienceChoice, type ProactiveAudience } from './proactive-rule.ts';

function visitor(over: Partial<VisitorFacts> = {}): VisitorFacts {
  return { segments: [], locale: 'en', returning: false, identified: false, withinBusinessHours: true, agentsAvailable: true, ...over };
}
const audience = (over: Partial<ProactiveAudience>): ProactiveAudience => ({ ...ANY_AUDIENCE, ...over });

describe('audienceMatches with ANY_AUDIENCE', () => {
  it('lets every visitor through', () => {
    const everyone: VisitorFacts[] = [
      visitor(),
      visitor({ segments: ['vip'], locale: 'fa', returning: true, identified: true }),
      visitor({ locale: null, withinBusinessHours: false, agentsAvailable: false }),
      visitor({ locale: 'vi', returning: true, agentsAvailable: false }),
    ];
    for (const v of everyone) assert.equal(audienceMatches(ANY_AUDIENCE, v), true, JSON.stringify(v));
  });
});

describe('audienceMatches on segments', () => {
  const forBuyers = audience({ segments: ['vip', 'khach-quen'] });

  it('wants the visitor in at least one of the segments', () => {
    assert.equal(audienceMatches(forBuyers, visitor({ segments: ['khach-quen'] })), true);
    assert.equal(audienceMatches(forBuyers, visitor({ segments: ['new', 'vip'] })), true);
    assert.equal(audienceMatches(forBuyers, visitor({ segments: ['vip', 'khach-quen'] })), true);
  });

  it('turns away a visitor in none of them, or in no segment at all', () => {
    assert.equal(audienceMatches(forBuyers, visitor({ segments: ['bargain-hunter'] })), false);
    assert.equal(audienceMatches(forBuyers, visitor({ segments: [] })), false);
  });

  it('compares segment keys exactly', () => {
    assert.equal(audienceMatches(forBuyers, visitor({ segments: ['VIP'] })), false);
  });
});

describe('audienceMatches on locales', () => {
  const persianOrVietnamese = audience({ locales: ['fa', 'vi'] });

  it('wants the visitor’s locale in the list', () => {
    assert.equal(audienceMatches(persianOrVietnamese, visitor({ locale: 'fa' })), true);
    assert.equal(audienceMatches(persianOrVietnamese, visitor({ locale: 'vi' })), true);
    assert.equal(audienceMatches(persianOrVietnamese, visitor({ locale: 'en' })), false);
  });

  it('turns away a visitor whose locale is unknown', () => {
    assert.equal(audienceMatches(persianOrVietnamese, visitor({ locale: null })), false);
  });
});

describe('audienceMatches on yes/no/any criteria', () => {
  const criteria = ['returning', 'identified', 'withinBusinessHours', 'agentsAvailable'] as const;
  const table: Array<[choice: AudienceChoice, actual: boolean, matches: boolean]> = [
    ['yes', true, true],
    ['yes', false, false],
    ['no', true, false],
    ['no', false, true],
    ['any', true, true],
    ['any', false, true],
  ];

  for (const criterion of criteria) {
    it(`${criterion}: yes wants it, no wants it not, any takes both`, () => {
      for (const [choice, actual, matches] of table) {
        // The other criteria are set against the choice, so only this one can decide.
        const facts = visitor({ returning: !actual, identified: !actual, withinBusinessHours: !actual, agentsAvailable: !actual, [criterion]: actual });
        assert.equal(audienceMatches(audience({ [criterion]: choice }), facts), matches, `${criterion} ${choice} with ${actual}`);
      }
    });
  }
});

describe('audienceMatches with several criteria', () => {
  // Returning Persian-speaking customers, signed in, while someone can answer.
  const loyalPersian = audience({ locales: ['fa'], returning: 'yes', identified: 'yes', agentsAvailable: 'yes' });

  it('wants every criterion to hold', () => {
    assert.equal(audienceMatches(loyalPersian, visitor({ locale: 'fa', returning: true, identified: true })), true);
  });

  it('turns the visitor away when any single one fails', () => {
    const fits = { locale: 'fa', returning: true, identified: true, agentsAvailable: true } as const;
    const misses: Array<Partial<VisitorFacts>> = [{ locale: 'vi' }, { returning: false }, { identified: false }, { agentsAvailable: false }];
    for (const miss of misses) assert.equal(audienceMatches(loyalPersian, visitor({ ...fits, ...miss })), false, JSON.stringify(miss));
  });
});
