/**
 * The trained linear model: per-category one-vs-rest logistic regression over hashed features, int8
 * weights with a per-category scale. Stored as base64 in model.json (written by `npm run train`).
 * @module
 */
import type { CategoryId } from './taxonomy';
import type { CategoryCalibration } from './calibration';
import { contextWordHashes, featureValue, type FeatureInput, type FeatureOptions } from './features';
import { pooledInto, wordVectors, type WordVectors, type WordVectorsFile } from './embedding';

/** What `scripts/train.ts` writes. */
export interface ModelFile {
  format: 'fineprint-linear-v1';
  /** ISO date of training, and the command, for provenance. */
  trainedAt: string;
  /** Categories with a trained head, in column order. */
  categories: CategoryId[];
  /** Sorted uint32 feature hashes, little-endian, base64. */
  hashes: string;
  /** int8 weights, row-major [feature][category], base64. */
  weights: string;
  scales: number[];
  biases: number[];
  /** Per-category threshold on the raw probability, chosen on by-service cross-validation. */
  thresholds: number[];
  /** Threshold per category when one of its rules fired (absent: same as `thresholds`). */
  ruleThresholds?: number[];
  /** Rule ids precise enough (on training folds) to label on their own. */
  trustedRules: string[];
  /** Features are scaled by 1/√(feature count) (see `featureValue`). */
  normalise?: boolean;
  /** Per category: maps from raw to calibrated probability (lib/classify/calibration.ts). */
  calibration?: Record<string, CategoryCalibration>;
  /** No label below this calibrated probability is painted unless a trusted rule set it. */
  minPaintProbability?: number;
  /** Precision of each trusted rule on the training clauses: the confidence of a label it sets. */
  trustedRulePrecision?: Record<string, number>;
  /** Context features the model reads (absent: none). */
  features?: FeatureOptions;
  /** Domain word vectors for the dense blocks. */
  vectors?: WordVectorsFile;
  /**
   * Dense inputs, each a pooled word vector of `vectors.dim` values: `clause` (the clause's distinct words) and
   * `context` (its lead-in, nearest heading and previous clause). Weights int8 row-major [input][category].
   */
  dense?: { blocks: DenseBlock[]; weights: string; scales: number[] };
  /** Training set summary. */
  stats?: Record<string, unknown>;
}

export type DenseBlock = 'clause' | 'context';

/**
 * Feature hash → weight row, open addressing over typed arrays: several times faster than a Map with
 * tens of thousands of numeric keys, and no per-entry objects.
 */
export class FeatureIndex {
  /** Open-addressing table (read directly by `score`, the hot loop). */
  readonly keys: Uint32Array;
  readonly rows: Int32Array;
  readonly mask: number;
  readonly size: number;

  constructor(hashes: ArrayLike<number>) {
    let cap = 16;
    while (cap < hashes.length * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.size = hashes.length;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]! >>> 0;
      let i = Math.imul(h, 0x9e3779b1) & this.mask;
      while (this.rows[i]! !== -1 && this.keys[i] !== h) i = (i + 1) & this.mask;
      this.keys[i] = h;
      this.rows[i] = r;
    }
  }

  /** Row of a feature hash, or undefined. */
  get(hash: number): number | undefined {
    const h = hash >>> 0;
    let i = Math.imul(h, 0x9e3779b1) & this.mask;
    for (;;) {
      const r = this.rows[i]!;
      if (r === -1) return undefined;
      if (this.keys[i] === h) return r;
      i = (i + 1) & this.mask;
    }
  }
}

/**
 * Feature hash → that feature's weights, in one slot: the key (4 bytes) followed by the category weights
 * (int8), slots padded to a power of two bytes. Scoring a clause looks up every feature; with keys, rows and
 * weights in three arrays each lookup touched three cache lines, here one. Open addressing, linear probing.
 */
export interface WeightTable {
  /** Slot keys, read as `keys[slot * (stride >> 2)]` (int32 view of the table). */
  keys: Int32Array;
  /** Weights of the feature in slot `s`, category `c`: `bytes[s * stride + 4 + c]`. */
  bytes: Int8Array;
  /** Bytes per slot. */
  stride: number;
  mask: number;
  /** Key of an empty slot: a value that no model feature hashes to (checked before the key compare). */
  empty: number;
  /**
   * One bit per `presenceBit(hash)`, set for every model feature. About half a clause's features are unknown
   * to the model; the table (megabytes) costs a cache miss per lookup, this bitset (256 KB) rarely does, and a
   * clear bit proves the feature absent.
   */
  present: Int32Array;
}

const PRESENCE_BITS = 18;

/** Bit of a feature hash in `WeightTable.present` (a different mix from the slot's: independent misses). */
export function presenceBit(hash: number): number {
  return Math.imul(hash, 0x85ebca6b) >>> (32 - PRESENCE_BITS);
}

