/**
 * Training: features → one-vs-rest heads → by-service cross-validated thresholds and trusted rules →
 * int8 quantisation → the model file. Pure (no I/O): `scripts/train.ts` and `scripts/eval.ts` call it.
 * @module
 */
import {
  contextWordHashes,
  featureHashes,
  featureValue,
  fnv1a,
  type FeatureOptions,
} from '../../lib/classify/features';
import type { DenseBlock, ModelFile } from '../../lib/classify/model';
import {
  pooledInto,
  wordVectors,
  type WordVectors,
  type WordVectorsFile,
} from '../../lib/classify/embedding';
import { foldClause } from '../../lib/classify/fold-text';
import { applyRules, type RuleHit } from '../../lib/classify/rules';
import { CATEGORY_IDS, type CategoryId, type Stance } from '../../lib/classify/taxonomy';
import { DEFAULT_LOGREG, trainHeads, type LogRegOptions, type MultiHeads } from './logreg';
import { calibrate, type CategoryCalibration } from '../../lib/classify/calibration';
import { DEFAULT_CALIBRATION, fitCalibration, type CalibrationOptions } from './calibrate';
import { chooseThresholdPair, type ThresholdObjective } from './metrics';

export interface TrainItem {
  text: string;
  leadIn?: string;
  /** The previous clause of the document (context features). */
  prev?: string;
  headingPath: string[];
  service: string;
  /** Service group (aliases of one service); inner folds split by it when present. */
  group?: string;
  labels: { category: CategoryId; stance: Stance }[];
  /** Categories assessed for this item; absent = all. */
  reviewed?: readonly CategoryId[];
}

export interface TrainOptions {
  seed: number;
  folds: number;
  /** Features seen in fewer training clauses are dropped. */
  minCount: number;
  /** Precision the threshold must reach on out-of-fold scores, per category. */
  minPrecision: Partial<Record<CategoryId, number>>;
  defaultMinPrecision: number;
  /** What the threshold maximises above the precision floor, per category (default `defaultObjective`). */
  objective: Partial<Record<CategoryId, ThresholdObjective>>;
  defaultObjective: ThresholdObjective;
  /** A rule is trusted to label alone when its training precision reaches this with enough support. */
  trustedRulePrecision: number;
  trustedRuleSupport: number;
  /** Categories with fewer positives get no head (rules only). */
  minPositives: number;
  logreg: LogRegOptions;
  /** Scale each clause's binary features by 1/√(feature count), so long clauses do not dominate. */
  normalise: boolean;
  /** How the calibration maps are fitted (isotonic with enough data, Platt with little). */
  calibration: CalibrationOptions;
  /** No label is painted below this calibrated probability unless a trusted rule set it. */
  minPaintProbability: number;
  /** Skip a head's update on an example its prediction is already this close to (see `trainHeads`). */
  easy: number;
}

/** What a model reads besides the clause's n-grams and rule hits (fixed at `prepare`). */
export interface FeatureSet {
  features: FeatureOptions;
  /** Word vectors for the dense blocks (absent: no dense input). */
  vectors?: WordVectorsFile;
  dense: DenseBlock[];
}

export const PLAIN_FEATURES: FeatureSet = { features: {}, dense: [] };

export const DEFAULT_TRAIN: TrainOptions = {
  seed: 20261122,
  folds: 5,
  minCount: 2,
  // ai-training: no raw-score floor, so the paint rule alone decides (calibrated ≥ minPaintProbability, issue
  // 23). The 0.97 inner-fold floor of model v2 gave outer-CV precision 0.84 at half the recall: inner folds
  // over-promise, and the user missed most AI clauses. Trade-off table: docs/accuracy.md "Operating point".
  minPrecision: { 'ai-training': 0 },
  // Other categories are judged by F1 (issue 3 gate: macro-F1): the threshold maximises out-of-fold F1
  // above a precision floor, instead of recall at precision 0.85, which left most of data-sharing unlabelled
  // (training-service CV, scripts/cv.ts: data-sharing F1 0.66 → 0.76, other-category macro-F1 0.815 → 0.822).
  defaultMinPrecision: 0.75,
  objective: { 'ai-training': 'recall' },
  defaultObjective: 'f1',
  trustedRulePrecision: 0.97,
  trustedRuleSupport: 8,
  minPositives: 8,
  logreg: DEFAULT_LOGREG,
  normalise: true,
  calibration: DEFAULT_CALIBRATION,
  // More likely right than wrong (issue 23): no label is painted below this calibrated probability.
  minPaintProbability: 0.5,
  easy: 0.002,
};

