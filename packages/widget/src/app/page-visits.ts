import type { KeyValueStorage } from '../state/safe-storage.ts';

const WINDOW_SECONDS = 7 * 24 * 60 * 60;
// Enough for any repeat_visits rule (at most 50 visits) while the entry stays a few kB.
const MAX_PAGES = 100;
const MAX_VISITS_PER_PAGE = 50;

/** Page key → visit times (epoch seconds, oldest first). */
type VisitLog = Record<string, number[]>;

/**
 * Records a view of `url` (without its hash) and returns the views of that page in the last 7
 * days, this one included. Pages are kept as hashes: the count needs no more, and a query
 * string may carry a token that has no business in localStorage.
 */
export function recordPageVisit(storage: KeyValueStorage, key: string, url: string, now: number): number {
  const at = Math.floor(now / 1000);
  const page = hashOf(url.split('#')[0] ?? url);
  const log = readLog(storage.getItem(key), at - WINDOW_SECONDS);
  const visits = [...(log[page] ?? []), at].slice(-MAX_VISITS_PER_PAGE);
  log[page] = visits;
  // Past the cap, the pages seen longest ago go first.
  const kept = Object.entries(log)
    .sort(([, a], [, b]) => (a[a.length - 1] ?? 0) - (b[b.length - 1] ?? 0))
    .slice(-MAX_PAGES);
  storage.setItem(key, JSON.stringify(Object.fromEntries(kept)));
  return visits.length;
}

function readLog(raw: string | null, since: number): VisitLog {
  const log: VisitLog = {};
  let parsed: unknown;
  try {
    parsed = raw ? JSON.parse(raw) : null;
  } catch (error) {
    // A corrupt entry (another script, a manual edit) starts the count over.
    if (error instanceof SyntaxError) return log;
    throw error;
  }
  if (!parsed || typeof parsed !== 'object') return log;
  for (const [page, times] of Object.entries(parsed as Record<string, unknown>)) {
    const recent = Array.isArray(times) ? times.filter((t): t is number => typeof t === 'number' && t > since) : [];
    if (recent.length) log[page] = recent;
  }
  return log;
}

/** FNV-1a, 32 bits, in base 36: short, and collisions among a hundred pages are negligible. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `p${hash.toString(36)}`;
}
