import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVietnameseSyllable } from './vietnamese-syllable.ts';

test('Vietnamese syllables without diacritics fit the shape', () => {
  for (const s of ['a', 'toi', 'muon', 'nguoi', 'khuya', 'nghieng', 'quyen', 'xoong', 'ruou', 'gia', 'oanh', 'tuyet']) {
    assert.ok(isVietnameseSyllable(s), s);
  }
});

test('most English words do not', () => {
  for (const s of ['street', 'what', 'you', 'please', 'order', 'this', 'rain', 'food', 'jam', 'tie', 'help']) {
    assert.ok(!isVietnameseSyllable(s), s);
  }
});
