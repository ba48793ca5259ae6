/** A sparse feature vector: sorted feature indices and their values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

export function dot(weights: Float32Array, offset: number, x: SparseVector): number {
  let sum = 0;
  const { indices, values } = x;
  for (let k = 0; k < indices.length; k++) sum += weights[offset + indices[k]!]! * values[k]!;
  return sum;
}

export function squaredNorm(x: SparseVector): number {
  let sum = 0;
  for (const v of x.values) sum += v * v;
  return sum;
}

/** Builds a vector from feature → value pairs, scaled to unit length. */
export function unitVector(features: Map<number, number>): SparseVector {
  const indices = Int32Array.from([...features.keys()].sort((a, b) => a - b));
  const values = new Float32Array(indices.length);
  let norm = 0;
  for (let k = 0; k < indices.length; k++) {
    const value = features.get(indices[k]!)!;
    values[k] = value;
    norm += value * value;
  }
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let k = 0; k < values.length; k++) values[k]! *= scale;
  }
  return { indices, values };
}