/** A uint32 that is not one of `hashes`: 0 unless a feature happens to hash to 0. */
function unusedKey(hashes: Uint32Array): number {
  if (!hashes.includes(0)) return 0;
  const sorted = hashes.slice().sort();
  let k = 0;
  for (const h of sorted) {
    if (h === k) k++;
    else if (h > k) break;
  }
  return k;
}

function weightTable(hashes: Uint32Array, weights: Int8Array, C: number): WeightTable {
  let stride = 4;
  while (stride < 4 + C) stride *= 2;
  // At most two thirds full: half the memory of a half-full table (the lookups are cache misses, fewer the
  // smaller it is), and the presence bits keep most absent features from probing at all.
  let cap = 16;
  while (cap < hashes.length * 1.5) cap *= 2;
  const buffer = new ArrayBuffer(cap * stride);
  const keys = new Int32Array(buffer);
  const bytes = new Int8Array(buffer);
  const words = stride >> 2;
  const empty = unusedKey(hashes) | 0;
  const mask = cap - 1;
  const present = new Int32Array(1 << (PRESENCE_BITS - 5));
  if (empty !== 0) for (let s = 0; s < cap; s++) keys[s * words] = empty;
  for (let r = 0; r < hashes.length; r++) {
    const h = hashes[r]! | 0;
    const bit = presenceBit(h);
    present[bit >>> 5]! |= 1 << (bit & 31);
    let s = Math.imul(h, 0x9e3779b1) & mask;
    while (keys[s * words] !== empty && keys[s * words] !== h) s = (s + 1) & mask;
    keys[s * words] = h;
    // A repeated hash keeps its last row, as FeatureIndex does.
    bytes.set(weights.subarray(r * C, r * C + C), s * stride + 4);
  }
  return { keys, bytes, stride, mask, empty, present };
}

export interface LinearModel {
  categories: CategoryId[];
  /** Hash → weight row (what `score` reports); built on first use, the classifier itself uses `table`. */
  index: FeatureIndex;
  table: WeightTable;
  weights: Int8Array;
  scales: Float64Array;
  biases: Float64Array;
  thresholds: Float64Array;
  ruleThresholds: Float64Array;
  trustedRules: Set<string>;
  normalise: boolean;
  /** Per category column (undefined: raw probabilities are used as they are). */
  calibration: (CategoryCalibration | undefined)[];
  minPaintProbability: number;
  trustedRulePrecision: Map<string, number>;
  features: FeatureOptions;
  vectors: WordVectors | undefined;
  denseBlocks: DenseBlock[];
  /** int8 [D][C], D = blocks × vector dim. */
  denseWeights: Int8Array;
  denseScales: Float64Array;
}

/**
 * Base64 → bytes by the fastest decoder the runtime has: the model is decoded once per cold service worker,
 * where a byte-by-byte loop runs unoptimised (issue 22's 50 ms decode budget). Browsers with
 * `Uint8Array.fromBase64` (Chromium 140+, Firefox 133+) and Node's Buffer decode natively; the loop is the
 * fallback for older browsers.
 */
