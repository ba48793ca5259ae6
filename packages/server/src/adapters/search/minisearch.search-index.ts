import MiniSearch, { type SearchOptions } from 'minisearch';
import { LOCALES, type Locale } from '@tandem/core';
import type { SearchDocument, SearchHit, SearchIndex } from './search-index.ts';
import { FIELD_BOOSTS, fieldsFor, hasDiacritics, hasFoldedCopy, isFoldedField, stemFor, termsByField, variantsOf, wordsOf } from './search-text.ts';
import { createTermCounts } from './term-counts.ts';

/** What MiniSearch indexes: a document's terms per field, analysed once by search-text.ts. */
interface AnalysedDocument {
  id: string;
  terms: Record<string, string[]>;
}

function createLocaleIndex(locale: Locale) {
  return {
    engine: new MiniSearch<AnalysedDocument>({
      fields: fieldsFor(locale),
      storeFields: [],
      // Terms never contain spaces (they are runs of letters and digits), so a space-joined field splits back exactly.
      extractField: (document, field) => (field === 'id' ? document.id : document.terms[field]!.join(' ')),
      tokenize: (text) => (text === '' ? [] : text.split(' ')),
      processTerm: (term) => term,
    }),
    known: createTermCounts(),
  };
}

/** A word the index does not contain is looked up with typos allowed: two edits from 5 letters, because a swapped pair of letters is two Levenshtein edits. */
const typoDistance = (term: string) => (term.length >= 5 ? 2 : term.length >= 4 ? 1 : false);

/** The word being typed is completed from 3 letters, or from 2 when they carry Vietnamese diacritics ("hỏ" → "hỏng"), which already narrow it down. */
const isCompletable = (term: string, locale: Locale) => term.length >= 3 || (term.length === 2 && hasDiacritics(term, locale));

/** English stems repeat across articles, and Porter is the costliest step of indexing: one cache per rebuild. */
function cached(stem: (word: string) => string) {
  const stems = new Map<string, string>();
  return (word: string) => stems.get(word) ?? stems.set(word, stem(word)).get(word)!;
}

/**
 * The knowledge-base index on MiniSearch (BM25+ over weighted fields, prefix and fuzzy
 * matching), one per locale, in memory. Why a library in memory rather than PostgreSQL full-text
 * search, and why each rule below: docs/search.md.
 */
export function createMiniSearchIndex(): SearchIndex {
  const indexes = new Map(LOCALES.map((l) => [l, createLocaleIndex(l)]));
  const entries = new Map<string, { document: SearchDocument; boost: number }>();
  const indexOf = (locale: Locale) => indexes.get(locale)!;

  const analyse = (document: SearchDocument, stem: (word: string) => string): AnalysedDocument => {
    const terms = termsByField(document, stem);
    indexOf(document.locale).known.add(new Set(Object.values(terms).flat()));
    entries.set(document.id, { document, boost: popularity(document) });
    return { id: document.id, terms };
  };

  const remove = (id: string) => {
    const existing = entries.get(id)?.document;
    if (!existing) return;
    const { engine, known } = indexOf(existing.locale);
    engine.discard(id);
    known.remove(new Set(Object.values(termsByField(existing, stemFor(existing.locale))).flat()));
    entries.delete(id);
  };

  return {
    replaceAll(all) {
      for (const { engine, known } of indexes.values()) {
        engine.removeAll();
        known.clear();
      }
      entries.clear();
      for (const locale of LOCALES) {
        const stem = cached(stemFor(locale));
        indexOf(locale).engine.addAll(all.filter((d) => d.locale === locale).map((d) => analyse(d, stem)));
      }
    },
    upsert(document) {
      remove(document.id);
      indexOf(document.locale).engine.add(analyse(document, stemFor(document.locale)));
    },
    remove,
    search(query, { locale, limit }) {
      const words = wordsOf(query, locale);
      if (words.length === 0) return [];
      const { engine, known } = indexOf(locale);
      const stem = stemFor(locale);
      // The last word may be unfinished (search as you type), as typed or folded.
      const unfinished = new Set(variantsOf(words.at(-1)!, locale).map(stem));
      const options: SearchOptions = {
        fields: searchedFields(words, locale),
        boost: FIELD_BOOSTS,
        combineWith: 'OR',
        tokenize: () => [...new Set(words.flatMap((w) => variantsOf(w, locale)))],
        processTerm: stem,
        prefix: (term) => unfinished.has(term) && isCompletable(term, locale),
        // Only unknown words: fuzzy expansions of a known word are mostly other real words, each with its own long posting list.
        fuzzy: (term) => !known.has(term) && typoDistance(term),
      };
      // Votes and views multiply each result's score once, here, rather than once per matched
      // term and field (MiniSearch's boostDocument): the same ranking, without a call per posting.
      return engine
        .search(query, options)
        .map((r): SearchHit => ({ id: r.id as string, score: r.score * (entries.get(r.id as string)?.boost ?? 1) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    },
    size: () => entries.size,
  };
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
