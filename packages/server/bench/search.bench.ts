// Knowledge-base search: relevance on labelled queries (bench/data) against the demo knowledge
// base, and latency with 10,000 articles loaded. Prints a table and writes bench/results/search.json.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { LOCALES, type Locale } from '@tandem/core';
import { createPostingsIndex } from '../src/adapters/search/postings.search-index.ts';
import type { SearchDocument } from '../src/adapters/search/search-index.ts';
import { loadDemoKnowledgeBase } from '../src/admin/demo-kb.ts';
import type { LocalizedArticle } from '../src/features/kb/kb-folder.ts';
import { machineInfo } from './report.ts';
import { percentile, round } from './stats.ts';

interface LabelledQuery {
  query: string;
  expected: string;
  kind: string;
}

const LATENCY_ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);

const toDocument = (a: LocalizedArticle, id = `${a.locale}:${a.meta.key}`): SearchDocument => ({
  id,
  locale: a.locale,
  title: a.meta.title,
  sampleQuestions: a.meta.sampleQuestions,
  summary: a.meta.summary,
  body: a.body,
  views: 0,
  helpful: 0,
  notHelpful: 0,
});

async function queriesFor(locale: Locale): Promise<LabelledQuery[]> {
  return JSON.parse(await readFile(new URL(`./data/search-queries.${locale}.json`, import.meta.url), 'utf8')) as LabelledQuery[];
}

function relevance(index: ReturnType<typeof createPostingsIndex>, locale: Locale, queries: LabelledQuery[]) {
  const byKind = new Map<string, { n: number; at1: number; at5: number; rr: number }>();
  const misses: string[] = [];
  for (const q of queries) {
    const ids = index.search(q.query, { locale, limit: 5 }).map((h) => h.id.split(':')[1]);
    const rank = ids.indexOf(q.expected) + 1;
    for (const kind of ['all', q.kind]) {
      const s = byKind.get(kind) ?? { n: 0, at1: 0, at5: 0, rr: 0 };
      s.n++;
      if (rank === 1) s.at1++;
      if (rank >= 1) s.at5++;
      if (rank >= 1) s.rr += 1 / rank;
      byKind.set(kind, s);
    }
    if (rank === 0) misses.push(`${q.query} → ${q.expected} (got ${ids.slice(0, 3).join(', ') || 'nothing'})`);
  }
  const figures = Object.fromEntries([...byKind].map(([kind, s]) => [kind, { queries: s.n, recallAt1: round(s.at1 / s.n, 3), recallAt5: round(s.at5 / s.n, 3), mrr: round(s.rr / s.n, 3) }]));
  return { figures, misses };
}

/** Articles made from the demo ones, each different: paragraphs of three articles and a numbered title. */
function synthesize(articles: LocalizedArticle[], count: number): SearchDocument[] {
  const documents = articles.map((a) => toDocument(a));
  for (let n = 0; documents.length < count; n++) {
    const [a, b, c] = [articles[n % articles.length]!, articles[(n * 7 + 3) % articles.length]!, articles[(n * 13 + 5) % articles.length]!];
    const sameLocale = [b, c].filter((x) => x.locale === a.locale);
    documents.push({
      ...toDocument(a, `${a.locale}:synthetic-${n}`),
      title: `${a.meta.title} ${n}`,
      body: [a.body, ...sameLocale.map((x) => x.body.split('\n\n')[1] ?? '')].join('\n\n'),
      views: n % 500,
    });
  }
  return documents;
}

// synthesize() mixes articles by position: keep the order the published figures were measured
// with (locales as in LOCALES, then keys), whatever order the folder lists them in.
const articles = (await loadDemoKnowledgeBase()).articles.sort(
  (a, b) => LOCALES.indexOf(a.locale) - LOCALES.indexOf(b.locale) || (a.meta.key < b.meta.key ? -1 : 1),
);
const index = createPostingsIndex();
index.replaceAll(articles.map((a) => toDocument(a)));
const results: Record<string, unknown> = {};
const allQueries: Array<LabelledQuery & { locale: Locale }> = [];
for (const locale of LOCALES) {
  const queries = await queriesFor(locale);
  allQueries.push(...queries.map((q) => ({ ...q, locale })));
  const { figures, misses } = relevance(index, locale, queries);
  results[locale] = figures;
  console.log(`\n${locale}: ${articles.filter((a) => a.locale === locale).length} articles`);
  console.log('| kind | queries | recall@1 | recall@5 | MRR |\n|---|---|---|---|---|');
  for (const [kind, f] of Object.entries(figures)) console.log(`| ${kind} | ${f.queries} | ${f.recallAt1} | ${f.recallAt5} | ${f.mrr} |`);
  if (process.env.BENCH_DEBUG) for (const miss of misses) console.log(`  miss: ${miss}`);
}

const big = createPostingsIndex();
const started = performance.now();
big.replaceAll(synthesize(articles, LATENCY_ARTICLES));
const indexSeconds = (performance.now() - started) / 1000;
for (const q of allQueries) big.search(q.query, { locale: q.locale, limit: 10 }); // warm-up
const timings: number[] = [];
const byQuery = new Map(allQueries.map((q) => [q, [] as number[]]));
for (let round = 0; round < 5; round++) {
  for (const q of allQueries) {
    const t0 = performance.now();
    big.search(q.query, { locale: q.locale, limit: 10 });
    timings.push(performance.now() - t0);
    byQuery.get(q)!.push(timings.at(-1)!);
  }
}
const latency = { articles: big.size(), searches: timings.length, indexSeconds: round(indexSeconds, 2), p50Ms: round(percentile(timings, 0.5), 2), p99Ms: round(percentile(timings, 0.99), 2), maxMs: round(Math.max(...timings), 2) };
if (process.env.BENCH_DEBUG) {
  const slowest = [...byQuery].map(([q, times]) => ({ q, median: percentile(times, 0.5) })).sort((a, b) => b.median - a.median);
  for (const { q, median } of slowest.slice(0, 20)) console.log(`  slow: ${round(median, 1)} ms (median of 5) ${q.locale} ${q.kind} "${q.query}"`);
}
console.log(`\nlatency with ${latency.articles} articles (indexed in ${latency.indexSeconds} s): p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms over ${latency.searches} searches`);

const target = new URL('./results/search.json', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, `${JSON.stringify({ machine: machineInfo(), relevance: results, latency }, null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
