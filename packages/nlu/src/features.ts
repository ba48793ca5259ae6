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
  /**
   * Where character n-grams run: across the whole text, or inside each word (padded with a space
   * each side). Absent means `text`, as in models stored before this option existed.
   */
  charSpan?: 'text' | 'words';
  /** With `charSpan: 'words'`, the weight of the group of n-grams that span a space ("p u" in "top up"). */
  joinWeight?: number;
  /**
   * How repeats of a feature in one text count: 1 + log(count), or BM25's saturation (k1 = 1.2).
   * Models stored before this option existed lack it, and mean `log`.
   */
  termFrequency?: 'log' | 'bm25';
  /** Whether character n-grams are weighted by inverse document frequency (words always are); absent means yes. */
  charIdf?: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  wordNgrams: 2, charMin: 2, charMax: 5, charWeight: 1, minDf: 1, charSpan: 'words', joinWeight: 0.5, termFrequency: 'bm25', charIdf: false,
};

const BM25_K1 = 1.2;

interface Analyzed {
  words: string[];
  chars: string[];
  /** Character n-grams spanning a space, kept in the character vocabulary behind a marker. */
  joins: string[];
}

const JOIN = '\u0002';

/**
 * The raw features of a text. Words keep their diacritics (Vietnamese tones tell words apart)
 * and are also added folded, so "mat khau" typed without accents still meets "mật khẩu";
 * character n-grams run over the folded text and survive typos, Persian spacing variants and
 * word forms. Word pairs matter for Vietnamese, whose spaces separate syllables, not words.
 * N-grams inside words generalise better from a few examples per intent; those spanning a space
 * are kept as a lighter group of their own, as without them a request that follows a greeting in
 * another language ("chào bạn, where is my order?") loses to the greeting.
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
  const joins: string[] = [];
  const line = ` ${folded.join(' ')} `;
  const byWord = options.charSpan === 'words';
  for (let n = options.charMin; n <= options.charMax; n++) {
    for (let i = 0; i + n <= line.length; i++) {
      const gram = line.slice(i, i + n);
      if (!byWord || !gram.slice(1, -1).includes(' ')) chars.push(gram);
      else if (n >= 3) joins.push(JOIN + gram);
    }
  }
  return { words, chars, joins };
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
    const { words, chars, joins } = analyze(text, options);
    for (const word of new Set(words)) wordDf.set(word, (wordDf.get(word) ?? 0) + 1);
    for (const gram of new Set([...chars, ...joins])) charDf.set(gram, (charDf.get(gram) ?? 0) + 1);
  }
  const idfValues: number[] = [];
  const assign = (df: Map<string, number>, weighted: boolean) => {
    const index = new Map<string, number>();
    for (const [feature, count] of df) {
      if (count < options.minDf) continue;
      index.set(feature, idfValues.length);
      idfValues.push(weighted ? Math.log((1 + texts.length) / (1 + count)) + 1 : 1);
    }
    return index;
  };
  const words = assign(wordDf, true);
  const chars = assign(charDf, options.charIdf !== false);
  return { options, words, chars, idf: Float32Array.from(idfValues), size: idfValues.length };
}

/** BM25 saturation or 1 + log: both count a feature seen once as 1, and a repeated one less than linearly. */
function termWeight(count: number, options: FeatureOptions): number {
  return options.termFrequency === 'bm25' ? (count * (BM25_K1 + 1)) / (count + BM25_K1) : 1 + Math.log(count);
}

/** TF-IDF per group, each group unit length, weighted, then the whole vector unit length. */
export function vectorize(vocabulary: Vocabulary, text: string): SparseVector {
  const { words, chars, joins } = analyze(text, vocabulary.options);
  const wordCounts = new Map<number, number>();
  const charCounts = new Map<number, number>();
  const joinCounts = new Map<number, number>();
  countInto(wordCounts, words, vocabulary.words);
  countInto(charCounts, chars, vocabulary.chars);
  countInto(joinCounts, joins, vocabulary.chars);
  const combined = new Map<number, number>();
  const addGroup = (counts: Map<number, number>, weight: number) => {
    let norm = 0;
    for (const [id, count] of counts) {
      const value = termWeight(count, vocabulary.options) * vocabulary.idf[id]!;
      counts.set(id, value);
      norm += value * value;
    }
    if (norm === 0) return;
    const scale = weight / Math.sqrt(norm);
    for (const [id, value] of counts) combined.set(id, value * scale);
  };
  addGroup(wordCounts, 1);
  addGroup(charCounts, vocabulary.options.charWeight);
  addGroup(joinCounts, vocabulary.options.joinWeight ?? 0);
  return unitVector(combined);
}
