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
}

// Chosen by by-service cross-validation on the training services only (held-out services never seen).
export const DEFAULT_LOGREG: LogRegOptions = { epochs: 20, l2: 1e-3, learningRate: 1, seed: 1 };

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
