import { foldDiacritics, normalizeText, tokenize } from '@tandem/core';
import { unitVector, type SparseVector } from './sparse.ts';

/** How text becomes features. Chosen by cross-validation (see docs/nlu.md), stored with each model. */
export interface FeatureOptions {
  /** Longest word n-gram (1 = words only, 2 = words and word pairs...). */
  wordNgrams: number;
  /** Character n-gram lengths, over the diacritic-folded text with word boundaries marked. */
  charMin: number;
  charMax: number;
  /** Weight of the character group against the word group (each is unit length before weighting). */
  charWeight: number;
  /** Features seen in fewer training texts than this are dropped. */
  minDf: number;
}

export const DEFAULT_FEATURES: FeatureOptions = { wordNgrams: 2, charMin: 2, charMax: 5, charWeight: 1, minDf: 1 };

interface Analyzed {
  words: string[];
  chars: string[];
}

/**
 * The raw features of a text. Words keep their diacritics (Vietnamese tones tell words apart)
 * and are also added folded, so "mat khau" typed without accents still meets "mật khẩu";
 * character n-grams run over the folded text and survive typos, Persian spacing variants and
 * word forms. Word pairs matter for Vietnamese, whose spaces separate syllables, not words.
 */
export function analyze(text: string, options: FeatureOptions): Analyzed {
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  const folded = tokens.map((token) => foldDiacritics(token));
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    words.push(`w ${tokens[i]}`);
    if (folded[i] !== tokens[i]) words.push(`f ${folded[i]}`);
    for (let n = 2; n <= options.wordNgrams && i + n <= tokens.length; n++) {
      words.push(`${n} ${folded.slice(i, i + n).join(' ')}`);
    }
  }
  const chars: string[] = [];
  const line = ` ${folded.join(' ')} `;
  for (let n = options.charMin; n <= options.charMax; n++) {
    for (let i = 0; i + n <= line.length; i++) chars.push(line.slice(i, i + n));
  }
  return { words, chars };
}

function countInto(counts: Map<number, number>, features: readonly string[], index: ReadonlyMap<string, number>): void {
  for (const feature of features) {
    const id = index.get(feature);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
}

/** Learned feature space: which features exist and how informative each is (inverse document frequency). */
export interface Vocabulary {
  readonly options: FeatureOptions;
  readonly words: ReadonlyMap<string, number>;
  readonly chars: ReadonlyMap<string, number>;
  readonly idf: Float32Array;
  readonly size: number;
}

export function buildVocabulary(texts: readonly string[], options: FeatureOptions): Vocabulary {
  const wordDf = new Map<string, number>();
  const charDf = new Map<string, number>();
  for (const text of texts) {
    const { words, chars } = analyze(text, options);
    for (const word of new Set(words)) wordDf.set(word, (wordDf.get(word) ?? 0) + 1);
    for (const gram of new Set(chars)) charDf.set(gram, (charDf.get(gram) ?? 0) + 1);
  }
  const idfValues: number[] = [];
  const assign = (df: Map<string, number>) => {
    const index = new Map<string, number>();
    for (const [feature, count] of df) {
      if (count < options.minDf) continue;
      index.set(feature, idfValues.length);
      idfValues.push(Math.log((1 + texts.length) / (1 + count)) + 1);
    }
    return index;
  };
  const words = assign(wordDf);
  const chars = assign(charDf);
  return { options, words, chars, idf: Float32Array.from(idfValues), size: idfValues.length };
}

/** Sublinear TF-IDF per group, each group unit length, weighted, then the whole vector unit length. */
export function vectorize(vocabulary: Vocabulary, text: string): SparseVector {
  const { words, chars } = analyze(text, vocabulary.options);
  const wordCounts = new Map<number, number>();
  const charCounts = new Map<number, number>();
  countInto(wordCounts, words, vocabulary.words);
  countInto(charCounts, chars, vocabulary.chars);
  const combined = new Map<number, number>();
  const addGroup = (counts: Map<number, number>, weight: number) => {
    let norm = 0;
    for (const [id, count] of counts) {
      const value = (1 + Math.log(count)) * vocabulary.idf[id]!;
      counts.set(id, value);
      norm += value * value;
    }
    if (norm === 0) return;
    const scale = weight / Math.sqrt(norm);
    for (const [id, value] of counts) combined.set(id, value * scale);
  };
  addGroup(wordCounts, 1);
  addGroup(charCounts, vocabulary.options.charWeight);
  return unitVector(combined);
}
