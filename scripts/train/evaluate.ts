/**
 * Counts of painted labels against gold over a set of clauses, through the runtime path (`labelClause`):
 * per category, per stance, and stance agreement. Used by the development CV (scripts/cv.ts).
 * @module
 */
import { labelClause } from '../../lib/classify/classifier';
import type { LinearModel } from '../../lib/classify/model';
import { CATEGORY_IDS, STANCES, type CategoryId, type Stance } from '../../lib/classify/taxonomy';
import { asClause } from './cross-validate';
import { addCounts, prf, zeroCounts, type Counts } from './metrics';
import type { TrainItem } from './train-model';

export interface EvalResult {
  perCategory: Record<CategoryId, Counts>;
  perStance: Record<Stance, Counts>;
  /** Stance agreement where gold and prediction share the category. */
  stance: { correct: number; total: number };
  stanceAi: { correct: number; total: number };
  items: number;
}

/** Score `model` (null = rules only) on items through the exact runtime path (`labelClause`). */
export function evaluate(model: LinearModel | null, items: readonly TrainItem[]): EvalResult {
  const perCategory = Object.fromEntries(CATEGORY_IDS.map((c) => [c, zeroCounts()])) as Record<
    CategoryId,
    Counts
  >;
  const perStance = Object.fromEntries(STANCES.map((s) => [s, zeroCounts()])) as Record<Stance, Counts>;
  const stance = { correct: 0, total: 0 };
  const stanceAi = { correct: 0, total: 0 };
  items.forEach((it, i) => {
    const predicted = new Map(labelClause(asClause(it, i), model).map((l) => [l.category, l.stance]));
    const gold = new Map(it.labels.map((l) => [l.category, l.stance]));
    for (const c of it.reviewed ?? CATEGORY_IDS) {
      const p = predicted.get(c);
      const g = gold.get(c);
      const k = perCategory[c];
      if (p && g) k.tp++;
      else if (p) k.fp++;
      else if (g) k.fn++;
      if (p && g) {
        stance.total++;
        if (p === g) stance.correct++;
        if (c === 'ai-training') {
          stanceAi.total++;
          if (p === g) stanceAi.correct++;
        }
      }
      if (p && g && p === g) perStance[p].tp++;
      else {
        if (p) perStance[p].fp++;
        if (g) perStance[g].fn++;
      }
    }
  });
  return { perCategory, perStance, stance, stanceAi, items: items.length };
}

export function mergeResults(a: EvalResult, b: EvalResult): EvalResult {
  const perCategory = Object.fromEntries(
    CATEGORY_IDS.map((c) => [c, addCounts(a.perCategory[c], b.perCategory[c])]),
  ) as EvalResult['perCategory'];
  const perStance = Object.fromEntries(
    STANCES.map((s) => [s, addCounts(a.perStance[s], b.perStance[s])]),
  ) as EvalResult['perStance'];
  const add = (x: { correct: number; total: number }, y: { correct: number; total: number }) => ({
    correct: x.correct + y.correct,
    total: x.total + y.total,
  });
  return {
    perCategory,
    perStance,
    stance: add(a.stance, b.stance),
    stanceAi: add(a.stanceAi, b.stanceAi),
    items: a.items + b.items,
  };
}

/** Macro-F1 over the categories that have gold support. */
export function macroF1(
  r: EvalResult,
  categories: readonly CategoryId[],
): { f1: number; counted: CategoryId[] } {
  const counted = categories.filter((c) => r.perCategory[c].tp + r.perCategory[c].fn > 0);
  const f1 =
    counted.length === 0 ? 0 : counted.reduce((s, c) => s + prf(r.perCategory[c]).f1, 0) / counted.length;
  return { f1, counted };
}
