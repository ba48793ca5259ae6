import { emptyFilter, type Filter } from './views.ts';

export interface SavedFilter {
  id: string;
  name: string;
  filter: Filter;
}

/** An agent's saved filters, kept in this browser. */
export function loadSavedFilters(storage: Storage, key: string): SavedFilter[] {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? '[]') as SavedFilter[];
    return Array.isArray(parsed) ? parsed.map((f) => ({ ...f, filter: { ...emptyFilter, ...f.filter } })) : [];
  } catch {
    return [];
  }
}

export function storeSavedFilters(storage: Storage, key: string, filters: readonly SavedFilter[]): void {
  storage.setItem(key, JSON.stringify(filters));
}

export const isEmptyFilter = (filter: Filter) => Object.values(filter).every((list: unknown[]) => list.length === 0);
