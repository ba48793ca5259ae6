import MiniSearch, { type SearchOptions } from 'minisearch';
import { stemmer } from 'stemmer';
import { LOCALES, foldDiacritics, isStopWord, normalizeText, tokenize, type Locale } from '@tandem/core';
import type { SearchDocument, SearchIndex } from './search-index.ts';

const TEXT_FIELDS = ['title', 'questions', 'summary', 'body'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const WEIGHTS: Record<TextField, number> = { title: 3, questions: 3, summary: 1.5, body: 1 };
const FOLDED_WEIGHT = 0.6;

// Vietnamese text is indexed twice: as written and with diacritics folded. A query matches the
// folded copy whatever its diacritics, and the exact copy only when they agree, so "mật khẩu"
// outranks a document that only matches as "mat khau". English has no diacritics to fold, and
// Persian's (آ, hamza) are folded in place: one copy each, half the work.
const FOLDED_LOCALES: ReadonlySet<Locale> = new Set(['vi']);
const fieldsFor = (locale: Locale) => (FOLDED_LOCALES.has(locale) ? TEXT_FIELDS.flatMap((f) => [f, `${f}Folded`]) : [...TEXT_FIELDS]);
const BOOST = Object.fromEntries(TEXT_FIELDS.flatMap((f) => [[f, WEIGHTS[f]], [`${f}Folded`, WEIGHTS[f] * FOLDED_WEIGHT]]));

function fieldText(document: SearchDocument, field: TextField): string {
  return field === 'questions' ? document.sampleQuestions.join('\n') : document[field];
}

/** English words are reduced to their stem (Porter); Vietnamese has no inflection; Persian is matched by prefix. */
function termsFor(locale: Locale) {
  return (term: string) => (locale === 'en' ? stemmer(term) : term);
}

/** The words of text that carry meaning, normalized (and, for Persian, folded in place). */
function wordsOf(text: string, locale: Locale): string[] {
  const words = tokenize(normalizeText(text)).filter((word) => !isStopWord(word, locale));
  return locale === 'fa' ? words.map(foldDiacritics) : words;
}

/** A query word and, where a folded copy is indexed, its folded form. */
const variantsOf = (word: string, locale: Locale) => (FOLDED_LOCALES.has(locale) ? [word, foldDiacritics(word)] : [word]);

function createLocaleIndex(locale: Locale) {
  const stem = termsFor(locale);
  return new MiniSearch<SearchDocument>({
    fields: fieldsFor(locale),
    storeFields: [],
    extractField: (document, field) => (field === 'id' ? document.id : fieldText(document, field.replace(/Folded$/, '') as TextField)),
    tokenize: (text, field) => {
      const words = wordsOf(text, locale);
      return field?.endsWith('Folded') ? words.map(foldDiacritics) : words;
    },
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
      const words = wordsOf(query, locale);
      if (words.length === 0) return [];
      const stem = termsFor(locale);
      // Each word is looked up as typed and folded; the last one may be unfinished (search as you type).
      const last = words.at(-1)!;
      const unfinished = new Set(variantsOf(last, locale).map(stem));
      const options: SearchOptions = {
        fields: fieldsFor(locale),
        boost: BOOST,
        combineWith: 'OR',
        tokenize: () => [...new Set(words.flatMap((w) => variantsOf(w, locale)))],
        processTerm: (term) => stem(term),
        prefix: (term) => term.length >= 3 && unfinished.has(term),
        // A swapped pair of letters is two edits in Levenshtein distance, so words of 5+ letters allow two.
        fuzzy: (term) => (term.length >= 5 ? 2 : term.length >= 4 ? 1 : false),
        boostDocument: (id) => popularity(documents.get(id as string)),
      };
      return indexOf(locale)
        .search(query, options)
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