export interface Prepared {
  items: readonly TrainItem[];
  hits: RuleHit[][];
  /** Distinct feature hashes per item (the runtime's `featureHashes`). */
  features: Uint32Array[];
  set: FeatureSet;
  /** Dense inputs, row-major [item][D] (the runtime's `denseInput`), when the set has dense blocks. */
  dense?: Float32Array;
  D: number;
}

/**
 * Rule hits, feature hashes and dense inputs for every item (the expensive, model-independent part), read
 * from the folded clause exactly as the classifier reads it (lib/classify/fold-text.ts).
 */
export function prepare(items: readonly TrainItem[], set: FeatureSet = PLAIN_FEATURES): Prepared {
  const folded = items.map((it) => {
    const f = foldClause(it);
    return f.prev === undefined ? f : { ...f, prev: foldClause({ text: f.prev }).text };
  });
  const hits = folded.map((it) => applyRules({ text: it.text, leadIn: it.leadIn }));
  const features = folded.map((it, i) => featureHashes(it, hits[i]!, set.features).hashes);
  const vectors: WordVectors | undefined = set.vectors
    ? wordVectors(
        set.vectors.dim,
        decodeUint32(set.vectors.hashes),
        new Int8Array(Buffer.from(set.vectors.vectors, 'base64')),
        set.vectors.scale,
      )
    : undefined;
  if (!vectors || set.dense.length === 0) return { items, hits, features, set, D: 0 };
  const dim = vectors.dim;
  const D = dim * set.dense.length;
  const dense = new Float32Array(items.length * D);
  const scratch = new Float32Array(dim);
  folded.forEach((it, i) => {
    set.dense.forEach((block, k) => {
      if (block === 'clause') pooledInto(vectors, features[i]!, features[i]!.length, scratch);
      else {
        const words = contextWordHashes(it, set.features);
        pooledInto(vectors, words, words.length, scratch);
      }
      dense.set(scratch, i * D + k * dim);
    });
  });
  return { items, hits, features, set, dense, D };
}

function decodeUint32(b64: string): Uint32Array {
  const bytes = Buffer.from(b64, 'base64');
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(i * 4);
  return out;
}

const has = (it: TrainItem, c: CategoryId): boolean => it.labels.some((l) => l.category === c);
const reviewed = (it: TrainItem, c: CategoryId): boolean => !it.reviewed || it.reviewed.includes(c);

/** Deterministic by-service fold of a service name. */
export function serviceFold(service: string, folds: number, seed: number): number {
  return fnv1a(`${seed}:${service}`) % folds;
}

/** The inner fold of an item: by its service group when known (aliases share text), else by service. */
const innerFold = (it: TrainItem, folds: number, seed: number): number =>
  serviceFold(it.group ?? it.service, folds, seed);

interface Heads {
  categories: CategoryId[];
  /** Feature hash → column. */
  columns: Map<number, number>;
  heads: MultiHeads;
  normalise: boolean;
  D: number;
}

