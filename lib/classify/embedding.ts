/**
 * Domain word vectors, pooled per clause: a dense description of what a clause talks about that carries over
 * to words the labelled data never showed ("fine-tune", "teach", "large language" sit near "train" and
 * "model" in policy text). Learned from unlabelled policies (`npm run train`, scripts/train/word-vectors.ts),
 * pruned to the words that matter, int8. A word is keyed by the hash the model already computes for it (its
 * unigram feature, `fnv1a(word)`), so pooling needs no extra tokenising: the mean of the vectors of the
 * clause's distinct words, scaled to unit length.
 * @module
 */

/** What the model file stores (base64 fields). */
export interface WordVectorsFile {
  dim: number;
  /** Sorted uint32 word hashes, little-endian, base64. */
  hashes: string;
  /** int8 vectors, row-major [word][dim], base64. */
  vectors: string;
  /** Value of one int8 step. */
  scale: number;
}

export interface WordVectors {
  dim: number;
  /** Open-addressing table: key, and the row of its vector (-1 = empty). */
  keys: Uint32Array;
  rows: Int32Array;
  mask: number;
  data: Int8Array;
  scale: number;
  size: number;
}

/** Build the lookup table of decoded vectors. */
export function wordVectors(dim: number, hashes: Uint32Array, data: Int8Array, scale: number): WordVectors {
  if (data.length !== hashes.length * dim) throw new Error('word vectors do not match their word count');
  let cap = 16;
  while (cap < hashes.length * 2) cap *= 2;
  const keys = new Uint32Array(cap);
  const rows = new Int32Array(cap).fill(-1);
  const mask = cap - 1;
  for (let r = 0; r < hashes.length; r++) {
    const h = hashes[r]! >>> 0;
    let i = Math.imul(h, 0x9e3779b1) & mask;
    while (rows[i]! !== -1 && keys[i] !== h) i = (i + 1) & mask;
    keys[i] = h;
    rows[i] = r;
  }
  return { dim, keys, rows, mask, data, scale, size: hashes.length };
}

/** Row of a word hash, or -1. */
export function vectorRow(v: WordVectors, hash: number): number {
  const h = hash >>> 0;
  let i = Math.imul(h, 0x9e3779b1) & v.mask;
  for (;;) {
    const r = v.rows[i]!;
    if (r === -1 || v.keys[i] === h) return r;
    i = (i + 1) & v.mask;
  }
}

/**
 * Mean of the vectors of those of `hashes[0..n)` that are words with a vector, scaled to unit length, into
 * `out` (length ≥ dim). Returns how many words had a vector; `out` is all zeros when none had.
 */
export function pooledInto(v: WordVectors, hashes: ArrayLike<number>, n: number, out: Float32Array): number {
  const { dim, data } = v;
  out.fill(0, 0, dim);
  let found = 0;
  for (let i = 0; i < n; i++) {
    const r = vectorRow(v, hashes[i]!);
    if (r < 0) continue;
    found++;
    const base = r * dim;
    for (let d = 0; d < dim; d++) out[d]! += data[base + d]!;
  }
  if (found === 0) return 0;
  let norm = 0;
  for (let d = 0; d < dim; d++) norm += out[d]! * out[d]!;
  const k = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < dim; d++) out[d]! *= k;
  return found;
}
