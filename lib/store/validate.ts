/**
 * Records read back from IndexedDB are checked before use: a half-written record, a record from a future or
 * buggy version, or a manual edit must be skipped with a report, never crash the history or the popup.
 * @module
 */
import { isCategoryId, isStance } from '../classify/taxonomy';
import type { AnalysedClause, Label } from '../types';
import type { DocumentRecord, VisitRecord } from './schema';

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Structural check of one stored clause (enough for rendering and diffing). */
export function isStoredClause(x: unknown): x is AnalysedClause {
  if (!isObj(x)) return false;
  if (!isStr(x.id) || !isStr(x.text) || !isStr(x.section) || !isNum(x.block)) return false;
  if (!Array.isArray(x.headingPath) || !Array.isArray(x.labels)) return false;
  return x.labels.every((l) => isObj(l) && isStr(l.category) && isStr(l.stance));
}

/** Why a version record is unusable, or null when it is fine. */
export function versionProblem(x: unknown): string | null {
  if (!isObj(x)) return 'not an object';
  if (!isNum(x.id)) return 'missing id';
  if (!isStr(x.url) || !isStr(x.hash)) return `version ${x.id}: missing url or hash`;
  if (!isStr(x.title)) return `version ${x.id}: title is not text`;
  if (!isNum(x.firstSeen) || !isNum(x.lastSeen)) return `version ${x.id}: missing dates`;
  if (!Array.isArray(x.clauses)) return `version ${x.id}: clauses are not a list`;
  const bad = x.clauses.findIndex((c) => !isStoredClause(c));
  if (bad >= 0) return `version ${x.id}: clause ${bad} is malformed`;
  return null;
}

/** Why a document row is unusable, or null when it is fine. */
export function documentProblem(x: unknown): string | null {
  if (!isObj(x)) return 'not an object';
  if (!isStr(x.url)) return 'missing url';
  if (!isStr(x.title)) return `document ${x.url}: title is not text`;
  if (!isNum(x.firstSeen) || !isNum(x.lastSeen)) return `document ${x.url}: missing dates`;
  if (!isNum(x.latestVersionId)) return `document ${x.url}: missing latest version`;
  if (x.lastChange !== undefined && !isStoredChange(x.lastChange))
    return `document ${x.url}: malformed change`;
  return null;
}

function isStoredChange(x: unknown): boolean {
  return (
    isObj(x) &&
    isNum(x.at) &&
    isStr(x.headline) &&
    isNum(x.fromVersionId) &&
    isNum(x.toVersionId) &&
    isObj(x.categories)
  );
}

export function isDocumentRecord(x: unknown): x is DocumentRecord {
  return documentProblem(x) === null;
}

/**
 * The clauses with only the labels this build knows (categories and stances of lib/classify/taxonomy.ts), and
 * how many were left out. A version stored by a newer build, or imported from one, keeps its text; a category
 * this build cannot name or weigh is left out of comparisons and summaries rather than breaking them.
 */
export function withKnownLabels(clauses: readonly AnalysedClause[]): {
  clauses: AnalysedClause[];
  ignored: number;
} {
  let ignored = 0;
  const known = (list: readonly Label[]): Label[] =>
    list.filter((l) => isCategoryId(l.category) && isStance(l.stance));
  const out = clauses.map((c) => {
    const labels = known(c.labels);
    // Weaker labels, where the build that stored the version keeps them, get the same treatment.
    const keptPossible = c.possible ? known(c.possible) : null;
    const dropped =
      c.labels.length -
      labels.length +
      (c.possible && keptPossible ? c.possible.length - keptPossible.length : 0);
    if (dropped === 0) return c;
    ignored += dropped;
    return { ...c, labels, ...(keptPossible ? { possible: keptPossible } : {}) };
  });
  return { clauses: out, ignored };
}

export function isVisitRecord(x: unknown): x is VisitRecord {
  return isObj(x) && isStr(x.url) && isNum(x.versionId) && isNum(x.seenAt);
}
