/**
 * Calibrated probabilities: the model's raw score of a category mapped to how often a clause with that score
 * really has the category. Fitted in training (scripts/train/calibrate.ts) on out-of-fold scores of
 * services the model did not see; applied here at run time. A label is painted only when it is more likely
 * right than wrong (see classifier.ts), so the map decides what the user sees.
 *
 * Two maps per category: one for clauses where a rule of the category fired, one for the rest, since a rule
 * hit is evidence the raw score only partly carries (either may be missing: the other is used).
 * @module
 */

/** A monotone piecewise-linear map from raw probability to calibrated probability. */
export interface CalibrationMap {
  /** How it was fitted: isotonic regression (pool adjacent violators) or Platt scaling (two knots suffice). */
  method: 'isotonic' | 'platt';
  /** Raw probabilities, ascending. */
  x: number[];
  /** Calibrated probabilities at `x`, non-decreasing. */
  y: number[];
  /** Platt scaling: calibrated = σ(a · logit(raw) + b); `x`/`y` unused. */
  a?: number;
  b?: number;
}

export interface CategoryCalibration {
  /** Clauses where a rule of the category fired. */
  rule?: CalibrationMap;
  /** Clauses where none did. */
  plain?: CalibrationMap;
}

const EPS = 1e-6;

export function logit(p: number): number {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
}

/** The calibrated probability of raw score `p` under `map` (the raw score itself without a map). */
export function applyMap(map: CalibrationMap | undefined, p: number): number {
  if (!map) return p;
  if (map.method === 'platt') return 1 / (1 + Math.exp(-((map.a ?? 1) * logit(p) + (map.b ?? 0))));
  const { x, y } = map;
  const n = x.length;
  if (n === 0) return p;
  if (p <= x[0]!) return y[0]!;
  if (p >= x[n - 1]!) return y[n - 1]!;
  // Binary search for the segment holding p.
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= p) lo = mid;
    else hi = mid;
  }
  const span = x[hi]! - x[lo]!;
  return span <= 0 ? y[hi]! : y[lo]! + ((y[hi]! - y[lo]!) * (p - x[lo]!)) / span;
}

/** Calibrated probability of a category's raw score, given whether one of its rules fired. */
export function calibrate(cal: CategoryCalibration | undefined, p: number, ruleFired: boolean): number {
  if (!cal) return p;
  return applyMap((ruleFired ? cal.rule : cal.plain) ?? cal.plain ?? cal.rule, p);
}
