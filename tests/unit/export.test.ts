// Backup and restore (lib/export-import.ts) on fake-indexeddb through the real store code: the streamed
// format-2 file, the format-1 file of earlier builds, record checks, and an import that stops part-way.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore as FDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openHistoryDB, putCheck, recordSnapshot, saveChange, type HistoryDB } from '@/lib/store';
import { fingerprintClauses } from '@/lib/diff';
import {
  deleteHistory,
  exportHistory,
  importFile,
  importLegacy,
  importStream,
  splitLines,
  type ImportReport,
} from '@/lib/export-import';
import { makeClause, VERSION_A, VERSION_B } from '../fixtures/db/clauses';
import type { AnalysedClause } from '@/lib/types';

let n = 0;
const open = () => openHistoryDB(new IDBFactory(), `export${++n}`);

const snap = (
  db: HistoryDB,
  url: string,
  clauses: AnalysedClause[],
  now: number,
  title = `Policy at ${url}`,
) =>
  recordSnapshot(db, {
    url,
    title,
    kind: 'privacy-policy',
    language: 'en',
    clauses,
    hash: fingerprintClauses(clauses),
    source: 'visit',
    now,
    markSeen: true,
  });

async function seed(db: HistoryDB): Promise<void> {
  await snap(db, 'https://a.example/privacy', VERSION_A, 1000);
  const b = await snap(db, 'https://a.example/privacy', VERSION_B, 2000);
  await saveChange(db, 'https://a.example/privacy', {
    at: 2000,
    fromVersionId: b.previousSeen!.id!,
    toVersionId: b.version.id!,
    headline: 'AI training added',
    categories: { 'ai-training': { added: 1, removed: 0 } },
    added: 1,
    removed: 0,
    modified: 0,
  });
  await snap(db, 'https://b.example/terms', VERSION_B, 3000);
  await putCheck(db, {
    url: 'https://b.example/terms',
    lastAttempt: 3000,
    lastSuccess: 3000,
    failures: 0,
    nextAt: 9000,
    lastError: null,
  });
}

/** Everything the history holds, per store (what a round trip must restore). */
async function contents(db: HistoryDB) {
  const versions = await db.getAll('versions');
  // Every writer keeps the store's running total.
  const total = (await db.get('meta', 'bytes'))?.total;
  if (total !== undefined) expect(total).toBe(versions.reduce((s, v) => s + v.size, 0));
  return {
    documents: await db.getAll('documents'),
    versions: await db.getAll('versions'),
    visits: await db.getAll('visits'),
    checks: await db.getAll('checks'),
  };
}

async function exportText(db: HistoryDB, chunkChars?: number): Promise<{ text: string; parts: number }> {
  const { parts } = await exportHistory(db, 42, (t) => t, chunkChars ? { chunkChars } : {});
  return { text: parts.join(''), parts: parts.length };
}

/** A string as a stream of chunks of `size` characters, as a file is read. */
async function* chunks(text: string, size = 7): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const importText = (db: HistoryDB, text: string) => importStream(db, splitLines(chunks(text, 4096)));

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

afterEach(() => vi.restoreAllMocks());

