import { stemmer } from 'stemmer';
import { foldDiacritics, isStopWord, normalizeText, tokenize, type Locale } from '@tandem/core';
import type { SearchDocument } from './search-index.ts';

// How article text becomes index terms, per locale. Indexing and querying both go through here,
// so the two sides always agree.

const TEXT_FIELDS = ['title', 'questions', 'summary', 'body'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const WEIGHTS: Record<TextField, number> = { title: 3, questions: 3, summary: 1.5, body: 1 };
const FOLDED_WEIGHT = 0.6;
const FOLDED = 'Folded';

// Vietnamese text is indexed twice: as written and with diacritics folded. A query matches the
// folded copy whatever its diacritics, and the exact copy only when they agree, so "mật khẩu"
// outranks a document that only matches as "mat khau". English has no diacritics to fold, and
// Persian's (آ, hamza) are folded in place: one copy each, half the work.
const FOLDED_LOCALES: ReadonlySet<Locale> = new Set(['vi']);

export const hasFoldedCopy = (locale: Locale) => FOLDED_LOCALES.has(locale);

/** The index fields of a locale: the text fields, and for Vietnamese their folded copies. */
export const fieldsFor = (locale: Locale): string[] => (hasFoldedCopy(locale) ? TEXT_FIELDS.flatMap((f) => [f, `${f}${FOLDED}`]) : [...TEXT_FIELDS]);
export const isFoldedField = (field: string) => field.endsWith(FOLDED);
export const FIELD_BOOSTS: Record<string, number> = Object.fromEntries(
  TEXT_FIELDS.flatMap((f) => [[f, WEIGHTS[f]], [`${f}${FOLDED}`, WEIGHTS[f] * FOLDED_WEIGHT]]),
);

/** English words are reduced to their stem (Porter); Vietnamese has no inflection; Persian is matched by prefix. */
export const stemFor = (locale: Locale) => (locale === 'en' ? stemmer : (word: string) => word);

// No language's words run longer; longer runs are codes or encoded data (a base64 image in an
// article), which nobody searches for, and each of their letters is a level of the term trie
// that prefix search walks recursively: thousands of them overflowed the stack (a 500).
const MAX_WORD_LENGTH = 64;

/** The words of text that carry meaning, normalized (and, for Persian, folded in place). */
export function wordsOf(text: string, locale: Locale): string[] {
  const words = tokenize(normalizeText(text)).filter((word) => word.length <= MAX_WORD_LENGTH && !isStopWord(word, locale));
  return locale === 'fa' ? words.map(foldDiacritics) : words;
}

/** A query word and, where a folded copy is indexed, its folded form. */
export const variantsOf = (word: string, locale: Locale) => (hasFoldedCopy(locale) ? [word, foldDiacritics(word)] : [word]);

/** Whether a word carries diacritics that a folded copy would drop (Vietnamese "mật", not "mat"). */
export const hasDiacritics = (word: string, locale: Locale) => hasFoldedCopy(locale) && foldDiacritics(word) !== word;

/** A document's terms per index field, stemmed and folded as indexed. */
export function termsByField(document: SearchDocument, stem: (word: string) => string): Record<string, string[]> {
  const terms: Record<string, string[]> = {};
  for (const field of TEXT_FIELDS) {
    const words = wordsOf(field === 'questions' ? document.sampleQuestions.join('\n') : document[field], document.locale);
    terms[field] = words.map(stem);
    if (hasFoldedCopy(document.locale)) terms[`${field}${FOLDED}`] = words.map((w) => stem(foldDiacritics(w)));
  }
  return terms;
}
