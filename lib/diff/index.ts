import type { AnalysedClause, ClauseDiff } from '../types';

// PLACEHOLDER (scaffold): replaced by similarity alignment. Signature is the contract.
export function diffClauses(before: AnalysedClause[], after: AnalysedClause[]): ClauseDiff {
  const b = new Set(before.map((c) => c.text));
  const a = new Set(after.map((c) => c.text));
  const added = after.filter((c) => !b.has(c.text));
  const removed = before.filter((c) => !a.has(c.text));
  return { changed: added.length + removed.length > 0, added, removed, modified: [], categories: {} };
}
