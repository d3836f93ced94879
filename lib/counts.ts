/**
 * One number everywhere: every count of findings or changes the UI shows — the summary bar, the popup's
 * groups, the history page, the notification, the comparison — comes from these functions, so the same page
 * or change never shows two numbers.
 *
 * A finding is a clause with a painted label (`labels`; never a "possible" one). A category's count is the
 * number of clauses with a label of that category (a clause with two labels counts in both); the total is
 * the number of distinct clauses.
 * @module
 */
import type { CategoryId } from './classify/taxonomy';
import type { ClauseDiff, Label } from './types';

export interface FindingCounts {
  byCategory: Partial<Record<CategoryId, number>>;
  /** Distinct clauses with at least one counted label. */
  total: number;
}

/** Findings of `clauses`, limited to the categories in `shown` when given (the user's settings). */
export function findingCounts(
  clauses: readonly { labels: readonly Pick<Label, 'category'>[] }[],
  shown?: readonly CategoryId[],
): FindingCounts {
  const byCategory: Partial<Record<CategoryId, number>> = {};
  let total = 0;
  for (const c of clauses) {
    const seen = new Set<CategoryId>();
    for (const l of c.labels) {
      if (shown && !shown.includes(l.category)) continue;
      seen.add(l.category);
    }
    if (seen.size === 0) continue;
    total++;
    for (const cat of seen) byCategory[cat] = (byCategory[cat] ?? 0) + 1;
  }
  return { byCategory, total };
}

export interface ChangeCounts {
  added: number;
  removed: number;
  modified: number;
}

/** Clauses added, removed and reworded between two versions: the same numbers in the popup and history. */
export function changeCounts(diff: Pick<ClauseDiff, 'added' | 'removed' | 'modified'>): ChangeCounts {
  return { added: diff.added.length, removed: diff.removed.length, modified: diff.modified.length };
}
