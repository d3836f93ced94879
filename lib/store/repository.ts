/**
 * Repository functions over the history database: save a snapshot (atomically), read documents and versions
 * (validated), record changes and re-check state, apply retention. Pure of browser APIs: the caller passes the db.
 * @module
 */
import { findingCounts, type FindingCounts } from '../counts';
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { AnalysedClause, PageKind } from '../types';
import { isQuotaError, StoreError, toStoreError } from './errors';
import {
  DEFAULT_LIMITS,
  lastHour,
  limitMessage,
  originBudget,
  originKeyBounds,
  originOf,
  notificationAllowed,
  overBy,
  planOwnEviction,
  rateLimitReason,
  withLimits,
  type HistoryLimits,
} from './limits';
import { cleanTitle } from './sanitize';
import { currentSummary, dropDocument, putDocument, summarise, summaryFor, type SummaryTx } from './summary';
import { addToTotal, documentBytes, storedTotal, urlBytes, versionSizes, type CountingTx } from './totals';
import {
  clausesSize,
  type CheckRecord,
  type DocumentRecord,
  type FineprintDB,
  type StoredChange,
  type VersionRecord,
  type VersionSource,
} from './schema';
import {
  documentProblem,
  isDocumentRecord,
  isVisitRecord,
  versionProblem,
  withKnownLabels,
} from './validate';

export type HistoryDB = IDBPDatabase<FineprintDB>;

/** Retention and per-site limits (lib/store/limits.ts). Kept under its first name for existing callers. */
export type RetentionLimits = HistoryLimits;
export const DEFAULT_RETENTION: RetentionLimits = DEFAULT_LIMITS;

