/**
 * Fitting and measuring calibration, a step of every training run (train-model.ts): the maps are fitted on
 * out-of-fold scores grouped by service — scores of clauses whose service the scoring model never saw — and
 * never on the data they are evaluated on. Also the reliability curve and expected calibration error that
 * `npm run eval` publishes.
 * @module
 */
import { applyMap, logit, type CalibrationMap } from '../../lib/classify/calibration';

export interface CalibrationOptions {
  /** Isotonic regression needs this many positives and negatives; below, Platt scaling. */
  minIsotonic: number;
  /** Below this many positives or negatives no map is fitted (the caller falls back to another). */
  minPlatt: number;
}

export const DEFAULT_CALIBRATION: CalibrationOptions = { minIsotonic: 40, minPlatt: 6 };

/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing step function closest (least squares)
 * to the outcomes, as knots at each pooled block's mean score. Ends are pulled in by one pseudo-count so a
 * block of only negatives (or positives) maps to a small probability, not to exactly 0 (or 1).
 */
export function fitIsotonic(p: ArrayLike<number>, y: ArrayLike<number>): CalibrationMap {
  const idx = [...Array(p.length).keys()].sort((a, b) => p[a]! - p[b]!);
  const blocks: { sumX: number; sumY: number; n: number }[] = [];
  for (const i of idx) {
    blocks.push({ sumX: p[i]!, sumY: y[i]! ? 1 : 0, n: 1 });
    while (blocks.length >= 2) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.sumY / a.n < b.sumY / b.n) break;
      a.sumX += b.sumX;
      a.sumY += b.sumY;
      a.n += b.n;
      blocks.pop();
    }
  }
  const base = idx.length ? Array.from(y).filter(Boolean).length / idx.length : 0.5;
  // The pseudo-count pulls small blocks more than large ones, which can break the order: keep it monotone.
  let floor = 0;
  return {
    method: 'isotonic',
    x: blocks.map((b) => round(b.sumX / b.n)),
    y: blocks.map((b) => (floor = Math.max(floor, round((b.sumY + base) / (b.n + 1))))),
  };
}

/**
 * Platt scaling: logistic regression of the outcome on logit(raw score), by Newton's method with step
 * halving (separable data would otherwise send it off) and a small ridge on the slope and intercept.
 */
export function fitPlatt(p: ArrayLike<number>, y: ArrayLike<number>): CalibrationMap {
  // Platt's targets: (N+ + 1)/(N+ + 2) and 1/(N- + 2) instead of 1 and 0, against over-confidence.
  const pos = Array.from(y).filter(Boolean).length;
  const neg = p.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const z = Array.from(p, logit);
  const t = Array.from(y, (v) => (v ? hi : lo));
  const RIDGE = 1e-3;
  const loss = (a: number, b: number): number => {
    let l = RIDGE * ((a - 1) * (a - 1) + b * b);
    for (let i = 0; i < z.length; i++) {
      const s = a * z[i]! + b;
      // log(1 + e^s) − t·s, stable for large |s|.
      l += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - t[i]! * s;
    }
    return l;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let g0 = 2 * RIDGE * (a - 1);
    let g1 = 2 * RIDGE * b;
    let h00 = 2 * RIDGE;
    let h01 = 0;
    let h11 = 2 * RIDGE;
    for (let i = 0; i < z.length; i++) {
      const q = 1 / (1 + Math.exp(-(a * z[i]! + b)));
      const w = q * (1 - q);
      g0 += (q - t[i]!) * z[i]!;
      g1 += q - t[i]!;
      h00 += w * z[i]! * z[i]!;
      h01 += w * z[i]!;
      h11 += w;
    }
    const det = h00 * h11 - h01 * h01;
    if (!(Math.abs(det) > 1e-12)) break;
    const da = (h11 * g0 - h01 * g1) / det;
    const db = (h00 * g1 - h01 * g0) / det;
    let step = 1;
    let next = loss(a - da, b - db);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    const gain = current - next;
    current = next;
    if (gain < 1e-10) break;
  }
  return { method: 'platt', x: [], y: [], a: round(a), b: round(b) };
}

/** The map for these out-of-fold scores: isotonic with enough data, Platt with little, none with less. */
export function fitCalibration(
  p: ArrayLike<number>,
  y: ArrayLike<number>,
  o: CalibrationOptions = DEFAULT_CALIBRATION,
): CalibrationMap | undefined {
  const pos = Array.from(y).filter(Boolean).length;
  const neg = p.length - pos;
  if (pos >= o.minIsotonic && neg >= o.minIsotonic) return fitIsotonic(p, y);
  if (pos >= o.minPlatt && neg >= o.minPlatt) return fitPlatt(p, y);
  return undefined;
}

function round(v: number): number {
  return Number(v.toPrecision(6));
}

export interface ReliabilityBin {
  /** Bin bounds on the calibrated probability. */
  from: number;
  to: number;
  count: number;
  /** Mean calibrated probability in the bin. */
  predicted: number;
  /** Share of positives in the bin. */
  observed: number;
}

export interface Reliability {
  bins: ReliabilityBin[];
  /** Expected calibration error: Σ (count / n) · |observed − predicted|. */
  ece: number;
  n: number;
  positives: number;
}

/** Reliability curve over `bins` equal-width bins of the calibrated probability, and its ECE. */
export function reliability(p: ArrayLike<number>, y: ArrayLike<number>, bins = 10): Reliability {
  const acc = Array.from({ length: bins }, () => ({ n: 0, sumP: 0, sumY: 0 }));
  let positives = 0;
  for (let i = 0; i < p.length; i++) {
    const k = Math.min(bins - 1, Math.floor(p[i]! * bins));
    acc[k]!.n++;
    acc[k]!.sumP += p[i]!;
    acc[k]!.sumY += y[i] ? 1 : 0;
    if (y[i]) positives++;
  }
  let ece = 0;
  const out: ReliabilityBin[] = acc.map((b, k) => {
    const predicted = b.n ? b.sumP / b.n : 0;
    const observed = b.n ? b.sumY / b.n : 0;
    if (p.length) ece += (b.n / p.length) * Math.abs(observed - predicted);
    return { from: k / bins, to: (k + 1) / bins, count: b.n, predicted, observed };
  });
  return { bins: out, ece, n: p.length, positives };
}

/** Calibrated scores of `p` under `map` (identity without one). */
export function applyAll(map: CalibrationMap | undefined, p: ArrayLike<number>): number[] {
  return Array.from(p, (v) => applyMap(map, v));
}
