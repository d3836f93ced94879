/**
 * Domain word vectors as the trainer writes them: the kept words follow the documented rule, fasttext's text
 * output is read exactly, and the int8 file decodes to unit-length vectors keyed by the words' unigram
 * hashes, so the runtime's pooling finds them. Lines and vectors are team-written.
 */
import { describe, expect, it } from 'vitest';
import { pooledInto, vectorRow, wordVectors } from '../../lib/classify/embedding';
import { fnv1a } from '../../lib/classify/features';
import { FEATURE_SETS } from '../../scripts/train/eval-run';
import { DEFAULT_LOGREG, trainHeads } from '../../scripts/train/logreg';
import { prepare } from '../../scripts/train/train-model';
import { keptWords, parseVec, quantiseVectors, wordCounts } from '../../scripts/train/word-vectors';

const LINES = [
  'we train models on your posts',
  'we use your posts to improve the service',
  'the service stores your posts for znumz days',
  'we may train models',
];

function decode(file: ReturnType<typeof quantiseVectors>) {
  const b = Buffer.from(file.hashes, 'base64');
  const hashes = new Uint32Array(b.length / 4);
  for (let i = 0; i < hashes.length; i++) hashes[i] = b.readUInt32LE(i * 4);
  return wordVectors(file.dim, hashes, new Int8Array(Buffer.from(file.vectors, 'base64')), file.scale);
}

describe('word vectors', () => {
  it('counts words and the lines they are on', () => {
    const c = wordCounts(['a b a', 'b c']);
    expect(c.get('a')).toEqual({ count: 2, lines: 1 });
    expect(c.get('b')).toEqual({ count: 2, lines: 2 });
    expect(c.get('c')).toEqual({ count: 1, lines: 1 });
  });

  it('keeps the most frequent words that are not on too many lines, never the number placeholder', () => {
    const counts = wordCounts(LINES);
    // "we", "your" and "posts" are on 3 of 4 lines: above a half share they are function-like and dropped.
    const kept = keptWords(counts, LINES.length, { maxWords: 4, maxLineShare: 0.5 });
    expect(kept).toEqual(['models', 'service', 'the', 'train']);
    expect(keptWords(counts, LINES.length, { maxWords: 100, maxLineShare: 1 })).not.toContain('znumz');
    expect(keptWords(counts, LINES.length, { maxWords: 2, maxLineShare: 1 })).toEqual(['posts', 'we']);
  });

  it("reads fasttext's text output", () => {
    const v = parseVec('3 2\ntrain 0.5 -1\nmodel 2 0 \n</s> 1\n');
    expect([...v.keys()]).toEqual(['train', 'model']);
    expect(Array.from(v.get('train')!)).toEqual([0.5, -1]);
  });

  it('writes unit-length int8 vectors keyed by the unigram hash, sorted by hash', () => {
    const vectors = new Map([
      ['train', Float64Array.from([3, 4])],
      ['model', Float64Array.from([0, -2])],
      ['unused', Float64Array.from([1, 1])],
    ]);
    const file = quantiseVectors(['train', 'model', 'absent'], vectors, 2);
    const v = decode(file);
    expect(v.size).toBe(2);
    const row = (w: string) =>
      Array.from(v.data.subarray(vectorRow(v, fnv1a(w)) * 2, vectorRow(v, fnv1a(w)) * 2 + 2));
    expect(row('train').map((x) => x * v.scale)).toEqual([expect.closeTo(0.6, 2), expect.closeTo(0.8, 2)]);
    expect(row('model').map((x) => x * v.scale)).toEqual([0, expect.closeTo(-1, 2)]);
    expect(vectorRow(v, fnv1a('unused'))).toBe(-1);
    const b = Buffer.from(file.hashes, 'base64');
    expect(b.readUInt32LE(0)).toBeLessThan(b.readUInt32LE(4));
  });

  it('the vectors feature sets pool the clause (and its context) beside the n-grams', () => {
    for (const name of ['vectors', 'context+vectors']) {
      const set = FEATURE_SETS[name]!;
      expect(set.vectors?.dim).toBeGreaterThan(0);
      const p = prepare(
        [
          {
            text: 'We may train models on your posts',
            headingPath: ['How we use data'],
            service: 's',
            labels: [],
          },
        ],
        set,
      );
      expect(p.D).toBe(set.vectors!.dim * set.dense.length);
      const out = new Float32Array(set.vectors!.dim);
      const v = decode(set.vectors!);
      expect(pooledInto(v, [fnv1a('train'), fnv1a('models')], 2, out)).toBe(2);
      expect(Array.from(p.dense!.subarray(0, v.dim)).some((x) => x !== 0)).toBe(true);
    }
    expect(FEATURE_SETS['vectors']!.dense).toEqual(['clause']);
    expect(FEATURE_SETS['context+vectors']!.dense).toEqual(['clause', 'context']);
  });
});

describe('dense inputs in training', () => {
  // A dense input present in every example: the pooled word vector. Its L2 is its own (denseL2), since the
  // per-update L2 of the n-grams would shrink it at every example.
  const n = 40;
  const rows = Array.from({ length: n }, () => Int32Array.from([]));
  const dense = Float32Array.from({ length: n }, (_, i) => (i % 2 ? 0.9 : -0.9));
  const y = [Uint8Array.from({ length: n }, (_, i) => i % 2)];
  const mask = [new Uint8Array(n).fill(1)];
  const data = { rows, values: new Float64Array(n).fill(1), dense, D: 1 };
  const fit = (denseL2?: number) =>
    Math.abs(trainHeads(data, y, mask, 0, { ...DEFAULT_LOGREG, l2: 0.05, denseL2 }).dense[0]!);

  it('regularise the dense weights by denseL2, not by the n-grams l2', () => {
    expect(fit(0)).toBeGreaterThan(2 * fit(0.05));
    expect(fit(undefined)).toBeCloseTo(fit(0.05), 10);
  });
});
