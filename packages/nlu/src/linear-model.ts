import { DEFAULT_SVM, trainBinarySvm, type SvmOptions } from './linear-svm.ts';
import { seededRandom } from './random.ts';
import type { SparseVector } from './sparse.ts';

/** One weight row per intent (features then bias), flat: `weights[c * (dimensions + 1) + f]`. */
export interface LinearModel {
  readonly dimensions: number;
  readonly classes: number;
  readonly weights: Float32Array;
}

/** One-vs-rest linear SVMs over the same vectors; `labels[i]` is the class index of `vectors[i]`. */
export function trainLinearModel(
  vectors: readonly SparseVector[],
  labels: Int32Array,
  classes: number,
  dimensions: number,
  options: SvmOptions = DEFAULT_SVM,
  seed = 1,
): LinearModel {
  const stride = dimensions + 1;
  const weights = new Float32Array(classes * stride);
  for (let c = 0; c < classes; c++) {
    const row = trainBinarySvm(vectors, (i) => labels[i] === c, dimensions, options, seededRandom(seed + c));
    weights.set(row, c * stride);
  }
  return { dimensions, classes, weights };
}

/** Each class's decision score for a vector. */
export function scoreAll(model: LinearModel, x: SparseVector, into = new Float64Array(model.classes)): Float64Array {
  const stride = model.dimensions + 1;
  const { weights } = model;
  const { indices, values } = x;
  for (let c = 0; c < model.classes; c++) {
    const offset = c * stride;
    let sum = weights[offset + model.dimensions]!;
    for (let k = 0; k < indices.length; k++) sum += weights[offset + indices[k]!]! * values[k]!;
    into[c] = sum;
  }
  return into;
}

/** Softmax of scores scaled by `temperature` (a larger temperature sharpens). */
export function softmax(scores: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const out = new Float64Array(scores.length);
  let total = 0;
  for (let c = 0; c < scores.length; c++) {
    out[c] = Math.exp((scores[c]! - max) * temperature);
    total += out[c]!;
  }
  for (let c = 0; c < out.length; c++) out[c]! /= total;
  return out;
}
