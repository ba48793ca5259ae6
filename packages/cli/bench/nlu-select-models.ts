// The models compared by nlu-select.ts (experiment code, not the product's): one-vs-rest SVMs with
// class weights, NB-SVM, Crammer–Singer, and class prototypes. Each returns one weight row per class.
import { seededRandom } from '@tandem/nlu';

export interface Sparse { indices: Int32Array; values: Float32Array }

/** Squared-hinge L2 SVM by dual coordinate descent with shrinking; per-example C (class weights). */
function trainSvm(xs: readonly Sparse[], y: Int8Array, dims: number, cPos: number, cNeg: number, random: () => number): Float64Array {
  const n = xs.length;
  const w = new Float64Array(dims + 1);
  const alpha = new Float64Array(n);
  const diag = new Float64Array(n);
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let norm = 1;
    for (const v of xs[i]!.values) norm += v * v;
    diag[i] = 1 / (2 * (y[i]! > 0 ? cPos : cNeg));
    qd[i] = norm + diag[i]!;
  }
  const active = Int32Array.from({ length: n }, (_, i) => i);
  let activeSize = n;
  let pgMaxOld = Infinity;
  for (let epoch = 0; epoch < 40; epoch++) {
    for (let s = activeSize - 1; s > 0; s--) {
      const j = Math.floor(random() * (s + 1));
      const t = active[s]!; active[s] = active[j]!; active[j] = t;
    }
    let pgMax = -Infinity, pgMin = Infinity;
    for (let s = 0; s < activeSize; s++) {
      const i = active[s]!;
      const { indices, values } = xs[i]!;
      let score = w[dims]!;
      for (let k = 0; k < indices.length; k++) score += w[indices[k]!]! * values[k]!;
      const g = y[i]! * score - 1 + alpha[i]! * diag[i]!;
      let pg = g;
      if (alpha[i] === 0) {
        if (g > pgMaxOld) { activeSize--; active[s] = active[activeSize]!; active[activeSize] = i; s--; continue; }
        pg = Math.min(g, 0);
      }
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) < 1e-12) continue;
      const old = alpha[i]!;
      alpha[i] = Math.max(old - g / qd[i]!, 0);
      const d = (alpha[i]! - old) * y[i]!;
      for (let k = 0; k < indices.length; k++) w[indices[k]!]! += d * values[k]!;
      w[dims]! += d;
    }
    if (pgMax - pgMin < 0.1) {
      if (activeSize === n) break;
      activeSize = n; pgMaxOld = Infinity; continue;
    }
    pgMaxOld = pgMax > 0 ? pgMax : Infinity;
  }
  return w;
}

export interface ModelSpec { c: number; posWeight: number | 'balanced'; nb?: { beta: number; alpha: number }; cs?: boolean }

/** Crammer–Singer multi-class SVM by dual coordinate descent (Keerthi et al. 2008; LIBLINEAR -s 4), bias as a constant feature. */
function trainCrammerSinger(xs: Sparse[], labels: Int32Array, k: number, dims: number, c: number, random: () => number): Float64Array[] {
  const n = xs.length;
  const w = new Float64Array((dims + 1) * k); // feature-major: w[j * k + m]
  const alpha = new Float64Array(n * k);
  const qd = Float64Array.from(xs, (x) => 1 + x.values.reduce((s, v) => s + v * v, 0));
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const g = new Float64Array(k), b = new Float64Array(k), d = new Float64Array(k), next = new Float64Array(k);
  for (let epoch = 0; epoch < 60; epoch++) {
    for (let s = n - 1; s > 0; s--) { const j = Math.floor(random() * (s + 1)); const t = order[s]!; order[s] = order[j]!; order[j] = t; }
    let worst = 0;
    for (const i of order) {
      const yi = labels[i]!;
      const { indices, values } = xs[i]!;
      g.fill(1); g[yi] = 0;
      for (let kk = 0; kk < indices.length; kk++) {
        const off = indices[kk]! * k, v = values[kk]!;
        for (let m = 0; m < k; m++) g[m]! += w[off + m]! * v;
      }
      const boff = dims * k;
      for (let m = 0; m < k; m++) g[m]! += w[boff + m]!;
      let maxG = -Infinity, minG = Infinity;
      for (let m = 0; m < k; m++) {
        if (g[m]! > maxG) maxG = g[m]!;
        const bound = m === yi ? c : 0;
        if (alpha[i * k + m]! < bound && g[m]! < minG) minG = g[m]!;
      }
      if (maxG - minG > worst) worst = maxG - minG;
      if (maxG - minG <= 1e-12) continue;
      const a = qd[i]!;
      for (let m = 0; m < k; m++) { b[m] = g[m]! - a * alpha[i * k + m]!; d[m] = b[m]!; }
      d[yi]! += a * c;
      const sorted = Array.from(d).sort((x, y) => y - x);
      let beta = sorted[0]! - a * c;
      let r = 1;
      for (; r < k && beta < r * sorted[r]!; r++) beta += sorted[r]!;
      beta /= r;
      for (let m = 0; m < k; m++) next[m] = Math.min(m === yi ? c : 0, (beta - b[m]!) / a);
      for (let m = 0; m < k; m++) {
        const delta = next[m]! - alpha[i * k + m]!;
        if (Math.abs(delta) < 1e-12) continue;
        alpha[i * k + m] = next[m]!;
        for (let kk = 0; kk < indices.length; kk++) w[indices[kk]! * k + m]! += delta * values[kk]!;
        w[boff + m]! += delta;
      }
    }
    if (worst < 0.1) break;
  }
  return Array.from({ length: k }, (_, m) => Float64Array.from({ length: dims + 1 }, (_, j) => w[j * k + m]!));
}

