// Features compared by nlu-select.ts (experiment code, not the product's): the product's analysis
// with switches for each variant tried.
import { foldDiacritics, normalizeText, tokenize } from '@tandem/core';
import type { Sparse } from './nlu-select-models.ts';

export interface Feat { charMode: 'across' | 'wb' | 'wb+x3'; tf: 'sublinear' | 'bm25'; charIdf: boolean; norm: 'l2' | 'l1'; words: boolean; chars: boolean; charWeight: number; joinWeight?: number; skip?: boolean; charMax?: number }
export const BASE: Feat = { charMode: 'across', tf: 'sublinear', charIdf: true, norm: 'l2', words: true, chars: true, charWeight: 1 };

export function analyze(text: string, f: Feat): { words: string[]; chars: string[]; joins: string[] } {
  const tokens = tokenize(normalizeText(text));
  const folded = tokens.map((t) => foldDiacritics(t));
  const words: string[] = [];
  if (f.words) {
    for (let i = 0; i < tokens.length; i++) {
      words.push(`w ${tokens[i]}`);
      if (folded[i] !== tokens[i]) words.push(`f ${folded[i]}`);
      if (i + 2 <= tokens.length) words.push(`2 ${folded[i]} ${folded[i + 1]}`);
      if (f.skip && i + 3 <= tokens.length) words.push(`k ${folded[i]} ${folded[i + 2]}`);
    }
  }
  const chars: string[] = [];
  if (f.chars) {
    const lines = f.charMode === 'across' ? [` ${folded.join(' ')} `] : folded.map((t) => ` ${t} `);
    for (const line of lines) {
      for (let n = 2; n <= (f.charMax ?? 5); n++) for (let i = 0; i + n <= line.length; i++) chars.push(line.slice(i, i + n));
    }
    if (f.charMode === 'wb+x3') {
      const line = ` ${folded.join(' ')} `;
      for (let i = 1; i + 3 < line.length; i++) if (line[i + 1] === ' ') chars.push(line.slice(i, i + 3));
    }
  }
  const joins: string[] = [];
  if (f.joinWeight) {
    const line = ` ${folded.join(' ')} `;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= line.length; i++) {
        const gram = line.slice(i, i + n);
        if (gram.slice(1, -1).includes(' ')) joins.push(gram);
      }
    }
  }
  return { words, chars, joins };
}

export interface Vocab { index: Map<string, number>; idf: Float64Array; isChar: Uint8Array; size: number }

export function buildVocab(texts: readonly string[], f: Feat): Vocab {
  const df = new Map<string, number>();
  for (const text of texts) {
    const { words, chars, joins } = analyze(text, f);
    for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
    for (const c of new Set(joins)) df.set(`\u0002${c}`, (df.get(`\u0002${c}`) ?? 0) + 1);
    for (const c of new Set(chars)) df.set(`\u0001${c}`, (df.get(`\u0001${c}`) ?? 0) + 1);
  }
  const index = new Map<string, number>();
  const idf: number[] = [];
  const isChar: number[] = [];
  for (const [feature, count] of df) {
    index.set(feature, idf.length);
    const char = feature.startsWith('\u0001') || feature.startsWith('\u0002');
    isChar.push(char ? 1 : 0);
    idf.push(char && !f.charIdf ? 1 : Math.log((1 + texts.length) / (1 + count)) + 1);
  }
  return { index, idf: Float64Array.from(idf), isChar: Uint8Array.from(isChar), size: idf.length };
}

export function vectorize(v: Vocab, text: string, f: Feat): Sparse {
  const { words, chars, joins } = analyze(text, f);
  const combined = new Map<number, number>();
  const group = (features: string[], prefix: string, weight: number) => {
    const counts = new Map<number, number>();
    for (const feature of features) {
      const id = v.index.get(prefix + feature);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    let norm = 0;
    for (const [id, c] of counts) {
      const value = (f.tf === 'bm25' ? (c * 2.2) / (c + 1.2) : 1 + Math.log(c)) * v.idf[id]!;
      counts.set(id, value);
      norm += f.norm === 'l1' ? value : value * value;
    }
    if (norm === 0) return;
    const scale = weight / (f.norm === 'l1' ? norm : Math.sqrt(norm));
    for (const [id, value] of counts) combined.set(id, value * scale);
  };
  group(words, '', 1);
  group(chars, '\u0001', f.charWeight);
  if (f.joinWeight) group(joins, '\u0002', f.joinWeight);
  const indices = Int32Array.from([...combined.keys()].sort((a, b) => a - b));
  const values = new Float32Array(indices.length);
  let norm = 0;
  indices.forEach((id, k) => { values[k] = combined.get(id)!; norm += f.norm === 'l1' ? values[k]! : values[k]! ** 2; });
  const scale = norm > 0 ? 1 / (f.norm === 'l1' ? norm : Math.sqrt(norm)) : 0;
  for (let k = 0; k < values.length; k++) values[k]! *= scale;
  return { indices, values };
}
