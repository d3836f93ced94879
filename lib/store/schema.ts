/**
 * The IndexedDB schema of the policy history, one interface per schema version. Old interfaces stay here so that
 * each migration step is typed against what it actually reads.
 *
 * - v1: documents (by canonical URL), versions (auto id; index by URL and by URL+hash), visits (what the user saw).
 * - v2: versions gain `size` (approximate stored bytes, backfilled) and an index by `lastSeen`, for retention.
 * - v3: a `checks` store for the opt-in scheduled re-check (last attempt, failures, backoff).
 * - v4: an `origins` store (per origin: when its recent new versions and documents were stored, when it last
 *   notified) for the per-site limits of lib/store/limits.ts; a `meta` store holding the running total of
 *   stored bytes (the cap is checked without reading every document); a `by-url-size` index on versions (an
 *   origin's version sizes without reading their clauses, for eviction); every document's `bytes` backfilled,
 *   so a site's share of the store is known from its document rows; stored titles cleaned of bidi controls.
 * - v5: the summary index. Every document row carries its `host` and a `summary` of its latest version
 *   (finding counts by category, lib/counts.ts; the comparison's position per category, lib/compare), and the
 *   `documents` store is indexed by `lastSeen`, so the history list reads one screen of rows in order; a
 *   `tallies` store holds, per kind, how many summarised documents take each position, so the popup's "how
 *   others compare" reads one row instead of every document's latest version. Both are kept by every writer in
 *   the transaction that writes the version, and built from the stored versions by the migration.
 * @module
 */
import type { DBSchema } from 'idb';
import type { CategoryId } from '../classify/taxonomy';
import type { FindingCounts } from '../counts';
import type { AnalysedClause, PageKind } from '../types';

export const DB_NAME = 'fineprint';
export const DB_VERSION = 5;

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
  categories: Partial<Record<CategoryId, { added: number; removed: number; modified?: number }>>;
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

/** Version 3 adds the re-check store. */
export interface FineprintDBv3 extends FineprintDBv2 {
  checks: { key: string; value: CheckRecordV3 };
}

/**
 * What Fineprint remembers about one origin (scheme, host and port) to hold it to its limits. Times only: the
 * origin's stored bytes are the sum of its documents' `bytes`, read when needed, so nothing here can drift
 * from the versions actually stored.
 */
export interface OriginRecordV4 {
  /** `URL.origin`, e.g. `https://example.com`: the key. */
  origin: string;
  /** When this origin's new versions were stored, oldest first; only the last hour is kept. */
  newVersionTimes: number[];
  /** When this origin's new documents were first stored, oldest first; only the last hour is kept. */
  newDocumentTimes: number[];
  /** When a change notification was last shown for this origin (null: never). */
  notifiedAt: number | null;
}

/**
 * The store's running total: the sum of every document's `bytes`, kept by every writer. When it is missing
 * (a database written by other means), the next write counts it again from the document rows.
 */
export interface MetaRecordV4 {
  key: 'bytes';
  total: number;
}

export interface FineprintDBv4 extends DBSchema {
  documents: { key: string; value: DocumentRecordV1 };
  versions: {
    key: number;
    value: VersionRecordV2;
    indexes: {
      'by-url': string;
      'by-url-hash': [string, string];
      'by-lastSeen': number;
      /** Sizes of a URL's (or a whole origin's) versions from the index alone, without reading their clauses. */
      'by-url-size': [string, number];
    };
  };
  visits: { key: string; value: VisitRecordV1 };
  checks: { key: string; value: CheckRecordV3 };
  origins: { key: string; value: OriginRecordV4 };
  meta: { key: string; value: MetaRecordV4 };
}

/**
 * Where a document stands on one category (lib/compare `positionOf`), in one letter: `p` permits with no choice
 * stated, `c` permits with a choice, `d` only denies. A category the document does not mention is absent.
 */
export type PositionCode = 'p' | 'c' | 'd';

/** What a document's latest version says, kept on its row so no list or comparison reads its clauses. */
export interface DocumentSummaryV5 {
  /** The version it was made from: always the row's `latestVersionId` (a writer that moves one moves both). */
  versionId: number;
  /** lib/counts.ts over the version's labels this build knows. */
  findings: FindingCounts;
  positions: Partial<Record<CategoryId, PositionCode>>;
}

export interface DocumentRecordV5 extends DocumentRecordV1 {
  /** `URL.host` of the canonical URL. */
  host?: string;
  /** Absent while the latest version cannot be read (a damaged record); such a row is left out of tallies. */
  summary?: DocumentSummaryV5;
}

/**
 * Per document kind: how many summarised documents there are and how many take each position per category.
 * The sum over every row with a `summary`, kept by the writers (lib/store/summary.ts).
 */
export interface TallyRecordV5 {
  kind: string;
  documents: number;
  /** Documents that permit the practice (`p` or `c`). */
  permits: Partial<Record<CategoryId, number>>;
  /** Of those, the ones that state a choice (`c`). */
  choice: Partial<Record<CategoryId, number>>;
  /** Documents that only deny it (`d`). */
  denies: Partial<Record<CategoryId, number>>;
}

export interface FineprintDBv5 extends DBSchema {
  documents: {
    key: string;
    value: DocumentRecordV5;
    indexes: {
      /** Rows newest first for the history list, one screen at a time. */
      'by-lastSeen': number;
      /** Rows that have a summary (their count checks the tallies without reading a row). */
      'by-summary': number;
    };
  };
  versions: FineprintDBv4['versions'];
  visits: FineprintDBv4['visits'];
  checks: FineprintDBv4['checks'];
  origins: FineprintDBv4['origins'];
  meta: FineprintDBv4['meta'];
  tallies: { key: string; value: TallyRecordV5 };
}

/** The current schema. */
export type FineprintDB = FineprintDBv5;
export type DocumentRecord = DocumentRecordV5;
export type DocumentSummaryRecord = DocumentSummaryV5;
export type TallyRecord = TallyRecordV5;
export type VersionRecord = VersionRecordV2;
export type VisitRecord = VisitRecordV1;
export type CheckRecord = CheckRecordV3;
export type OriginRecord = OriginRecordV4;

/** Approximate stored size of a version's clauses. */
export function clausesSize(clauses: readonly AnalysedClause[]): number {
  return JSON.stringify(clauses).length * 2;
}
