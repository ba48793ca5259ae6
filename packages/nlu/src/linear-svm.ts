import type { SparseVector } from './sparse.ts';

export interface SvmOptions {
  /** Inverse regularization strength: larger fits the training data more closely. */
  c: number;
  /** Passes over the data at most; training stops earlier once the dual converges. */
  maxEpochs: number;
  /** Convergence tolerance on the projected gradient's spread. */
  tolerance: number;
}

export const DEFAULT_SVM: SvmOptions = { c: 1, maxEpochs: 40, tolerance: 0.1 };

/**
 * One class against the rest: a linear support-vector machine (L2-regularized, squared hinge
 * loss), trained by dual coordinate descent (Hsieh et al. 2008, the method behind LIBLINEAR).
 * Returns `dimensions` weights followed by a bias. Deterministic for a given `random`.
 */
export function trainBinarySvm(
  vectors: readonly SparseVector[],
  positive: (i: number) => boolean,
  dimensions: number,
  options: SvmOptions,
  random: () => number,
): Float64Array {
  const n = vectors.length;
  const w = new Float64Array(dimensions + 1);
  const alpha = new Float64Array(n);
  const diagonal = 1 / (2 * options.c);
  const qd = new Float64Array(n);
  const y = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    let norm = 1; // the bias feature
    for (const v of vectors[i]!.values) norm += v * v;
    qd[i] = norm + diagonal;
    y[i] = positive(i) ? 1 : -1;
  }
  // Shrinking (as in LIBLINEAR): an example at alpha = 0 whose gradient is past last epoch's
  // largest projected gradient will stay at 0, so it leaves the active set until a final full pass.
  const active = Int32Array.from({ length: n }, (_, i) => i);
  let activeSize = n;
  let pgMaxOld = Infinity;
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    for (let s = activeSize - 1; s > 0; s--) {
      const j = Math.floor(random() * (s + 1));
      const swap = active[s]!;
      active[s] = active[j]!;
      active[j] = swap;
    }
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < activeSize; s++) {
      const i = active[s]!;
      const { indices, values } = vectors[i]!;
      let score = w[dimensions]!;
      for (let k = 0; k < indices.length; k++) score += w[indices[k]!]! * values[k]!;
      const g = y[i]! * score - 1 + alpha[i]! * diagonal;
      let pg = g;
      if (alpha[i] === 0) {
        if (g > pgMaxOld) {
          activeSize--;
          active[s] = active[activeSize]!;
          active[activeSize] = i;
          s--;
          continue;
        }
        pg = Math.min(g, 0);
      }
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) < 1e-12) continue;
      const old = alpha[i]!;
      const next = Math.max(old - g / qd[i]!, 0);
      alpha[i] = next;
      const delta = (next - old) * y[i]!;
      for (let k = 0; k < indices.length; k++) w[indices[k]!]! += delta * values[k]!;
      w[dimensions]! += delta;
    }
    if (pgMax - pgMin < options.tolerance) {
      if (activeSize === n) break;
      // Converged on the active set: check once more over every example.
      activeSize = n;
      pgMaxOld = Infinity;
      continue;
    }
    pgMaxOld = pgMax > 0 ? pgMax : Infinity;
  }
  return w;
}