describe('export → delete → import (format 2, streamed)', () => {
  it('restores exactly the same history, ids included, whatever the chunk size', async () => {
    const db = await open();
    await seed(db);
    const before = await contents(db);
    const { text, parts } = await exportText(db, 64);
    expect(parts).toBeGreaterThan(5);
    expect((await exportText(db)).text).toBe(text);
    const all = lines(text);
    expect(all[0]).toEqual({ format: 'fineprint-history', version: 2, exportedAt: 42 });
    expect(all.at(-1)).toEqual({ end: { documents: 2, versions: 3, visits: 2, checks: 1 } });

    await deleteHistory(db);
    expect((await contents(db)).versions).toEqual([]);
    const report = await importText(db, text);
    expect(report).toEqual({
      documents: 2,
      versions: 3,
      unchanged: 0,
      skipped: 0,
      problems: [],
      complete: true,
    } satisfies ImportReport);
    expect(await contents(db)).toEqual(before);
  });

  it('merges into a history that has other data, keeps what was there, and adds nothing the second time', async () => {
    const source = await open();
    await seed(source);
    const { text } = await exportText(source);

    const target = await open();
    await snap(target, 'https://c.example/privacy', VERSION_A, 500);
    const mine = await contents(target);
    // Occupies id 1, so imported version 1 gets a fresh id and references follow it.
    const result = await importText(target, text);
    expect(result).toMatchObject({ documents: 2, versions: 3, complete: true });
    const after = await contents(target);
    for (const d of mine.documents) expect(after.documents).toContainEqual(d);
    for (const v of mine.versions) expect(after.versions).toContainEqual(v);
    for (const d of after.documents) {
      expect(after.versions.find((v) => v.id === d.latestVersionId)?.url).toBe(d.url);
      expect(d.bytes).toBe(after.versions.filter((v) => v.url === d.url).reduce((s, v) => s + v.size, 0));
    }
    const a = after.documents.find((d) => d.url === 'https://a.example/privacy')!;
    expect(after.versions.find((v) => v.id === a.lastChange!.toVersionId)?.url).toBe(a.url);
    expect(await importText(target, text)).toMatchObject({ documents: 0, versions: 0, unchanged: 3 });
    expect((await contents(target)).versions).toHaveLength(after.versions.length);
  });
});

describe('import checks every record; a bad one is skipped and reported, the rest goes in', () => {
  async function goodFile(): Promise<Record<string, unknown>[]> {
    const db = await open();
    await seed(db);
    return lines((await exportText(db)).text);
  }
  const join = (records: unknown[]) =>
    records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

  it('refuses javascript: and data: addresses, unknown categories and stances, and wrong types', async () => {
    const records = await goodFile();
    const end = records.pop()!;
    const clause = makeClause(1, 'We may train models on your content.', [['ai-training', 'permits']]);
    const version = (id: number, url: string, clauses: unknown[], over: Record<string, unknown> = {}) => ({
      type: 'version',
      record: {
        id,
        url,
        hash: `h${id}`,
        title: 'T',
        language: 'en',
        clauses,
        firstSeen: 1,
        lastSeen: 1,
        source: 'visit',
        ...over,
      },
    });
    const document = (url: string, latest: number, over: Record<string, unknown> = {}) => ({
      type: 'document',
      record: {
        url,
        title: 'T',
        kind: 'terms',
        language: 'en',
        firstSeen: 1,
        lastSeen: 1,
        latestVersionId: latest,
        ...over,
      },
    });
    const hostile = [
      document('javascript:alert(1)', 100),
      version(100, 'javascript:alert(1)', [clause]),
      document('data:text/html,<b>x</b>', 101),
      version(101, 'data:text/html,<b>x</b>', [clause]),
      document('https://d.example/numeric-title', 102, { title: 7 }),
      version(102, 'https://d.example/numeric-title', [clause]),
      // A document with one good version and one whose clause has an unknown category: the bad one is left out.
      document('https://e.example/policy', 104, { title: '\u202eylimaF lapyaP' }),
      version(103, 'https://e.example/policy', [clause]),
      version(104, 'https://e.example/policy', [
        { ...clause, labels: [{ ...clause.labels[0], category: 'mind-control' }] },
      ]),
      version(
        105,
        'https://e.example/policy',
        [{ ...clause, labels: [{ ...clause.labels[0], stance: 'maybe' }] }],
        { hash: 'h105' },
      ),
      version(106, 'https://e.example/policy', [{ ...clause, block: '3' }], { hash: 'h106' }),
      { type: 'version', record: { __proto__: { polluted: true }, id: 107 } },
      '{ this is not json',
      { type: 'visit', record: { url: 'https://e.example/policy', versionId: 999, seenAt: 1 } },
    ];
    const db = await open();
    const report = await importText(db, join([...records, ...hostile, end]));
    // The good file's records all went in; of the hostile ones, only e.example with its one good version.
    expect(report).toMatchObject({ documents: 3, versions: 4 });
    expect(report.skipped).toBe(12);
    const text = report.problems.join('\n');
    expect(text).toMatch(/javascript: addresses are refused/);
    expect(text).toMatch(/data: addresses are refused/);
    expect(text).toMatch(/title: not text/);
    expect(text).toMatch(/unknown category "mind-control"/);
    expect(text).toMatch(/unknown stance "maybe"/);
    expect(text).toMatch(/block: not a number/);
    expect(text).toMatch(/not valid JSON/);
    expect(text).toMatch(/latest version is missing/);
    const stored = await contents(db);
    expect(stored.documents.map((d) => d.url).sort()).toEqual([
      'https://a.example/privacy',
      'https://b.example/terms',
      'https://e.example/policy',
    ]);
    const e = stored.documents.find((d) => d.url === 'https://e.example/policy')!;
    expect(e.title).toBe('ylimaF lapyaP');
    expect(e.latestVersionId).toBe(103);
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The declared counts do not match what the file held: it is reported, not hidden.
    expect(report.complete).toBe(false);
  });

  it('a file cut short imports what it holds and says so', async () => {
    const records = await goodFile();
    const db = await open();
    const report = await importText(db, join(records.slice(0, 3)));
    expect(report).toMatchObject({ documents: 1, versions: 1, complete: false });
    expect(report.error).toBeUndefined();
    expect(report.problems.join()).toMatch(/ends without its end line/);
  });

  it('refuses a file that is not an export, and changes nothing', async () => {
    const db = await open();
    await seed(db);
    const before = await contents(db);
    for (const text of ['', '{"format":"other"}\n{"type":"document"}', 'hello\nworld'])
      expect((await importText(db, text)).error).toMatch(/not a Fineprint export|empty/);
    expect(await contents(db)).toEqual(before);
  });
});

