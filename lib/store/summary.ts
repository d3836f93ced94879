/**
 * The summary index (schema v5): each document row carries a summary of its latest version, and the `tallies`
 * store sums those summaries per kind. Writers call {@link putDocument} / {@link dropDocument} inside the
 * transaction that writes the version, so a row, its summary and the tallies never disagree. Readers: the
 * history list (rows by `lastSeen`, one screen at a time) and the popup's comparison (one tally row).
 * @module
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { CATEGORY_IDS, type CategoryId } from '../classify/taxonomy';
import {
  comparisonFromCounts,
  positionOf,
  type CategoryPosition,
  type ComparableClause,
  type ComparableDocument,
  type SiteComparison,
} from '../compare';
import { findingCounts } from '../counts';
import type { AnalysedClause } from '../types';
import type { DocumentRecord, DocumentSummaryRecord, FineprintDB, PositionCode, TallyRecord } from './schema';
import { isDocumentRecord, versionProblem, withKnownLabels } from './validate';

/** A readwrite transaction over at least `documents` and `tallies`. */
export type SummaryTx = IDBPTransaction<FineprintDB, StoreNames<FineprintDB>[], 'readwrite'>;

/** The one-letter form of a position (absent: the document does not speak of the category). */
export function positionCode(p: CategoryPosition): PositionCode | null {
  if (p.permits) return p.hasChoice ? 'c' : 'p';
  return p.deniesOnly ? 'd' : null;
}

/** Positions of every category the clauses speak of, as the comparison reads them. */
export function positionsOf(clauses: readonly ComparableClause[]): Partial<Record<CategoryId, PositionCode>> {
  const out: Partial<Record<CategoryId, PositionCode>> = {};
  for (const category of CATEGORY_IDS) {
    const code = positionCode(positionOf(clauses, category));
    if (code) out[category] = code;
  }
  return out;
}

/**
 * The summary of one stored version. Labels of categories this build does not know are left out first, as
 * every reader of stored versions does (lib/store/validate.ts `withKnownLabels`).
 */
export function summarise(versionId: number, clauses: readonly AnalysedClause[]): DocumentSummaryRecord {
  const known = withKnownLabels(clauses).clauses;
  return { versionId, findings: findingCounts(known), positions: positionsOf(known) };
}

/** `URL.host` of a stored address ('' for one that does not parse, which no writer stores). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

const emptyTally = (kind: string): TallyRecord => ({
  kind,
  documents: 0,
  permits: {},
  choice: {},
  denies: {},
});

/** Adds (`sign` 1) or removes (-1) one summarised row's contribution to its kind's tally. */
function applyTo(tally: TallyRecord, summary: DocumentSummaryRecord, sign: 1 | -1): void {
  const bump = (m: Partial<Record<CategoryId, number>>, c: CategoryId) => {
    const n = (m[c] ?? 0) + sign;
    if (n > 0) m[c] = n;
    else delete m[c];
  };
  tally.documents = Math.max(0, tally.documents + sign);
  for (const [c, code] of Object.entries(summary.positions) as [CategoryId, PositionCode][]) {
    if (code === 'p' || code === 'c') bump(tally.permits, c);
    if (code === 'c') bump(tally.choice, c);
    if (code === 'd') bump(tally.denies, c);
  }
}

/** Adds one summarised row of `kind` to a set of tallies being counted. */
export function tallyAdd(
  tallies: Map<string, TallyRecord>,
  kind: string,
  summary: DocumentSummaryRecord,
): void {
  const tally = tallies.get(kind) ?? emptyTally(kind);
  applyTo(tally, summary, 1);
  tallies.set(kind, tally);
}

/** The row's summary when it is the current one (made from the latest version), else null. */
export function currentSummary(row: DocumentRecord | null | undefined): DocumentSummaryRecord | null {
  const s = row?.summary;
  return s && s.versionId === row.latestVersionId ? s : null;
}

async function moveTallies(
  tx: SummaryTx,
  before: DocumentRecord | null,
  after: DocumentRecord | null,
): Promise<void> {
  const out = currentSummary(before);
  const into = currentSummary(after);
  if (!out && !into) return;
  const store = tx.objectStore('tallies');
  const kinds = new Set<string>();
  if (out) kinds.add(before!.kind);
  if (into) kinds.add(after!.kind);
  const tallies = new Map<string, TallyRecord>();
  for (const kind of kinds) tallies.set(kind, (await store.get(kind)) ?? emptyTally(kind));
  if (out) applyTo(tallies.get(before!.kind)!, out, -1);
  if (into) applyTo(tallies.get(after!.kind)!, into, 1);
  for (const tally of tallies.values()) await store.put(tally);
}

/**
 * Writes a document row and moves the tallies from what `before` (the row as read in this transaction, or
 * null) contributed to what the new row contributes. The row's `host` is filled in; its `summary` must be the
 * latest version's, or absent.
 */
