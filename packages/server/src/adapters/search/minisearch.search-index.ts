import MiniSearch, { type SearchOptions } from 'minisearch';
import { stemmer } from 'stemmer';
import { LOCALES, foldDiacritics, normalizeText, tokenize, type Locale } from '@tandem/core';
import type { SearchDocument, SearchHit, SearchIndex } from './search-index.ts';

// Each text field is indexed twice: as written (normalized) and with diacritics folded. A query
// matches the folded copy whatever its diacritics, and the exact copy only when they agree, so
// "mật khẩu" outranks a document that only matches as "mat khau".
const TEXT_FIELDS = ['title', 'questions', 'summary', 'body'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const FIELDS = TEXT_FIELDS.flatMap((f) => [f, `${f}Folded`]);
const WEIGHTS: Record<TextField, number> = { title: 3, questions: 3, summary: 1.5, body: 1 };
const FOLDED_WEIGHT = 0.6;
const BOOST = Object.fromEntries(TEXT_FIELDS.flatMap((f) => [[f, WEIGHTS[f]], [`${f}Folded`, WEIGHTS[f] * FOLDED_WEIGHT]]));

function fieldText(document: SearchDocument, field: TextField): string {
  return field === 'questions' ? document.sampleQuestions.join('\n') : document[field];
}

/** English words are reduced to their stem (Porter); Vietnamese has no inflection; Persian is matched by prefix. */
function termsFor(locale: Locale) {
  return (term: string) => (locale === 'en' ? stemmer(term) : term);
}

function createLocaleIndex(locale: Locale) {
  const stem = termsFor(locale);
  return new MiniSearch<SearchDocument>({
    fields: FIELDS,
    storeFields: [],
    extractField: (document, field) => {
      if (field === 'id') return document.id;
      const folded = field.endsWith('Folded');
      const text = normalizeText(fieldText(document, (folded ? field.slice(0, -6) : field) as TextField));
      return folded ? foldDiacritics(text) : text;
    },
    tokenize: (text) => tokenize(text),
    processTerm: (term) => stem(term),
  });
}

/**
 * The knowledge-base index on MiniSearch (BM25+ over weighted fields, prefix and fuzzy
 * matching), one per locale, in memory. Why a library in memory rather than PostgreSQL full-text
 * search: docs/search.md.
 */
export function createMiniSearchIndex(): SearchIndex {
  const indexes = new Map<Locale, MiniSearch<SearchDocument>>(LOCALES.map((l) => [l, createLocaleIndex(l)]));
  const documents = new Map<string, SearchDocument>();
  const indexOf = (locale: Locale) => indexes.get(locale)!;

  const remove = (id: string) => {
    const existing = documents.get(id);
    if (!existing) return;
    indexOf(existing.locale).discard(id);
    documents.delete(id);
  };

  return {
    replaceAll(all) {
      for (const index of indexes.values()) index.removeAll();
      documents.clear();
      for (const document of all) documents.set(document.id, document);
      for (const locale of LOCALES) indexOf(locale).addAll(all.filter((d) => d.locale === locale));
    },
    upsert(document) {
      remove(document.id);
      documents.set(document.id, document);
      indexOf(document.locale).add(document);
    },
    remove,
    search(query, { locale, limit }) {
      const normalized = normalizeText(query);
      const terms = tokenize(normalized);
      if (terms.length === 0) return [];
      const stem = termsFor(locale);
      // Each word is looked up as typed and folded; the last word may be unfinished (search as you type).
      const options: SearchOptions = {
        fields: FIELDS,
        boost: BOOST,
        combineWith: 'OR',
        tokenize: (text) => [...new Set(tokenize(text).flatMap((t) => [t, foldDiacritics(t)]))],
        processTerm: (term) => stem(term),
        prefix: (term, i, all) => i >= all.length - 2 || term.length >= 5,
        // A swapped pair of letters is two edits in Levenshtein distance, so words of 5+ letters allow two.
        fuzzy: (term) => (term.length >= 5 ? 2 : term.length >= 4 ? 1 : false),
        boostDocument: (id) => popularity(documents.get(id as string)),
      };
      return indexOf(locale)
        .search(normalized, options)
        .slice(0, limit)
        .map((r) => ({ id: r.id as string, score: r.score }));
    },
    size: () => documents.size,
  };
}

/** Between 0.8 and 1.3: votes and views break ties, they never bury a better text match. */
function popularity(document: SearchDocument | undefined): number {
  if (!document) return 1;
  const votes = document.helpful + document.notHelpful;
  const helpfulness = votes === 0 ? 0.5 : (document.helpful + 1) / (votes + 2);
  return 0.8 + 0.3 * helpfulness + 0.2 * Math.min(1, Math.log10(1 + document.views) / 4);
}
