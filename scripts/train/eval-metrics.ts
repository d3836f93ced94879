/**
 * Figures of a grouped evaluation (issue 22): micro and service-averaged precision / recall per category,
 * ai-training `permits` (the product's first promise), stance accuracy, macro-F1 of the other categories —
 * each with a 95 % interval from a bootstrap over service groups (the groups are the independent units: a
 * resample draws whole groups with replacement).
 * @module
 */
import { CATEGORY_IDS, type CategoryId } from '../../lib/classify/taxonomy';
import { mulberry32 } from './random';
import type { Outcome } from './cross-validate';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Per group: counts per category (presence, any stance), ai-training `permits`, and stance agreement. */
export interface GroupCounts {
  group: string;
  categories: Record<CategoryId, Counts>;
  aiPermits: Counts;
  /** ai-training found in both gold and painted labels: how often the stance agrees. */
  aiStance: { correct: number; total: number };
  /** The same over every category. */
  stance: { correct: number; total: number };
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function emptyGroup(group: string): GroupCounts {
  return {
    group,
    categories: Object.fromEntries(CATEGORY_IDS.map((c) => [c, zero()])) as Record<CategoryId, Counts>,
    aiPermits: zero(),
    aiStance: { correct: 0, total: 0 },
    stance: { correct: 0, total: 0 },
  };
}

/** Adds one clause's outcome to its group's counts. */
export function addOutcome(g: GroupCounts, o: Outcome): void {
  for (const c of CATEGORY_IDS) {
    const p = o.predicted.get(c);
    const y = o.gold.get(c);
    const k = g.categories[c];
    if (p && y) k.tp++;
    else if (p) k.fp++;
    else if (y) k.fn++;
    if (p && y) {
      g.stance.total++;
      if (p === y) g.stance.correct++;
      if (c === 'ai-training') {
        g.aiStance.total++;
        if (p === y) g.aiStance.correct++;
      }
    }
  }
  const p = o.predicted.get('ai-training') === 'permits';
  const y = o.gold.get('ai-training') === 'permits';
  if (p && y) g.aiPermits.tp++;
  else if (p) g.aiPermits.fp++;
  else if (y) g.aiPermits.fn++;
}

const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b);
const precision = (k: Counts): number => ratio(k.tp, k.tp + k.fp);
const recall = (k: Counts): number => ratio(k.tp, k.tp + k.fn);
function f1(k: Counts): number {
  const denom = 2 * k.tp + k.fp + k.fn;
  return denom === 0 ? NaN : (2 * k.tp) / denom;
}

function sum(groups: readonly GroupCounts[], pick: (g: GroupCounts) => Counts): Counts {
  const out = zero();
  for (const g of groups) {
    const k = pick(g);
    out.tp += k.tp;
    out.fp += k.fp;
    out.fn += k.fn;
  }
  return out;
}

/** Mean of a per-group ratio over the groups where it is defined. */
function groupMean(groups: readonly GroupCounts[], value: (g: GroupCounts) => number): number {
  let s = 0;
  let n = 0;
  for (const g of groups) {
    const v = value(g);
    if (Number.isNaN(v)) continue;
    s += v;
    n++;
  }
  return n === 0 ? NaN : s / n;
}

/** Every figure the report states, as a function of a set of groups (so the bootstrap can recompute it). */
export interface Figures {
  ai: {
    precision: number;
    recall: number;
    /** Recall averaged over the groups with at least one ai-training `permits` clause. */
    serviceMacroRecall: number;
    /** Precision averaged over the groups where something was painted ai-training `permits`. */
    serviceMacroPrecision: number;
    stanceAccuracy: number;
    counts: Counts;
    stance: { correct: number; total: number };
  };
  /** Per category (presence, any stance). */
  categories: Record<
    CategoryId,
    { precision: number; recall: number; f1: number; macroPrecision: number; macroRecall: number } & Counts
  >;
  /** Macro-F1 over the categories other than ai-training that have gold support. */
  otherMacroF1: number;
  stanceAccuracy: number;
}

export function figures(groups: readonly GroupCounts[]): Figures {
  const ai = sum(groups, (g) => g.aiPermits);
  const aiStance = groups.reduce(
    (a, g) => ({ correct: a.correct + g.aiStance.correct, total: a.total + g.aiStance.total }),
    { correct: 0, total: 0 },
  );
  const stance = groups.reduce(
    (a, g) => ({ correct: a.correct + g.stance.correct, total: a.total + g.stance.total }),
    { correct: 0, total: 0 },
  );
  const categories = Object.fromEntries(
    CATEGORY_IDS.map((c) => {
      const k = sum(groups, (g) => g.categories[c]);
      return [
        c,
        {
          ...k,
          precision: precision(k),
          recall: recall(k),
          f1: f1(k),
          macroPrecision: groupMean(groups, (g) => precision(g.categories[c])),
          macroRecall: groupMean(groups, (g) => recall(g.categories[c])),
        },
      ];
    }),
  ) as Figures['categories'];
  const others = CATEGORY_IDS.filter((c) => c !== 'ai-training' && categories[c].tp + categories[c].fn > 0);
  const otherMacroF1 = others.length
    ? others.reduce((s, c) => s + (Number.isNaN(categories[c].f1) ? 0 : categories[c].f1), 0) / others.length
    : NaN;
  return {
    ai: {
      precision: precision(ai),
      recall: recall(ai),
      serviceMacroRecall: groupMean(groups, (g) => recall(g.aiPermits)),
      serviceMacroPrecision: groupMean(groups, (g) => precision(g.aiPermits)),
      stanceAccuracy: ratio(aiStance.correct, aiStance.total),
      counts: ai,
      stance: aiStance,
    },
    categories,
    otherMacroF1,
    stanceAccuracy: ratio(stance.correct, stance.total),
  };
}

export type Interval = [number, number];

/** 95 % percentile intervals of chosen figures over `resamples` bootstrap draws of whole groups. */
export function bootstrap(
  groups: readonly GroupCounts[],
  pick: (f: Figures) => Record<string, number>,
  resamples = 1000,
  seed = 22,
): Record<string, Interval> {
  const rand = mulberry32(seed);
  const draws: Record<string, number[]> = {};
  for (let b = 0; b < resamples; b++) {
    const sample: GroupCounts[] = [];
    for (let k = 0; k < groups.length; k++) sample.push(groups[Math.floor(rand() * groups.length)]!);
    for (const [name, v] of Object.entries(pick(figures(sample)))) (draws[name] ??= []).push(v);
  }
  const out: Record<string, Interval> = {};
  for (const [name, values] of Object.entries(draws)) {
    const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    out[name] = v.length
      ? [v[Math.floor(0.025 * (v.length - 1))]!, v[Math.ceil(0.975 * (v.length - 1))]!]
      : [NaN, NaN];
  }
  return out;
}

/** The headline figures (the gates) by name, for the bootstrap. */
export function headline(f: Figures): Record<string, number> {
  const out: Record<string, number> = {
    precision: f.ai.precision,
    recall: f.ai.recall,
    service_macro_recall: f.ai.serviceMacroRecall,
    stance_accuracy: f.ai.stanceAccuracy,
    other_macro_f1: f.otherMacroF1,
  };
  for (const c of CATEGORY_IDS) {
    out[`${c}:precision`] = f.categories[c].precision;
    out[`${c}:recall`] = f.categories[c].recall;
    out[`${c}:macro_precision`] = f.categories[c].macroPrecision;
    out[`${c}:macro_recall`] = f.categories[c].macroRecall;
  }
  return out;
}