/** Weight rows (dims + 1 per class); NB-SVM folds its per-class feature scaling into the rows. */
export function trainRows(xs: Sparse[], labels: Int32Array, classes: number, dims: number, spec: ModelSpec, seed: number): Float64Array[] {
  if (spec.cs) return trainCrammerSinger(xs, labels, classes, dims, spec.c, seededRandom(seed));
  const rows: Float64Array[] = [];
  const sums = spec.nb ? classSums(xs, labels, classes, dims) : null;
  for (let c = 0; c < classes; c++) {
    const y = Int8Array.from(labels, (l) => (l === c ? 1 : -1));
    const pos = y.filter((v) => v > 0).length;
    const cPos = spec.c * (spec.posWeight === 'balanced' ? (xs.length - pos) / pos : spec.posWeight);
    if (!spec.nb || !sums) { rows.push(trainSvm(xs, y, dims, cPos, spec.c, seededRandom(seed + c))); continue; }
    const r = logRatio(sums, c, dims, spec.nb.alpha);
    const scaled = xs.map(({ indices, values }) => ({ indices, values: Float32Array.from(values, (v, k) => v * r[indices[k]!]!) }));
    const w = trainSvm(scaled, y, dims, cPos, spec.c, seededRandom(seed + c));
    let mean = 0;
    for (let j = 0; j < dims; j++) mean += Math.abs(w[j]!);
    mean /= dims;
    for (let j = 0; j < dims; j++) w[j] = ((1 - spec.nb.beta) * mean + spec.nb.beta * w[j]!) * r[j]!;
    rows.push(w);
  }
  return rows;
}

function classSums(xs: Sparse[], labels: Int32Array, classes: number, dims: number): { per: Float64Array[]; total: Float64Array } {
  const per = Array.from({ length: classes }, () => new Float64Array(dims));
  const total = new Float64Array(dims);
  xs.forEach(({ indices, values }, i) => indices.forEach((j, k) => { per[labels[i]!]![j]! += values[k]!; total[j]! += values[k]!; }));
  return { per, total };
}

function logRatio(sums: { per: Float64Array[]; total: Float64Array }, c: number, dims: number, alpha: number): Float64Array {
  const p = sums.per[c]!;
  let pn = 0, qn = 0;
  for (let j = 0; j < dims; j++) { pn += p[j]! + alpha; qn += sums.total[j]! - p[j]! + alpha; }
  return Float64Array.from({ length: dims }, (_, j) => Math.log((p[j]! + alpha) / pn) - Math.log((sums.total[j]! - p[j]! + alpha) / qn));
}

export function centroidRows(xs: Sparse[], labels: Int32Array, classes: number, dims: number): Float64Array[] {
  const rows = Array.from({ length: classes }, () => new Float64Array(dims + 1));
  xs.forEach(({ indices, values }, i) => indices.forEach((j, k) => { rows[labels[i]!]![j]! += values[k]!; }));
  for (const row of rows) {
    let norm = 0;
    for (const v of row) norm += v * v;
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < row.length; j++) row[j]! *= s;
  }
  return rows;
}

export function scores(rows: Float64Array[], x: Sparse, dims: number): Float64Array {
  return Float64Array.from(rows, (w) => {
    let s = w[dims]!;
    for (let k = 0; k < x.indices.length; k++) s += w[x.indices[k]!]! * x.values[k]!;
    return s;
  });
}

export function argmax(a: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < a.length; i++) if (a[i]! > a[best]!) best = i;
  return best;
}

/**
 * Multinomial logistic regression (softmax), L2-regularized, by SGD with a decaying step and the
 * weight-scale trick for the decay (w = scale · v). Rows as in trainRows (dims + 1 per class).
 */
export function trainSoftmax(xs: Sparse[], labels: Int32Array, k: number, dims: number, lambda: number, epochs: number, seed: number): Float64Array[] {
  const random = seededRandom(seed);
  const v = new Float64Array((dims + 1) * k); // feature-major
  let scale = 1;
  const n = xs.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const z = new Float64Array(k);
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let s = n - 1; s > 0; s--) { const j = Math.floor(random() * (s + 1)); const tmp = order[s]!; order[s] = order[j]!; order[j] = tmp; }
    for (const i of order) {
      const eta = 1 / (lambda * (t + 1 / (lambda * 0.5)));
      t++;
      const { indices, values } = xs[i]!;
      const boff = dims * k;
      for (let m = 0; m < k; m++) z[m] = v[boff + m]!; // bias not decayed, stored unscaled
      for (let kk = 0; kk < indices.length; kk++) {
        const off = indices[kk]! * k, x = values[kk]! * scale;
        for (let m = 0; m < k; m++) z[m]! += v[off + m]! * x;
      }
      let max = -Infinity;
      for (let m = 0; m < k; m++) if (z[m]! > max) max = z[m]!;
      let sum = 0;
      for (let m = 0; m < k; m++) { z[m] = Math.exp(z[m]! - max); sum += z[m]!; }
      scale *= 1 - eta * lambda;
      if (scale < 1e-6) { for (let j = 0; j < dims * k; j++) v[j]! *= scale; scale = 1; }
      const yi = labels[i]!;
      for (let m = 0; m < k; m++) {
        const g = z[m]! / sum - (m === yi ? 1 : 0);
        if (Math.abs(g) < 1e-6) continue;
        const step = (eta * g) / scale;
        for (let kk = 0; kk < indices.length; kk++) v[indices[kk]! * k + m]! -= step * values[kk]!;
        v[boff + m]! -= eta * g;
      }
    }
  }
  return Array.from({ length: k }, (_, m) => Float64Array.from({ length: dims + 1 }, (_, j) => (j === dims ? v[j * k + m]! : v[j * k + m]! * scale)));
}
