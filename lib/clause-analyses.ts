/**
 * What travels between the content script and the background around a page's classification. The page
 * sends its blocks; the background cuts them into clauses and classifies them. The reply is kept small, as
 * Chrome serialises every message on both ends (a 300 KB reply arrived ~85 ms later than an empty one on a
 * slow machine): each clause travels as its id and where it lies in its block (the page holds the blocks, so
 * it rebuilds text, section, heading path and lead-in itself, `clausesFromCuts`), and only labelled clauses
 * carry their labels, and of each label only what painting needs (`LabelMark`). What a card shows besides
 * (evidence, slots, explanations: 114 KB of the 175 KB reply to a 15,000-word policy) stays in the background,
 * which works it out after replying; the page asks for one clause's `ClauseDetails` when its card opens.
 *
 * Also the preview: the first blocks of a long policy are classified on their own so the top of the page
 * is highlighted before the background has finished the rest (see lib/preview-blocks.ts).
 * @module
 */
import { emptySlots } from './explain/slots';
import { clauseOf } from './extract/blocks';
import { runToEnd } from './scheduler';
import type { Block } from './extract/blocks';
import type { AnalysedClause, Clause, Label } from './types';

/**
 * One clause as the background cut it from the page's blocks: where its text lies in its block's text
 * (`at`: start and end), or the text itself when it is not a slice of the block (sentences are slices, as
 * block text has single spaces; kept so the reply is exact whatever the segmenter does).
 */
export type ClauseCut = Pick<Clause, 'id' | 'block' | 'unit' | 'statement'> &
  ({ at: [number, number] } | { text: string });

/** Of one label, what the page needs to paint and count it. */
export type LabelMark = Pick<Label, 'category' | 'stance' | 'confidence'>;

/** A clause as the page holds it: its text and place, and the labels that mark it (none for most). */
export interface MarkedClause extends Clause {
  labels: LabelMark[];
}

/** The labels of one labelled clause, by the clause's id. */
export interface ClauseMarks {
  id: string;
  labels: LabelMark[];
}

/** The background's reply to a page's blocks: every clause cut from them, and the labelled ones' marks. */
export interface ClassifiedCuts {
  clauses: ClauseCut[];
  marks: ClauseMarks[];
}

/** What a clause's card shows besides its marks: its labels in full, its slots and its explanation. */
export type ClauseDetails = Pick<AnalysedClause, 'labels' | 'explanation' | 'slots'>;

/** A clause and its painted labels, as the classifier gives them (lib/classify `labelClauses`). */
export interface LabelledCut {
  clause: Clause;
  labels: readonly LabelMark[];
}

/** The marks worth sending: those of clauses with at least one label, each label cut to its mark. */
export function marksOf(clauses: readonly LabelledCut[]): ClauseMarks[] {
  const out: ClauseMarks[] = [];
  for (const { clause, labels } of clauses)
    if (labels.length > 0)
      out.push({
        id: clause.id,
        labels: labels.map((l) => ({ category: l.category, stance: l.stance, confidence: l.confidence })),
      });
  return out;
}

/** The details of an analysed clause, as a card shows them; null for a clause without labels. */
export function detailsOf(clause: AnalysedClause | undefined): ClauseDetails | null {
  if (!clause || clause.labels.length === 0) return null;
  return { labels: clause.labels, explanation: clause.explanation, slots: clause.slots };
}

/**
 * The clause as its card shows it: with its details, or, when the background could not give them, with its
 * marks alone (no evidence, no slots: the card then says what the category and stance say).
 */
export function withDetails(clause: MarkedClause, details: ClauseDetails | null): AnalysedClause {
  if (details) return { ...clause, ...details };
  const labels: Label[] = clause.labels.map((l) => ({
    category: l.category,
    stance: l.stance,
    confidence: l.confidence,
    evidence: { phrase: null, rule: null, features: [] },
  }));
  return { ...clause, labels, explanation: null, slots: emptySlots() };
}

/** The reply for the clauses classified from `blocks` (see the module comment). */
export function classifiedCuts(blocks: readonly Block[], clauses: readonly LabelledCut[]): ClassifiedCuts {
  // Clauses come in document order, so each block's next clause lies after its previous one.
  const next = new Map<number, number>();
  const cuts = clauses.map(({ clause: c }): ClauseCut => {
    const text = blocks[c.block]?.text ?? '';
    const start = text.indexOf(c.text, next.get(c.block) ?? 0);
    const flag = c.statement === false ? { statement: false as const } : {};
    if (start < 0) return { id: c.id, block: c.block, unit: c.unit, text: c.text, ...flag };
    next.set(c.block, start + c.text.length);
    return { id: c.id, block: c.block, unit: c.unit, at: [start, start + c.text.length], ...flag };
  });
  return { clauses: cuts, marks: marksOf(clauses) };
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
): MarkedClause[] {
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
): Generator<void, MarkedClause[], void> {
  if (!reply || !Array.isArray(reply.clauses) || !Array.isArray(reply.marks)) return [];
  const byId = new Map<string, LabelMark[]>();
  for (let i = 0; i < reply.marks.length; i++) {
    const m = reply.marks[i]!;
    byId.set(m.id, m.labels);
    if (i % CLAUSES_PER_STEP === CLAUSES_PER_STEP - 1) yield;
  }
  const out: MarkedClause[] = [];
  for (let i = 0; i < reply.clauses.length; i++) {
    if (i % CLAUSES_PER_STEP === CLAUSES_PER_STEP - 1) yield;
    const c = reply.clauses[i]!;
    const clause = clauseFromCut(blocks, c) as MarkedClause | null;
    if (clause) {
      clause.labels = byId.get(c.id) ?? [];
      out.push(clause);
    }
  }
  return out;
}
