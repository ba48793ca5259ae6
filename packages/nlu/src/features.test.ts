import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, buildVocabulary, vectorize, DEFAULT_FEATURES, type FeatureOptions } from './features.ts';

describe('features', () => {
  it('keeps character n-grams inside words, and those spanning a space apart', () => {
    const { chars, joins } = analyze('top up', DEFAULT_FEATURES);
    assert.ok(chars.includes(' top ') && chars.includes(' up '));
    assert.ok(!chars.some((gram) => gram.trim().includes(' ')));
    assert.deepEqual(joins.map((gram) => gram.slice(1)), ['p u', 'op u', 'p up', 'top u', 'op up', 'p up ']);
  });

  it('treats a model stored before the newer options as it was trained: n-grams across the text, log term frequency, IDF on characters', () => {
    // Stored models carry their options; older ones lack charSpan, termFrequency and charIdf.
    const legacy: FeatureOptions = { wordNgrams: 2, charMin: 2, charMax: 5, charWeight: 1, minDf: 1 };
    assert.ok(analyze('top up', legacy).chars.includes('p u'));
    const vocabulary = buildVocabulary(['top up', 'top up card', 'card'], legacy);
    assert.ok(vocabulary.idf[vocabulary.chars.get('ca')!]! > 1);
    const repeated = vectorize(vocabulary, 'top card card');
    const current = vectorize(buildVocabulary(['top up', 'top up card', 'card'], { ...legacy, termFrequency: 'bm25' }), 'top card card');
    assert.notDeepEqual(Array.from(repeated.values), Array.from(current.values));
  });

  it('gives every character n-gram the same weight when charIdf is off', () => {
    const vocabulary = buildVocabulary(['top up', 'top up card', 'card'], DEFAULT_FEATURES);
    for (const id of vocabulary.chars.values()) assert.equal(vocabulary.idf[id], 1);
    assert.ok(vocabulary.idf[vocabulary.words.get('w card')!]! > 1);
  });
});
