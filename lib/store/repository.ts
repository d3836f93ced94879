/**
 * Repository functions over the history database: save a snapshot (atomically), read documents and versions
 * (validated), record changes and re-check state, apply retention. Pure of browser APIs: the caller passes the db.
 * @module
 */
import { findingCounts } from '../counts';
import type { IDBPDatabase } from 'idb';
import type { AnalysedClause, PageKind } from '../types';
import { isQuotaError, toStoreError } from './errors';
import {
  clausesSize,
  type CheckRecord,
  type DocumentRecord,
  type FineprintDB,
  type StoredChange,
  type VersionRecord,
  type VersionSource,
} from './schema';
import { isDocumentRecord, isVisitRecord, versionProblem } from './validate';

export type HistoryDB = IDBPDatabase<FineprintDB>;

/** Retention limits. The version the user last saw and each document's newest version are never dropped. */
export interface RetentionLimits {
  perDocument: number;
  totalBytes: number;
}

export const DEFAULT_RETENTION: RetentionLimits = { perDocument: 50, totalBytes: 200 * 1024 * 1024 };

export interface SnapshotInput {
  /** Canonical URL. */
  url: string;
  title: string;
  kind: PageKind;
  language: string;
  clauses: AnalysedClause[];
  /** Fingerprint of the normalised clauses. */
  hash: string;
  source: VersionSource;
  now: number;
  /** True when the user is looking at this version (a visit); false for a background re-check. */
  markSeen: boolean;
}

export interface SnapshotResult {
  document: DocumentRecord;
  version: VersionRecord;
  isNewVersion: boolean;
  /** The version the user saw last, when it differs from this one (what to diff against). */
  previousSeen: VersionRecord | null;
  previousSeenAt: number | null;
  /** Records that were unreadable and skipped. */
  problems: string[];
}

/**
 * Store one observation of a document in a single readwrite transaction: a new version if the fingerprint is
 * new (else refresh `lastSeen`), the document row, the visit, and per-document retention. Either everything is
 * written or nothing is (quota errors included); failures are thrown as {@link StoreError}.
 */
export async function recordSnapshot(
  db: HistoryDB,
  input: SnapshotInput,
  limits: RetentionLimits = DEFAULT_RETENTION,
): Promise<SnapshotResult> {
  const tx = db.transaction(['documents', 'versions', 'visits'], 'readwrite');
  try {
    const documents = tx.objectStore('documents');
    const versions = tx.objectStore('versions');
    const visits = tx.objectStore('visits');
    const problems: string[] = [];

    const rawDoc: unknown = await documents.get(input.url);
    const existingDoc = isDocumentRecord(rawDoc) ? rawDoc : null;
    if (rawDoc !== undefined && !existingDoc) problems.push(`document ${input.url}: malformed, rebuilt`);

    const rawVisit: unknown = await visits.get(input.url);
    const visit = isVisitRecord(rawVisit) ? rawVisit : null;

    const existingKey = await versions.index('by-url-hash').getKey([input.url, input.hash]);
    let version: VersionRecord;
    let isNewVersion = false;
    const existing = existingKey === undefined ? undefined : await versions.get(existingKey);
    if (existing !== undefined && versionProblem(existing) === null) {
      version = { ...existing, lastSeen: input.now, title: input.title || existing.title };
      await versions.put(version);
    } else {
      if (existingKey !== undefined) {
        problems.push(versionProblem(existing) ?? `version ${existingKey}: unreadable`);
        await versions.delete(existingKey);
      }
      const fresh: VersionRecord = {
        url: input.url,
        hash: input.hash,
        title: input.title,
        language: input.language,
        clauses: input.clauses,
        firstSeen: input.now,
        lastSeen: input.now,
        source: input.source,
        size: clausesSize(input.clauses),
      };
      const id = await versions.add(fresh);
      version = { ...fresh, id };
      isNewVersion = true;
    }
    const versionId = version.id!;

    let previousSeen: VersionRecord | null = null;
    if (visit && visit.versionId !== versionId) {
      const raw: unknown = await versions.get(visit.versionId);
      const problem = raw === undefined ? `version ${visit.versionId}: missing` : versionProblem(raw);
      if (problem) problems.push(problem);
      else previousSeen = raw as VersionRecord;
    }

    // Known only while every version's size has been counted; a rebuilt (corrupt) record makes it unknown.
    let bytes: number | undefined = existingDoc ? existingDoc.bytes : 0;
    if (problems.length > 0 && existingKey !== undefined && isNewVersion) bytes = undefined;
    if (isNewVersion && bytes !== undefined) bytes += version.size;

    const latestVersionId =
      isNewVersion || !existingDoc ? versionId : Math.max(existingDoc.latestVersionId, versionId);
    if (isNewVersion) {
      const keep = new Set([versionId, latestVersionId]);
      if (visit) keep.add(visit.versionId);
      // Keys are auto-increment ids, so ascending order is oldest first.
      const ids = (await versions.index('by-url').getAllKeys(input.url)).sort((x, y) => x - y);
      let surplus = ids.length - limits.perDocument;
      for (const id of ids) {
        if (surplus <= 0) break;
        if (keep.has(id)) continue;
        if (bytes !== undefined) {
          const old = (await versions.get(id)) as Partial<VersionRecord> | undefined;
          bytes = typeof old?.size === 'number' ? Math.max(0, bytes - old.size) : undefined;
        }
        await versions.delete(id);
        surplus--;
      }
    }

    const document: DocumentRecord = {
      ...(existingDoc ?? { firstSeen: input.now }),
      url: input.url,
      title: input.title || existingDoc?.title || input.url,
      kind: input.kind,
      language: input.language,
      lastSeen: input.markSeen ? input.now : (existingDoc?.lastSeen ?? input.now),
      latestVersionId,
    };
    if (bytes === undefined) delete document.bytes;
    else document.bytes = bytes;
    await documents.put(document);
    if (input.markSeen) await visits.put({ url: input.url, versionId, seenAt: input.now });

    await tx.done;
    return {
      document,
      version,
      isNewVersion,
      previousSeen,
      previousSeenAt: previousSeen ? (visit?.seenAt ?? null) : null,
      problems,
    };
  } catch (error) {
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    // A quota failure usually surfaces as the transaction's error, with the request failing as a plain abort.
    throw toStoreError(isQuotaError(tx.error) ? tx.error : error);
  }
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the error itself.
  }
}

