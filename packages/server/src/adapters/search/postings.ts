// BM25+ with the parameters MiniSearch used (k 1.2, b 0.7, d 0.5), so rankings did not move when
// we replaced it: the benchmark's top 10 is identical for every labelled query.
const K = 1.2;
const B = 0.7;
const D = 0.5;

interface FieldPostings {
  slots: number[];
  freqs: number[];
}

/** One term a query looks up: the query word it stands for (matches are counted per word) and its weight (exact, prefix or typo). */
export interface TermMatch {
  source: number;
  term: string;
  weight: number;
}

export interface ScoredSlot {
  slot: number;
  score: number;
}

export interface TopOptions {
  /** The fields searched, by number, and every field's weight. */
  fields: readonly number[];
  boosts: readonly number[];
  /** Popularity: applied once per result, not once per posting. */
  slotBoost: (slot: number) => number;
  limit: number;
}

/**
 * The postings of one locale's documents, which are numbered slots. Scores accumulate in typed
 * arrays reused across searches, stamped rather than cleared: no object per matched document,
 * so a broad query leaves no garbage to collect.
 */
export function createPostings(fieldCount: number) {
  const terms = new Map<string, (FieldPostings | undefined)[]>();
  const lengths: number[][] = Array.from({ length: fieldCount }, () => []);
  const totals: number[] = new Array<number>(fieldCount).fill(0);
  let live = 0;
  let scores = new Float64Array(1024);
  let seenAt = new Float64Array(1024);
  let lastSource = new Float64Array(1024);
  let matchedSources = new Uint16Array(1024);
  let stamp = 0;

  const grow = (slot: number) => {
    if (slot < scores.length) return;
    const size = Math.max(slot + 1, scores.length * 2);
    const bigger = <T extends Float64Array | Uint16Array>(array: T, make: (n: number) => T) => {
      const copy = make(size);
      copy.set(array);
      return copy;
    };
    scores = bigger(scores, (n) => new Float64Array(n));
    seenAt = bigger(seenAt, (n) => new Float64Array(n));
    lastSource = bigger(lastSource, (n) => new Float64Array(n));
    matchedSources = bigger(matchedSources, (n) => new Uint16Array(n));
  };

  return {
    has: (term: string) => terms.has(term),

    /** Adds a document's terms per field; returns the terms new to the index. */
    add(slot: number, fields: readonly (readonly string[])[]): string[] {
      grow(slot);
      const added: string[] = [];
      fields.forEach((fieldTerms, field) => {
        const freqs = new Map<string, number>();
        for (const term of fieldTerms) freqs.set(term, (freqs.get(term) ?? 0) + 1);
        lengths[field]![slot] = freqs.size;
        totals[field]! += freqs.size;
        for (const [term, freq] of freqs) {
          let byField = terms.get(term);
          if (!byField) {
            byField = [];
            terms.set(term, byField);
            added.push(term);
          }
          const postings = (byField[field] ??= { slots: [], freqs: [] });
          postings.slots.push(slot);
          postings.freqs.push(freq);
        }
      });
      live++;
      return added;
    },

    /** Removes a document, given the terms it was added with; returns the terms gone from the index. */
    remove(slot: number, fields: readonly (readonly string[])[]): string[] {
      const removed: string[] = [];
      fields.forEach((fieldTerms, field) => {
        totals[field]! -= lengths[field]![slot] ?? 0;
        for (const term of new Set(fieldTerms)) {
          const byField = terms.get(term);
          const postings = byField?.[field];
          const at = postings ? postings.slots.indexOf(slot) : -1;
          if (!byField || !postings || at < 0) continue;
          // Postings are unordered, so the last one fills the gap: no shifting.
          postings.slots[at] = postings.slots.at(-1)!;
          postings.freqs[at] = postings.freqs.at(-1)!;
          postings.slots.pop();
          postings.freqs.pop();
          if (postings.slots.length === 0) byField[field] = undefined;
          if (byField.every((p) => !p)) {
            terms.delete(term);
            removed.push(term);
          }
        }
      });
      live--;
      return removed;
    },

    /**
     * The best `limit` slots: BM25+ summed over matches and fields, times the number of distinct
     * query words matched (as MiniSearch did), times the slot's boost. Matches come grouped by source.
     */
    top(matches: readonly TermMatch[], options: TopOptions): ScoredSlot[] {
      const search = ++stamp;
      const touched: number[] = [];
      let source = -1;
      let sourceStamp = 0;
      for (const match of matches) {
        const byField = terms.get(match.term);
        if (!byField) continue;
        if (match.source !== source) {
          source = match.source;
          sourceStamp = ++stamp;
        }
        for (const field of options.fields) {
          const postings = byField[field];
          if (!postings) continue;
          const { slots, freqs } = postings;
          const n = slots.length;
          const weight = match.weight * options.boosts[field]! * Math.log(1 + (live - n + 0.5) / (n + 0.5));
          const norm = (B * live) / totals[field]!;
          const fieldLengths = lengths[field]!;
          for (let i = 0; i < n; i++) {
            const slot = slots[i]!;
            const tf = freqs[i]!;
            const score = weight * (D + (tf * (K + 1)) / (tf + K * (1 - B + norm * fieldLengths[slot]!)));
            if (seenAt[slot] !== search) {
              seenAt[slot] = search;
              scores[slot] = score;
              lastSource[slot] = sourceStamp;
              matchedSources[slot] = 1;
              touched.push(slot);
            } else {
              scores[slot]! += score;
              if (lastSource[slot] !== sourceStamp) {
                lastSource[slot] = sourceStamp;
                matchedSources[slot]!++;
              }
            }
          }
        }
      }
      const found: ScoredSlot[] = [];
      for (const slot of touched) insertBest(found, { slot, score: scores[slot]! * matchedSources[slot]! * options.slotBoost(slot) }, options.limit);
      return found;
    },
  };
}

/** Keeps `found` the best `limit` hits, best first; among equals, the first found stays first. */
function insertBest(found: ScoredSlot[], hit: ScoredSlot, limit: number) {
  if (found.length === limit && !(hit.score > found[limit - 1]!.score)) return;
  let i = found.length === limit ? limit - 1 : found.push(hit) - 1;
  for (; i > 0 && found[i - 1]!.score < hit.score; i--) found[i] = found[i - 1]!;
  found[i] = hit;
}
