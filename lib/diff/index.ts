/**
 * Clause-level comparison of two versions of a policy. Clauses are aligned by content, not position: identical
 * clauses match wherever they moved (a move is not a change), and a leftover clause is paired with its most similar
 * leftover counterpart (token-set Dice ≥ {@link MODIFIED_THRESHOLD}) so that an edited sentence is `modified`,
 * not removed + added.
 * @module
 */
import type { CategoryId } from '../classify/taxonomy';
import type { AnalysedClause, ClauseDiff } from '../types';
import { normaliseClause, tokens } from './normalise';

export { wordDiff, type WordMark, type WordOp } from './word-diff';
export { fingerprintClauses, hashText } from './hash';
export { normaliseClause, isBoilerplate, foldText } from './normalise';

/** Minimum token-set Dice similarity for two clauses to count as one edited clause. */
export const MODIFIED_THRESHOLD = 0.5;

/** Token-set Dice coefficient of two token lists (0..1). */
export function similarity(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  return (2 * shared) / (sa.size + sb.size);
}

interface Side {
  clause: AnalysedClause;
  key: string;
  index: number;
}

function keyed(clauses: readonly AnalysedClause[]): Side[] {
  const out: Side[] = [];
  clauses.forEach((clause, index) => {
    const key = normaliseClause(clause.text);
    if (key !== null) out.push({ clause, key, index });
  });
  return out;
}

/** Candidates kept per removed clause (the best-scoring ones). */
const TOP_K = 5;
/** Leftover clauses this close in order are always compared, whatever words they share. */
const WINDOW = 8;

/**
 * Pair leftovers greedily, most similar first. Candidates come from shared *rare* words (an inverted index that
 * skips words found in many clauses) plus the clauses at a similar position, and only the best few per clause
 * are kept, so a full rewrite of thousands of clauses stays near-linear instead of comparing every pair.
 */
function pairModified(removed: Side[], added: Side[]): [Side, Side][] {
  if (removed.length === 0 || added.length === 0) return [];
  const addedTokens = added.map((s) => new Set(tokens(s.clause.text)));
  const df = new Map<string, number>();
  for (const set of addedTokens) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const commonLimit = Math.max(25, added.length * 0.05);
  const postings = new Map<string, number[]>();
  addedTokens.forEach((set, j) => {
    for (const t of set) {
      if (df.get(t)! > commonLimit) continue;
      const list = postings.get(t);
      if (list) list.push(j);
      else postings.set(t, [j]);
    }
  });

  const dice = (a: Set<string>, b: Set<string>) => {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let shared = 0;
    for (const t of small) if (large.has(t)) shared++;
    return a.size + b.size === 0 ? 1 : (2 * shared) / (a.size + b.size);
  };

  const candidates: { i: number; j: number; score: number }[] = [];
  removed.forEach((side, i) => {
    const mine = new Set(tokens(side.clause.text));
    const pool = new Set<number>();
    for (const t of mine) for (const j of postings.get(t) ?? []) pool.add(j);
    const centre = Math.round((i / removed.length) * added.length);
    for (let j = Math.max(0, centre - WINDOW); j <= Math.min(added.length - 1, centre + WINDOW); j++)
      pool.add(j);
    const mineScored: { i: number; j: number; score: number }[] = [];
    for (const j of pool) {
      const score = dice(mine, addedTokens[j]!);
      if (score >= MODIFIED_THRESHOLD) mineScored.push({ i, j, score });
    }
    mineScored.sort((x, y) => y.score - x.score);
    candidates.push(...mineScored.slice(0, TOP_K));
  });
  // Ties go to the pair whose positions are closest, so repeated boilerplate pairs in order.
  const distance = (c: { i: number; j: number }) => Math.abs(removed[c.i]!.index - added[c.j]!.index);
  candidates.sort((x, y) => y.score - x.score || distance(x) - distance(y));
  const usedI = new Set<number>();
  const usedJ = new Set<number>();
  const pairs: [Side, Side][] = [];
  for (const { i, j } of candidates) {
    if (usedI.has(i) || usedJ.has(j)) continue;
    usedI.add(i);
    usedJ.add(j);
    pairs.push([removed[i]!, added[j]!]);
  }
  return pairs;
}

function categoriesOf(clause: AnalysedClause): Set<CategoryId> {
  return new Set(clause.labels.map((l) => l.category));
}

/**
 * Compare two versions clause by clause. Boilerplate (revision stamps, cookie banners) is ignored; moved clauses
 * are unchanged; edited clauses are `modified`. `categories` counts, per category, clauses in which its label
 * appears (`added`) or disappears (`removed`), including labels gained or lost by a modified clause, and
 * (`modified`) edited clauses that keep the label.
 */
export function diffClauses(before: AnalysedClause[], after: AnalysedClause[]): ClauseDiff {
  const b = keyed(before);
  const a = keyed(after);

  // Exact matches by normalised text, as multisets: the n-th copy matches the n-th copy.
  const pool = new Map<string, Side[]>();
  for (const s of b) {
    const list = pool.get(s.key);
    if (list) list.push(s);
    else pool.set(s.key, [s]);
  }
  const addedSides: Side[] = [];
  for (const s of a) {
    if (!pool.get(s.key)?.shift()) addedSides.push(s);
  }
  const removedSides = [...pool.values()].flat().sort((x, y) => x.index - y.index);

  const pairs = pairModified(removedSides, addedSides);
  const pairedBefore = new Set(pairs.map(([x]) => x));
  const pairedAfter = new Set(pairs.map(([, y]) => y));
  const added = addedSides.filter((s) => !pairedAfter.has(s)).map((s) => s.clause);
  const removed = removedSides.filter((s) => !pairedBefore.has(s)).map((s) => s.clause);
  const modified = pairs
    .sort((x, y) => x[1].index - y[1].index)
    .map(([x, y]) => ({ before: x.clause, after: y.clause }));

  const categories: ClauseDiff['categories'] = {};
  const bump = (id: CategoryId, field: 'added' | 'removed' | 'modified') => {
    const entry = (categories[id] ??= { added: 0, removed: 0 });
    entry[field] = (entry[field] ?? 0) + 1;
  };
  for (const c of added) for (const id of categoriesOf(c)) bump(id, 'added');
  for (const c of removed) for (const id of categoriesOf(c)) bump(id, 'removed');
  for (const { before: x, after: y } of modified) {
    const was = categoriesOf(x);
    const now = categoriesOf(y);
    for (const id of now) if (!was.has(id)) bump(id, 'added');
    for (const id of was) if (!now.has(id)) bump(id, 'removed');
    for (const id of now) if (was.has(id)) bump(id, 'modified');
  }
  return {
    changed: added.length + removed.length + modified.length > 0,
    added,
    removed,
    modified,
    categories,
  };
}
