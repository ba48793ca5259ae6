import type { RankedIntent } from '@tandem/core';
import { chooseThreshold, DEFAULT_TEMPERATURE, fitTemperature, type HeldOutScore, type ThresholdChoice } from './calibration.ts';
import { buildVocabulary, DEFAULT_FEATURES, vectorize, type FeatureOptions, type Vocabulary } from './features.ts';
import { scoreAll, softmax, trainLinearModel, type LinearModel } from './linear-model.ts';
import { DEFAULT_SVM, type SvmOptions } from './linear-svm.ts';
import { seededRandom, shuffleInPlace } from './random.ts';

export interface LabelledText {
  text: string;
  intent: string;
}

export interface TrainOptions {
  features?: Partial<FeatureOptions>;
  svm?: Partial<SvmOptions>;
  seed?: number;
  /** Cross-validation folds used to calibrate confidence (0 = use defaults; needs ≥ 2 phrases per intent). */
  folds?: number;
  /** Share of withheld intents cross-validation should abstain on; sets the default threshold. */
  targetAbstention?: number;
  /** A fixed threshold instead of the one cross-validation chooses. */
  threshold?: number;
}

/** A trained classifier: everything needed to predict, nothing that refers back to the training data. */
export interface IntentModel {
  readonly intents: readonly string[];
  readonly vocabulary: Vocabulary;
  readonly linear: LinearModel;
  readonly temperature: number;
  /** Below this confidence the classifier abstains ("I'm not sure"). Tunable per workspace. */
  readonly threshold: number;
  readonly calibration: ThresholdChoice | null;
}

export interface Classification {
  /** The best intents, most likely first; confidences are calibrated probabilities. */
  ranked: RankedIntent[];
  /** The answer, or null when the best confidence is below the threshold (abstention). */
  intent: string | null;
  confidence: number;
}

/**
 * The share of never-seen intents the default threshold aims to abstain on. The goal is 60%; the
 * aim is higher because a threshold chosen by cross-validation carries over to the final model
 * with an error of a few points (fold models are trained on less data and are less sure).
 */
export const DEFAULT_TARGET_ABSTENTION = 0.65;

const THRESHOLD_BOUNDS = { min: 0.3, max: 0.8 };

function stratifiedFolds(labels: Int32Array, folds: number, random: () => number): Int32Array {
  const fold = new Int32Array(labels.length);
  const byClass = new Map<number, number[]>();
  labels.forEach((label, i) => {
    const members = byClass.get(label);
    if (members) members.push(i);
    else byClass.set(label, [i]);
  });
  for (const members of byClass.values()) shuffleInPlace(members, random).forEach((i, k) => (fold[i] = k % folds));
  return fold;
}

/**
 * Held-out scores by k-fold cross-validation on the training data. In each fold about a tenth
 * of the intents are withheld entirely, so calibration also sees what "none of these" looks like.
 */
function crossValidate(vectors: ReturnType<typeof vectorize>[], labels: Int32Array, classes: number, dimensions: number, folds: number, svm: SvmOptions, seed: number): HeldOutScore[] {
  const random = seededRandom(seed);
  const fold = stratifiedFolds(labels, folds, random);
  const heldOut: HeldOutScore[] = [];
  for (let k = 0; k < folds; k++) {
    const withheld = new Set(shuffleInPlace(Array.from({ length: classes }, (_, c) => c), random).slice(0, Math.max(1, Math.round(classes / 10))));
    const keptClasses = Array.from({ length: classes }, (_, c) => c).filter((c) => !withheld.has(c));
    const remap = new Map(keptClasses.map((c, i) => [c, i]));
    const trainIdx: number[] = [];
    labels.forEach((label, i) => { if (fold[i] !== k && !withheld.has(label)) trainIdx.push(i); });
    const model = trainLinearModel(trainIdx.map((i) => vectors[i]!), Int32Array.from(trainIdx, (i) => remap.get(labels[i]!)!), keptClasses.length, dimensions, svm, seed + k * 1000);
    labels.forEach((label, i) => {
      if (fold[i] !== k) return;
      heldOut.push({ scores: scoreAll(model, vectors[i]!), label: remap.get(label) ?? -1, fold: k });
    });
  }
  return heldOut;
}

/** Trains a classifier from example phrases. Deterministic for a given seed. */
export function trainIntentModel(examples: readonly LabelledText[], options: TrainOptions = {}): IntentModel {
  const features = { ...DEFAULT_FEATURES, ...options.features };
  const svm = { ...DEFAULT_SVM, ...options.svm };
  const seed = options.seed ?? 1;
  const intents = [...new Set(examples.map((e) => e.intent))].sort();
  const classOf = new Map(intents.map((intent, c) => [intent, c]));
  const vocabulary = buildVocabulary(examples.map((e) => e.text), features);
  const vectors = examples.map((e) => vectorize(vocabulary, e.text));
  const labels = Int32Array.from(examples, (e) => classOf.get(e.intent)!);
  const linear = trainLinearModel(vectors, labels, intents.length, vocabulary.size, svm, seed);

  const counts = new Map<number, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const folds = Math.min(options.folds ?? 3, ...counts.values());
  if (folds < 2 || intents.length < 3) {
    return { intents, vocabulary, linear, temperature: DEFAULT_TEMPERATURE, threshold: options.threshold ?? THRESHOLD_BOUNDS.min, calibration: null };
  }
  const heldOut = crossValidate(vectors, labels, intents.length, vocabulary.size, folds, svm, seed + 7);
  const temperature = fitTemperature(heldOut);
  const calibration = chooseThreshold(heldOut, temperature, options.targetAbstention ?? DEFAULT_TARGET_ABSTENTION, THRESHOLD_BOUNDS);
  return { intents, vocabulary, linear, temperature, threshold: options.threshold ?? calibration.threshold, calibration };
}

/** The intents a text most likely means, and the answer unless the classifier is unsure. */
export function classify(model: IntentModel, text: string, options: { limit?: number; threshold?: number } = {}): Classification {
  const vector = vectorize(model.vocabulary, text);
  if (vector.indices.length === 0 || model.intents.length === 0) return { ranked: [], intent: null, confidence: 0 };
  const probabilities = softmax(scoreAll(model.linear, vector), model.temperature);
  const order = Array.from(probabilities.keys()).sort((a, b) => probabilities[b]! - probabilities[a]!);
  const ranked = order.slice(0, options.limit ?? 5).map((c) => ({ intent: model.intents[c]!, confidence: probabilities[c]! }));
  const best = ranked[0]!;
  const threshold = options.threshold ?? model.threshold;
  return { ranked, intent: best.confidence >= threshold ? best.intent : null, confidence: best.confidence };
}
