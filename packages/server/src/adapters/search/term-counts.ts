/**
 * How many documents contain each index term. It tells which query words the index knows, so
 * that only the others are looked up with typos allowed; counts keep it exact through updates.
 */
export function createTermCounts() {
  const counts = new Map<string, number>();
  return {
    /** `terms` are one document's, each once. */
    add(terms: Iterable<string>) {
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    },
    remove(terms: Iterable<string>) {
      for (const term of terms) {
        const count = counts.get(term) ?? 0;
        if (count > 1) counts.set(term, count - 1);
        else counts.delete(term);
      }
    },
    has: (term: string) => counts.has(term),
    clear: () => counts.clear(),
  };
}

export type TermCounts = ReturnType<typeof createTermCounts>;
