import type { Locale } from '@tandem/core';

/** One searchable article in one locale. */
export interface SearchDocument {
  id: string;
  locale: Locale;
  title: string;
  sampleQuestions: readonly string[];
  summary: string;
  body: string;
  /** Views, and helpful / not helpful votes: they lift or lower an article among equals. */
  views: number;
  helpful: number;
  notHelpful: number;
}

export interface SearchHit {
  id: string;
  score: number;
}

/** The port features search articles through; one instance holds one workspace's articles. */
export interface SearchIndex {
  replaceAll(documents: readonly SearchDocument[]): void;
  upsert(document: SearchDocument): void;
  remove(id: string): void;
  search(query: string, options: { locale: Locale; limit: number }): SearchHit[];
  size(): number;
}
