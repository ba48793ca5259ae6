// Model selection for the intent classifier, on training data only (never a test split):
// BANKING77 as an 80/20 split of train.csv, 10-shot BANKING77 (10 per intent from train.csv,
// scored on the rest of train.csv), and MASSIVE train → dev. Prints one JSON line per
// (task, variant) with held-out accuracy. Usage: tsx bench/nlu-select.ts <group> [tasks]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seededRandom, shuffleInPlace, type LabelledText } from '@tandem/nlu';
import { readLabelled } from '../src/commands/nlu.ts';
import { BASE, buildVocab, vectorize, type Feat } from './nlu-select-features.ts';
import { argmax, centroidRows, scores, trainRows, trainSoftmax, type ModelSpec, type Sparse } from './nlu-select-models.ts';

const DATASETS = [process.env.TANDEM_DATASETS_DIR, resolve(import.meta.dirname, '../../../../shared/datasets'), '/work/shared/datasets']
  .filter((dir): dir is string => Boolean(dir))
  .find((dir) => existsSync(join(dir, 'banking77', 'train.csv')))!;

/** Word dropout and neighbour swaps of training phrases (augmentation of training examples only). */
function augment(examples: LabelledText[], copies: number, drop: number, seed: number): LabelledText[] {
  const random = seededRandom(seed);
  const out = [...examples];
  for (const e of examples) {
    const words = e.text.split(/\s+/).filter(Boolean);
    for (let k = 0; k < copies; k++) {
      let kept = words.filter(() => random() >= drop);
      if (kept.length === 0) kept = [...words];
      if (kept.length > 2 && random() < 0.3) {
        const i = Math.floor(random() * (kept.length - 1));
        [kept[i], kept[i + 1]] = [kept[i + 1]!, kept[i]!];
      }
      out.push({ text: kept.join(' '), intent: e.intent });
    }
  }
  return out;
}

const J: Partial<Feat> = { tf: 'bm25', charIdf: false, charMode: 'wb', joinWeight: 0.5 };

interface Task { name: string; train: LabelledText[]; test: LabelledText[] }

function perIntent(examples: readonly LabelledText[], n: number, seed: number): { picked: LabelledText[]; rest: LabelledText[] } {
  const by = new Map<string, LabelledText[]>();
  for (const e of examples) by.set(e.intent, [...(by.get(e.intent) ?? []), e]);
  const random = seededRandom(seed);
  const picked: LabelledText[] = [];
  const rest: LabelledText[] = [];
  for (const intent of [...by.keys()].sort()) {
    const members = shuffleInPlace([...by.get(intent)!], random);
    picked.push(...members.slice(0, n));
    rest.push(...members.slice(n));
  }
  return { picked, rest };
}

async function loadTasks(wanted: string[]): Promise<Task[]> {
  const banking = await readLabelled(join(DATASETS, 'banking77/train.csv'));
  const tasks: Task[] = [];
  if (wanted.includes('b77')) {
    const random = seededRandom(2026);
    const split = new Map<string, LabelledText[]>();
    for (const e of banking) split.set(e.intent, [...(split.get(e.intent) ?? []), e]);
    const train: LabelledText[] = [], test: LabelledText[] = [];
    for (const intent of [...split.keys()].sort()) {
      const members = shuffleInPlace([...split.get(intent)!], random);
      const cut = Math.round(members.length * 0.8);
      train.push(...members.slice(0, cut));
      test.push(...members.slice(cut));
    }
    tasks.push({ name: 'b77', train, test });
  }
  for (const seed of [101, 102, 103]) {
    if (!wanted.includes('b77-10')) continue;
    const { picked, rest } = perIntent(banking, 10, seed);
    tasks.push({ name: `b77-10 s${seed}`, train: picked, test: rest });
  }
  for (const locale of ['vi-VN', 'fa-IR', 'en-US']) {
    if (!wanted.includes(locale)) continue;
    const dir = join(DATASETS, 'massive', locale);
    tasks.push({ name: locale, train: await readLabelled(join(dir, 'train.csv')), test: await readLabelled(join(dir, 'dev.csv')) });
  }
  for (const locale of ['vi-VN', 'fa-IR']) {
    if (!wanted.includes(`${locale}-cv`)) continue;
    const dir = join(DATASETS, 'massive', locale);
    const all = [...(await readLabelled(join(dir, 'train.csv'))), ...(await readLabelled(join(dir, 'dev.csv')))];
    const fold = shuffleInPlace(all.map((_, i) => i % 3), seededRandom(99));
    for (let k = 0; k < 3; k++) tasks.push({ name: `${locale} cv${k}`, train: all.filter((_, i) => fold[i] !== k), test: all.filter((_, i) => fold[i] === k) });
  }
  return tasks;
}

