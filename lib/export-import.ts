/**
 * Backup and restore of the whole policy history, of any size the store holds. Both run in the options page
 * against IndexedDB directly (extension pages share the background's origin and database), so nothing passes
 * through runtime messaging and its 64 MiB limit.
 *
 * The file (format version 2) is JSON Lines: a header line, then each document followed by its versions, its
 * visit and its re-check state, one record per line, then an end line with the counts:
 *
 *     {"format":"fineprint-history","version":2,"exportedAt":1767225600000}
 *     {"type":"document","record":{…}}
 *     {"type":"version","record":{…}}
 *     {"type":"visit","record":{…}}
 *     {"end":{"documents":1,"versions":1,"visits":1,"checks":0}}
 *
 * Export reads a few documents per transaction and hands the text on in chunks (the page turns each into a
 * Blob part), never as one string. Import reads the file as a stream of lines, checks every record
 * (lib/store/record-check.ts), skips and reports a bad one, and writes a batch of documents per transaction.
 * The earlier single-JSON export (format version 1) is still read.
 *
 * Import only adds: a record the history already has (same document, same version text, an existing visit or
 * re-check state) is kept as it is, and nothing is deleted or overwritten. Each batch is written whole or not
 * at all, so an import that stops part-way (a full disk, a damaged file) leaves what the user had untouched and
 * the documents imported so far complete, and says where it stopped.
 * @module
 */
import type { HistoryDB } from './store/repository';
import { checkCheck, checkDocument, checkVersion, checkVisit } from './store/record-check';
import {
  clausesSize,
  type CheckRecord,
  type DocumentRecord,
  type VersionRecord,
  type VisitRecord,
} from './store/schema';
import { isDocumentRecord } from './store/validate';
import { addToTotal, documentBytes, urlBytes, type CountingTx } from './store/totals';
import { putDocument, summaryFor, type SummaryTx } from './store/summary';

export const EXPORT_FORMAT = 'fineprint-history';
/** JSON Lines (this module). */
export const EXPORT_VERSION = 2;
/** One JSON object holding every store (exports made before format 2). */
export const LEGACY_VERSION = 1;
export const EXPORT_MIME = 'application/x-ndjson';

/** Bounds that keep a hostile or damaged file from exhausting memory; far above any real history. */
export const IMPORT_LIMITS = {
  documents: 100_000,
  versions: 1_000_000,
  /** Versions read for one document (the store keeps 50 per document from browsing). */
  versionsPerDocument: 2_000,
  /** One line of the file (the largest real version is under 2 MB of JSON). */
  lineChars: 64 * 1024 * 1024,
  /** A format-1 file is parsed whole; they were never larger than the 64 MiB message limit allowed. */
  legacyBytes: 256 * 1024 * 1024,
  /** Problems listed in the report (all are counted). */
  problemsKept: 20,
} as const;

/** Text handed to the file per chunk. */
export const EXPORT_CHUNK_CHARS = 4 * 1024 * 1024;
/** Documents read per export transaction. */
const EXPORT_BATCH = 25;
/** An import transaction holds at most this many documents or this much file text. */
const IMPORT_BATCH = { documents: 50, chars: 16 * 1024 * 1024 };

export interface ExportCounts {
  documents: number;
  versions: number;
  visits: number;
  checks: number;
}