export interface SnapshotInput {
  /** Canonical URL. */
  url: string;
  /** As the page gave it: cleaned here (lib/store/sanitize.ts) before it is stored. */
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
  /**
   * When the tab this page came from last stored new versions (lib/store/tab-limits.ts), for the per-tab
   * limit; absent for writes no tab asked for (re-check, checkout reading).
   */
  tabVersionTimes?: readonly number[];
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

type WriteTx = CountingTx;

/**
 * Makes room for `size` more bytes from `origin` by dropping that origin's own oldest versions, never another
 * origin's, never a document's newest version nor one a user saw last. Throws a `limited` StoreError when the
 * origin's share or the whole store would still be exceeded (the caller's transaction then aborts, so nothing
 * was dropped). Returns the bytes freed from the origin's other documents.
 */
async function makeRoom(
  tx: WriteTx,
  origin: string,
  size: number,
  keep: ReadonlySet<number>,
  limits: HistoryLimits,
  currentUrl: string,
): Promise<number> {
  const freed = new Map<string, number>();
  const [lower, upper] = originKeyBounds(origin);
  const range = IDBKeyRange.bound(lower, upper, false, true);
  const documents = tx.objectStore('documents');
  const ownDocs = ((await documents.getAll(range)) as unknown[]).filter(isDocumentRecord);
  const docBytes = new Map<string, number>();
  for (const d of ownDocs) docBytes.set(d.url, await documentBytes(tx, d));
  const ownBytes = [...docBytes.values()].reduce((n, b) => n + b, 0);
  const total = await storedTotal(tx);
  const needForShare = overBy(ownBytes, size, originBudget(limits));
  const need = Math.max(needForShare, overBy(total, size, limits.totalBytes));
  if (need === 0) return 0;

  const protectedIds = new Set<number>(keep);
  for (const d of ownDocs) protectedIds.add(d.latestVersionId);
  for (const v of (await tx.objectStore('visits').getAll(range)) as unknown[])
    if (isVisitRecord(v)) protectedIds.add(v.versionId);
  const own = await versionSizes(tx, lower, upper);
  const plan = planOwnEviction(own, protectedIds, need);
  const host = new URL(origin).host;
  if (!plan)
    throw new StoreError('limited', limitMessage(needForShare > 0 ? 'origin-share' : 'total', host, limits));
  const urlOf = new Map(own.map((v) => [v.id, v] as const));
  for (const id of plan) {
    const v = urlOf.get(id)!;
    await tx.objectStore('versions').delete(id);
    freed.set(v.url, (freed.get(v.url) ?? 0) + v.size);
  }
  // The other documents of the origin whose versions went: their running sums follow.
  let freedElsewhere = 0;
  for (const d of ownDocs) {
    const less = freed.get(d.url);
    // The document being written keeps its sum in the caller.
    if (less === undefined || d.url === currentUrl) continue;
    await documents.put({ ...d, bytes: Math.max(0, docBytes.get(d.url)! - less) });
    freedElsewhere += less;
  }
  return freedElsewhere;
}

/**
 * Store one observation of a document in a single readwrite transaction: a new version if the fingerprint is
 * new (else refresh `lastSeen`), the document row, the visit, and retention. A new version must fit the
 * origin's hourly limits and its share of the store (lib/store/limits.ts); room is made from the origin's own
 * older versions only. Either everything is written or nothing is (quota errors included); failures are
 * thrown as {@link StoreError} (`limited` when a limit kept the version out).
 */
export async function recordSnapshot(
  db: HistoryDB,
  input: SnapshotInput,
  limitsIn: Partial<RetentionLimits> = DEFAULT_RETENTION,
): Promise<SnapshotResult> {
  const limits = withLimits(limitsIn);
  const title = cleanTitle(input.title);
  const tx = db.transaction(['documents', 'versions', 'visits', 'origins', 'meta', 'tallies'], 'readwrite');
  try {
    const documents = tx.objectStore('documents');
    const versions = tx.objectStore('versions');
    const visits = tx.objectStore('visits');
    const problems: string[] = [];

    const rawDoc: unknown = await documents.get(input.url);
    const existingDoc = isDocumentRecord(rawDoc) ? rawDoc : null;
    if (rawDoc !== undefined && !existingDoc) problems.push(`document ${input.url}: malformed, rebuilt`);

    // What this document counted before the write, to move the store's total by the difference.
    const bytesBefore = existingDoc ? await documentBytes(tx as WriteTx, existingDoc) : 0;
    let freedElsewhere = 0;

    const rawVisit: unknown = await visits.get(input.url);
    const visit = isVisitRecord(rawVisit) ? rawVisit : null;

    const existingKey = await versions.index('by-url-hash').getKey([input.url, input.hash]);
    let version: VersionRecord;
    let isNewVersion = false;
    const existing = existingKey === undefined ? undefined : await versions.get(existingKey);
    if (existing !== undefined && versionProblem(existing) === null) {
      version = { ...existing, lastSeen: input.now, title: title || existing.title };
      await versions.put(version);
    } else {
      if (existingKey !== undefined) {
        problems.push(versionProblem(existing) ?? `version ${existingKey}: unreadable`);
        await versions.delete(existingKey);
      }
      const origin = originOf(input.url);
      if (!origin) throw new StoreError('failed', `Not a web address: ${input.url}`);
      const originRow = (await tx.objectStore('origins').get(origin)) ?? {
        origin,
        newVersionTimes: [],
        newDocumentTimes: [],
        notifiedAt: null,
      };
      const newDocument = !existingDoc;
      const reason = rateLimitReason(
        {
          originVersionTimes: originRow.newVersionTimes,
          originDocumentTimes: originRow.newDocumentTimes,
          ...(input.tabVersionTimes ? { tabVersionTimes: input.tabVersionTimes } : {}),
        },
        newDocument,
        input.now,
        limits,
      );
      if (reason) throw new StoreError('limited', limitMessage(reason, new URL(origin).host, limits));
      const fresh: VersionRecord = {
        url: input.url,
        hash: input.hash,
        title,
        language: input.language,
        clauses: input.clauses,
        firstSeen: input.now,
        lastSeen: input.now,
        source: input.source,
        size: clausesSize(input.clauses),
      };
      const keep = new Set<number>();
      if (visit) keep.add(visit.versionId);
      if (existingDoc) keep.add(existingDoc.latestVersionId);
      freedElsewhere = await makeRoom(tx as WriteTx, origin, fresh.size, keep, limits, input.url);
      const id = await versions.add(fresh);
      version = { ...fresh, id };
      isNewVersion = true;
      await tx.objectStore('origins').put({
        ...originRow,
        newVersionTimes: [...lastHour(originRow.newVersionTimes, input.now), input.now],
        newDocumentTimes: newDocument
          ? [...lastHour(originRow.newDocumentTimes, input.now), input.now]
          : lastHour(originRow.newDocumentTimes, input.now),
      });
    }
    const versionId = version.id!;

    let previousSeen: VersionRecord | null = null;
    if (visit && visit.versionId !== versionId) {
      const raw: unknown = await versions.get(visit.versionId);
      const problem = raw === undefined ? `version ${visit.versionId}: missing` : versionProblem(raw);
      if (problem) problems.push(problem);
      else {
        const seen = raw as VersionRecord;
        previousSeen = { ...seen, clauses: withKnownLabels(seen.clauses).clauses };
      }
    }

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
        await versions.delete(id);
        surplus--;
      }
    }
    // The document's running sum, counted from the size index after this write's additions and evictions
    // (a key cursor: no clauses are read).
    const bytes =
      isNewVersion || typeof existingDoc?.bytes !== 'number'
        ? await urlBytes(tx as WriteTx, input.url)
        : existingDoc.bytes;

