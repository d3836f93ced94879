/**
 * The JSON export of the whole policy history, its validation, and the merge that imports it back.
 * Validation is pure and runs twice: in the options page (to explain a bad file before sending it) and in the
 * background (the page's word is not trusted). The database functions take the open db as an argument.
 * @module
 */
import type { HistoryDB } from './store/repository';
import type { CheckRecord, DocumentRecord, VersionRecord, VisitRecord } from './store/schema';
import { isDocumentRecord, isVisitRecord, versionProblem } from './store/validate';

export const EXPORT_FORMAT = 'fineprint-history';
export const EXPORT_VERSION = 1;

/** Upper bounds that keep a hostile or corrupt file from exhausting memory in the background. */
export const IMPORT_LIMITS = { documents: 20_000, versions: 200_000, problemsShown: 5 } as const;

export interface FineprintExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  documents: DocumentRecord[];
  versions: VersionRecord[];
  visits: VisitRecord[];
  checks: CheckRecord[];
}

export type ExportResult = { ok: true; data: FineprintExport } | { ok: false; error: string };

export type ImportResult =
  { ok: true; documents: number; versions: number; unchanged: number } | { ok: false; error: string };

export type Validated =
  { ok: true; data: FineprintExport } | { ok: false; error: string; problems: string[] };

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function isCheckRecord(x: unknown): x is CheckRecord {
  return (
    isObj(x) &&
    typeof x.url === 'string' &&
    isNum(x.lastAttempt) &&
    (x.lastSuccess === null || isNum(x.lastSuccess)) &&
    isNum(x.failures) &&
    isNum(x.nextAt) &&
    (x.lastError === null || typeof x.lastError === 'string')
  );
}

/**
 * Checks a parsed export file completely before anything is written: the envelope, every record, and that
 * every reference (a document's latest version, a visit's version) points at a version of the same URL in
 * the file. Any problem rejects the whole file, so an import is all or nothing.
 */
export function validateExport(raw: unknown): Validated {
  const reject = (error: string, problems: string[] = []): Validated => ({ ok: false, error, problems });
  if (!isObj(raw)) return reject('This file is not a Fineprint export (expected a JSON object).');
  if (raw.format !== EXPORT_FORMAT)
    return reject('This file is not a Fineprint export (format field missing).');
  if (!isNum(raw.version) || raw.version > EXPORT_VERSION)
    return reject(`This export was made by a newer Fineprint (format version ${String(raw.version)}).`);
  for (const key of ['documents', 'versions', 'visits', 'checks'] as const)
    if (!Array.isArray(raw[key])) return reject(`The export is incomplete: "${key}" is missing.`);
  const documents = raw.documents as unknown[];
  const versions = raw.versions as unknown[];
  const visits = raw.visits as unknown[];
  const checks = raw.checks as unknown[];
  if (documents.length > IMPORT_LIMITS.documents || versions.length > IMPORT_LIMITS.versions)
    return reject('The export is larger than Fineprint can import.');

  const problems: string[] = [];
  const versionUrl = new Map<number, string>();
  versions.forEach((v, i) => {
    const problem = versionProblem(v);
    if (problem) problems.push(`version #${i}: ${problem}`);
    else {
      const rec = v as VersionRecord;
      if (versionUrl.has(rec.id!)) problems.push(`version #${i}: duplicate id ${rec.id}`);
      versionUrl.set(rec.id!, rec.url);
    }
  });
  const docUrls = new Set<string>();
  documents.forEach((d, i) => {
    if (!isDocumentRecord(d)) return void problems.push(`document #${i}: malformed`);
    if (docUrls.has(d.url)) problems.push(`document #${i}: duplicate ${d.url}`);
    docUrls.add(d.url);
    if (versionUrl.get(d.latestVersionId) !== d.url)
      problems.push(`document #${i}: latest version ${d.latestVersionId} is not in the file`);
  });
  for (const [id, url] of versionUrl)
    if (!docUrls.has(url)) problems.push(`version ${id}: belongs to no document in the file`);
  visits.forEach((v, i) => {
    if (!isVisitRecord(v)) return void problems.push(`visit #${i}: malformed`);
    if (versionUrl.get(v.versionId) !== v.url)
      problems.push(`visit #${i}: version ${v.versionId} is not in the file`);
  });
  checks.forEach((c, i) => {
    if (!isCheckRecord(c)) problems.push(`check #${i}: malformed`);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, IMPORT_LIMITS.problemsShown).join('; ');
    const more =
      problems.length > IMPORT_LIMITS.problemsShown
        ? ` (and ${problems.length - IMPORT_LIMITS.problemsShown} more)`
        : '';
    return reject(`The export is damaged: ${shown}${more}. Nothing was imported.`, problems);
  }
  return {
    ok: true,
    data: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: isNum(raw.exportedAt) ? raw.exportedAt : 0,
      documents: documents as DocumentRecord[],
      versions: versions as VersionRecord[],
      visits: visits as VisitRecord[],
      checks: checks as CheckRecord[],
    },
  };
}

