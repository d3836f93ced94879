/**
 * The linear model: training is deterministic, quantised weights decode exactly, scores are w·x, bad model
 * files are refused, thresholds are chosen for precision. Training sentences are team-written.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { clauseFeatures, featureHashes, featureValue, fnv1a } from '../../lib/classify/features';
import { fromBase64, loadModel, score, topFeatures, type ModelFile } from '../../lib/classify/model';
import { applyRules } from '../../lib/classify/rules';
import { CATEGORY_IDS } from '../../lib/classify/taxonomy';
import { chooseThreshold, chooseThresholdPair } from '../../scripts/train/metrics';
import { prepare, trainModel, type TrainItem } from '../../scripts/train/train-model';
import { bundledModel } from '../../lib/classify';

const SHARE = [
  'We share your details with delivery partners',
  'Your information is disclosed to our advertising partners',
  'We give your data to vendors who process payments',
  'Partners receive your email address to send offers',
  'We pass your contact details to affiliated companies',
];
const OTHER = [
  'We collect your name when you register',
  'This page explains how cookies work',
  'Contact our support team by email',
  'You must be sixteen to use the app',
  'We encrypt passwords at rest',
];

/** Ten services, each with the same kinds of sentences in its own words (service name appended). */
function toyItems(): TrainItem[] {
  const items: TrainItem[] = [];
  for (let s = 0; s < 10; s++) {
    const service = `svc${s}`;
    for (const t of SHARE)
      items.push({
        text: `${t} (${service}).`,
        headingPath: [],
        service,
        labels: [{ category: 'data-sharing', stance: 'permits' }],
      });
    for (const t of OTHER) items.push({ text: `${t} (${service}).`, headingPath: [], service, labels: [] });
  }
  return items;
}

