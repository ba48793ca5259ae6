import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStopWord } from './stop-words.ts';

test('filler words are stop words in their own language only', () => {
  assert.ok(isStopWord('the', 'en'));
  assert.ok(isStopWord('của', 'vi'));
  assert.ok(isStopWord('را', 'fa'));
  assert.ok(!isStopWord('the', 'vi'));
});

test('words that change the meaning are kept', () => {
  for (const [word, locale] of [['not', 'en'], ['không', 'vi'], ['نه', 'fa'], ['refund', 'en']] as const) {
    assert.ok(!isStopWord(word, locale), word);
  }
});