/** A tracked document as the history list shows it. */
export interface DocumentSummary {
  url: string;
  title: string;
  kind: PageKind;
  firstSeen: number;
  lastSeen: number;
  versionCount: number;
  latestVersionId: number;
  /** The version the user saw last, if any. */
  seenVersionId: number | null;
  lastChange: StoredChange | null;
  /** Scheduled re-check state, when re-check has run for this document. */
  check?: {
    lastAttempt: number;
    lastSuccess: number | null;
    failures: number;
    lastError: string | null;
  } | null;
}

/** Version metadata without the clauses (for timelines). */
export interface VersionMeta {
  id: number;
  url: string;
  hash: string;
  title: string;
  firstSeen: number;
  lastSeen: number;
  source: VersionSource;
  clauseCount: number;
  labelledCount: number;
}

/** All tracked documents, most recently seen first. Malformed rows are skipped and reported. */
export async function listDocuments(
  db: HistoryDB,
): Promise<{ documents: DocumentSummary[]; problems: string[] }> {
  const tx = db.transaction(['documents', 'versions', 'visits', 'checks'], 'readonly');
  const problems: string[] = [];
  const documents: DocumentSummary[] = [];
  const rows: unknown[] = await tx.objectStore('documents').getAll();
  for (const row of rows) {
    if (!isDocumentRecord(row)) {
      problems.push(`document ${describe(row)}: malformed, skipped`);
      continue;
    }
    const versionCount = await tx.objectStore('versions').index('by-url').count(row.url);
    const visit: unknown = await tx.objectStore('visits').get(row.url);
    const check = await tx.objectStore('checks').get(row.url);
    documents.push({
      url: row.url,
      title: row.title,
      kind: row.kind,
      firstSeen: row.firstSeen,
      lastSeen: row.lastSeen,
      versionCount,
      latestVersionId: row.latestVersionId,
      seenVersionId: isVisitRecord(visit) ? visit.versionId : null,
      lastChange: row.lastChange ?? null,
      check: check
        ? {
            lastAttempt: check.lastAttempt,
            lastSuccess: check.lastSuccess,
            failures: check.failures,
            lastError: check.lastError,
          }
        : null,
    });
  }
  await tx.done;
  documents.sort((a, b) => b.lastSeen - a.lastSeen);
  return { documents, problems };
}

/** Versions of one document, oldest first, without clauses. Malformed rows are skipped and reported. */
export async function listVersions(
  db: HistoryDB,
  url: string,
): Promise<{ versions: VersionMeta[]; problems: string[] }> {
  const rows: unknown[] = await db.getAllFromIndex('versions', 'by-url', url);
  const problems: string[] = [];
  const versions: VersionMeta[] = [];
  for (const row of rows) {
    const problem = versionProblem(row);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const v = row as VersionRecord;
    versions.push({
      id: v.id!,
      url: v.url,
      hash: v.hash,
      title: v.title,
      firstSeen: v.firstSeen,
      lastSeen: v.lastSeen,
      source: v.source,
      clauseCount: v.clauses.length,
      labelledCount: findingCounts(v.clauses).total,
    });
  }
  versions.sort((a, b) => a.firstSeen - b.firstSeen || a.id - b.id);
  return { versions, problems };
}

