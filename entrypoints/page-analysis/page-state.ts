/**
 * What one page's session knows, shared by its parts (run, overlay, pointer and keys, popup channel, page
 * watching): one object, so each part reads the same truth and a navigation forgets it in one place.
 */
import type { CategoryId } from '@/lib/classify/taxonomy';
import type { HighlightItem } from '@/lib/highlight';
import type { ClauseDetails, LabelMark, MarkedClause } from '@/lib/clause-analyses';
import type { PageMarks } from '@/lib/page-report';
import { pageSettingsFrom } from '@/lib/page-settings';

/**
 * Per-task budget for our slices. A slice ends at the first pause point after it, so it runs over by up to
 * one step: at 8 ms a slice stays under a frame (16 ms) here, and under the 50 ms long-task line on a page
 * whose CPU is 4× slower (issue 26). Smaller slices cost little: a yield is `scheduler.yield()`.
 */
export const BUDGET_MS = 8;

/** A clause found in the page and shown (its range, its primary label). */
export interface Marked extends HighlightItem {
  clause: MarkedClause;
  label: LabelMark;
}

export interface CardState {
  index: number;
  pinned: boolean;
  focus: boolean;
}

export interface PageState {
  /** The page's analysis as the popup sees it (null until classified, or not a policy). */
  report: PageMarks | null;
  /**
   * What the background gave for the cards opened so far, by clause id (null: it had nothing), for `report`:
   * emptied whenever `report` is replaced.
   */
  details: Map<string, ClauseDetails | null>;
  marked: Marked[];
  /** Labelled clauses shown that could not be found in the page. */
  unplaced: number;
  isPolicy: boolean;
  /**
   * Detection called this document a checkout: it stays one until the user navigates. Terms it shows in a
   * dialog are that checkout's terms (./checkout.ts reads them); the page is never re-detected as a policy.
   */
  isCheckout: boolean;
  /** Analyses a page change started (lib/page-watch caps them). */
  reanalyses: number;
  highlightsOn: boolean;
  shown: Set<CategoryId>;
  barDismissed: boolean;
  barCollapsed: boolean;
  card: CardState | null;
  /** Live-region text for screen readers. */
  announce: string;
  /** Switched off (site disabled, extension gone): nothing of ours acts again. */
  disposed: boolean;
}

/** The defaults, until the user's settings are read (before anything is shown). */
export function initialState(): PageState {
  const defaults = pageSettingsFrom(undefined);
  return {
    report: null,
    details: new Map(),
    marked: [],
    unplaced: 0,
    isPolicy: false,
    isCheckout: false,
    reanalyses: 0,
    highlightsOn: defaults.highlights,
    shown: new Set(defaults.shownCategories),
    barDismissed: false,
    barCollapsed: false,
    card: null,
    announce: '',
    disposed: false,
  };
}

/** The user left for another page of the same app: what this page found is forgotten. */
export function forgetPage(state: PageState): void {
  state.report = null;
  state.details.clear();
  state.marked = [];
  state.unplaced = 0;
  state.card = null;
  state.reanalyses = 0;
  state.isPolicy = false;
  state.isCheckout = false;
  state.barDismissed = false;
}
