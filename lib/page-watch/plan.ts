/**
 * What to do when the page changed under us. Pure: the content script feeds it facts and acts on the answer.
 * @module
 */
import type { MutationSummary } from './mutation-watch';

export type PageAction = 'none' | 'redetect' | 'relocate' | 'reanalyse';

export interface PageFacts {
  /** Whether the page is currently treated as a policy / terms page (analysis done or under way). */
  isPolicy: boolean;
  /** Labelled clauses not placed at the last locate. */
  unplaced: number;
  /** Painted ranges that no longer point into the document (the page replaced their nodes). */
  staleRanges: number;
  /** Full re-analyses already run for this URL. */
  reanalyses: number;
}

/** Text added in one burst that justifies extracting again (a policy section that just rendered). */
export const REANALYSE_MIN_CHARS = 600;
/** Text added on a non-policy page that justifies running detection again (a client-rendered policy). */
export const REDETECT_MIN_CHARS = 400;
/** Bound on full re-analyses per URL: a page that churns forever must not keep us busy forever. */
export const MAX_REANALYSES = 4;

/** Decides the cheapest action that brings our view of the page up to date. */
export function planForMutations(facts: PageFacts, change: MutationSummary): PageAction {
  if (!facts.isPolicy) return change.addedChars >= REDETECT_MIN_CHARS ? 'redetect' : 'none';
  if (change.addedChars >= REANALYSE_MIN_CHARS && facts.reanalyses < MAX_REANALYSES) return 'reanalyse';
  if (facts.staleRanges > 0) return 'relocate';
  if (facts.unplaced > 0 && change.addedChars > 0) return 'relocate';
  return 'none';
}
