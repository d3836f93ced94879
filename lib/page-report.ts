/**
 * What Fineprint knows of the page on one tab: the analysed page (`PageReport`, built by the background from
 * the content script's reading) and, as the popup reads it, the change since the version the user saw last.
 * @module
 */
import type { ChangeSummary } from './change-summary';
import type { MarkedClause } from './clause-analyses';
import type { ExtractedPage } from './pipeline-extract';
import type { AnalysedClause } from './types';

/** A page after classification: what the popup shows for a tab. */
export interface PageReport extends Omit<ExtractedPage, 'clauses'> {
  clauses: AnalysedClause[];
  /** How many labelled clauses could not be placed in the live DOM (reported by the content script). */
  unplaced?: number;
}

/**
 * The page's own report (its session's): its clauses with the labels that mark them. Their evidence, slots and
 * explanations stay in the background's report, and a card asks for its clause's (`content→bg:clause-details`).
 */
export interface PageMarks extends Omit<PageReport, 'clauses'> {
  clauses: MarkedClause[];
}

export interface TabState {
  tabId: number;
  report: PageReport | null;
  change: ChangeSummary | null;
  storageError?: string;
}
