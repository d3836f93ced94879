/**
 * What travels back from the background after it classifies a page's clauses. The content script already
 * holds every clause it extracted, and most clauses of a policy carry no label, so only the analyses of the
 * labelled ones cross the message channel: for a 15,000-word policy that is about a fifth of the clauses, and
 * Chrome serialises every reply on both ends. `withAnalyses` rebuilds the full classified list on arrival.
 *
 * Also the preview: the first clauses of a long policy are classified on their own so the top of the page
 * is highlighted before the background has finished the rest (see `previewClauses`).
 * @module
 */
import { emptySlots } from './explain/slots';
import type { AnalysedClause, Clause, Label, Slots } from './types';

/** The classifier's result for one labelled clause, by the clause's id. */
export interface ClauseAnalysis {
  id: string;
  labels: Label[];
  explanation: string | null;
  slots: Slots;
}

/** The analyses worth sending: those of clauses with at least one label. */
export function analysesOf(clauses: readonly AnalysedClause[]): ClauseAnalysis[] {
  const out: ClauseAnalysis[] = [];
  for (const c of clauses)
    if (c.labels.length > 0)
      out.push({ id: c.id, labels: c.labels, explanation: c.explanation, slots: c.slots });
  return out;
}

/**
 * The clauses with their analyses; a clause without one gets what the classifier gives an unlabelled
 * clause (no labels, no explanation, empty slots). Analyses naming no clause are ignored.
 */
export function withAnalyses(
  clauses: readonly Clause[],
  analyses: readonly ClauseAnalysis[],
): AnalysedClause[] {
  const byId = new Map(analyses.map((a) => [a.id, a]));
  return clauses.map((c) => {
    const a = byId.get(c.id);
    return a
      ? { ...c, labels: a.labels, explanation: a.explanation, slots: a.slots }
      : { ...c, labels: [], explanation: null, slots: emptySlots() };
  });
}

/**
 * Words of the preview: about two screenfuls of policy text at a reading width, so what the reader sees
 * first is covered, and small enough that its classification round trip takes a few milliseconds.
 */
export const PREVIEW_WORDS = 1_200;
/** Hard cap on preview clauses, whatever their length (also the background's guard limit). */
export const PREVIEW_MAX_CLAUSES = 80;
/** Pages shorter than this many clauses are classified in one go: a preview would only add a round trip. */
export const PREVIEW_MIN_TOTAL = 2 * PREVIEW_MAX_CLAUSES;

/** The first clauses of a long page, in document order, for the preview; empty when the page is short. */
export function previewClauses(clauses: readonly Clause[]): Clause[] {
  if (clauses.length < PREVIEW_MIN_TOTAL) return [];
  const out: Clause[] = [];
  let words = 0;
  for (const c of clauses) {
    if (out.length >= PREVIEW_MAX_CLAUSES || words >= PREVIEW_WORDS) break;
    out.push(c);
    words += countWords(c.text);
  }
  return out;
}

function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