/** Parses the text of a chosen file, then validates it. */
export function parseExportText(text: string): Validated {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: 'This file is not valid JSON, so it cannot be a Fineprint export.',
      problems: [],
    };
  }
  return validateExport(raw);
}

/** Reads the whole history in one read-only transaction. */
export async function exportHistory(db: HistoryDB, now: number): Promise<FineprintExport> {
  const tx = db.transaction(['documents', 'versions', 'visits', 'checks'], 'readonly');
  const [documents, versions, visits, checks] = await Promise.all([
    tx.objectStore('documents').getAll(),
    tx.objectStore('versions').getAll(),
    tx.objectStore('visits').getAll(),
    tx.objectStore('checks').getAll(),
  ]);
  await tx.done;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    documents,
    versions,
    visits,
    checks,
  };
}

/**
 * Merges a validated export into the history in one transaction (all or nothing). Nothing the user has is
 * overwritten: a version already stored (same URL and fingerprint) is kept and the imported one maps onto it;
 * an imported version keeps its id when that id is free, so export → delete → import restores ids exactly.
 * Existing document, visit and re-check rows win over imported ones.
 */
export async function importHistory(
  db: HistoryDB,
  data: FineprintExport,
): Promise<{ documents: number; versions: number; unchanged: number }> {
  const tx = db.transaction(['documents', 'versions', 'visits', 'checks'], 'readwrite');
  const versions = tx.objectStore('versions');
  const idMap = new Map<number, number>();
  let addedVersions = 0;
  let unchanged = 0;
  for (const v of data.versions) {
    const existingKey = await versions.index('by-url-hash').getKey([v.url, v.hash]);
    if (existingKey !== undefined) {
      idMap.set(v.id!, existingKey);
      unchanged++;
      continue;
    }
    const occupied = (await versions.getKey(v.id!)) !== undefined;
    const { id: _id, ...rest } = v;
    const newId = occupied ? await versions.add(rest as VersionRecord) : await versions.put(v);
    idMap.set(v.id!, newId);
    addedVersions++;
  }
  const mapId = (id: number) => idMap.get(id) ?? id;
  let addedDocs = 0;
  const documents = tx.objectStore('documents');
  for (const d of data.documents) {
    if ((await documents.getKey(d.url)) !== undefined) continue;
    const lastChange = d.lastChange
      ? {
          ...d.lastChange,
          fromVersionId: mapId(d.lastChange.fromVersionId),
          toVersionId: mapId(d.lastChange.toVersionId),
        }
      : undefined;
    await documents.put({
      ...d,
      latestVersionId: mapId(d.latestVersionId),
      ...(lastChange ? { lastChange } : {}),
      ...(d.lastNotifiedVersionId !== undefined
        ? { lastNotifiedVersionId: mapId(d.lastNotifiedVersionId) }
        : {}),
    });
    addedDocs++;
  }
  const visits = tx.objectStore('visits');
  for (const v of data.visits)
    if ((await visits.getKey(v.url)) === undefined) await visits.put({ ...v, versionId: mapId(v.versionId) });
  const checks = tx.objectStore('checks');
  for (const c of data.checks) if ((await checks.getKey(c.url)) === undefined) await checks.put(c);
  await tx.done;
  return { documents: addedDocs, versions: addedVersions, unchanged };
}

/** Deletes every record of the history (one transaction). */
export async function deleteHistory(db: HistoryDB): Promise<void> {
  const tx = db.transaction(['documents', 'versions', 'visits', 'checks'], 'readwrite');
  await Promise.all([
    tx.objectStore('documents').clear(),
    tx.objectStore('versions').clear(),
    tx.objectStore('visits').clear(),
    tx.objectStore('checks').clear(),
  ]);
  await tx.done;
}