export interface ImportReport {
  /** Documents and versions added; versions already in the history. */
  documents: number;
  versions: number;
  unchanged: number;
  /** Records left out (malformed, unknown category, `javascript:` address…), with the first reasons. */
  skipped: number;
  problems: string[];
  /** The file's end line was read and its counts match what the file held. */
  complete: boolean;
  /** Why the import stopped early; what came before was imported, nothing the user had was changed. */
  error?: string;
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

// ─────────────────────────────── export ───────────────────────────────

/**
 * The whole history as format-2 text, in chunks of about `chunkChars` passed through `makePart` (a Blob in
 * the page, a string in tests). Documents are read {@link EXPORT_BATCH} per read-only transaction, each with
 * its versions, visit and re-check state, so every document is consistent with itself.
 */
export async function exportHistory<P>(
  db: HistoryDB,
  now: number,
  makePart: (text: string) => P,
  options: { chunkChars?: number; onProgress?: (counts: ExportCounts) => void } = {},
): Promise<{ parts: P[]; counts: ExportCounts }> {
  const chunkChars = options.chunkChars ?? EXPORT_CHUNK_CHARS;
  const parts: P[] = [];
  const counts: ExportCounts = { documents: 0, versions: 0, visits: 0, checks: 0 };
  let buffer = `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now })}\n`;
  const line = (type: string, record: unknown) => {
    buffer += `${JSON.stringify({ type, record })}\n`;
    if (buffer.length >= chunkChars) {
      parts.push(makePart(buffer));
      buffer = '';
    }
  };
  const urls = await db.getAllKeys('documents');
  for (let i = 0; i < urls.length; i += EXPORT_BATCH) {
    const tx = db.transaction(['documents', 'versions', 'visits', 'checks'], 'readonly');
    const read = await Promise.all(
      urls.slice(i, i + EXPORT_BATCH).map(async (url) => ({
        document: await tx.objectStore('documents').get(url),
        versions: await tx.objectStore('versions').index('by-url').getAll(url),
        visit: await tx.objectStore('visits').get(url),
        check: await tx.objectStore('checks').get(url),
      })),
    );
    await tx.done;
    for (const r of read) {
      // Deleted since the keys were listed.
      if (!r.document) continue;
      // The summary index (host, summary) is derived from the versions and rebuilt by import: the file holds
      // only what the user's history is, the same as files made before the index existed.
      const { host: _host, summary: _summary, ...document } = r.document;
      line('document', document);
      counts.documents++;
      for (const v of r.versions) line('version', v);
      counts.versions += r.versions.length;
      if (r.visit) {
        line('visit', r.visit);
        counts.visits++;
      }
      if (r.check) {
        line('check', r.check);
        counts.checks++;
      }
    }
    options.onProgress?.({ ...counts });
  }
  buffer += `${JSON.stringify({ end: counts })}\n`;
  parts.push(makePart(buffer));
  return { parts, counts };
}

/** The file name of an export made at `now`. */
export function exportFileName(now: number): string {
  return `fineprint-history-${new Date(now).toISOString().slice(0, 10)}.jsonl`;
}

// ─────────────────────────────── reading ───────────────────────────────

/**
 * The lines of a text stream, whatever its chunking (CRLF or LF). A line longer than `maxChars` is not built:
 * it comes out as `null`, so one huge line cannot exhaust memory.
 */
export async function* splitLines(
  chunks: AsyncIterable<string>,
  maxChars: number = IMPORT_LIMITS.lineChars,
): AsyncGenerator<string | null> {
  let pending: string[] = [];
  let pendingChars = 0;
  let tooLong = false;
  const take = (piece: string): string | null => {
    const out = tooLong ? null : pending.join('') + piece;
    pending = [];
    pendingChars = 0;
    tooLong = false;
    return out === null ? null : out.endsWith('\r') ? out.slice(0, -1) : out;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, nl);
      if (!tooLong && pendingChars + piece.length > maxChars) tooLong = true;
      yield take(piece);
      start = nl + 1;
    }
    const rest = chunk.slice(start);
    if (tooLong || pendingChars + rest.length > maxChars) {
      tooLong = true;
      pending = [];
      pendingChars = 0;
    } else if (rest) {
      pending.push(rest);
      pendingChars += rest.length;
    }
  }
  if (tooLong) yield null;
  else if (pendingChars > 0) yield take('');
}

/** Whether a file's first line is a format-2 header (else it may be a format-1 file, read whole). */
export function isStreamHeader(firstLine: string): boolean {
  try {
    const h = JSON.parse(firstLine) as unknown;
    return isObj(h) && h.format === EXPORT_FORMAT && h.version === EXPORT_VERSION;
  } catch {
    return false;
  }
}

