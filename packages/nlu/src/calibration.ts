import { softmax } from './linear-model.ts';

/** A validation example seen during cross-validation: its scores, and its class when the fold knew it. */
export interface HeldOutScore {
  scores: Float64Array;
  /** Class index, or -1 when the intent was withheld from the fold (it stands in for "none of these"). */
  label: number;
  /** The cross-validation fold it was scored in. */
  fold: number;
}

/** The softmax temperature that best predicts the held-out labels (lowest negative log-likelihood). */
export function fitTemperature(heldOut: readonly HeldOutScore[]): number {
  const known = heldOut.filter((h) => h.label >= 0);
  if (known.length === 0) return DEFAULT_TEMPERATURE;
  const loss = (t: number) => {
    let total = 0;
    for (const h of known) total -= Math.log(Math.max(softmax(h.scores, t)[h.label]!, 1e-12));
    return total;
  };
  // Golden-section search on log(t): the loss is unimodal in the temperature.
  let lo = Math.log(0.5);
  let hi = Math.log(100);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (loss(Math.exp(a)) < loss(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

export const DEFAULT_TEMPERATURE = 8;
export const DEFAULT_THRESHOLD = 0.5;

export interface ThresholdChoice {
  threshold: number;
  /** Share of withheld-intent examples abstained on at that threshold, in the cross-validation fold that abstained least. */
  unknownAbstention: number;
  /** Accuracy on answered known-intent examples at that threshold, during cross-validation. */
  knownAccuracy: number;
  /** Share of known-intent examples answered. */
  knownCoverage: number;
}

/**
 * The lowest threshold at which every cross-validation fold abstained on at least `targetAbstention`
 * of the examples whose intent it had never seen — every fold, not the average: the final model,
 * trained on all the data, is surer of itself than the fold models, and a few withheld intents
 * vary a lot. Kept within [min, max] so a workspace with odd data still gets a sensible default.
 * Chosen on training data only.
 */
export function chooseThreshold(
  heldOut: readonly HeldOutScore[],
  temperature: number,
  targetAbstention: number,
  bounds: { min: number; max: number },
): ThresholdChoice {
  const scored = heldOut.map((h) => {
    const p = softmax(h.scores, temperature);
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    return { confidence: p[best]!, correct: best === h.label, known: h.label >= 0, fold: h.fold };
  });
  const at = (threshold: number): ThresholdChoice => {
    const unknownByFold = new Map<number, { seen: number; abstained: number }>();
    let known = 0, answered = 0, correct = 0;
    for (const s of scored) {
      if (!s.known) {
        const fold = unknownByFold.get(s.fold) ?? { seen: 0, abstained: 0 };
        fold.seen++;
        if (s.confidence < threshold) fold.abstained++;
        unknownByFold.set(s.fold, fold);
        continue;
      }
      known++;
      if (s.confidence >= threshold) {
        answered++;
        if (s.correct) correct++;
      }
    }
    const perFold = [...unknownByFold.values()].map((f) => f.abstained / f.seen);
    return {
      threshold,
      unknownAbstention: perFold.length ? Math.min(...perFold) : 0,
      knownAccuracy: answered ? correct / answered : 0,
      knownCoverage: known ? answered / known : 0,
    };
  };
  if (!scored.some((s) => !s.known)) return at(DEFAULT_THRESHOLD);
  for (let t = bounds.min; t <= bounds.max + 1e-9; t += 0.01) {
    const choice = at(Math.round(t * 100) / 100);
    if (choice.unknownAbstention >= targetAbstention) return choice;
  }
  return at(bounds.max);
}
