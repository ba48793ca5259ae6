// npm run bench:nlu [-- --smoke]: the intent classifier on the public datasets (see their README),
// against a Naive Bayes baseline measured in the same run. The full run writes bench/results/nlu.json.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { accuracy, evaluate, evaluateOutOfScope, seededRandom, shuffleInPlace, type LabelledText } from '@tandem/nlu';
import { readLabelled } from '../src/commands/nlu.ts';
import { trainNaiveBayes } from './naive-bayes.ts';

const smoke = process.argv.includes('--smoke');
const DATASETS = [process.env.TANDEM_DATASETS_DIR, resolve(import.meta.dirname, '../../../../shared/datasets'), '/work/shared/datasets']
  .filter((dir): dir is string => Boolean(dir))
  .find((dir) => existsSync(join(dir, 'banking77', 'train.csv')));
if (!DATASETS) {
  console.error('bench:nlu: no datasets folder found (set TANDEM_DATASETS_DIR to the folder holding banking77/ and massive/)');
  process.exit(smoke ? 0 : 1);
}

/** BANKING77 intents withheld for the out-of-scope measurement: every 8th of the sorted list, from the 4th. Fixed. */
export const HELD_OUT_INTENTS = [
  'apple_pay_or_google_pay', 'card_acceptance', 'card_swallowed', 'declined_cash_withdrawal', 'extra_charge_on_statement',
  'lost_or_stolen_phone', 'receiving_money', 'top_up_failed', 'transfer_timing', 'wrong_amount_of_cash_received',
];

const now = () => performance.now();
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

/** `perIntent` examples of each intent, drawn with a seed (the few-shot setting, and the smoke sample). */
function sample(examples: readonly LabelledText[], perIntent: number, seed: number): LabelledText[] {
  const byIntent = new Map<string, LabelledText[]>();
  for (const example of examples) {
    const members = byIntent.get(example.intent);
    if (members) members.push(example);
    else byIntent.set(example.intent, [example]);
  }
  const random = seededRandom(seed);
  return [...byIntent.keys()].sort().flatMap((intent) => shuffleInPlace([...byIntent.get(intent)!], random).slice(0, perIntent));
}

function baseline(train: readonly LabelledText[], test: readonly LabelledText[]) {
  const predict = trainNaiveBayes(train);
  return round(accuracy(test.map((t) => t.intent), test.map((t) => predict(t.text))));
}

async function run(name: string, train: LabelledText[], test: LabelledText[]) {
  const result = evaluate(train, test, now);
  const row = {
    dataset: name,
    train: result.trainExamples,
    test: result.testExamples,
    intents: result.intents,
    accuracy: round(result.accuracy),
    macroF1: round(result.macroF1),
    naiveBayesAccuracy: baseline(train, test),
    trainingSeconds: round(result.trainingMs / 1000, 2),
    predictP50Ms: round(result.predictP50Ms, 3),
    predictP99Ms: round(result.predictP99Ms, 3),
    threshold: result.threshold,
    accuracyAtThreshold: round(result.accuracyAtThreshold),
    abstention: round(result.abstention),
  };
  console.log(JSON.stringify(row));
  return row;
}

const banking = { train: await readLabelled(join(DATASETS, 'banking77/train.csv')), test: await readLabelled(join(DATASETS, 'banking77/test.csv')) };

if (smoke) {
  // CI's smoke check: a reduced sample, a floor far below the full figures, so a broken classifier fails loudly.
  const row = await run('banking77 smoke (20 per intent)', sample(banking.train, 20, 1), sample(banking.test, 5, 1));
  if (row.accuracy < 0.6 || row.accuracy <= row.naiveBayesAccuracy - 0.05) {
    console.error(`bench:nlu smoke: accuracy ${row.accuracy} is below the floor`);
    process.exit(1);
  }
  process.exit(0);
}

const rows = [await run('banking77', banking.train, banking.test)];
const fewShot: Awaited<ReturnType<typeof run>>[] = [];
for (let seed = 1; seed <= 5; seed++) fewShot.push(await run(`banking77 10-shot seed ${seed}`, sample(banking.train, 10, seed), banking.test));
const mean = (key: 'accuracy' | 'macroF1' | 'naiveBayesAccuracy' | 'trainingSeconds') => round(fewShot.reduce((sum, row) => sum + row[key], 0) / fewShot.length);
const outOfScope = evaluateOutOfScope(banking.train, banking.test, HELD_OUT_INTENTS, now);
console.log(JSON.stringify({ outOfScope }));
for (const locale of ['en-US', 'vi-VN', 'fa-IR']) {
  const dir = join(DATASETS, 'massive', locale);
  if (!existsSync(join(dir, 'train.csv'))) continue;
  rows.push(await run(`massive ${locale}`, await readLabelled(join(dir, 'train.csv')), await readLabelled(join(dir, 'test.csv'))));
}

const results = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  date: new Date().toISOString(),
  rows,
  fewShot: { runs: fewShot, mean: { accuracy: mean('accuracy'), macroF1: mean('macroF1'), naiveBayesAccuracy: mean('naiveBayesAccuracy'), trainingSeconds: mean('trainingSeconds') } },
  outOfScope: { ...outOfScope, knownAccuracy: round(outOfScope.knownAccuracy), knownAccuracyAnswered: round(outOfScope.knownAccuracyAnswered), knownCoverage: round(outOfScope.knownCoverage), outOfScopeAbstention: round(outOfScope.outOfScopeAbstention) },
};
const out = join(import.meta.dirname, 'results');
await mkdir(out, { recursive: true });
await writeFile(join(out, 'nlu.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${join(out, 'nlu.json')}`);