/** One document and what belongs to it, as read from the file (records not yet checked). */
interface RawGroup {
  document: unknown;
  versions: unknown[];
  visits: unknown[];
  checks: unknown[];
  /** Size of its lines, for batching. */
  chars: number;
}

/** A group whose records passed their checks and whose references hold. */
interface CheckedGroup {
  document: DocumentRecord;
  versions: (VersionRecord & { id: number })[];
  visit: VisitRecord | null;
  check: CheckRecord | null;
  chars: number;
}

class Problems {
  skipped = 0;
  readonly kept: string[] = [];
  add(reason: string): void {
    this.skipped++;
    if (this.kept.length < IMPORT_LIMITS.problemsKept) this.kept.push(reason);
  }
  /** A repair that kept the record (not counted as skipped). */
  note(reason: string): void {
    if (this.kept.length < IMPORT_LIMITS.problemsKept) this.kept.push(reason);
  }
}

/** Checks a group's records and references; null when its document cannot be imported. */
function checkGroup(raw: RawGroup, problems: Problems): CheckedGroup | null {
  const doc = checkDocument(raw.document);
  if (!doc.ok) {
    problems.add(`${describe(raw.document)}: ${doc.reason}; skipped with its versions`);
    problems.skipped += raw.versions.length + raw.visits.length + raw.checks.length;
    return null;
  }
  const url = doc.value.url;
  const versions: CheckedGroup['versions'] = [];
  const ids = new Set<number>();
  for (const rawVersion of raw.versions) {
    const v = checkVersion(rawVersion);
    if (!v.ok) problems.add(`${url}: ${v.reason}; version skipped`);
    else if (v.value.url !== url)
      problems.add(`${url}: a version of ${v.value.url} is out of place; skipped`);
    else if (ids.has(v.value.id)) problems.add(`${url}: version ${v.value.id} appears twice; skipped`);
    else {
      ids.add(v.value.id);
      versions.push(v.value);
    }
  }
  if (versions.length === 0) {
    problems.add(`${url}: no readable version; document skipped`);
    return null;
  }
  const document = { ...doc.value };
  if (!ids.has(document.latestVersionId)) {
    document.latestVersionId = Math.max(...ids);
    problems.note(`${url}: its latest version is missing; the newest readable one is used`);
  }
  const change = document.lastChange;
  if (change && !(ids.has(change.fromVersionId) && ids.has(change.toVersionId))) delete document.lastChange;
  if (document.lastNotifiedVersionId !== undefined && !ids.has(document.lastNotifiedVersionId))
    delete document.lastNotifiedVersionId;
  let visit: VisitRecord | null = null;
  for (const rawVisit of raw.visits) {
    const v = checkVisit(rawVisit);
    if (!v.ok) problems.add(`${url}: ${v.reason}; visit skipped`);
    else if (v.value.url !== url || !ids.has(v.value.versionId))
      problems.add(`${url}: the visit names a version not in the file; skipped`);
    else visit ??= v.value;
  }
  let check: CheckRecord | null = null;
  for (const rawCheck of raw.checks) {
    const c = checkCheck(rawCheck);
    if (!c.ok) problems.add(`${url}: ${c.reason}; re-check state skipped`);
    else if (c.value.url !== url) problems.add(`${url}: re-check state of another address; skipped`);
    else check ??= c.value;
  }
  return { document, versions, visit, check, chars: raw.chars };
}

function describe(raw: unknown): string {
  return isObj(raw) && typeof raw.url === 'string' ? `document ${raw.url.slice(0, 200)}` : 'a document';
}

// ─────────────────────────────── writing ───────────────────────────────

/**
 * Adds checked groups in one transaction (all of them or none). A version already stored (same address and
 * text) maps onto the stored one; an imported version keeps its id when it is free, so export → delete →
 * import restores ids exactly. Existing document, visit and re-check rows are kept as they are.
 */