    const document: DocumentRecord = {
      ...(existingDoc ?? { firstSeen: input.now }),
      url: input.url,
      title: title || existingDoc?.title || input.url,
      kind: input.kind,
      language: input.language,
      lastSeen: input.markSeen ? input.now : (existingDoc?.lastSeen ?? input.now),
      latestVersionId,
    };
    document.bytes = bytes;
    // The summary index moves with the version, in this transaction (lib/store/summary.ts).
    const summary =
      latestVersionId === versionId
        ? currentSummary(existingDoc)?.versionId === versionId
          ? currentSummary(existingDoc)
          : summarise(versionId, version.clauses)
        : await summaryFor(tx as SummaryTx, document);
    if (summary) document.summary = summary;
    else delete document.summary;
    await putDocument(tx as SummaryTx, document, existingDoc);
    if (isNewVersion || bytes !== bytesBefore)
      await addToTotal(tx as WriteTx, bytes - bytesBefore - freedElsewhere);
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
  /** Findings of the latest version by category (lib/counts.ts), from the summary index. */
  findings?: FindingCounts;
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

type ListTx = IDBPTransaction<FineprintDB, ('documents' | 'versions' | 'visits' | 'checks')[], 'readonly'>;

/** One list row from a document row: its version count, visit and re-check state read by key. */
async function listRow(tx: ListTx, row: DocumentRecord): Promise<DocumentSummary> {
  const [versionCount, visit, check] = await Promise.all([
    tx.objectStore('versions').index('by-url').count(row.url),
    tx.objectStore('visits').get(row.url) as Promise<unknown>,
    tx.objectStore('checks').get(row.url),
  ]);
  return {
    url: row.url,
    title: row.title,
    kind: row.kind,
    firstSeen: row.firstSeen,
    lastSeen: row.lastSeen,
    versionCount,
    latestVersionId: row.latestVersionId,
    seenVersionId: isVisitRecord(visit) ? visit.versionId : null,
    lastChange: row.lastChange ?? null,
    ...(row.summary ? { findings: row.summary.findings } : {}),
    check: check
      ? {
          lastAttempt: check.lastAttempt,
          lastSuccess: check.lastSuccess,
          failures: check.failures,
          lastError: check.lastError,
        }
      : null,
  };
}

/** A row that cannot be listed: why, for the page's "skipped" notice. */
function rowProblem(row: unknown): string | null {
  const problem = documentProblem(row);
  if (!problem) return null;
  const why = problem.startsWith('document ') ? problem : `document ${describe(row)}: ${problem}`;
  return `${why}; skipped`;
}

/**
 * All tracked documents, most recently seen first (for background jobs that need every one: re-check).
 * Malformed rows are skipped and reported. The history page reads {@link listDocumentsPage} instead.
 */
export async function listDocuments(
  db: HistoryDB,
): Promise<{ documents: DocumentSummary[]; problems: string[] }> {
  const tx = db.transaction(['documents', 'versions', 'visits', 'checks'], 'readonly');
  const problems: string[] = [];
  const documents: DocumentSummary[] = [];
  const rows: unknown[] = await tx.objectStore('documents').getAll();
  for (const row of rows) {
    const problem = rowProblem(row);
    if (problem || !isDocumentRecord(row)) {
      problems.push(problem ?? 'document: unreadable; skipped');
      continue;
    }
    documents.push(await listRow(tx, row));
  }
  await tx.done;
  documents.sort((a, b) => b.lastSeen - a.lastSeen);
  return { documents, problems };
}

export interface DocumentPage {
  /** The listed rows `offset` to `offset + limit` of the newest-first order (damaged rows skipped). */
  documents: DocumentSummary[];
  /** Position in the whole list of each of `documents`. */
  positions: number[];
  /**
   * How many rows the whole list has (damaged rows included: they keep their place, as skipped; a row too
   * damaged to have a place is named in the first screen's `problems`).
   */
  total: number;
  problems: string[];
}

/**
 * One screen of the history list, most recently seen first: walks the `by-lastSeen` index from the newest,
 * skips `offset` rows by key, and reads `limit` rows with their version count, visit and re-check state. Reads
 * no version and no other row, so its cost does not grow with the history.
 */
export async function listDocumentsPage(db: HistoryDB, offset: number, limit: number): Promise<DocumentPage> {
  const tx = db.transaction(['documents', 'versions', 'visits', 'checks'], 'readonly');
  const index = tx.objectStore('documents').index('by-lastSeen');
  const total = await index.count();
  const problems: string[] = [];
  // A row without a usable `lastSeen` is in no index: the first screen names it, as the whole list did.
  if (offset === 0 && (await tx.objectStore('documents').count()) > total) {
    const listed = new Set(await index.getAllKeys());
    for (const url of await tx.objectStore('documents').getAllKeys()) {
      if (listed.has(url)) continue;
      problems.push(rowProblem(await tx.objectStore('documents').get(url)) ?? `document ${url}: unlisted`);
    }
  }
  const rows: { row: unknown; at: number }[] = [];
  if (limit > 0 && offset < total) {
    let cursor = await index.openCursor(null, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    let at = offset;
    while (cursor && rows.length < limit) {
      rows.push({ row: cursor.value, at: at++ });
      cursor = await cursor.continue();
    }
  }
  const documents: DocumentSummary[] = [];
  const positions: number[] = [];
  for (const { row, at } of rows) {
    const problem = rowProblem(row);
    if (problem || !isDocumentRecord(row)) {
      problems.push(problem ?? 'document: unreadable; skipped');
      continue;
    }
    documents.push(await listRow(tx, row));
    positions.push(at);
  }
  await tx.done;
  return { documents, positions, total, problems };
}

/** The distinct origins of every tracked document, from the keys alone (what re-check asks permission for). */
export async function trackedOrigins(db: HistoryDB): Promise<string[]> {
  const origins = new Set<string>();
  for (const url of await db.getAllKeys('documents')) {
    const origin = originOf(url);
    if (origin) origins.add(origin);
  }
  return [...origins];
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

/**
 * One full version, or a reason it cannot be read. Labels of categories or stances this build does not know
 * are left out (`ignoredLabels` counts them), so comparisons and summaries never meet a category they cannot
 * name.
 */
export async function getVersion(
  db: HistoryDB,
  id: number,
): Promise<
  { version: VersionRecord; problem: null; ignoredLabels: number } | { version: null; problem: string }
> {
  const raw: unknown = await db.get('versions', id);
  if (raw === undefined) return { version: null, problem: `version ${id}: not found` };
  const problem = versionProblem(raw);
  if (problem) return { version: null, problem };
  const { clauses, ignored } = withKnownLabels((raw as VersionRecord).clauses);
  return { version: { ...(raw as VersionRecord), clauses }, problem: null, ignoredLabels: ignored };
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

/**
 * Delete a document with all its versions, visit and re-check state (one transaction). With the origin's last
 * document goes its limits record, so nothing in the store still names a site the user asked to forget.
 */
export async function deleteDocument(db: HistoryDB, url: string): Promise<void> {
  const tx = db.transaction(
    ['documents', 'versions', 'visits', 'checks', 'origins', 'meta', 'tallies'],
    'readwrite',
  );
  const doc: unknown = await tx.objectStore('documents').get(url);
  const bytes = isDocumentRecord(doc) ? await documentBytes(tx as unknown as CountingTx, doc) : 0;
  const ids = await tx.objectStore('versions').index('by-url').getAllKeys(url);
  for (const id of ids) await tx.objectStore('versions').delete(id);
  await dropDocument(tx as unknown as SummaryTx, url);
  await tx.objectStore('visits').delete(url);
  await tx.objectStore('checks').delete(url);
  const origin = originOf(url);
  if (origin) {
    const [lower, upper] = originKeyBounds(origin);
    const left = await tx.objectStore('documents').count(IDBKeyRange.bound(lower, upper, false, true));
    if (left === 0) await tx.objectStore('origins').delete(origin);
  }
  await addToTotal(tx as unknown as CountingTx, -bytes);
  await tx.done;
}

/**
 * Takes the origin's notification slot when it is free (at most one change notification per origin per
 * `notifyWindowMs`, lib/store/limits.ts): true means notify now, false means the change is recorded and shown
 * in the popup and history page, but not announced again. One transaction, so two changes of one origin
 * arriving together cannot both take it.
 */
export async function claimNotification(
  db: HistoryDB,
  url: string,
  now: number,
  limits: Pick<HistoryLimits, 'notifyWindowMs'> = DEFAULT_LIMITS,
): Promise<boolean> {
  const origin = originOf(url);
  if (!origin) return false;
  const tx = db.transaction('origins', 'readwrite');
  const row = (await tx.store.get(origin)) ?? {
    origin,
    newVersionTimes: [],
    newDocumentTimes: [],
    notifiedAt: null,
  };
  const allowed = notificationAllowed(row.notifiedAt, now, limits);
  if (allowed) await tx.store.put({ ...row, notifiedAt: now });
  await tx.done;
  return allowed;
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