function fitHeads(
  p: Prepared,
  subset: readonly number[],
  categories: readonly CategoryId[],
  o: TrainOptions,
): Heads {
  const df = new Map<number, number>();
  for (const i of subset) for (const h of p.features[i]!) df.set(h, (df.get(h) ?? 0) + 1);
  const columns = new Map<number, number>();
  for (const [h, n] of [...df].sort((a, b) => a[0] - b[0])) if (n >= o.minCount) columns.set(h, columns.size);
  const rows = subset.map((i) =>
    Int32Array.from(Array.from(p.features[i]!, (h) => columns.get(h) ?? -1).filter((c) => c >= 0)),
  );
  const values = Float64Array.from(subset.map((i) => featureValue(p.features[i]!.length, o.normalise)));
  let dense: Float32Array | undefined;
  if (p.dense) {
    dense = new Float32Array(subset.length * p.D);
    subset.forEach((i, k) => dense!.set(p.dense!.subarray(i * p.D, (i + 1) * p.D), k * p.D));
  }
  const y = categories.map((c) => Uint8Array.from(subset.map((i) => (has(p.items[i]!, c) ? 1 : 0))));
  const mask = categories.map((c) => Uint8Array.from(subset.map((i) => (reviewed(p.items[i]!, c) ? 1 : 0))));
  const heads = trainHeads({ rows, values, dense, D: p.D }, y, mask, columns.size, {
    ...o.logreg,
    easy: o.easy,
  });
  return { categories: [...categories], columns, heads, normalise: o.normalise, D: p.D };
}

function headProbs(h: Heads, p: Prepared, i: number): number[] {
  const features = p.features[i]!;
  const C = h.categories.length;
  const acc = new Float64Array(C);
  for (const f of features) {
    const col = h.columns.get(f);
    if (col === undefined) continue;
    for (let c = 0; c < C; c++) acc[c]! += h.heads.weights[col * C + c]!;
  }
  const v = featureValue(features.length, h.normalise);
  const out: number[] = [];
  for (let c = 0; c < C; c++) {
    let s = h.heads.bias[c]! + v * acc[c]!;
    for (let d = 0; d < h.D; d++) s += p.dense![i * h.D + d]! * h.heads.dense[d * C + c]!;
    out.push(1 / (1 + Math.exp(-s)));
  }
  return out;
}

/** Per rule: how many reviewed clauses it fired on, and how many of them had its category. */
function ruleStats(p: Prepared, subset: readonly number[]): Map<string, { tp: number; n: number }> {
  const stats = new Map<string, { tp: number; n: number }>();
  for (const i of subset) {
    for (const h of p.hits[i]!) {
      if (!reviewed(p.items[i]!, h.category)) continue;
      const s = stats.get(h.rule) ?? { tp: 0, n: 0 };
      s.n++;
      if (has(p.items[i]!, h.category)) s.tp++;
      stats.set(h.rule, s);
    }
  }
  return stats;
}

/** Rules precise enough on `subset` to label alone, per category. */
export function trustedRules(p: Prepared, subset: readonly number[], o: TrainOptions): string[] {
  return [...ruleStats(p, subset)]
    .filter(([, s]) => s.n >= o.trustedRuleSupport && s.tp / s.n >= o.trustedRulePrecision)
    .map(([r]) => r)
    .sort();
}

export interface TrainReport {
  categories: CategoryId[];
  /** Thresholds on raw scores, and the out-of-fold precision / recall of the decision with the calibrated floor. */
  thresholds: Record<
    string,
    { threshold: number; ruleThreshold: number; precision: number; recall: number; f1: number }
  >;
  /** Out-of-fold raw and calibrated scores per category (reviewed clauses only), for the calibration report. */
  outOfFold: Record<string, { raw: number[]; calibrated: number[]; gold: number[]; ruleFired: number[] }>;
  trustedRules: string[];
  features: number;
  items: number;
  services: number;
}

/**
 * Train on `subset` (indices into `p.items`; default all). Thresholds come from by-service k-fold
 * out-of-fold scores inside the subset, so a held-out test set is never looked at.
 */