async function writeGroups(
  db: HistoryDB,
  groups: CheckedGroup[],
): Promise<{ documents: number; versions: number; unchanged: number }> {
  const tx = db.transaction(['documents', 'versions', 'visits', 'checks', 'meta', 'tallies'], 'readwrite');
  const counting = tx as unknown as CountingTx;
  let documents = 0;
  let versions = 0;
  let unchanged = 0;
  let added = 0;
  try {
    for (const g of groups) {
      const store = tx.objectStore('versions');
      const idMap = new Map<number, number>();
      for (const v of g.versions) {
        const existing = await store.index('by-url-hash').getKey([v.url, v.hash]);
        if (existing !== undefined) {
          idMap.set(v.id, existing);
          unchanged++;
          continue;
        }
        const record: VersionRecord = { ...v, size: clausesSize(v.clauses) };
        const occupied = (await store.getKey(v.id)) !== undefined;
        if (occupied) delete record.id;
        idMap.set(v.id, occupied ? await store.add(record) : await store.put(record));
        versions++;
      }
      const mapId = (id: number) => idMap.get(id) ?? id;
      const url = g.document.url;
      const bytes = await urlBytes(counting, url);
      const existing: unknown = await tx.objectStore('documents').get(url);
      added += bytes - (isDocumentRecord(existing) ? await documentBytes(counting, existing) : 0);
      if (isDocumentRecord(existing)) {
        if (existing.bytes !== bytes) await tx.objectStore('documents').put({ ...existing, bytes });
      } else {
        const d = g.document;
        const lastChange = d.lastChange
          ? {
              ...d.lastChange,
              fromVersionId: mapId(d.lastChange.fromVersionId),
              toVersionId: mapId(d.lastChange.toVersionId),
            }
          : undefined;
        const row: DocumentRecord = {
          ...d,
          latestVersionId: mapId(d.latestVersionId),
          ...(lastChange ? { lastChange } : {}),
          ...(d.lastNotifiedVersionId !== undefined
            ? { lastNotifiedVersionId: mapId(d.lastNotifiedVersionId) }
            : {}),
          bytes,
        };
        // The summary index is the store's own, made from the stored latest version (never the file's).
        const summary = await summaryFor(tx as unknown as SummaryTx, {
          latestVersionId: row.latestVersionId,
        });
        if (summary) row.summary = summary;
        await putDocument(tx as unknown as SummaryTx, row, null);
        documents++;
      }
      if (g.visit && (await tx.objectStore('visits').getKey(url)) === undefined)
        await tx.objectStore('visits').put({ ...g.visit, versionId: mapId(g.visit.versionId) });
      if (g.check && (await tx.objectStore('checks').getKey(url)) === undefined)
        await tx.objectStore('checks').put(g.check);
    }
    await addToTotal(counting, added);
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the error itself.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
  return { documents, versions, unchanged };
}

// ─────────────────────────────── import ───────────────────────────────

export interface ImportProgress {
  documents: number;
  versions: number;
  lines: number;
}

/** Collects checked groups and writes them in batches; stops at the first write that fails. */
class Importer {
  readonly problems = new Problems();
  readonly report = { documents: 0, versions: 0, unchanged: 0 };
  private batch: CheckedGroup[] = [];
  private batchChars = 0;
  private read = { documents: 0, versions: 0 };
  stopped: string | null = null;

  constructor(
    private readonly db: HistoryDB,
    private readonly onProgress?: (p: ImportProgress) => void,
  ) {}

  /** Documents and versions seen in the file so far (imported or not). */
  get seen(): { documents: number; versions: number } {
    return this.read;
  }

  async add(raw: RawGroup, lines: number): Promise<void> {
    if (this.stopped) return;
    this.read.documents++;
    this.read.versions += raw.versions.length;
    if (this.read.documents > IMPORT_LIMITS.documents || this.read.versions > IMPORT_LIMITS.versions) {
      this.stopped = `the file holds more than ${IMPORT_LIMITS.documents} documents or ${IMPORT_LIMITS.versions} versions`;
      return;
    }
    const group = checkGroup(raw, this.problems);
    if (!group) return;
    this.batch.push(group);
    this.batchChars += group.chars;
    if (this.batch.length >= IMPORT_BATCH.documents || this.batchChars >= IMPORT_BATCH.chars)
      await this.flush(lines);
  }

  async flush(lines: number): Promise<void> {
    if (this.stopped || this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.batchChars = 0;
    try {
      const r = await writeGroups(this.db, batch);
      this.report.documents += r.documents;
      this.report.versions += r.versions;
      this.report.unchanged += r.unchanged;
      this.onProgress?.({ documents: this.report.documents, versions: this.report.versions, lines });
    } catch (error) {
      const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.stopped = `writing stopped at line ${lines} (${why})`;
    }
  }

  result(complete: boolean, fatal?: string): ImportReport {
    const error = fatal ?? this.stopped ?? undefined;
    return {
      ...this.report,
      skipped: this.problems.skipped,
      problems: this.problems.kept,
      complete: complete && !error,
      ...(error ? { error } : {}),
    };
  }
}

/**
 * Imports a format-2 file from its lines (see {@link splitLines}). The first non-empty line must be the header;
 * a bad record is skipped and reported, and the rest goes on.
 */
export async function importStream(
  db: HistoryDB,
  lines: AsyncIterable<string | null>,
  options: { onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportReport> {
  const importer = new Importer(db, options.onProgress);
  let header = false;
  let lineNo = 0;
  let group: RawGroup | null = null;
  let end: unknown = undefined;
  for await (const line of lines) {
    lineNo++;
    if (importer.stopped) break;
    if (line === null) {
      importer.problems.add(`line ${lineNo}: longer than ${IMPORT_LIMITS.lineChars} characters; skipped`);
      continue;
    }
    if (line.trim() === '') continue;
    if (!header) {
      if (!isStreamHeader(line)) return importer.result(false, 'This file is not a Fineprint export.');
      header = true;
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      importer.problems.add(`line ${lineNo}: not valid JSON; skipped`);
      continue;
    }
    if (isObj(parsed) && 'end' in parsed) {
      end = parsed.end;
      continue;
    }
    const type = isObj(parsed) ? parsed.type : undefined;
    const record = isObj(parsed) ? parsed.record : undefined;
    if (type === 'document') {
      if (group) await importer.add(group, lineNo - 1);
      group = { document: record, versions: [], visits: [], checks: [], chars: line.length };
      continue;
    }
    if (type !== 'version' && type !== 'visit' && type !== 'check') {
      importer.problems.add(`line ${lineNo}: unknown record type; skipped`);
      continue;
    }
    if (!group) {
      importer.problems.add(`line ${lineNo}: a ${type} before any document; skipped`);
      continue;
    }
    if (type === 'version' && group.versions.length >= IMPORT_LIMITS.versionsPerDocument) {
      importer.problems.add(
        `line ${lineNo}: more than ${IMPORT_LIMITS.versionsPerDocument} versions of one document; skipped`,
      );
      continue;
    }
    (type === 'version' ? group.versions : type === 'visit' ? group.visits : group.checks).push(record);
    group.chars += line.length;
  }
  if (!header) return importer.result(false, 'This file is empty.');
  if (group) await importer.add(group, lineNo);
  await importer.flush(lineNo);
  const declared = isObj(end) ? end : null;
  const complete =
    declared !== null &&
    declared.documents === importer.seen.documents &&
    declared.versions === importer.seen.versions;
  if (!complete && !importer.stopped)
    importer.problems.note(
      declared
        ? `the file declares ${String(declared.documents)} documents and ${String(declared.versions)} versions but holds ${importer.seen.documents} and ${importer.seen.versions}`
        : 'the file ends without its end line: it may have been cut short',
    );
  return importer.result(complete);
}

/**
 * Imports a format-1 file (one JSON object with `documents`, `versions`, `visits` and `checks` arrays), record
 * by record with the same checks as a format-2 file.
 */
export async function importLegacy(
  db: HistoryDB,
  raw: unknown,
  options: { onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportReport> {
  const importer = new Importer(db, options.onProgress);
  if (!isObj(raw) || raw.format !== EXPORT_FORMAT)
    return importer.result(false, 'This file is not a Fineprint export.');
  if (raw.version !== LEGACY_VERSION)
    return importer.result(
      false,
      typeof raw.version === 'number' && raw.version > EXPORT_VERSION
        ? `This export was made by a newer Fineprint (format version ${raw.version}).`
        : 'This file is not a Fineprint export.',
    );
  const list = (key: string): unknown[] => (Array.isArray(raw[key]) ? raw[key] : []);
  for (const key of ['documents', 'versions', 'visits', 'checks'])
    if (!Array.isArray(raw[key]))
      return importer.result(false, `The export is incomplete: "${key}" is missing.`);
  const groups = new Map<string, RawGroup>();
  const orphans: unknown[] = [];
  for (const d of list('documents')) {
    const url = isObj(d) && typeof d.url === 'string' ? d.url : null;
    const g: RawGroup = { document: d, versions: [], visits: [], checks: [], chars: 0 };
    if (url !== null && !groups.has(url)) groups.set(url, g);
    else if (url === null) await importer.add(g, 0);
    else importer.problems.add(`document ${url.slice(0, 200)}: appears twice; skipped`);
  }
  const byUrl = (key: 'versions' | 'visits' | 'checks') => {
    for (const r of list(key)) {
      const g = isObj(r) && typeof r.url === 'string' ? groups.get(r.url) : undefined;
      if (g) g[key].push(r);
      else orphans.push(r);
    }
  };
  byUrl('versions');
  byUrl('visits');
  byUrl('checks');
  for (const r of orphans)
    importer.problems.add(`${describeRecord(r)}: belongs to no document in the file; skipped`);
  // Legacy groups carry no line sizes: they are batched by document count alone.
  let n = 0;
  for (const g of groups.values()) await importer.add(g, ++n);
  await importer.flush(n);
  return importer.result(true);
}

function describeRecord(r: unknown): string {
  if (!isObj(r)) return 'a record';
  const url = typeof r.url === 'string' ? r.url.slice(0, 200) : '(no address)';
  return typeof r.id === 'number' ? `version ${r.id} of ${url}` : `a record of ${url}`;
}

/** Deletes every record of the history, including the per-site limits state (one transaction). */
export async function deleteHistory(db: HistoryDB): Promise<void> {
  const tx = db.transaction(
    ['documents', 'versions', 'visits', 'checks', 'origins', 'meta', 'tallies'],
    'readwrite',
  );
  await Promise.all([
    tx.objectStore('tallies').clear(),
    tx.objectStore('documents').clear(),
    tx.objectStore('versions').clear(),
    tx.objectStore('visits').clear(),
    tx.objectStore('checks').clear(),
    tx.objectStore('origins').clear(),
    tx.objectStore('meta').clear(),
  ]);
  await tx.done;
}

/** The text of a file as a stream of lines (UTF-8), read in the browser's own chunks. */
export function fileLines(file: Blob): AsyncIterable<string | null> {
  const text = file.stream().pipeThrough(new TextDecoderStream()) as unknown as AsyncIterable<string>;
  return splitLines(text);
}

/**
 * Imports a chosen file: a format-2 file is streamed line by line; anything else is read whole as a format-1
 * file (up to {@link IMPORT_LIMITS}.legacyBytes), or refused.
 */
export async function importFile(
  db: HistoryDB,
  file: Blob,
  options: { onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportReport> {
  const refuse = (error: string): ImportReport => ({
    documents: 0,
    versions: 0,
    unchanged: 0,
    skipped: 0,
    problems: [],
    complete: false,
    error,
  });
  const head = await file.slice(0, 64 * 1024).text();
  const firstLine = head.split('\n', 1)[0]!.replace(/^\uFEFF/, '');
  if (isStreamHeader(firstLine)) return importStream(db, fileLines(file), options);
  if (file.size > IMPORT_LIMITS.legacyBytes) return refuse('This file is not a Fineprint export.');
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text());
  } catch {
    return refuse('This file is not valid JSON, so it cannot be a Fineprint export.');
  }
  return importLegacy(db, raw, options);
}
