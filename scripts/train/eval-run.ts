/**
 * One evaluation job (issue 22): the labelled data by service group, prepared once per process, then any of
 * the ten grouped cross-validation folds and the final-test model. `npm run eval` spreads the folds over a
 * few child processes (the machine is shared; each fold is an independent training), `npm run train` trains
 * the shipped model on exactly the data the final-test model is trained on — every cross-validation group and
 * CLAUDETTE, never a final-test group — so the final-test figures are the shipped model's.
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelClause } from '../../lib/classify/classifier';
import { loadModel, type LinearModel, type ModelFile } from '../../lib/classify/model';
import type { CategoryId, Stance } from '../../lib/classify/taxonomy';
import { readClaudette } from './benchmarks';
import { asClause } from './cross-validate';
import { loadEvalData, type EvalData } from './eval-data';
import {
  DEFAULT_TRAIN,
  PLAIN_FEATURES,
  prepare,
  trainModel,
  type FeatureSet,
  type Prepared,
  type TrainReport,
} from './train-model';
import { chooseThresholdPair } from './metrics';
import { committedVectors } from './word-vectors';
import { emptyScored, scoreItems, type Scored } from '../eval-calibration';

const CONTEXT = { prev: true, allHeadings: true };

/** The feature sets that read the committed word vectors (built by scripts/train/word-vectors.ts). */
export const VECTOR_SETS: readonly string[] = ['vectors', 'context+vectors'];

/** Named feature sets the comparison and the trainer can choose (`FINEPRINT_FEATURES` / `--features`). */
export const FEATURE_SETS: Record<string, FeatureSet> = {
  plain: PLAIN_FEATURES,
  // Previous clause (v:) and the headings above the nearest one (a:); the lead-in is in every set (h:).
  context: { features: CONTEXT, dense: [] },
  // The clause's pooled word vector beside the plain features (read on use: the file may not exist yet).
  get vectors(): FeatureSet {
    return { features: {}, vectors: committedVectors(), dense: ['clause'] };
  },
  // Context features, plus a pooled vector of the clause and one of its context (lead-in, heading, previous).
  get 'context+vectors'(): FeatureSet {
    return { features: CONTEXT, vectors: committedVectors(), dense: ['clause', 'context'] };
  },
};

export interface RunData {
  data: EvalData;
  /** Cross-validation items, then CLAUDETTE positives (always training). */
  prepared: Prepared;
  cvIndex: number[];
  extraIndex: number[];
}

/** Load and prepare everything a job needs (the expensive part: labels resolved against the corpus). */
export function loadRunData(dir: string, set: FeatureSet): RunData {
  const data = loadEvalData(dir);
  const read = (rel: string): string | null =>
    existsSync(join(dir, rel)) ? readFileSync(join(dir, rel), 'utf8') : null;
  const list = (rel: string): string[] => (existsSync(join(dir, rel)) ? readdirSync(join(dir, rel)) : []);
  const claudette = readClaudette(read, list, true).flatMap((d) => d.items);
  const prepared = prepare([...data.cv, ...claudette], set);
  return {
    data,
    prepared,
    cvIndex: data.cv.map((_, i) => i),
    extraIndex: claudette.map((_, i) => data.cv.length + i),
  };
}

/** A painted label, as much of it as the figures need. */
export type Predicted = [CategoryId, Stance, string | null];

/**
 * The ai-training decision at other operating points, on the same fold model (only the ai-training
 * threshold and paint floor change): the trade-off table of docs/accuracy.md. `floor` is the inner-fold
 * precision the raw threshold must reach (0: none), `paint` the calibrated probability.
 */
export interface OperatingPoint {
  floor: number;
  paint: number;
}
export const OPERATING_POINTS: OperatingPoint[] = [
  { floor: 0.97, paint: 0.5 },
  { floor: 0.95, paint: 0.5 },
  { floor: 0.9, paint: 0.5 },
  { floor: 0.8, paint: 0.5 },
  ...[0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((paint) => ({ floor: 0, paint })),
];

export interface FoldResult {
  fold: number;
  /** Per operating point (OPERATING_POINTS order), the ai-training stance painted on each test clause. */
  aiAt?: Array<Array<[number, Stance | null]>>;
  /** Index into `data.cv` (or `data.finalTest` for the final fold) and the painted labels. */
  predictions: Array<[number, Predicted[]]>;
  scored: Scored;
  seconds: number;
}

const lite = (model: LinearModel, it: RunData['data']['cv'][number], i: number): Predicted[] =>
  labelClause(asClause(it, i), model, {}, it.prev).map((l) => [l.category, l.stance, l.evidence.rule]);

/** Train without fold `fold` (CLAUDETTE always in) and label the fold's clauses through the runtime path. */
export function runFold(r: RunData, fold: number): FoldResult {
  const started = Date.now();
  const test = r.cvIndex.filter((i) => r.data.cv[i]!.fold === fold);
  const train = [...r.cvIndex.filter((i) => r.data.cv[i]!.fold !== fold), ...r.extraIndex];
  const { file, report } = trainModel(r.prepared, DEFAULT_TRAIN, train);
  const model = loadModel(file);
  const items = test.map((i) => r.data.cv[i]!);
  return {
    fold,
    aiAt: operatingPoints(model, report, r, test),
    predictions: test.map((i) => [i, lite(model, r.data.cv[i]!, i)]),
    scored: scoreItems(model, items, emptyScored()),
    seconds: (Date.now() - started) / 1000,
  };
}

/** The fold's ai-training labels at every operating point (thresholds from the same inner folds). */
function operatingPoints(
  model: LinearModel,
  report: TrainReport,
  r: RunData,
  test: readonly number[],
): Array<Array<[number, Stance | null]>> {
  const c = model.categories.indexOf('ai-training');
  const oof = report.outOfFold['ai-training'];
  if (c < 0 || !oof) return [];
  const trusted = oof.ruleFired.map(() => 0);
  return OPERATING_POINTS.map(({ floor, paint }) => {
    const pair = chooseThresholdPair(oof.raw, oof.gold, floor, oof.ruleFired, trusted, 'recall');
    const thresholds = Float64Array.from(model.thresholds);
    const ruleThresholds = Float64Array.from(model.ruleThresholds);
    thresholds[c] = floor === 0 ? 0 : pair.threshold;
    ruleThresholds[c] = floor === 0 ? 0 : pair.ruleThreshold;
    const variant: LinearModel = { ...model, thresholds, ruleThresholds, minPaintProbability: paint };
    return test.map((i): [number, Stance | null] => [
      i,
      lite(variant, r.data.cv[i]!, i).find((l) => l[0] === 'ai-training')?.[1] ?? null,
    ]);
  });
}

/** The model of every cross-validation group (+ CLAUDETTE): what `npm run train` ships. */
export function trainFinal(r: RunData): ModelFile {
  return trainModel(r.prepared, DEFAULT_TRAIN, [...r.cvIndex, ...r.extraIndex]).file;
}

/** Label the final-test groups' clauses with `file` (fold -1). */
export function runFinalTest(data: EvalData, file: ModelFile): FoldResult {
  const started = Date.now();
  const model = loadModel(file);
  return {
    fold: -1,
    predictions: data.finalTest.map((it, i) => [i, lite(model, it, i)]),
    scored: scoreItems(model, data.finalTest, emptyScored()),
    seconds: (Date.now() - started) / 1000,
  };
}