export function trainModel(
  p: Prepared,
  options: Partial<TrainOptions> = {},
  subset: readonly number[] = [...p.items.keys()],
): { file: ModelFile; report: TrainReport } {
  const o = { ...DEFAULT_TRAIN, ...options };
  const categories = CATEGORY_IDS.filter(
    (c) => subset.filter((i) => has(p.items[i]!, c) && reviewed(p.items[i]!, c)).length >= o.minPositives,
  );
  const trusted = trustedRules(p, subset, o);
  const trustedSet = new Set(trusted);

  // Out-of-fold probabilities by service.
  const oof = new Map<number, number[]>();
  for (let f = 0; f < o.folds; f++) {
    const train = subset.filter((i) => innerFold(p.items[i]!, o.folds, o.seed) !== f);
    const test = subset.filter((i) => innerFold(p.items[i]!, o.folds, o.seed) === f);
    if (train.length === 0 || test.length === 0) continue;
    const heads = fitHeads(p, train, categories, o);
    for (const i of test) oof.set(i, headProbs(heads, p, i));
  }
  const thresholds: TrainReport['thresholds'] = {};
  const outOfFold: TrainReport['outOfFold'] = {};
  const calibration: Record<string, CategoryCalibration> = {};
  const ruleThresholds: number[] = [];
  const thresholdList = categories.map((c, k) => {
    const idx = subset.filter((i) => oof.has(i) && reviewed(p.items[i]!, c));
    const fired = (i: number, trustedOnly: boolean): number =>
      p.hits[i]!.some((h) => h.category === c && (!trustedOnly || trustedSet.has(h.rule))) ? 1 : 0;
    const raw = idx.map((i) => oof.get(i)![k]!);
    const gold = idx.map((i) => (has(p.items[i]!, c) ? 1 : 0));
    const ruleFired = idx.map((i) => fired(i, false));
    const trustedFired = idx.map((i) => fired(i, true));
    // Calibration maps from out-of-fold scores: with and without a rule hit, the pooled map where a group
    // is too small for a map of its own.
    const pick = (want: number) => {
      const js = idx.map((_, j) => j).filter((j) => ruleFired[j] === want);
      return fitCalibration(
        js.map((j) => raw[j]!),
        js.map((j) => gold[j]!),
        o.calibration,
      );
    };
    const pooled = fitCalibration(raw, gold, o.calibration);
    const cal: CategoryCalibration = {};
    const ruleMap = pick(1) ?? pooled;
    const plainMap = pick(0) ?? pooled;
    if (ruleMap) cal.rule = ruleMap;
    if (plainMap) cal.plain = plainMap;
    calibration[c] = cal;
    const calibrated = raw.map((v, j) => calibrate(cal, v, ruleFired[j] === 1));
    outOfFold[c] = { raw, calibrated, gold, ruleFired };
    // Thresholds on the raw scores, which keep the model's full ranking (an isotonic map ties the scores of
    // a block, so no cut could single out its top); the calibrated floor applies on top of them.
    const choice = chooseThresholdPair(
      raw,
      gold,
      o.minPrecision[c] ?? o.defaultMinPrecision,
      ruleFired,
      trustedFired,
      o.objective[c] ?? o.defaultObjective,
    );
    const { threshold, ruleThreshold } = choice;
    thresholds[c] = {
      threshold,
      ruleThreshold,
      ...scoreAt(
        raw,
        calibrated,
        gold,
        ruleFired,
        trustedFired,
        threshold,
        ruleThreshold,
        o.minPaintProbability,
      ),
    };
    ruleThresholds.push(ruleThreshold);
    return threshold;
  });

  const final = fitHeads(p, subset, categories, o);
  const file = quantise(final, thresholdList, trusted);
  if (Object.values(p.set.features).some(Boolean)) file.features = { ...p.set.features };
  if (p.set.vectors && p.set.dense.length) {
    file.vectors = p.set.vectors;
    file.dense = quantiseDense(final, p.set.dense);
  }
  file.ruleThresholds = ruleThresholds.map((t) => Number(t.toPrecision(6)));
  file.calibration = calibration;
  file.minPaintProbability = o.minPaintProbability;
  const stats = ruleStats(p, subset);
  file.trustedRulePrecision = Object.fromEntries(
    trusted.map((r) => [r, Number((stats.get(r)!.tp / stats.get(r)!.n).toFixed(3))]),
  );
  const services = new Set(subset.map((i) => p.items[i]!.group ?? p.items[i]!.service)).size;
  return {
    file,
    report: {
      categories,
      thresholds,
      outOfFold,
      trustedRules: trusted,
      features: final.columns.size,
      items: subset.length,
      services,
    },
  };
}

