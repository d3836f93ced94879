/**
 * What travels between the content script and the background around a page's classification. The page
 * sends its blocks; the background cuts them into clauses and classifies them. The reply is kept small, as
 * Chrome serialises every message on both ends (a 300 KB reply arrived ~85 ms later than an empty one on a
 * slow machine): each clause travels as its id and where it lies in its block (the page holds the blocks, so
 * it rebuilds text, section, heading path and lead-in itself, `clausesFromCuts`), and only labelled clauses
 * carry an analysis (about half of a 15,000-word policy's clauses; `withAnalyses` rebuilds the full list).
 *
 * Also the preview: the first blocks of a long policy are classified on their own so the top of the page
 * is highlighted before the background has finished the rest (see lib/preview-blocks.ts).
 * @module
 */
import { emptySlots } from './explain/slots';
import { clauseOf } from './extract/blocks';
import { runToEnd } from './scheduler';
import type { Block } from './extract/blocks';
import type { AnalysedClause, Clause, Label, Slots } from './types';

/**
 * One clause as the background cut it from the page's blocks: where its text lies in its block's text
 * (`at`: start and end), or the text itself when it is not a slice of the block (sentences are slices, as
 * block text has single spaces; kept so the reply is exact whatever the segmenter does).
 */
export type ClauseCut = Pick<Clause, 'id' | 'block' | 'unit' | 'statement'> &
  ({ at: [number, number] } | { text: string });

/** The background's reply to a page's blocks: every clause cut from them, and the labelled ones' analyses. */
export interface ClassifiedCuts {
  clauses: ClauseCut[];
  analyses: ClauseAnalysis[];
}

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
  return clauses.map((c) => analysed(c, byId.get(c.id)));
}

function analysed(c: Clause, a: ClauseAnalysis | undefined): AnalysedClause {
  return a
    ? { ...c, labels: a.labels, explanation: a.explanation, slots: a.slots }
    : { ...c, labels: [], explanation: null, slots: emptySlots() };
}

/** The reply for the clauses classified from `blocks` (see the module comment). */
export function classifiedCuts(blocks: readonly Block[], clauses: readonly AnalysedClause[]): ClassifiedCuts {
  // Clauses come in document order, so each block's next clause lies after its previous one.
  const next = new Map<number, number>();
  const cuts = clauses.map((c): ClauseCut => {
    const text = blocks[c.block]?.text ?? '';
    const start = text.indexOf(c.text, next.get(c.block) ?? 0);
    const flag = c.statement === false ? { statement: false as const } : {};
    if (start < 0) return { id: c.id, block: c.block, unit: c.unit, text: c.text, ...flag };
    next.set(c.block, start + c.text.length);
    return { id: c.id, block: c.block, unit: c.unit, at: [start, start + c.text.length], ...flag };
  });
  return { clauses: cuts, analyses: analysesOf(clauses) };
}

/**
 * The clauses the background cut, rebuilt with the blocks they came from (as `blocksToClauses` builds
 * them). A cut naming a block the page does not have, or an empty slice, is dropped.
 */
export function clausesFromCuts(blocks: readonly Block[], cuts: readonly ClauseCut[]): Clause[] {
  const out: Clause[] = [];
  for (const c of cuts) {
    const clause = clauseFromCut(blocks, c);
    if (clause) out.push(clause);
  }
  return out;
}

function clauseFromCut(blocks: readonly Block[], c: ClauseCut): Clause | null {
  const block = blocks[c.block];
  const text = !block ? '' : 'at' in c ? block.text.slice(c.at[0], c.at[1]) : c.text;
  if (!block || !text) return null;
  const clause = clauseOf(c.id, text, block, c.block, c.unit);
  if (c.statement === false) clause.statement = false;
  return clause;
}

/** Clauses rebuilt between two pause points of `clausesFromReplyInSteps`. */
const CLAUSES_PER_STEP = 64;

/**
 * The classified clauses from the background's reply to `blocks` (none when there is no well-formed reply:
 * the background refused the page or is gone).
 */
export function clausesFromReply(
  blocks: readonly Block[],
  reply: ClassifiedCuts | undefined,
): AnalysedClause[] {
  return runToEnd(clausesFromReplyInSteps(blocks, reply));
}

/**
 * `clausesFromReply` as a job for `runSliced`, with a pause point every few dozen clauses: a 15,000-word
 * policy's 1,500 clauses made one task of 50–60 ms with the page's CPU slowed 4× (issue 26). One pass, no
 * intermediate clause list.
 */
export function* clausesFromReplyInSteps(
  blocks: readonly Block[],
  reply: ClassifiedCuts | undefined,
): Generator<void, AnalysedClause[], void> {
  if (!reply || !Array.isArray(reply.clauses) || !Array.isArray(reply.analyses)) return [];
  const byId = new Map<string, ClauseAnalysis>();
  for (let i = 0; i < reply.analyses.length; i++) {
    const a = reply.analyses[i]!;
    byId.set(a.id, a);
    if (i % CLAUSES_PER_STEP === CLAUSES_PER_STEP - 1) yield;
  }
  const out: AnalysedClause[] = [];
  for (let i = 0; i < reply.clauses.length; i++) {
    if (i % CLAUSES_PER_STEP === CLAUSES_PER_STEP - 1) yield;
    const c = reply.clauses[i]!;
    const clause = clauseFromCut(blocks, c);
    if (clause) out.push(analysed(clause, byId.get(c.id)));
  }
  return out;
}
