/**
 * Calibration: fitting (isotonic, Platt), the reliability measure, and the paint decision it drives (a label
 * is painted only at calibrated probability ≥ 0.5 or when a trusted rule set it; weaker ones are "possible").
 */
import { describe, expect, it } from 'vitest';
import { applyMap, logit } from '../../lib/classify/calibration';
import { classifyWith, labelClauseWithPossible } from '../../lib/classify/classifier';
import { loadModel, type ModelFile } from '../../lib/classify/model';
import modelFile from '../../lib/classify/model.json';
import { fitCalibration, fitIsotonic, fitPlatt, reliability } from '../../scripts/train/calibrate';
import { mulberry32 } from '../../scripts/train/random';
import { sentence } from '../support/clauses';

const rng = mulberry32;

/** Raw scores whose true probability is raw² (an over-confident model). */
function overConfident(n: number, seed: number): { p: number[]; y: number[] } {
  const r = rng(seed);
  const p: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const raw = r();
    p.push(raw);
    y.push(r() < raw * raw ? 1 : 0);
  }
  return { p, y };
}

describe('fitting', () => {
  it('isotonic: a non-decreasing map that corrects an over-confident score on new data', () => {
    const train = overConfident(4000, 1);
    const test = overConfident(4000, 2);
    const map = fitIsotonic(train.p, train.y);
    for (let i = 1; i < map.y.length; i++) expect(map.y[i]!).toBeGreaterThanOrEqual(map.y[i - 1]!);
    expect(Math.min(...map.y)).toBeGreaterThan(0);
    expect(Math.max(...map.y)).toBeLessThan(1);
    const raw = reliability(test.p, test.y).ece;
    const calibrated = reliability(
      test.p.map((v) => applyMap(map, v)),
      test.y,
    ).ece;
    expect(raw).toBeGreaterThan(0.1);
    expect(calibrated).toBeLessThan(0.04);
  });

  it('Platt: recovers the slope of σ(2·logit p)', () => {
    const r = rng(3);
    const p: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 6000; i++) {
      const raw = 0.02 + 0.96 * r();
      p.push(raw);
      y.push(r() < 1 / (1 + Math.exp(-2 * logit(raw))) ? 1 : 0);
    }
    const map = fitPlatt(p, y);
    expect(map.a!).toBeGreaterThan(1.7);
    expect(map.a!).toBeLessThan(2.3);
    expect(Math.abs(map.b!)).toBeLessThan(0.2);
  });

  it('Platt stays finite on separable data (every high score positive, every low one negative)', () => {
    const p = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.9, 0.92, 0.94, 0.96, 0.98, 0.99];
    const y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    const map = fitPlatt(p, y);
    expect(Number.isFinite(map.a!) && Math.abs(map.a!) < 50).toBe(true);
    expect(applyMap(map, 0.95)).toBeGreaterThan(0.8);
    expect(applyMap(map, 0.03)).toBeLessThan(0.2);
  });

  it('chooses isotonic with enough data, Platt with little, nothing with less', () => {
    const big = overConfident(2000, 4);
    expect(fitCalibration(big.p, big.y)?.method).toBe('isotonic');
    expect(fitCalibration(big.p.slice(0, 60), big.y.slice(0, 60))?.method).toBe('platt');
    expect(fitCalibration([0.1, 0.9], [0, 1])).toBeUndefined();
  });
});

describe('reliability', () => {
  it('computes the expected calibration error by bins', () => {
    // Bin 0.0–0.1: predicted 0.05, observed 0 (2 clauses); bin 0.9–1.0: predicted 0.95, observed 0.5 (2).
    const r = reliability([0.05, 0.05, 0.95, 0.95], [0, 0, 1, 0]);
    expect(r.ece).toBeCloseTo(0.5 * 0.05 + 0.5 * 0.45, 10);
    expect(r.bins[9]).toMatchObject({ count: 2, observed: 0.5 });
  });
});

describe('the paint decision', () => {
  const clause = (text: string) => sentence(text);
  /** The bundled model with every calibrated probability forced to `q`. */
  const forced = (q: number) => {
    const file = structuredClone(modelFile) as unknown as ModelFile;
    const constant = { method: 'platt' as const, x: [], y: [], a: 0, b: logit(q) };
    file.calibration = Object.fromEntries(
      file.categories.map((c) => [c, { rule: constant, plain: constant }]),
    );
    return loadModel(file);
  };
  const texts = [
    'We may use your posts and photos to train and improve our machine learning models.',
    'We share your contact details with advertising partners who show you ads on other websites.',
    'We keep your account information for as long as your account is active.',
  ];

  it('below 0.5 only a trusted rule paints, with the rule’s precision as its confidence; the rest are possible', () => {
    const model = forced(0.4);
    let possible = 0;
    for (const t of texts) {
      const r = labelClauseWithPossible(clause(t), model);
      for (const l of r.labels) {
        expect(l.evidence.rule && model.trustedRules.has(l.evidence.rule), `${l.category}: ${t}`).toBe(true);
        expect(l.confidence).toBeGreaterThanOrEqual(0.9);
      }
      for (const l of r.possible) expect(l.confidence).toBeCloseTo(0.4, 3);
      possible += r.possible.length;
    }
    expect(possible).toBeGreaterThan(0);
  });

  it('below the "possible" floor nothing is listed at all', () => {
    const model = forced(0.1);
    for (const t of texts) expect(labelClauseWithPossible(clause(t), model).possible).toEqual([]);
  });

  it('the bundled model paints no label under 0.5 without a rule, and keeps possible labels off the findings', () => {
    const model = loadModel(modelFile as unknown as ModelFile);
    const out = classifyWith(texts.map(clause), model);
    for (const c of out) {
      for (const l of c.labels) expect(l.confidence >= 0.5 || l.evidence.rule !== null).toBe(true);
      for (const l of c.possible ?? []) {
        expect(l.confidence).toBeLessThan(0.5 + 1e-9);
        expect(c.labels.some((x) => x.category === l.category)).toBe(false);
      }
    }
    expect(out[0]!.labels.map((l) => l.category)).toContain('ai-training');
  });
});