interface Variant { lr?: { lambda: number; epochs: number; blend?: number[] }; name: string; self?: { rounds: number; perClass: number }; feat?: Partial<Feat>; model?: Partial<ModelSpec>; protoLambdas?: number[]; aug?: { copies: number; drop: number }; views?: Partial<Feat>[] }

function runVariant(task: Task, variant: Variant): void {
  const started = performance.now();
  const intents = [...new Set(task.train.map((e) => e.intent))].sort();
  const classOf = new Map(intents.map((intent, c) => [intent, c]));
  const truth = task.test.map((e) => classOf.get(e.intent) ?? -1);
  const spec: ModelSpec = { c: 1, posWeight: 1, ...variant.model };
  const train = variant.aug ? augment(task.train, variant.aug.copies, variant.aug.drop, 7) : task.train;
  if (variant.lr) { logistic(task, variant, intents, classOf, truth, spec, started); return; }
  if (variant.self) { selfTrain(task, variant, intents, classOf, truth, spec, started); return; }
  const views = variant.views ?? [variant.feat ?? {}];
  const total = task.test.map(() => new Float64Array(intents.length));
  const proto = task.test.map(() => new Float64Array(intents.length));
  for (const view of views) {
    const f = { ...BASE, ...view };
    const vocab = buildVocab(task.train.map((e) => e.text), f);
    const xs = train.map((e) => vectorize(vocab, e.text, f));
    const labels = Int32Array.from(train, (e) => classOf.get(e.intent)!);
    const rows = trainRows(xs, labels, intents.length, vocab.size, spec, 1);
    const cents = variant.protoLambdas ? centroidRows(xs, labels, intents.length, vocab.size) : null;
    task.test.forEach((e, i) => {
      const x = vectorize(vocab, e.text, f);
      const s = scores(rows, x, vocab.size);
      for (let c = 0; c < s.length; c++) total[i]![c]! += s[c]! / views.length;
      if (cents) {
        const p = scores(cents, x, vocab.size);
        for (let c = 0; c < p.length; c++) proto[i]![c]! += p[c]! / views.length;
      }
    });
  }
  const seconds = Math.round(performance.now() - started) / 1000;
  for (const lambda of variant.protoLambdas ?? [0]) {
    let correct = 0;
    total.forEach((s, i) => {
      const blended = s.map((v, c) => v + lambda * proto[i]![c]!);
      if (argmax(blended) === truth[i]) correct++;
    });
    const name = variant.protoLambdas ? `${variant.name} λ=${lambda}` : variant.name;
    console.log(JSON.stringify({ task: task.name, variant: name, accuracy: Math.round((correct / task.test.length) * 10000) / 100, seconds }));
  }
}

/**
 * Self-training: the task's test texts are split in two; one half is an unlabeled pool (as a
 * workspace's past customer messages would be), the other is scored. Each round adds, per class,
 * the pool texts the current model is surest of, with its labels.
 */
function selfTrain(task: Task, variant: Variant, intents: string[], classOf: Map<string, number>, _truth: number[], spec: ModelSpec, started: number): void {
  const f = { ...BASE, ...variant.feat };
  const random = seededRandom(55);
  const order = shuffleInPlace(task.test.map((_, i) => i), random);
  const poolIdx = order.filter((_, k) => k % 2 === 0);
  const evalIdx = order.filter((_, k) => k % 2 === 1);
  const vocab = buildVocab([...task.train.map((e) => e.text), ...poolIdx.map((i) => task.test[i]!.text)], f);
  const xs = task.train.map((e) => vectorize(vocab, e.text, f));
  const labels = task.train.map((e) => classOf.get(e.intent)!);
  const pool = poolIdx.map((i) => vectorize(vocab, task.test[i]!.text, f));
  const evalX = evalIdx.map((i) => vectorize(vocab, task.test[i]!.text, f));
  const evalTruth = evalIdx.map((i) => classOf.get(task.test[i]!.intent) ?? -1);
  const used = new Uint8Array(pool.length);
  const pseudoX: Sparse[] = [];
  const pseudoY: number[] = [];
  for (let round = 0; round <= variant.self!.rounds; round++) {
    const rows = trainRows([...xs, ...pseudoX], Int32Array.from([...labels, ...pseudoY]), intents.length, vocab.size, spec, 1);
    let correct = 0;
    evalX.forEach((x, i) => { if (argmax(scores(rows, x, vocab.size)) === evalTruth[i]) correct++; });
    console.log(JSON.stringify({ task: task.name, variant: `${variant.name} round ${round} (+${pseudoX.length})`, accuracy: Math.round((correct / evalX.length) * 10000) / 100, seconds: Math.round(performance.now() - started) / 1000 }));
    if (round === variant.self!.rounds) break;
    const best: { i: number; c: number; margin: number }[] = [];
    pool.forEach((x, i) => {
      if (used[i]) return;
      const s = scores(rows, x, vocab.size);
      const c = argmax(s);
      let second = -Infinity;
      for (let k = 0; k < s.length; k++) if (k !== c && s[k]! > second) second = s[k]!;
      best.push({ i, c, margin: s[c]! - second });
    });
    best.sort((a, b) => b.margin - a.margin);
    const taken = new Map<number, number>();
    for (const b of best) {
      if ((taken.get(b.c) ?? 0) >= variant.self!.perClass) continue;
      taken.set(b.c, (taken.get(b.c) ?? 0) + 1);
      used[b.i] = 1;
      pseudoX.push(pool[b.i]!);
      pseudoY.push(b.c);
    }
  }
}

