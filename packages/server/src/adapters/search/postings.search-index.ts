import { LOCALES, type Locale } from '@tandem/core';
import { createPostings, type TermMatch } from './postings.ts';
import type { SearchDocument, SearchIndex } from './search-index.ts';
import { FIELD_BOOSTS, fieldsFor, hasDiacritics, hasFoldedCopy, isFoldedField, stemFor, termsByField, variantsOf, wordsOf } from './search-text.ts';
import { createTermTrie } from './term-trie.ts';

// The weights of completions and typo matches against an exact match, kept from MiniSearch so
// that rankings did not move when we replaced it.
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** A word the index does not contain is looked up with typos allowed: two edits from 5 letters, because a swapped pair of letters is two Levenshtein edits. */
const typoDistance = (term: string) => (term.length >= 5 ? 2 : term.length >= 4 ? 1 : 0);

/** The word being typed is completed from 3 letters, or from 2 when they carry Vietnamese diacritics ("hỏ" → "hỏng"), which already narrow it down. */
const isCompletable = (term: string, locale: Locale) => term.length >= 3 || (term.length === 2 && hasDiacritics(term, locale));

/** One locale's documents, numbered by slot; a removed document's slot is reused by the next one added. */
function createLocaleIndex(locale: Locale) {
  const fields = fieldsFor(locale);
  return {
    fields,
    postings: createPostings(fields.length),
    trie: createTermTrie(),
    slots: new Map<string, number>(),
    ids: [] as (string | undefined)[],
    boosts: [] as number[],
    free: [] as number[],
  };
}
type LocaleIndex = ReturnType<typeof createLocaleIndex>;

const fieldTerms = (index: LocaleIndex, document: SearchDocument, stem: (word: string) => string) => {
  const byField = termsByField(document, stem);
  return index.fields.map((field) => byField[field]!);
};

/** The same English words recur across articles: a rebuild stems each of them once. */
function cached(stem: (word: string) => string) {
  const stems = new Map<string, string>();
  return (word: string) => stems.get(word) ?? stems.set(word, stem(word)).get(word)!;
}

/**
 * The knowledge-base index: BM25+ over weighted fields on our own postings, one per locale, in
 * memory. Why not MiniSearch or PostgreSQL full-text search, and why each rule below: docs/search.md.
 */
export function createPostingsIndex(): SearchIndex {
  const indexes = new Map(LOCALES.map((l) => [l, createLocaleIndex(l)]));
  const documents = new Map<string, SearchDocument>();
  const indexOf = (locale: Locale) => indexes.get(locale)!;

  const add = (document: SearchDocument, stem: (word: string) => string) => {
    const index = indexOf(document.locale);
    const slot = index.free.pop() ?? index.ids.length;
    index.ids[slot] = document.id;
    index.boosts[slot] = popularity(document);
    index.slots.set(document.id, slot);
    documents.set(document.id, document);
    for (const term of index.postings.add(slot, fieldTerms(index, document, stem))) index.trie.add(term);
  };

  const remove = (id: string) => {
    const document = documents.get(id);
    if (!document) return;
    const index = indexOf(document.locale);
    const slot = index.slots.get(id)!;
    for (const term of index.postings.remove(slot, fieldTerms(index, document, stemFor(document.locale)))) index.trie.delete(term);
    index.slots.delete(id);
    index.ids[slot] = undefined;
    index.free.push(slot);
    documents.delete(id);
  };

  return {
    replaceAll(all) {
      for (const locale of LOCALES) indexes.set(locale, createLocaleIndex(locale));
      documents.clear();
      const stems = new Map(LOCALES.map((l) => [l, cached(stemFor(l))]));
      for (const document of all) add(document, stems.get(document.locale)!);
    },
    upsert(document) {
      remove(document.id);
      add(document, stemFor(document.locale));
    },
    remove,
    search(query, { locale, limit }) {
      const words = wordsOf(query, locale);
      if (words.length === 0 || limit <= 0) return [];
      const index = indexOf(locale);
      const searched = new Set(searchedFields(words, locale));
      const fields = index.fields.flatMap((field, i) => (searched.has(field) ? [i] : []));
      const boosts = index.fields.map((field) => FIELD_BOOSTS[field]!);
      return index.postings
        .top(plan(index, words, locale), { fields, boosts, slotBoost: (slot) => index.boosts[slot]!, limit })
        .map(({ slot, score }) => ({ id: index.ids[slot]!, score }));
    },
    size: () => documents.size,
  };
}

/** The terms to look up for a query: each word as typed (and folded), completions of the last one, typo variants of unknown ones. */
function plan(index: LocaleIndex, words: readonly string[], locale: Locale): TermMatch[] {
  const stem = stemFor(locale);
  // The last word may be unfinished (search as you type), as typed or folded.
  const unfinished = new Set(variantsOf(words.at(-1)!, locale).map(stem));
  const terms = [...new Set(words.flatMap((w) => variantsOf(w, locale)).map(stem))];
  const matches: TermMatch[] = [];
  // Matches are pushed grouped by source (the distinct query term they stand for), as top() expects.
  for (const [source, term] of terms.entries()) {
    matches.push({ source, term, weight: 1 });
    const completes = unfinished.has(term) && isCompletable(term, locale);
    if (completes) {
      for (const t of index.trie.withPrefix(term)) {
        if (t !== term) matches.push({ source, term: t, weight: (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * (t.length - term.length)) });
      }
    }
    // Only unknown words: typo variants of a known word are mostly other real words, each with its own long posting list.
    const distance = index.postings.has(term) ? 0 : typoDistance(term);
    if (distance === 0) continue;
    for (const [t, d] of index.trie.within(term, distance)) {
      if (d > 0 && !(completes && t.startsWith(term))) matches.push({ source, term: t, weight: (FUZZY_WEIGHT * t.length) / (t.length + d) });
    }
  }
  return matches;
}

/**
 * A Vietnamese query typed without any diacritics says nothing about them, so it is looked up in
 * the folded copy only: an article's words that happen to have no diacritics ("treo", "app")
 * would otherwise match both copies and outweigh the words that do.
 */
function searchedFields(words: readonly string[], locale: Locale): string[] {
  const fields = fieldsFor(locale);
  if (!hasFoldedCopy(locale) || words.some((w) => hasDiacritics(w, locale))) return fields;
  return fields.filter(isFoldedField);
}

/** Between 0.8 and 1.3: votes and views break ties, they never bury a better text match. */
function popularity(document: SearchDocument): number {
  const votes = document.helpful + document.notHelpful;
  const helpfulness = votes === 0 ? 0.5 : (document.helpful + 1) / (votes + 2);
  return 0.8 + 0.3 * helpfulness + 0.2 * Math.min(1, Math.log10(1 + document.views) / 4);
}
