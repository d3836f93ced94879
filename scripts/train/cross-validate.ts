/**
 * Grouped cross-validation by service group: for each fold, a model is trained on the other folds (and the
 * always-training extras, CLAUDETTE) by the full training procedure — inner by-group folds for thresholds and
 * calibration included — and the fold's clauses are labelled through the runtime path (`labelClause`: rules,
 * model, calibration, the paint rule). What is scored is what would be painted.
 * @module
 */
import { labelClause } from '../../lib/classify/classifier';
import { loadModel, type LinearModel, type ModelFile } from '../../lib/classify/model';
import type { CategoryId, Stance } from '../../lib/classify/taxonomy';
import type { Clause, Label } from '../../lib/types';
import { DEFAULT_TRAIN, trainModel, type Prepared, type TrainItem, type TrainOptions } from './train-model';

/** A clause as the runtime sees it (headings as a path, its lead-in). */
export function asClause(it: TrainItem, i: number): Clause {
  return {
    id: `e${i}`,
    text: it.text,
    section: it.headingPath.join(' › '),
    headingPath: it.headingPath,
    leadIn: it.leadIn,
    block: i,
    unit: it.leadIn ? 'list-item' : 'sentence',
  };
}

/** The painted labels of an item under `model` (null: rules only), with the previous clause as context. */
export function predict(model: LinearModel | null, it: TrainItem, i: number): Label[] {
  return labelClause(asClause(it, i), model, {}, it.prev);
}

export interface FoldRun {
  fold: number;
  file: ModelFile;
  /** Indices (into the prepared items) of the fold's test clauses, and their painted labels. */
  test: number[];
  labels: Label[][];
  seconds: number;
}

/**
 * Cross-validate over `evaluated` (indices into `p.items`, each with a fold in `foldOf`), always training on
 * `extra` too. Folds run in order; `onFold` reports progress.
 */
export function crossValidate(
  p: Prepared,
  evaluated: readonly number[],
  foldOf: (i: number) => number,
  folds: number,
  extra: readonly number[] = [],
  options: Partial<TrainOptions> = {},
  onFold?: (run: FoldRun) => void,
): FoldRun[] {
  const runs: FoldRun[] = [];
  for (let f = 0; f < folds; f++) {
    const started = Date.now();
    const test = evaluated.filter((i) => foldOf(i) === f);
    if (test.length === 0) continue;
    const train = [...evaluated.filter((i) => foldOf(i) !== f), ...extra];
    const { file } = trainModel(p, { ...DEFAULT_TRAIN, ...options }, train);
    const model = loadModel(file);
    const labels = test.map((i) => predict(model, p.items[i]!, i));
    const run = { fold: f, file, test, labels, seconds: (Date.now() - started) / 1000 };
    runs.push(run);
    onFold?.(run);
  }
  return runs;
}

/** Gold and painted stance of each category of one clause. */
export interface Outcome {
  gold: Map<CategoryId, Stance>;
  predicted: Map<CategoryId, Stance>;
}

export function outcome(gold: TrainItem['labels'], predicted: readonly Label[]): Outcome {
  return {
    gold: new Map(gold.map((l) => [l.category, l.stance])),
    predicted: new Map(predicted.map((l) => [l.category, l.stance])),
  };
}
