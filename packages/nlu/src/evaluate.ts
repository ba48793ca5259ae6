import { accuracy, macroF1, percentile } from './metrics.ts';
import { classify, trainIntentModel, type IntentModel, type LabelledText, type TrainOptions } from './intent-classifier.ts';

export interface Evaluation {
  trainExamples: number;
  testExamples: number;
  intents: number;
  accuracy: number;
  macroF1: number;
  trainingMs: number;
  predictP50Ms: number;
  predictP99Ms: number;
  threshold: number;
  /** Accuracy on the inputs answered at the threshold, and the share abstained on. */
  accuracyAtThreshold: number;
  abstention: number;
}

interface Predictions {
  best: string[];
  answered: (string | null)[];
  latencies: number[];
}

function predictAll(model: IntentModel, tests: readonly LabelledText[], now: () => number): Predictions {
  const out: Predictions = { best: [], answered: [], latencies: [] };
  for (const example of tests) {
    const started = now();
    const result = classify(model, example.text, { limit: 1 });
    out.latencies.push(now() - started);
    out.best.push(result.ranked[0]?.intent ?? '');
    out.answered.push(result.intent);
  }
  return out;
}

function answeredAccuracy(truth: readonly string[], answered: readonly (string | null)[]): { accuracy: number; abstention: number } {
  const kept = truth.map((label, i) => ({ label, guess: answered[i] })).filter((p) => p.guess !== null);
  return {
    accuracy: kept.length ? kept.filter((p) => p.guess === p.label).length / kept.length : 0,
    abstention: truth.length ? 1 - kept.length / truth.length : 0,
  };
}

/** Trains on one set and scores once on another. `now` is a millisecond clock (performance.now). */
export function evaluate(train: readonly LabelledText[], test: readonly LabelledText[], now: () => number, options: TrainOptions = {}): Evaluation & { model: IntentModel } {
  const started = now();
  const model = trainIntentModel(train, options);
  const trainingMs = now() - started;
  const predictions = predictAll(model, test, now);
  const truth = test.map((t) => t.intent);
  const selective = answeredAccuracy(truth, predictions.answered);
  return {
    model,
    trainExamples: train.length,
    testExamples: test.length,
    intents: model.intents.length,
    accuracy: accuracy(truth, predictions.best),
    macroF1: macroF1(truth, predictions.best),
    trainingMs,
    predictP50Ms: percentile(predictions.latencies, 50),
    predictP99Ms: percentile(predictions.latencies, 99),
    threshold: model.threshold,
    accuracyAtThreshold: selective.accuracy,
    abstention: selective.abstention,
  };
}

export interface OutOfScopeEvaluation {
  heldOutIntents: string[];
  /** Over the known intents' test examples: accuracy counting every input, accuracy on those answered, share answered. */
  knownAccuracy: number;
  knownAccuracyAnswered: number;
  knownCoverage: number;
  /** Share of the held-out intents' test examples the classifier abstained on. */
  outOfScopeAbstention: number;
  threshold: number;
}

/** "Knowing what it does not know": train without some intents, then see what it does with them. */
export function evaluateOutOfScope(train: readonly LabelledText[], test: readonly LabelledText[], heldOut: readonly string[], now: () => number, options: TrainOptions = {}): OutOfScopeEvaluation {
  const withheld = new Set(heldOut);
  const model = trainIntentModel(train.filter((t) => !withheld.has(t.intent)), options);
  const known = test.filter((t) => !withheld.has(t.intent));
  const unknown = test.filter((t) => withheld.has(t.intent));
  const knownPredictions = predictAll(model, known, now);
  const truth = known.map((t) => t.intent);
  const selective = answeredAccuracy(truth, knownPredictions.answered);
  const unknownPredictions = predictAll(model, unknown, now);
  return {
    heldOutIntents: [...heldOut],
    knownAccuracy: accuracy(truth, knownPredictions.answered),
    knownAccuracyAnswered: selective.accuracy,
    knownCoverage: 1 - selective.abstention,
    outOfScopeAbstention: unknown.length ? unknownPredictions.answered.filter((a) => a === null).length / unknown.length : 0,
    threshold: model.threshold,
  };
}
