/**
 * The IndexedDB schema of the policy history, one interface per schema version. Old interfaces stay here so that
 * each migration step is typed against what it actually reads.
 *
 * - v1: documents (by canonical URL), versions (auto id; index by URL and by URL+hash), visits (what the user saw).
 * - v2: versions gain `size` (approximate stored bytes, backfilled) and an index by `lastSeen`, for retention.
 * - v3: a `checks` store for the opt-in scheduled re-check (last attempt, failures, backoff).
 * @module
 */
import type { DBSchema } from 'idb';
import type { CategoryId } from '../classify/taxonomy';
import type { AnalysedClause, PageKind } from '../types';

export const DB_NAME = 'fineprint';
export const DB_VERSION = 3;

/**
 * How a version reached the store: the user's visit, a scheduled re-check, or a linked policy read for the
 * user from a checkout page (a summary, not a visit: the version is not marked as seen).
 */
export type VersionSource = 'visit' | 'recheck' | 'checkout';

export interface DocumentRecordV1 {
  /** Canonical URL (see lib/canonical-url.ts): the key. */
  url: string;
  title: string;
  kind: PageKind;
  language: string;
  firstSeen: number;
  lastSeen: number;
  /** Id of the newest stored version. */
  latestVersionId: number;
  /** The most recent change found between two versions, for the history list and the popup. */
  lastChange?: StoredChange;
  /** The newest version a notification was shown for, so one change is announced once (visit or re-check). */
  lastNotifiedVersionId?: number;
  /**
   * Sum of `size` over this document's stored versions, so the total-size cap is checked without reading every
   * version. Absent when unknown (records written before it existed, imports) until the next full size scan.
   */
  bytes?: number;
}

export interface StoredChange {
  at: number;
  fromVersionId: number;
  toVersionId: number;
  headline: string;
  categories: Partial<Record<CategoryId, { added: number; removed: number }>>;
  added: number;
  removed: number;
  modified: number;
}

export interface VersionRecordV1 {
  /** Auto-incremented key; absent only before the first put. */
  id?: number;
  url: string;
  /** Fingerprint of the normalised text (lib/diff/hash.ts). */
  hash: string;
  title: string;
  language: string;
  clauses: AnalysedClause[];
  firstSeen: number;
  lastSeen: number;
  source: VersionSource;
}

export interface VersionRecordV2 extends VersionRecordV1 {
  /** Approximate stored size in bytes (JSON length of the clauses), used by the total-size cap. */
  size: number;
}

export interface VisitRecordV1 {
  url: string;
  /** The version the user saw last: diffs are computed against it, and retention never drops it. */
  versionId: number;
  seenAt: number;
}

export interface CheckRecordV3 {
  url: string;
  lastAttempt: number;
  lastSuccess: number | null;
  /** Consecutive failures; drives the backoff. */
  failures: number;
  nextAt: number;
  lastError: string | null;
}

export interface FineprintDBv1 extends DBSchema {
  documents: { key: string; value: DocumentRecordV1 };
  versions: {
    key: number;
    value: VersionRecordV1;
    indexes: { 'by-url': string; 'by-url-hash': [string, string] };
  };
  visits: { key: string; value: VisitRecordV1 };
}

export interface FineprintDBv2 extends DBSchema {
  documents: { key: string; value: DocumentRecordV1 };
  versions: {
    key: number;
    value: VersionRecordV2;
    indexes: { 'by-url': string; 'by-url-hash': [string, string]; 'by-lastSeen': number };
  };
  visits: { key: string; value: VisitRecordV1 };
}

export interface FineprintDBv3 extends DBSchema {
  documents: { key: string; value: DocumentRecordV1 };
  versions: {
    key: number;
    value: VersionRecordV2;
    indexes: { 'by-url': string; 'by-url-hash': [string, string]; 'by-lastSeen': number };
  };
  visits: { key: string; value: VisitRecordV1 };
  checks: { key: string; value: CheckRecordV3 };
}

/** The current schema. */
export type FineprintDB = FineprintDBv3;
export type DocumentRecord = DocumentRecordV1;
export type VersionRecord = VersionRecordV2;
export type VisitRecord = VisitRecordV1;
export type CheckRecord = CheckRecordV3;

/** Approximate stored size of a version's clauses. */
export function clausesSize(clauses: readonly AnalysedClause[]): number {
  return JSON.stringify(clauses).length * 2;
}