/** One full version, or a reason it cannot be read. */
export async function getVersion(
  db: HistoryDB,
  id: number,
): Promise<{ version: VersionRecord; problem: null } | { version: null; problem: string }> {
  const raw: unknown = await db.get('versions', id);
  if (raw === undefined) return { version: null, problem: `version ${id}: not found` };
  const problem = versionProblem(raw);
  return problem ? { version: null, problem } : { version: raw as VersionRecord, problem: null };
}

/** Remember the latest change on the document row (and, optionally, that it has been notified). */
export async function saveChange(
  db: HistoryDB,
  url: string,
  change: StoredChange,
  notifiedVersionId?: number,
): Promise<void> {
  const tx = db.transaction('documents', 'readwrite');
  try {
    const row: unknown = await tx.store.get(url);
    if (isDocumentRecord(row)) {
      await tx.store.put({
        ...row,
        lastChange: change,
        ...(notifiedVersionId !== undefined ? { lastNotifiedVersionId: notifiedVersionId } : {}),
      });
    }
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    // A quota failure usually surfaces as the transaction's error, with the request failing as a plain abort.
    throw toStoreError(isQuotaError(tx.error) ? tx.error : error);
  }
}

/** Delete a document with all its versions, visit and re-check state (one transaction). */
export async function deleteDocument(db: HistoryDB, url: string): Promise<void> {
  const tx = db.transaction(['documents', 'versions', 'visits', 'checks'], 'readwrite');
  const ids = await tx.objectStore('versions').index('by-url').getAllKeys(url);
  for (const id of ids) await tx.objectStore('versions').delete(id);
  await tx.objectStore('documents').delete(url);
  await tx.objectStore('visits').delete(url);
  await tx.objectStore('checks').delete(url);
  await tx.done;
}

/**
 * Keep the total stored size under `limits.totalBytes` by dropping the least recently seen versions, never a
 * document's newest version nor the version the user saw last. Returns how many versions were dropped.
 */
export async function enforceTotalSize(
  db: HistoryDB,
  limits: RetentionLimits = DEFAULT_RETENTION,
): Promise<number> {
  const tx = db.transaction(['documents', 'versions', 'visits'], 'readwrite');
  const docs = ((await tx.objectStore('documents').getAll()) as unknown[]).filter(isDocumentRecord);
  // Fast path: the per-document sums are all known and under the cap, so no version needs reading.
  if (docs.every((d) => typeof d.bytes === 'number')) {
    const known = docs.reduce((n, d) => n + d.bytes!, 0);
    if (known <= limits.totalBytes) {
      await tx.done;
      return 0;
    }
  }
  const keep = new Set<number>(docs.map((d) => d.latestVersionId));
  for (const v of (await tx.objectStore('visits').getAll()) as unknown[]) {
    if (isVisitRecord(v)) keep.add(v.versionId);
  }
  let total = 0;
  const perUrl = new Map<string, number>();
  const candidates: { id: number; url: string; size: number }[] = [];
  let cursor = await tx.objectStore('versions').index('by-lastSeen').openCursor();
  while (cursor) {
    const v = cursor.value as Partial<VersionRecord>;
    const size = typeof v.size === 'number' ? v.size : 0;
    const url = typeof v.url === 'string' ? v.url : '';
    total += size;
    perUrl.set(url, (perUrl.get(url) ?? 0) + size);
    if (typeof v.id === 'number' && !keep.has(v.id)) candidates.push({ id: v.id, url, size });
    cursor = await cursor.continue();
  }
  let dropped = 0;
  for (const c of candidates) {
    if (total <= limits.totalBytes) break;
    await tx.objectStore('versions').delete(c.id);
    total -= c.size;
    perUrl.set(c.url, (perUrl.get(c.url) ?? 0) - c.size);
    dropped++;
  }
  // Refresh the per-document sums so the next check takes the fast path.
  for (const d of docs) {
    const bytes = perUrl.get(d.url) ?? 0;
    if (d.bytes !== bytes) await tx.objectStore('documents').put({ ...d, bytes });
  }
  await tx.done;
  return dropped;
}

/** Re-check state of one document, or null. */
export async function getCheck(db: HistoryDB, url: string): Promise<CheckRecord | null> {
  return (await db.get('checks', url)) ?? null;
}

export async function putCheck(db: HistoryDB, record: CheckRecord): Promise<void> {
  await db.put('checks', record);
}

function describe(row: unknown): string {
  return row && typeof row === 'object' && 'url' in row ? String((row as { url: unknown }).url) : '(no url)';
}
