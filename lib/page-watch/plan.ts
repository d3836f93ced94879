/**
 * What to do when the page changed under us. Pure: the content script feeds it facts and acts on the answer.
 * @module
 */

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

export interface PageChange {
  /** Text added in page nodes (all of it, covered or not). */
  addedChars: number;
  /** Visible text added or revealed that the analysed clauses do not contain (see `uncoveredRevealedChars`). */
  uncoveredChars: number;
}

/** New policy text (not already analysed) that justifies extracting again: about one sentence. */
export const REANALYSE_MIN_CHARS = 40;
/** Text added on a non-policy page that justifies running detection again (a client-rendered policy). */
export const REDETECT_MIN_CHARS = 400;
/** Bound on full re-analyses per URL: a page that churns forever must not keep us busy forever. */
export const MAX_REANALYSES = 12;

/** Decides the cheapest action that brings our view of the page up to date. */
export function planForMutations(facts: PageFacts, change: PageChange): PageAction {
  if (!facts.isPolicy) return change.addedChars >= REDETECT_MIN_CHARS ? 'redetect' : 'none';
  if (change.uncoveredChars >= REANALYSE_MIN_CHARS && facts.reanalyses < MAX_REANALYSES) return 'reanalyse';
  if (facts.staleRanges > 0) return 'relocate';
  if (facts.unplaced > 0 && change.addedChars > 0) return 'relocate';
  return 'none';
}

/**
 * Characters of newly revealed text not already covered by the analysed clauses: for each revealed element
 * that is visible now, its normalised text counts unless its opening stretch already appears in the
 * clauses (the section was extracted while hidden, or only a class flipped on a container we have read).
 * `norm` is the matching normalisation (lib/locate); `covered` is the normalised clause text joined.
 */
export function uncoveredRevealedChars(
  revealed: readonly { text: string; visible: boolean }[],
  covered: string,
  norm: (text: string) => string,
  probe = 160,
): number {
  let total = 0;
  for (const r of revealed) {
    if (!r.visible) continue;
    const n = norm(r.text);
    if (n.length < 20) continue;
    const head = n.slice(0, probe);
    if (!covered.includes(head)) total += n.length;
  }
  return total;
}