/**
 * Precision / recall / F1 of the runtime decision: a trusted rule labels at any score; otherwise the raw
 * score must reach the threshold and the calibrated probability the floor.
 */
function scoreAt(
  raw: readonly number[],
  calibrated: readonly number[],
  gold: readonly number[],
  ruleFired: readonly number[],
  trustedFired: readonly number[],
  threshold: number,
  ruleThreshold: number,
  floor: number,
): { precision: number; recall: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  calibrated.forEach((v, j) => {
    const on = trustedFired[j] === 1 || (raw[j]! >= (ruleFired[j] ? ruleThreshold : threshold) && v >= floor);
    if (on && gold[j]) tp++;
    else if (on) fp++;
    else if (gold[j]) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** int8 per category (scale = max|w| / 127); rows that quantise to all zeros are dropped. */
export function quantise(h: Heads, thresholds: number[], trusted: string[]): ModelFile {
  const C = h.categories.length;
  const w = h.heads.weights;
  const scales = h.categories.map((_, c) => {
    let max = 0;
    for (let j = c; j < w.length; j += C) max = Math.max(max, Math.abs(w[j]!));
    return max === 0 ? 1 : max / 127;
  });
  const kept: Array<[number, Int8Array]> = [];
  for (const [hash, col] of h.columns) {
    const q = new Int8Array(C);
    let any = false;
    for (let c = 0; c < C; c++) {
      q[c] = Math.round(w[col * C + c]! / scales[c]!);
      if (q[c] !== 0) any = true;
    }
    if (any) kept.push([hash, q]);
  }
  kept.sort((a, b) => a[0] - b[0]);
  const hashes = new Uint8Array(kept.length * 4);
  const view = new DataView(hashes.buffer);
  const weights = new Int8Array(kept.length * C);
  kept.forEach(([hash, q], r) => {
    view.setUint32(r * 4, hash, true);
    weights.set(q, r * C);
  });
  return {
    format: 'fineprint-linear-v1',
    trainedAt: '',
    categories: h.categories,
    hashes: toBase64(hashes),
    weights: toBase64(new Uint8Array(weights.buffer)),
    scales: scales.map((s) => Number(s.toPrecision(8))),
    biases: Array.from(h.heads.bias, (b) => Number(b.toPrecision(8))),
    thresholds: thresholds.map((t) => Number(t.toPrecision(6))),
    trustedRules: trusted,
    normalise: h.normalise,
  };
}

/** The dense weights, int8 per category. */
function quantiseDense(h: Heads, blocks: DenseBlock[]): NonNullable<ModelFile['dense']> {
  const C = h.categories.length;
  const u = h.heads.dense;
  const scales = h.categories.map((_, c) => {
    let max = 0;
    for (let j = c; j < u.length; j += C) max = Math.max(max, Math.abs(u[j]!));
    return max === 0 ? 1 : max / 127;
  });
  const q = new Int8Array(u.length);
  for (let j = 0; j < u.length; j++) q[j] = Math.round(u[j]! / scales[j % C]!);
  return {
    blocks: [...blocks],
    weights: toBase64(new Uint8Array(q.buffer)),
    scales: scales.map((s) => Number(s.toPrecision(8))),
  };
}
