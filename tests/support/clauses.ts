/**
 * Clauses the team writes for unit tests, and what the classifier makes of one. A label listed as "possible"
 * goes through the same stance rules as a painted one, so tests of rules read both (`shownLabels`): a retrain
 * that moves a score across the paint line must not decide whether a rule's test passes.
 */
import { classifyClauses } from '../../lib/classify';
import type { CategoryId, Stance } from '../../lib/classify/taxonomy';
import type { AnalysedClause, Clause, Label } from '../../lib/types';

/** One sentence as the segmenter would cut it, with nothing around it unless `extra` says so. */
export function sentence(text: string, extra: Partial<Clause> = {}): Clause {
  return { id: 'c', text, section: '', headingPath: [], block: 0, unit: 'sentence', ...extra };
}

/** An analysed clause with the labels given (confidence 0.9, no rule) and empty slots. */
export function analysed(
  block: number,
  text: string,
  labels: readonly [CategoryId, Stance][] = [],
  extra: Partial<AnalysedClause> = {},
): AnalysedClause {
  return {
    id: `c${block}`,
    text,
    section: '',
    headingPath: [],
    block,
    unit: 'sentence',
    labels: labels.map(([category, stance]) => ({
      category,
      stance,
      confidence: 0.9,
      evidence: { phrase: null, rule: null, features: [] },
    })),
    explanation: null,
    slots: { data: [], purposes: [], safeguards: [], choice: null, scope: [], default: null },
    ...extra,
  };
}

/** The classifier's reading of one sentence. */
export function classifyOne(text: string, extra: Partial<Clause> = {}): AnalysedClause {
  return classifyClauses([sentence(text, extra)])[0]!;
}

/** Painted labels and those listed as possible. */
export function shownLabels(c: AnalysedClause): Label[] {
  return [...c.labels, ...(c.possible ?? [])];
}

/** The categories of one sentence, painted or possible. */
export function shownCategories(text: string, extra: Partial<Clause> = {}): CategoryId[] {
  return shownLabels(classifyOne(text, extra)).map((l) => l.category);
}

/** The stance of `category` in one sentence, painted or possible; undefined when it has no such label. */
export function shownStance(text: string, category: string, extra: Partial<Clause> = {}): Stance | undefined {
  return shownLabels(classifyOne(text, extra)).find((l) => l.category === category)?.stance;
}

/** The painted label of `category` in one sentence, if any. */
export function paintedLabel(text: string, category: string, extra: Partial<Clause> = {}): Label | undefined {
  return classifyOne(text, extra).labels.find((l) => l.category === category);
}
