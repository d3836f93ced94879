/**
 * "How other sites handle this": compares one analysed document with the other policies the user has stored,
 * category by category. Pure: the background passes the latest stored version of every tracked document.
 * @module
 */
import { CATEGORY_IDS, TAXONOMY, type CategoryId } from '../classify/taxonomy';
import type { Label, PageKind, Slots } from '../types';

/** The cross-site comparison for the document on a tab. */
export interface ComparisonState {
  comparison: SiteComparison | null;
  /** Why there is no comparison (no policy on the tab, storage unavailable). */
  error?: string;
}

/** The part of a clause the comparison needs; stored and live `AnalysedClause`s both fit. */
export interface ComparableClause {
  labels: Pick<Label, 'category' | 'stance'>[];
  slots?: Pick<Slots, 'choice'> | null;
}

export interface ComparableDocument {
  /** Identity of the document in the store (canonical URL); the current document is excluded by it. */
  id: string;
  /** What kind of document it is: only documents of the same kind are compared (privacy with privacy). */
  kind?: PageKind;
  clauses: ComparableClause[];
}

/** What one document says about one category. */
export interface CategoryPosition {
  /** At least one clause says the company does or may do it (`permits` or `unclear`). */
  permits: boolean;
  /** At least one clause says it does not, and none says it does. */
  deniesOnly: boolean;
  /** A permitting clause names a choice (opt-out, setting) or is itself labelled as a user choice. */
  hasChoice: boolean;
}

export interface CategoryComparison {
  category: CategoryId;
  current: CategoryPosition;
  /** Other tracked documents that permit this practice. */
  othersPermitting: number;
  /** Of those, how many offer a choice. */
  othersPermittingWithChoice: number;
  /** Other tracked documents that explicitly say they do not. */
  othersDenying: number;
}

export interface SiteComparison {
  /** Number of other tracked documents compared against (the current one excluded). */
  tracked: number;
  /** Categories the current document or any other document mentions, highest weight first. */
  categories: CategoryComparison[];
}

/** How one document stands on one category. */
export function positionOf(clauses: readonly ComparableClause[], category: CategoryId): CategoryPosition {
  let permits = false;
  let denies = false;
  let hasChoice = false;
  for (const clause of clauses) {
    const own = clause.labels.filter((l) => l.category === category);
    if (own.length === 0) continue;
    const permitting = own.some((l) => l.stance === 'permits' || l.stance === 'unclear');
    if (permitting) {
      permits = true;
      // A choice belongs to the practice when it is stated in the same clause: "you can opt out of X".
      if (clause.slots?.choice || clause.labels.some((l) => l.category === 'user-choice')) hasChoice = true;
    }
    if (own.some((l) => l.stance === 'denies')) denies = true;
  }
  return { permits, deniesOnly: denies && !permits, hasChoice };
}

/**
 * Compares `current` with `others` (latest stored versions) of the same kind: a terms page is never set
 * against privacy policies. Documents with the same id as `current` are ignored, and duplicates by id count
 * once (the first wins), so counts are "distinct tracked policies of this kind".
 */
export function compareWithTracked(
  current: ComparableDocument,
  others: readonly ComparableDocument[],
): SiteComparison {
  const seen = new Set<string>([current.id]);
  const pool: ComparableDocument[] = [];
  for (const doc of others) {
    if (seen.has(doc.id)) continue;
    if (current.kind && doc.kind !== current.kind) continue;
    seen.add(doc.id);
    pool.push(doc);
  }
  return comparisonFromCounts(current.clauses, pool.length, (category) => {
    const counts = { permitting: 0, permittingWithChoice: 0, denying: 0 };
    for (const doc of pool) {
      const pos = positionOf(doc.clauses, category);
      if (pos.permits) {
        counts.permitting += 1;
        if (pos.hasChoice) counts.permittingWithChoice += 1;
      } else if (pos.deniesOnly) counts.denying += 1;
    }
    return counts;
  });
}

/** How many of the other documents permit a practice (with a choice among them) or only deny it. */
export interface OthersCounts {
  permitting: number;
  permittingWithChoice: number;
  denying: number;
}

/**
 * The comparison of `current` with `tracked` other documents whose positions `othersOn` counts per category:
 * from the documents themselves ({@link compareWithTracked}) or from the store's running tallies
 * (lib/store/summary.ts), which give the same counts without reading a clause.
 */
export function comparisonFromCounts(
  current: readonly ComparableClause[],
  tracked: number,
  othersOn: (category: CategoryId) => OthersCounts,
): SiteComparison {
  const categories: CategoryComparison[] = [];
  for (const category of CATEGORY_IDS) {
    if (category === 'user-choice') continue; // a choice is reported with the practice it applies to
    const cur = positionOf(current, category);
    const { permitting, permittingWithChoice, denying } = othersOn(category);
    if (!cur.permits && !cur.deniesOnly && permitting === 0 && denying === 0) continue;
    categories.push({
      category,
      current: cur,
      othersPermitting: permitting,
      othersPermittingWithChoice: permittingWithChoice,
      othersDenying: denying,
    });
  }
  categories.sort(
    (a, b) =>
      TAXONOMY[b.category].weight - TAXONOMY[a.category].weight ||
      Number(b.current.permits) - Number(a.current.permits) ||
      CATEGORY_IDS.indexOf(a.category) - CATEGORY_IDS.indexOf(b.category),
  );
  return { tracked, categories };
}