export function fromBase64(
  b64: string,
  env: { Uint8Array: unknown; Buffer?: unknown; atob(s: string): string } = globalThis,
): Uint8Array {
  const native = (env.Uint8Array as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (typeof native === 'function') return native.call(env.Uint8Array, b64);
  const NodeBuffer = env.Buffer as { from(s: string, enc: 'base64'): Uint8Array } | undefined;
  // Copied: a small Buffer is a view into Node's shared pool, and callers view `.buffer` from offset 0.
  if (NodeBuffer) return new Uint8Array(NodeBuffer.from(b64, 'base64'));
  const bin = env.atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Little-endian uint32s stored as bytes (offset 0, length a multiple of 4), without a per-item loop where the
 * platform is little-endian (every platform browsers run on). */
function uint32sOf(bytes: Uint8Array): Uint32Array {
  if (LITTLE_ENDIAN && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
    return new Uint32Array(bytes.buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.byteLength >> 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** Decode a model file; throws on a malformed one (the caller falls back to rules). */
export function loadModel(file: ModelFile): LinearModel {
  if (file.format !== 'fineprint-linear-v1') throw new Error(`unknown model format ${String(file.format)}`);
  const hb = fromBase64(file.hashes);
  const weights = new Int8Array(fromBase64(file.weights).buffer);
  const C = file.categories.length;
  const n = hb.length / 4;
  if (weights.length !== n * C) throw new Error('model weights do not match the feature count');
  const hashes = uint32sOf(hb);
  let index: FeatureIndex | undefined;
  let vectors: WordVectors | undefined;
  if (file.vectors) {
    const words = uint32sOf(fromBase64(file.vectors.hashes));
    const data = new Int8Array(fromBase64(file.vectors.vectors).buffer);
    vectors = wordVectors(file.vectors.dim, words, data, file.vectors.scale);
  }
  const denseBlocks = file.dense?.blocks ?? [];
  const denseWeights = file.dense ? new Int8Array(fromBase64(file.dense.weights).buffer) : new Int8Array(0);
  if (denseBlocks.length && (!vectors || denseWeights.length !== denseBlocks.length * vectors.dim * C))
    throw new Error('dense weights do not match the word vectors');
  return {
    categories: [...file.categories],
    get index(): FeatureIndex {
      return (index ??= new FeatureIndex(hashes));
    },
    table: weightTable(hashes, weights, C),
    weights,
    scales: Float64Array.from(file.scales),
    biases: Float64Array.from(file.biases),
    thresholds: Float64Array.from(file.thresholds),
    ruleThresholds: Float64Array.from(file.ruleThresholds ?? file.thresholds),
    trustedRules: new Set(file.trustedRules),
    normalise: file.normalise === true,
    calibration: file.categories.map((c) => file.calibration?.[c]),
    minPaintProbability: file.minPaintProbability ?? 0.5,
    trustedRulePrecision: new Map(Object.entries(file.trustedRulePrecision ?? {})),
    features: { ...file.features },
    vectors,
    denseBlocks,
    denseWeights,
    denseScales: Float64Array.from(file.dense?.scales ?? []),
  };
}

/** Scratch for `denseInput` (single-threaded, overwritten by its next call). */
let denseScratch = new Float32Array(0);
let contextScratch = new Float32Array(0);

/**
 * The dense inputs of a clause for `model` (its pooled word vectors), or undefined when the model has none.
 * `hashes[0..n)` are the clause's feature hashes: its words' unigram hashes are the vectors' keys.
 */
export function denseInput(
  model: LinearModel,
  hashes: ArrayLike<number>,
  n: number,
  input: FeatureInput,
): Float32Array | undefined {
  const v = model.vectors;
  if (!v || model.denseBlocks.length === 0) return undefined;
  const D = v.dim * model.denseBlocks.length;
  if (denseScratch.length !== D) denseScratch = new Float32Array(D);
  if (contextScratch.length !== v.dim) contextScratch = new Float32Array(v.dim);
  model.denseBlocks.forEach((block, k) => {
    if (block === 'clause') pooledInto(v, hashes, n, contextScratch);
    else {
      const words = contextWordHashes(input, model.features);
      pooledInto(v, words, words.length, contextScratch);
    }
    denseScratch.set(contextScratch, k * v.dim);
  });
  return denseScratch;
}

export interface Scored {
  /** Probability per category column. */
  probs: Float64Array;
  /** Row index of each feature hash (parallel to the input), -1 when unknown to the model. */
  rows: Int32Array;
}

/** Adds the dense inputs' contribution to each category's logit. */
function addDense(
  model: LinearModel,
  dense: Float32Array | undefined,
  logits: Float64Array,
  C: number,
): void {
  if (!dense) return;
  const w = model.denseWeights;
  const D = dense.length;
  for (let c = 0; c < C; c++) {
    let s = 0;
    for (let d = 0; d < D; d++) s += dense[d]! * w[d * C + c]!;
    logits[c]! += s * model.denseScales[c]!;
  }
}

const logitScratch = new Float64Array(64);

/** Logistic scores of one clause's distinct feature hashes; O(features × categories). */
export function score(model: LinearModel, hashes: Uint32Array, dense?: Float32Array): Scored {
  const C = model.categories.length;
  // int8 weights sum exactly in int32; scaled once per category below.
  if (accScratch.length < C) accScratch = new Int32Array(C);
  const acc = accScratch;
  acc.fill(0, 0, C);
  const rows = new Int32Array(hashes.length);
  const { keys, rows: table, mask } = model.index;
  const weights = model.weights;
  for (let i = 0; i < hashes.length; i++) {
    // FeatureIndex.get, inlined: this loop runs ~70,000 times per 15,000-word policy.
    const h = hashes[i]! >>> 0;
    let slot = Math.imul(h, 0x9e3779b1) & mask;
    let row = table[slot]!;
    while (row !== -1 && keys[slot] !== h) {
      slot = (slot + 1) & mask;
      row = table[slot]!;
    }
    rows[i] = row;
    if (row === -1) continue;
    const base = row * C;
    for (let c = 0; c < C; c++) acc[c]! += weights[base + c]!;
  }
  const probs = new Float64Array(C);
  const v = featureValue(hashes.length, model.normalise);
  for (let c = 0; c < C; c++) logitScratch[c] = acc[c]! * model.scales[c]! * v + model.biases[c]!;
  addDense(model, dense, logitScratch, C);
  for (let c = 0; c < C; c++) probs[c] = 1 / (1 + Math.exp(-logitScratch[c]!));
  return { probs, rows };
}

/** Per-category accumulator reused by `score` and `scoreInto` (single-threaded, not re-entrant). */
let accScratch = new Int32Array(16);

/** What `scoreInto` returns: scratch arrays, overwritten by its next call. */
export interface ScoredScratch {
  /** Probability per category column (the first `categories.length` entries). */
  probs: Float64Array;
  /** WeightTable slot of each of the `n` feature hashes, -1 when unknown to the model. */
  slots: Int32Array;
}

const scored: ScoredScratch = { probs: new Float64Array(16), slots: new Int32Array(1024) };

/**
 * `score` of `hashes[0..n)` for the runtime: the same probabilities (same int32 sums, same arithmetic),
 * from the one-lookup `WeightTable`, into scratch arrays instead of two new typed arrays per clause.
 */
export function scoreInto(
  model: LinearModel,
  hashes: Uint32Array,
  n: number,
  dense?: Float32Array,
): ScoredScratch {
  const C = model.categories.length;
  if (accScratch.length < C) accScratch = new Int32Array(C);
  if (scored.probs.length < C) scored.probs = new Float64Array(C);
  if (scored.slots.length < n) scored.slots = new Int32Array(n);
  const acc = accScratch;
  acc.fill(0, 0, C);
  const { keys, bytes, stride, mask, empty, present } = model.table;
  const words = stride >> 2;
  const slots = scored.slots;
  for (let i = 0; i < n; i++) {
    const h = hashes[i]! | 0;
    const bit = presenceBit(h);
    if (((present[bit >>> 5]! >>> (bit & 31)) & 1) === 0) {
      slots[i] = -1;
      continue;
    }
    let s = Math.imul(h, 0x9e3779b1) & mask;
    let k = keys[s * words]!;
    while (k !== empty && k !== h) {
      s = (s + 1) & mask;
      k = keys[s * words]!;
    }
    if (k === empty) {
      slots[i] = -1;
      continue;
    }
    slots[i] = s;
    const base = s * stride + 4;
    for (let c = 0; c < C; c++) acc[c]! += bytes[base + c]!;
  }
  const probs = scored.probs;
  const v = featureValue(n, model.normalise);
  for (let c = 0; c < C; c++) logitScratch[c] = acc[c]! * model.scales[c]! * v + model.biases[c]!;
  addDense(model, dense, logitScratch, C);
  for (let c = 0; c < C; c++) probs[c] = 1 / (1 + Math.exp(-logitScratch[c]!));
  return scored;
}

/**
 * The `k` present features contributing most to category column `c` (w·x is exact for a linear model),
 * as feature strings from `describe`.
 */
export function topFeatures(
  model: LinearModel,
  describe: (i: number) => string,
  rows: Int32Array,
  c: number,
  k: number,
): string[] {
  return topWeighted(model.weights, model.categories.length, c, describe, rows, rows.length, k);
}

/** `topFeatures` over `scoreInto`'s slots for its `n` features. */
export function topFeaturesOfSlots(
  model: LinearModel,
  describe: (i: number) => string,
  slots: Int32Array,
  n: number,
  c: number,
  k: number,
): string[] {
  const { bytes, stride } = model.table;
  return topWeighted(bytes, stride, 4 + c, describe, slots, n, k);
}

/** Feature `i`'s weight is `weights[at[i] * stride + offset]` (no weight when `at[i]` < 0). */
function topWeighted(
  weights: Int8Array,
  stride: number,
  offset: number,
  describe: (i: number) => string,
  at: Int32Array,
  n: number,
  k: number,
): string[] {
  // Partial selection of the k largest positive weights (k is tiny; no sort, no pair objects).
  const bestW: number[] = [];
  const bestI: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = at[i]!;
    if (row < 0) continue;
    const w = weights[row * stride + offset]!;
    if (w <= 0 || (bestW.length > k && w <= bestW[bestW.length - 1]!)) continue;
    let pos = bestW.length;
    while (pos > 0 && bestW[pos - 1]! < w) pos--;
    bestW.splice(pos, 0, w);
    bestI.splice(pos, 0, i);
    // One spare slot: "bias:1" may take one place and is dropped below.
    if (bestW.length > k + 1) {
      bestW.pop();
      bestI.pop();
    }
  }
  const out: string[] = [];
  for (const i of bestI) {
    if (out.length >= k) break;
    const f = describe(i);
    if (f !== 'bias:1') out.push(f);
  }
  return out;
}