function logistic(task: Task, variant: Variant, intents: string[], classOf: Map<string, number>, truth: number[], spec: ModelSpec, started: number): void {
  const f = { ...BASE, ...variant.feat };
  const vocab = buildVocab(task.train.map((e) => e.text), f);
  const xs = task.train.map((e) => vectorize(vocab, e.text, f));
  const labels = Int32Array.from(task.train, (e) => classOf.get(e.intent)!);
  const lr = trainSoftmax(xs, labels, intents.length, vocab.size, variant.lr!.lambda, variant.lr!.epochs, 1);
  const svm = variant.lr!.blend ? trainRows(xs, labels, intents.length, vocab.size, spec, 1) : null;
  const testX = task.test.map((e) => vectorize(vocab, e.text, f));
  const seconds = Math.round(performance.now() - started) / 1000;
  for (const b of variant.lr!.blend ?? [0]) {
    let correct = 0;
    testX.forEach((x, i) => {
      const l = scores(lr, x, vocab.size);
      const combined = svm ? (() => { const s = scores(svm, x, vocab.size); return s.map((v, c) => b * v + (1 - b) * l[c]! / 10); })() : l;
      if (argmax(combined) === truth[i]) correct++;
    });
    console.log(JSON.stringify({ task: task.name, variant: `${variant.name} blend ${b}`, accuracy: Math.round((correct / task.test.length) * 10000) / 100, seconds }));
  }
}