export async function putDocument(
  tx: SummaryTx,
  row: DocumentRecord,
  before: DocumentRecord | null,
): Promise<void> {
  const next: DocumentRecord = { ...row, host: hostOf(row.url) };
  if (next.summary && next.summary.versionId !== next.latestVersionId) delete next.summary;
  await tx.objectStore('documents').put(next);
  await moveTallies(tx, before, next);
}

/** Deletes a document row and takes its contribution out of the tallies. */
export async function dropDocument(tx: SummaryTx, url: string): Promise<void> {
  const raw: unknown = await tx.objectStore('documents').get(url);
  await tx.objectStore('documents').delete(url);
  if (isDocumentRecord(raw)) await moveTallies(tx, raw, null);
}

/**
 * The summary of the row's latest version, read from the store when the row's own is missing or stale; null
 * when that version cannot be read.
 */
export async function summaryFor(
  tx: SummaryTx,
  row: Pick<DocumentRecord, 'latestVersionId' | 'summary'>,
): Promise<DocumentSummaryRecord | null> {
  const own = row.summary;
  if (own && own.versionId === row.latestVersionId) return own;
  const raw: unknown = await tx.objectStore('versions').get(row.latestVersionId);
  if (raw === undefined || versionProblem(raw) !== null) return null;
  return summarise(row.latestVersionId, (raw as { clauses: AnalysedClause[] }).clauses);
}

/**
 * Counts the tallies again from the rows' summaries (a database written by other means, or rows that lost
 * theirs): rows whose summary is missing or stale get one made from their latest version first.
 */
export async function rebuildSummaries(tx: SummaryTx): Promise<void> {
  const documents = tx.objectStore('documents');
  const tallies = new Map<string, TallyRecord>();
  for (const raw of (await documents.getAll()) as unknown[]) {
    if (!isDocumentRecord(raw)) continue;
    let row = raw;
    const summary = await summaryFor(tx, raw);
    if (summary !== raw.summary || raw.host === undefined) {
      row = { ...raw, host: hostOf(raw.url) };
      if (summary) row.summary = summary;
      else delete row.summary;
      await documents.put(row);
    }
    if (row.summary) tallyAdd(tallies, row.kind, row.summary);
  }
  await tx.objectStore('tallies').clear();
  for (const tally of tallies.values()) await tx.objectStore('tallies').put(tally);
}

/**
 * "How others compare" from the tallies: the same figures as lib/compare `compareWithTracked` over the latest
 * version of every other summarised document of the same kind, with the current document's own row (`own`,
 * when it is stored) taken out as that function leaves it out.
 */
export function compareFromTallies(
  current: ComparableDocument,
  tallies: readonly TallyRecord[],
  own: DocumentRecord | null,
): SiteComparison {
  const pool = tallies.filter((t) => !current.kind || t.kind === current.kind);
  const ownSummary = own && (!current.kind || own.kind === current.kind) ? currentSummary(own) : null;
  const sum = (pick: (t: TallyRecord) => number) => pool.reduce((n, t) => n + pick(t), 0);
  const tracked = sum((t) => t.documents) - (ownSummary ? 1 : 0);
  return comparisonFromCounts(current.clauses, tracked, (category) => {
    const code = ownSummary?.positions[category];
    return {
      permitting: sum((t) => t.permits[category] ?? 0) - (code === 'p' || code === 'c' ? 1 : 0),
      permittingWithChoice: sum((t) => t.choice[category] ?? 0) - (code === 'c' ? 1 : 0),
      denying: sum((t) => t.denies[category] ?? 0) - (code === 'd' ? 1 : 0),
    };
  });
}

/** Whether {@link storedComparison} already summarised the rows that had no summary, once per background. */
export interface TallyRepair {
  missingDone: boolean;
}

/**
 * The comparison of an analysed page with the stored documents: reads the tallies, the current document's own
 * row and two key counts. When the tallies do not add up to the summarised rows (a database changed by other
 * means), or rows lack a summary (written before one existed; tried once per `repair`), they are made again
 * from the rows first.
 */
export async function storedComparison(
  db: IDBPDatabase<FineprintDB>,
  current: ComparableDocument,
  repair: TallyRepair = { missingDone: false },
): Promise<SiteComparison> {
  const read = async () => {
    const tx = db.transaction(['documents', 'tallies'], 'readonly');
    const [tallies, summarised, documents, own] = await Promise.all([
      tx.objectStore('tallies').getAll(),
      tx.objectStore('documents').index('by-summary').count(),
      tx.objectStore('documents').count(),
      tx.objectStore('documents').get(current.id) as Promise<unknown>,
    ]);
    await tx.done;
    return { tallies, summarised, documents, own: isDocumentRecord(own) ? own : null };
  };
  let state = await read();
  const adds = state.tallies.reduce((n, t) => n + t.documents, 0) === state.summarised;
  if (!adds || (state.documents !== state.summarised && !repair.missingDone)) {
    repair.missingDone = true;
    const tx = db.transaction(['documents', 'versions', 'tallies'], 'readwrite') as unknown as SummaryTx;
    await rebuildSummaries(tx);
    await tx.done;
    state = await read();
  }
  return compareFromTallies(current, state.tallies, state.own);
}