describe('an import that stops part-way', () => {
  it('keeps the batches written before, changes nothing the user had, and says where it stopped', async () => {
    const source = await open();
    for (let i = 0; i < 120; i++)
      await snap(
        source,
        `https://s${i}.example/privacy`,
        [...VERSION_A, makeClause(9, `Clause ${i}.`)],
        i + 1,
      );
    const { text } = await exportText(source);
    // Documents are exported in key order: the third batch of 50 starts at the 101st key.
    const urls = await source.getAllKeys('documents');

    const db = await open();
    await snap(db, 'https://mine.example/privacy', VERSION_B, 5);
    const mine = await contents(db);
    // The disk fills up while the third batch (documents 101–120) is written.
    const realPut = FDBObjectStore.prototype.put;
    vi.spyOn(FDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'documents' && (args[0] as { url: string }).url === urls[110])
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const report = await importText(db, text);
    expect(report.error).toMatch(/writing stopped at line \d+ \(QuotaExceededError/);
    expect(report).toMatchObject({ documents: 100, versions: 100, complete: false });
    const after = await contents(db);
    expect(after.documents).toHaveLength(101);
    // Every imported document is whole: its versions and visit are there; none of the failed batch is.
    for (const d of after.documents)
      expect(after.versions.some((v) => v.id === d.latestVersionId)).toBe(true);
    expect(after.versions.some((v) => v.url === urls[100])).toBe(false);
    expect(after.versions.some((v) => v.url === urls[99])).toBe(true);
    for (const d of mine.documents) expect(after.documents).toContainEqual(d);
    for (const v of mine.versions) expect(after.versions).toContainEqual(v);
  });
});

describe('format 1 (one JSON object, earlier builds)', () => {
  it('is read record by record with the same checks', async () => {
    const db = await open();
    await seed(db);
    const before = await contents(db);
    const legacy = {
      format: 'fineprint-history',
      version: 1,
      exportedAt: 1,
      ...before,
    };
    legacy.versions = [...legacy.versions, { id: 77, url: 'https://nowhere.example/x' } as never];
    await deleteHistory(db);
    const report = await importLegacy(db, JSON.parse(JSON.stringify(legacy)));
    expect(report).toMatchObject({ documents: 2, versions: 3, skipped: 1, complete: true });
    expect(report.problems[0]).toMatch(/version 77 of https:\/\/nowhere\.example\/x: belongs to no document/);
    expect(await contents(db)).toEqual(before);
    expect((await importLegacy(db, { format: 'fineprint-history', version: 9 })).error).toMatch(
      /newer Fineprint/,
    );
  });
});

describe('reading a file', () => {
  it('splits lines across chunks, CRLF or LF, and drops a line that is too long without building it', async () => {
    const read = async (text: string, size: number, max = 100) => {
      const out: (string | null)[] = [];
      for await (const l of splitLines(chunks(text, size), max)) out.push(l);
      return out;
    };
    for (const size of [1, 2, 3, 5, 64])
      expect(await read('a\r\nbb\n\nccc\r\n' + 'x'.repeat(150) + '\nlast', size, 100)).toEqual([
        'a',
        'bb',
        '',
        'ccc',
        null,
        'last',
      ]);
    expect(await read('', 4)).toEqual([]);
    expect(await read('only', 2)).toEqual(['only']);
  });

  it('imports a Blob of either format, and refuses other files', async () => {
    const db = await open();
    await seed(db);
    const before = await contents(db);
    const { text } = await exportText(db);
    await deleteHistory(db);
    expect(await importFile(db, new Blob([text]))).toMatchObject({ documents: 2, complete: true });
    expect(await contents(db)).toEqual(before);
    await deleteHistory(db);
    const legacy = JSON.stringify(
      { format: 'fineprint-history', version: 1, exportedAt: 1, ...before },
      null,
      1,
    );
    expect(await importFile(db, new Blob([legacy]))).toMatchObject({ documents: 2, complete: true });
    expect(await contents(db)).toEqual(before);
    expect((await importFile(db, new Blob(['{ nope']))).error).toMatch(/not valid JSON/);
  });
});

describe('optional clause fields round-trip, checked like the rest', () => {
  it('keeps a statement flag, weaker labels and a label’s own sentence, and refuses them with wrong types', async () => {
    const db = await open();
    const base = makeClause(1, 'We may use your posts to train our models.', [['ai-training', 'permits']]);
    const rich = {
      ...base,
      statement: false,
      labels: [{ ...base.labels[0]!, explanation: 'This says your posts may train AI models.' }],
      possible: [{ ...base.labels[0]!, category: 'data-sharing', confidence: 0.3 }],
    } as unknown as AnalysedClause;
    await snap(db, 'https://rich.example/privacy', [rich], 1);
    const before = await contents(db);
    const { text } = await exportText(db);
    await deleteHistory(db);
    expect(await importText(db, text)).toMatchObject({ documents: 1, versions: 1, skipped: 0 });
    expect(await contents(db)).toEqual(before);

    const bad = (field: Record<string, unknown>) =>
      text.replace(JSON.stringify(rich).slice(1, -1), JSON.stringify({ ...rich, ...field }).slice(1, -1));
    for (const [field, why] of [
      [{ statement: true }, /statement: not false/],
      [
        { possible: [{ ...base.labels[0]!, category: 'mind-reading' }] },
        /possible\[0\]\.category: unknown category/,
      ],
      [{ labels: [{ ...base.labels[0]!, explanation: 7 }] }, /labels\[0\]\.explanation: not text/],
    ] as const) {
      await deleteHistory(db);
      const report = await importText(db, bad(field));
      expect(report.problems.join()).toMatch(why);
      expect(report.versions).toBe(0);
    }
  });
});