describe('training', () => {
  it('is reproducible: same data and seed give the same model file', () => {
    const a = trainModel(prepare(toyItems()), { minPositives: 5 }).file;
    const b = trainModel(prepare(toyItems()), { minPositives: 5 }).file;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('learns a separable category and scores unseen sentences of that kind higher', () => {
    const model = loadModel(trainModel(prepare(toyItems()), { minPositives: 5 }).file);
    expect(model.categories).toEqual(['data-sharing']);
    const feats = (text: string) => featureHashes({ text }, applyRules({ text })).hashes;
    const pos = score(model, feats('We share your details with advertising partners.')).probs[0]!;
    const neg = score(model, feats('We encrypt your name when you register.')).probs[0]!;
    expect(pos).toBeGreaterThan(0.5);
    expect(neg).toBeLessThan(0.5);
  });

  it('scores are exactly the dequantised dot product (w·x), and top features are present n-grams', () => {
    const file = trainModel(prepare(toyItems()), { minPositives: 5 }).file;
    const model = loadModel(file);
    const text = 'We share your details with partners.';
    const features = clauseFeatures({ text }, applyRules({ text }));
    const hashed = featureHashes({ text }, applyRules({ text }));
    let sum = 0;
    for (const f of features) {
      const row = model.index.get(fnv1a(f));
      if (row !== undefined) sum += model.weights[row]!;
    }
    const expected =
      1 /
      (1 +
        Math.exp(-(sum * file.scales[0]! * featureValue(features.length, file.normalise) + file.biases[0]!)));
    const { probs, rows } = score(model, hashed.hashes);
    expect(probs[0]).toBeCloseTo(expected, 12);
    const top = topFeatures(model, hashed.describe, rows, 0, 3);
    expect(top.length).toBeGreaterThan(0);
    for (const f of top) expect(features).toContain(f);
  });
});

describe('feature hashing', () => {
  it('featureHashes gives exactly the hashes of clauseFeatures, and describes each one', () => {
    for (const [text, leadIn, heading] of [
      ['We may use your chats to train our models unless you opt out.', undefined, 'How we use data'],
      ['train AI models on platform content; or', 'You may not:', undefined],
      ['Contact us.', undefined, undefined],
    ] as const) {
      const input = { text, leadIn, headingPath: heading ? [heading] : [] };
      const hits = applyRules(input);
      const strings = clauseFeatures(input, hits);
      const hashed = featureHashes(input, hits);
      expect([...hashed.hashes].sort()).toEqual(strings.map(fnv1a).sort());
      hashed.hashes.forEach((h, i) => expect(fnv1a(hashed.describe(i))).toBe(h));
    }
  });
});

describe('model files', () => {
  it('refuses an unknown format or mismatched weights', () => {
    const file = trainModel(prepare(toyItems()), { minPositives: 5 }).file;
    expect(() => loadModel({ ...file, format: 'other' } as unknown as ModelFile)).toThrow(/format/);
    expect(() => loadModel({ ...file, weights: Buffer.from([1, 2, 3]).toString('base64') })).toThrow(/match/);
  });

  it('top features are the largest positive weights, strongest first', () => {
    const model = bundledModel()!;
    const text = 'We may use your chats and feedback to train and improve our AI models unless you opt out.';
    const hashed = featureHashes({ text }, applyRules({ text }));
    const { rows } = score(model, hashed.hashes);
    const C = model.categories.length;
    for (let c = 0; c < C; c++) {
      const brute = [...rows.keys()]
        .filter(
          (i) => rows[i]! >= 0 && model.weights[rows[i]! * C + c]! > 0 && hashed.describe(i) !== 'bias:1',
        )
        .sort((a, b) => model.weights[rows[b]! * C + c]! - model.weights[rows[a]! * C + c]! || a - b)
        .slice(0, 3)
        .map((i) => hashed.describe(i));
      expect(topFeatures(model, hashed.describe, rows, c, 3)).toEqual(brute);
    }
  });

  it('the bundled model loads, is within the size budget and has sane thresholds', () => {
    const raw = readFileSync(new URL('../../lib/classify/model.json', import.meta.url));
    expect(gzipSync(raw).length).toBeLessThanOrEqual(1024 * 1024);
    const file = JSON.parse(raw.toString('utf8')) as ModelFile;
    const model = bundledModel();
    expect(model).not.toBeNull();
    expect(model!.categories).toEqual(file.categories);
    for (const c of model!.categories) expect(CATEGORY_IDS).toContain(c);
    for (const t of file.thresholds) expect(t).toBeGreaterThan(0);
    expect(model!.index.size).toBeGreaterThan(1000);
  });
});

describe('threshold selection', () => {
  it('picks the highest recall that keeps precision at the target', () => {
    // Scores high→low with labels 1 1 1 0 1 0 0: at P ≥ 0.75 the best cut keeps the top 5 (4/5 = 0.8).
    const p = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3];
    const y = [1, 1, 1, 0, 1, 0, 0];
    const c = chooseThreshold(p, y, 0.75);
    expect(c.recall).toBe(1);
    expect(c.precision).toBeCloseTo(0.8);
    expect(c.threshold).toBeCloseTo(0.45);
    // At P ≥ 0.95 only the top three qualify.
    expect(chooseThreshold(p, y, 0.95).recall).toBeCloseTo(0.75);
  });

  it('uses a lower threshold where a rule fired when that keeps precision', () => {
    const p = [0.9, 0.4, 0.35, 0.3, 0.2];
    const y = [1, 1, 1, 0, 0];
    const rule = [0, 1, 1, 0, 0];
    const pair = chooseThresholdPair(p, y, 0.95, rule, [0, 0, 0, 0, 0]);
    expect(pair.recall).toBe(1);
    expect(pair.precision).toBe(1);
    expect(pair.ruleThreshold).toBeLessThan(pair.threshold);
  });
});

describe('fromBase64', () => {
  // Every bytes value, and lengths that end on each base64 padding case.
  const cases = [0, 1, 2, 3, 256, 1001].map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 37) & 255));
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

  it.each(cases.map((c) => [c.length, c]))('decodes %i bytes alike on every path', (_, bytes) => {
    const native = {
      Uint8Array: { fromBase64: (s: string) => new Uint8Array(Buffer.from(s, 'base64')) },
      atob,
    };
    const nodeBuffer = { Uint8Array: {}, Buffer, atob };
    const loop = { Uint8Array: {}, atob };
    for (const env of [native, nodeBuffer, loop]) {
      const out = fromBase64(b64(bytes), env);
      expect([...out]).toEqual([...bytes]);
      // Callers view the whole buffer (Int8Array / Uint32Array of `.buffer`).
      expect(out.byteOffset).toBe(0);
      expect(out.buffer.byteLength).toBe(bytes.length);
    }
  });
});