const GROUPS: Record<string, Variant[]> = {
  lr2: [
    { name: 'J lr 5e-6', feat: J, lr: { lambda: 5e-6, epochs: 20, blend: [0, 0.3, 0.5, 0.7] } },
    { name: 'J lr 1e-6', feat: J, lr: { lambda: 1e-6, epochs: 20, blend: [0, 0.3, 0.5, 0.7] } },
  ],
  lr: [
    { name: 'J lr 1e-4', feat: J, lr: { lambda: 1e-4, epochs: 15, blend: [0, 0.3, 0.5, 0.7, 1] } },
    { name: 'J lr 2e-5', feat: J, lr: { lambda: 2e-5, epochs: 15, blend: [0, 0.3, 0.5, 0.7, 1] } },
  ],
  skip: [{ name: 'J skip', feat: { ...J, skip: true } }],
  c6: [{ name: 'J char 2-6', feat: { ...J, charMax: 6 } }],
  jbase: [{ name: 'J', feat: J }],
  self: [{ name: 'J self', feat: J, self: { rounds: 5, perClass: 10 } }],
  base: [{ name: 'baseline' }],
  feat: [
    { name: 'char_wb', feat: { charMode: 'wb' } },
    { name: 'bm25 tf', feat: { tf: 'bm25' } },
    { name: 'no idf on chars', feat: { charIdf: false } },
    { name: 'l1 norm', feat: { norm: 'l1' } },
  ],
  proto: [{ name: 'proto blend', protoLambdas: [0, 0.25, 0.5, 1, 1.5, 2, 3, 5] }],
  balance: [
    { name: 'posWeight 2', model: { posWeight: 2 } },
    { name: 'posWeight 4', model: { posWeight: 4 } },
    { name: 'balanced', model: { posWeight: 'balanced' } },
  ],
  nb: [
    { name: 'nbsvm b=0.25', model: { nb: { beta: 0.25, alpha: 0.1 } } },
    { name: 'nbsvm b=0.5', model: { nb: { beta: 0.5, alpha: 0.1 } } },
    { name: 'nbsvm b=0.75', model: { nb: { beta: 0.75, alpha: 0.1 } } },
  ],
  views: [{ name: 'views words+chars+both', views: [{ chars: false }, { words: false }, {}] }],
  cs: [{ name: 'crammer-singer C=1', model: { cs: true } }, { name: 'crammer-singer C=0.5', model: { cs: true, c: 0.5 } }],
  c10: [{ name: 'C=0.5', model: { c: 0.5 } }, { name: 'C=2', model: { c: 2 } }, { name: 'C=4', model: { c: 4 } }],
  wbproto: [{ name: 'wb proto', feat: { charMode: 'wb' }, protoLambdas: [0, 0.5, 1, 1.5, 2, 3] }],
  wbbal: [{ name: 'wb balanced', feat: { charMode: 'wb' }, model: { posWeight: 'balanced' } }],
  wbcs: [{ name: 'wb crammer-singer', feat: { charMode: 'wb' }, model: { cs: true } }],
  wbx: [{ name: 'wb+x3', feat: { charMode: 'wb+x3' } }],
  comboA: [{ name: 'bm25+noidf', feat: { tf: 'bm25', charIdf: false } }, { name: 'wb+bm25+noidf', feat: { charMode: 'wb', tf: 'bm25', charIdf: false } }],
  comboB: [{ name: 'wb+x3+bm25+noidf', feat: { charMode: 'wb+x3', tf: 'bm25', charIdf: false } }, { name: 'wb+x3', feat: { charMode: 'wb+x3' } }],
  cvA: [{ name: 'baseline' }, { name: 'bm25+noidf', feat: { tf: 'bm25', charIdf: false } }],
  cvB: [{ name: 'wb+bm25+noidf', feat: { charMode: 'wb', tf: 'bm25', charIdf: false } }, { name: 'wb+x3+bm25+noidf', feat: { charMode: 'wb+x3', tf: 'bm25', charIdf: false } }],
  final: [
    { name: 'chosen+proto', feat: { charMode: 'wb', tf: 'bm25', charIdf: false }, protoLambdas: [0, 0.5, 1, 1.5, 2, 3] },
    { name: 'chosen+balanced', feat: { charMode: 'wb', tf: 'bm25', charIdf: false }, model: { posWeight: 'balanced' } },
    { name: 'chosen+aug 2x', feat: { charMode: 'wb', tf: 'bm25', charIdf: false }, aug: { copies: 2, drop: 0.2 } },
  ],
  bProto: [{ name: 'B+proto', feat: { tf: 'bm25', charIdf: false }, protoLambdas: [0, 0.25, 0.5, 1, 1.5, 2, 3] }],
  bViews: [{ name: 'B views words+chars+both', feat: { tf: 'bm25', charIdf: false }, views: [{ chars: false, tf: 'bm25' }, { words: false, tf: 'bm25', charIdf: false }, { tf: 'bm25', charIdf: false }] }],
  bModel: [
    { name: 'B+balanced', feat: { tf: 'bm25', charIdf: false }, model: { posWeight: 'balanced' } },
    { name: 'B+crammer-singer', feat: { tf: 'bm25', charIdf: false }, model: { cs: true } },
  ],
  joins: [
    { name: 'B wb + joins 0.5', feat: { tf: 'bm25', charIdf: false, charMode: 'wb', joinWeight: 0.5 } },
    { name: 'B wb + joins 1', feat: { tf: 'bm25', charIdf: false, charMode: 'wb', joinWeight: 1 } },
  ],
  bC: [{ name: 'B C=1.5', feat: { tf: 'bm25', charIdf: false }, model: { c: 1.5 } }, { name: 'B C=0.7', feat: { tf: 'bm25', charIdf: false }, model: { c: 0.7 } }],
  joinsM: [{ name: 'B wb + joins 0.5', feat: { tf: 'bm25', charIdf: false, charMode: 'wb', joinWeight: 0.5 } }],
  joinsLo: [{ name: 'B wb + joins 0.3', feat: { tf: 'bm25', charIdf: false, charMode: 'wb', joinWeight: 0.3 } }],
  joinsHi: [{ name: 'B wb + joins 0.7', feat: { tf: 'bm25', charIdf: false, charMode: 'wb', joinWeight: 0.7 } }],
  cvJ: [{ name: 'B wb + joins 0.5', feat: { tf: 'bm25', charIdf: false, charMode: 'wb', joinWeight: 0.5 } }],
  aug: [
    { name: 'aug 2x drop0.2', aug: { copies: 2, drop: 0.2 } },
    { name: 'aug 4x drop0.2', aug: { copies: 4, drop: 0.2 } },
  ],
};

const [group = 'base', taskList = 'b77,b77-10,vi-VN,fa-IR'] = process.argv.slice(2);
const tasks = await loadTasks(taskList.split(','));
for (const name of group.split(',')) for (const variant of GROUPS[name] ?? []) for (const task of tasks) runVariant(task, variant);
