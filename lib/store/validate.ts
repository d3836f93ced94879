/**
 * Records read back from IndexedDB are checked before use: a half-written record, a record from a future or
 * buggy version, or a manual edit must be skipped with a report, never crash the history or the popup.
 * @module
 */
import type { AnalysedClause } from '../types';
import type { DocumentRecord, VersionRecord, VisitRecord } from './schema';

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
  if (!isNum(x.firstSeen) || !isNum(x.lastSeen)) return `version ${x.id}: missing dates`;
  if (!Array.isArray(x.clauses)) return `version ${x.id}: clauses are not a list`;
  const bad = x.clauses.findIndex((c) => !isStoredClause(c));
  if (bad >= 0) return `version ${x.id}: clause ${bad} is malformed`;
  return null;
}

export function isVersionRecord(x: unknown): x is VersionRecord {
  return versionProblem(x) === null;
}

export function isDocumentRecord(x: unknown): x is DocumentRecord {
  return (
    isObj(x) &&
    isStr(x.url) &&
    isStr(x.title) &&
    isNum(x.firstSeen) &&
    isNum(x.lastSeen) &&
    isNum(x.latestVersionId)
  );
}

export function isVisitRecord(x: unknown): x is VisitRecord {
  return isObj(x) && isStr(x.url) && isNum(x.versionId) && isNum(x.seenAt);
}
