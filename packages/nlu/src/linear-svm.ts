import { shuffleInPlace } from './random.ts';
import type { SparseVector } from './sparse.ts';

export interface SvmOptions {
  /** Inverse regularization strength: larger fits the training data more closely. */
  c: number;
  /** Passes over the data at most; training stops earlier once the dual converges. */
  maxEpochs: number;
  /** Convergence tolerance on the projected gradient's spread. */
  tolerance: number;
}

export const DEFAULT_SVM: SvmOptions = { c: 0.5, maxEpochs: 40, tolerance: 0.1 };

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
  const order = Array.from({ length: n }, (_, i) => i);
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    shuffleInPlace(order, random);
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (const i of order) {
      const { indices, values } = vectors[i]!;
      let score = w[dimensions]!;
      for (let k = 0; k < indices.length; k++) score += w[indices[k]!]! * values[k]!;
      const g = y[i]! * score - 1 + alpha[i]! * diagonal;
      const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
      if (pg > maxPg) maxPg = pg;
      if (pg < minPg) minPg = pg;
      if (Math.abs(pg) < 1e-12) continue;
      const old = alpha[i]!;
      const next = Math.max(old - g / qd[i]!, 0);
      alpha[i] = next;
      const delta = (next - old) * y[i]!;
      for (let k = 0; k < indices.length; k++) w[indices[k]!]! += delta * values[k]!;
      w[dimensions]! += delta;
    }
    if (maxPg - minPg < options.tolerance) break;
  }
  return w;
}
