/**
 * Binary logistic regression on sparse binary features, trained with AdaGrad SGD and L2 — small, exact and
 * deterministic given the seed. Good enough for a few thousand to a few tens of thousands of clauses.
 * @module
 */
import { mulberry32, shuffle } from './random';

export interface LogRegOptions {
  epochs: number;
  /** L2 strength per update (applied to the features of the example, lazily). */
  l2: number;
  learningRate: number;
  seed: number;
  /** Weight of positive examples (1 = unweighted). */
  positiveWeight?: number;
  /**
   * L2 strength of the dense inputs (default `l2`). L2 is applied per update of a present input: a sparse
   * n-gram is present in a few clauses, a pooled word vector in every one, so the same strength shrinks the
   * dense weights hundreds of times harder (with `l2`, word vectors moved no cross-validated figure).
   */
  denseL2?: number;
}

// Chosen by by-service cross-validation on the training services only (held-out services never seen).
export const DEFAULT_LOGREG: LogRegOptions = {
  epochs: 20,
  l2: 1e-3,
  learningRate: 1,
  seed: 1,
  // As strong per epoch as `l2` on an n-gram found in about 1 % of clauses.
  denseL2: 1e-5,
};

export interface BinaryModel {
  weights: Float64Array;
  bias: number;
}

/**
 * Fit one head. `rows[i]` lists the feature columns present in example i; `y[i]` is 0/1; `mask[i]` = 0
 * excludes an example (category not reviewed for it).
 */
export function trainBinary(
  rows: readonly Int32Array[],
  y: Uint8Array,
  nFeatures: number,
  options: LogRegOptions = DEFAULT_LOGREG,
  mask?: Uint8Array,
  /** Per-example feature value (e.g. 1/√n length normalisation); default 1. */
  values?: Float64Array,
): BinaryModel {
  const w = new Float64Array(nFeatures);
  const g2 = new Float64Array(nFeatures).fill(1e-8);
  let b = 0;
  let bg2 = 1e-8;
  const order = [...rows.keys()].filter((i) => !mask || mask[i]);
  const rand = mulberry32(options.seed);
  const pw = options.positiveWeight ?? 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, rand);
    for (const i of order) {
      const r = rows[i]!;
      const v = values ? values[i]! : 1;
      let s = 0;
      for (let k = 0; k < r.length; k++) s += w[r[k]!]!;
      const p = 1 / (1 + Math.exp(-(b + v * s)));
      const target = y[i]!;
      const g = (p - target) * (target ? pw : 1);
      for (let k = 0; k < r.length; k++) {
        const j = r[k]!;
        const gj = g * v + options.l2 * w[j]!;
        g2[j]! += gj * gj;
        w[j]! -= (options.learningRate * gj) / Math.sqrt(g2[j]!);
      }
      bg2 += g * g;
      b -= (options.learningRate * g) / Math.sqrt(bg2);
    }
  }
  return { weights: w, bias: b };
}

/** Probability for one example under a float model. */
export function predictBinary(model: BinaryModel, row: Int32Array, value = 1): number {
  let s = 0;
  for (let k = 0; k < row.length; k++) s += model.weights[row[k]!]!;
  return 1 / (1 + Math.exp(-(model.bias + value * s)));
}

/** Every head of a model at once: sparse binary features (scaled per example) plus optional dense ones. */
export interface HeadsData {
  /** Feature columns present in each example. */
  rows: readonly Int32Array[];
  /** Per-example value of each present sparse feature (1 or 1/√n). */
  values: Float64Array;
  /** Dense features, row-major [example][D] (absent: none). */
  dense?: Float32Array;
  D: number;
}

export interface MultiHeads {
  /** Sparse weights, row-major [column][head]. */
  weights: Float64Array;
  /** Dense weights, row-major [dim][head]. */
  dense: Float64Array;
  bias: Float64Array;
}

/**
 * One-vs-rest logistic heads trained together with AdaGrad and L2: each example is read once per epoch for
 * all heads (its columns' weights of all heads sit together), and a head whose prediction is already within
 * `easy` of its target skips the update — after a few epochs most clauses are easy negatives for most heads,
 * so an epoch costs a fraction of one head-by-head pass. `y[c][i]` is 0/1, `mask[c][i]` 0 leaves example i out
 * of head c (category not reviewed).
 */
export function trainHeads(
  data: HeadsData,
  y: readonly Uint8Array[],
  mask: readonly Uint8Array[],
  nFeatures: number,
  options: LogRegOptions & { easy?: number } = DEFAULT_LOGREG,
): MultiHeads {
  const C = y.length;
  const D = data.D;
  const w = new Float64Array(nFeatures * C);
  const g2 = new Float64Array(nFeatures * C).fill(1e-8);
  const u = new Float64Array(D * C);
  const ug2 = new Float64Array(D * C).fill(1e-8);
  const b = new Float64Array(C);
  const bg2 = new Float64Array(C).fill(1e-8);
  const acc = new Float64Array(C);
  const g = new Float64Array(C);
  const rand = mulberry32(options.seed);
  const pw = options.positiveWeight ?? 1;
  const easy = options.easy ?? 0;
  const lr = options.learningRate;
  const l2 = options.l2;
  const denseL2 = options.denseL2 ?? l2;
  const order = [...data.rows.keys()];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, rand);
    for (const i of order) {
      const r = data.rows[i]!;
      const v = data.values[i]!;
      acc.fill(0);
      for (let k = 0; k < r.length; k++) {
        const base = r[k]! * C;
        for (let c = 0; c < C; c++) acc[c]! += w[base + c]!;
      }
      const dOff = i * D;
      let any = false;
      for (let c = 0; c < C; c++) {
        if (!mask[c]![i]) {
          g[c] = 0;
          continue;
        }
        let s = b[c]! + v * acc[c]!;
        if (D > 0) for (let d = 0; d < D; d++) s += data.dense![dOff + d]! * u[d * C + c]!;
        const p = 1 / (1 + Math.exp(-s));
        const t = y[c]![i]!;
        const diff = p - t;
        if (diff < easy && diff > -easy) {
          g[c] = 0;
          continue;
        }
        g[c] = diff * (t ? pw : 1);
        any = true;
      }
      if (!any) continue;
      for (let k = 0; k < r.length; k++) {
        const base = r[k]! * C;
        for (let c = 0; c < C; c++) {
          const gc = g[c]!;
          if (gc === 0) continue;
          const j = base + c;
          const gj = gc * v + l2 * w[j]!;
          g2[j]! += gj * gj;
          w[j]! -= (lr * gj) / Math.sqrt(g2[j]!);
        }
      }
      for (let d = 0; d < D; d++) {
        const x = data.dense![dOff + d]!;
        if (x === 0) continue;
        for (let c = 0; c < C; c++) {
          const gc = g[c]!;
          if (gc === 0) continue;
          const j = d * C + c;
          const gj = gc * x + denseL2 * u[j]!;
          ug2[j]! += gj * gj;
          u[j]! -= (lr * gj) / Math.sqrt(ug2[j]!);
        }
      }
      for (let c = 0; c < C; c++) {
        const gc = g[c]!;
        if (gc === 0) continue;
        bg2[c]! += gc * gc;
        b[c]! -= (lr * gc) / Math.sqrt(bg2[c]!);
      }
    }
  }
  return { weights: w, dense: u, bias: b };
}
