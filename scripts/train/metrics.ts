/**
 * Precision / recall / F1 counting, shared by the evaluator and threshold selection.
 * @module
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
  /** Gold positives. */
  support: number;
}

/** P/R/F1 from counts; an empty denominator gives 0 (and is visible through `support`). */
export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1, support: c.tp + c.fn };
}

/** Sum counts. */
export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export const zeroCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export interface ThresholdChoice {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * The threshold for out-of-fold scores `p` (with gold `y`) that maximises recall subject to precision ≥
 * `minPrecision`; when no threshold reaches it, the one maximising F-beta (beta 0.5, precision-leaning).
 * `ruleFires[i]` marks examples labelled anyway by a trusted rule (counted at every threshold).
 */
export function chooseThreshold(
  p: ArrayLike<number>,
  y: ArrayLike<number>,
  minPrecision: number,
  ruleFires?: ArrayLike<number>,
): ThresholdChoice {
  const idx = [...Array(p.length).keys()].sort((a, b) => p[b]! - p[a]!);
  const positives = Array.from(y).reduce((s, v) => s + v, 0);
  let ruleTp = 0;
  let ruleFp = 0;
  if (ruleFires)
    for (let i = 0; i < p.length; i++) {
      if (!ruleFires[i]) continue;
      if (y[i]) ruleTp++;
      else ruleFp++;
    }
  let tp = ruleTp;
  let fp = ruleFp;
  let best: ThresholdChoice | null = null;
  let bestFb: ThresholdChoice & { fb: number } = { threshold: 0.5, precision: 0, recall: 0, f1: 0, fb: -1 };
  const consider = (threshold: number): void => {
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = positives === 0 ? 0 : tp / positives;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const fb = precision + recall === 0 ? 0 : (1.25 * precision * recall) / (0.25 * precision + recall);
    if (precision >= minPrecision && (!best || recall > best.recall))
      best = { threshold, precision, recall, f1 };
    if (fb > bestFb.fb) bestFb = { threshold, precision, recall, f1, fb };
  };
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    if (!ruleFires?.[i]) {
      if (y[i]) tp++;
      else fp++;
    }
    const next = idx[k + 1];
    // Only cut between distinct scores; the threshold sits halfway so it generalises a little.
    if (next !== undefined && p[next] === p[i]) continue;
    const threshold = next === undefined ? p[i]! : (p[i]! + p[next]!) / 2;
    // Thresholds this low would label on noise; the fallback below still covers tiny data.
    if (threshold >= 0.05) consider(threshold);
  }
  const { fb: _fb, ...fallback } = bestFb;
  return best ?? fallback;
}

export interface ThresholdPair extends ThresholdChoice {
  /** Threshold for clauses where a rule of the category fired (may be lower: the rule is evidence too). */
  ruleThreshold: number;
}

interface Group {
  /** Scores sorted descending. */
  scores: number[];
  /** tp[k] / fp[k]: counts among the top k. */
  tp: number[];
  fp: number[];
}

function group(p: ArrayLike<number>, y: ArrayLike<number>, members: number[]): Group {
  members.sort((a, b) => p[b]! - p[a]!);
  const tp = [0];
  const fp = [0];
  for (const i of members) {
    tp.push(tp[tp.length - 1]! + (y[i] ? 1 : 0));
    fp.push(fp[fp.length - 1]! + (y[i] ? 0 : 1));
  }
  return { scores: members.map((i) => p[i]!), tp, fp };
}

/** Cut points of a group: k = how many top scores pass, only between distinct scores. */
function cuts(g: Group): number[] {
  const out = [0];
  for (let k = 1; k <= g.scores.length; k++)
    if (k === g.scores.length || g.scores[k] !== g.scores[k - 1]) out.push(k);
  return out;
}

function thresholdAt(g: Group, k: number): number {
  if (k === 0) return 1.01;
  // Every member passes: 0, so that the runtime (int8 scores) also lets every one through.
  if (k === g.scores.length) return 0;
  return (g.scores[k - 1]! + g.scores[k]!) / 2;
}

/**
 * What a threshold pair maximises among those whose out-of-fold precision reaches the floor: `recall`
 * (a precision target, for marks that must be right) or `f1` (a balanced category with a precision floor).
 */
export type ThresholdObjective = 'recall' | 'f1';

/**
 * Two thresholds — one for clauses where a rule of the category fired, one for the rest — maximising
 * recall (or F1, see `objective`) subject to precision ≥ `minPrecision` on out-of-fold scores (F0.5
 * fallback when unreachable). Clauses with a trusted rule are labelled at any threshold.
 */
export function chooseThresholdPair(
  p: ArrayLike<number>,
  y: ArrayLike<number>,
  minPrecision: number,
  ruleFires: ArrayLike<number>,
  trustedFires: ArrayLike<number>,
  objective: ThresholdObjective = 'recall',
): ThresholdPair {
  const withRule: number[] = [];
  const without: number[] = [];
  let baseTp = 0;
  let baseFp = 0;
  let positives = 0;
  for (let i = 0; i < p.length; i++) {
    if (y[i]) positives++;
    if (trustedFires[i]) {
      if (y[i]) baseTp++;
      else baseFp++;
    } else (ruleFires[i] ? withRule : without).push(i);
  }
  const r = group(p, y, withRule);
  const n = group(p, y, without);
  let best: (ThresholdPair & { score: number }) | null = null;
  let fallback: (ThresholdPair & { score: number }) | null = null;
  for (const kn of cuts(n)) {
    const tn = thresholdAt(n, kn);
    if (tn < 0.05) continue;
    for (const kr of cuts(r)) {
      const tr = thresholdAt(r, kr);
      const tp = baseTp + n.tp[kn]! + r.tp[kr]!;
      const fp = baseFp + n.fp[kn]! + r.fp[kr]!;
      const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
      const recall = positives === 0 ? 0 : tp / positives;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      const fb = precision + recall === 0 ? 0 : (1.25 * precision * recall) / (0.25 * precision + recall);
      // The rule group may go down to 0 (every rule hit labelled); the rest never below 0.05 (skipped above).
      const cand = { threshold: tn, ruleThreshold: tr, precision, recall, f1 };
      const score = objective === 'f1' ? f1 : recall;
      if (precision >= minPrecision && (!best || score > best.score)) best = { ...cand, score };
      if (!fallback || fb > fallback.score) fallback = { ...cand, score: fb };
    }
  }
  const chosen = best ??
    fallback ?? { threshold: 0.5, ruleThreshold: 0.5, precision: 0, recall: 0, f1: 0, score: 0 };
  const { score: _score, ...rest } = chosen;
  return rest;
}
