import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  openHistoryDB,
  openHistoryDBAt,
  recordSnapshot,
  listVersions,
  listDocuments,
  clausesSize,
  type CheckRecordV3,
  type HistoryDB,
} from '../../lib/store';
import { fingerprintClauses } from '../../lib/diff';
import { analyzeDocument } from '../../lib/pipeline';
import { parseHtml } from '../../scripts/parse-html';
import { writeV1Snapshot, type V1Snapshot } from '../fixtures/db/v1-writer';
import { writeV2Snapshot, writeV3Check, writeV3Snapshot } from '../fixtures/db/v2-writer';
import { VERSION_A, VERSION_B, makeClause } from '../fixtures/db/clauses';
import { CORPUS, describeCorpus } from '../support/corpus';
import type { AnalysedClause } from '../../lib/types';

let n = 0;

/** Build a real database at `version` through that version's own write path, close it, and return it. */
async function buildAt(
  version: 1 | 2 | 3,
  snapshots: V1Snapshot[],
  checks: CheckRecordV3[] = [],
): Promise<{ factory: IDBFactory; name: string; ids: number[] }> {
  const factory = new IDBFactory();
  const name = `mig${++n}`;
  const ids: number[] = [];
  if (version === 1) {
    const db = await openHistoryDBAt(factory, name, 1);
    expect([...db.objectStoreNames].sort()).toEqual(['documents', 'versions', 'visits']);
    for (const s of snapshots) ids.push(await writeV1Snapshot(db, s));
    db.close();
  } else if (version === 2) {
    const db = await openHistoryDBAt(factory, name, 2);
    for (const s of snapshots) ids.push(await writeV2Snapshot(db, s));
    db.close();
  } else {
    const db = await openHistoryDBAt(factory, name, 3);
    for (const s of snapshots) ids.push(await writeV3Snapshot(db, s));
    for (const c of checks) await writeV3Check(db, c);
    db.close();
  }
  return { factory, name, ids };
}

function v1snap(url: string, clauses: AnalysedClause[], now: number, title = 'T'): V1Snapshot {
  return {
    url,
    title,
    kind: 'privacy-policy',
    language: 'en',
    clauses,
    hash: fingerprintClauses(clauses),
    now,
  };
}

const RLO = '\u202e';
const A = 'https://example.com/privacy';
const B = 'https://example.com/terms';
const C = 'https://other.example/privacy';
/** Three documents on two origins; one title carries a right-to-left override, as a hostile page's could. */
const HISTORY = [
  v1snap(A, VERSION_A, 10, `${RLO}lapyaP Privacy`),
  v1snap(A, VERSION_A, 20, `${RLO}lapyaP Privacy`),
  v1snap(A, VERSION_B, 30, `${RLO}lapyaP Privacy`),
  v1snap(B, VERSION_B, 40, 'Terms'),
  v1snap(C, VERSION_A, 50, 'Other'),
];
const CHECK: CheckRecordV3 = {
  url: C,
  lastAttempt: 60,
  lastSuccess: 60,
  failures: 0,
  nextAt: 99,
  lastError: null,
};

const VERSION_C: AnalysedClause[] = [
  ...VERSION_B,
  makeClause(4, 'We may sell your personal information to advertisers.', [['data-sale', 'permits']]),
];

/** What every migrated database must hold, whatever version it started from. */
async function expectCurrent(db: HistoryDB, snapshots: V1Snapshot[], ids: number[]): Promise<void> {
  expect(db.version).toBe(DB_VERSION);
  expect([...db.objectStoreNames].sort()).toEqual([
    'checks',
    'documents',
    'meta',
    'origins',
    'tallies',
    'versions',
    'visits',
  ]);
  const versions = await db.getAll('versions');
  // Every version kept, with its clauses unchanged and its size counted.
  expect(versions.map((v) => v.id)).toEqual([...new Set(ids)]);
  for (const v of versions) {
    const original = snapshots.find((s) => s.url === v.url && s.hash === v.hash)!;
    expect(v.clauses).toEqual(original.clauses);
    expect(v.size).toBe(clausesSize(original.clauses));
    expect(v.title).not.toContain(RLO);
  }
  // The new size index covers every version; every document knows its bytes; titles are cleaned.
  expect(await db.countFromIndex('versions', 'by-url-size')).toBe(versions.length);
  expect(await db.countFromIndex('versions', 'by-lastSeen')).toBe(versions.length);
  for (const d of await db.getAll('documents')) {
    const sum = versions.filter((v) => v.url === d.url).reduce((s, v) => s + v.size, 0);
    expect(d.bytes, d.url).toBe(sum);
    expect(d.title).not.toContain(RLO);
  }
  expect((await db.get('documents', A))?.title).toBe('lapyaP Privacy');
  expect((await db.get('meta', 'bytes'))?.total).toBe(versions.reduce((s, v) => s + v.size, 0));
  expect(await db.getAll('origins')).toEqual([]);
  // The migrated database works with the current code, limits included.
  const r = await recordSnapshot(db, { ...v1snap(A, VERSION_C, 70), source: 'visit', markSeen: true });
  expect(r.isNewVersion).toBe(true);
  expect(r.previousSeen?.hash).toBe(fingerprintClauses(VERSION_B));
  expect((await db.get('origins', 'https://example.com'))?.newVersionTimes).toEqual([70]);
  expect((await listDocuments(db)).documents.find((d) => d.url === A)?.versionCount).toBe(3);
  const all = await db.getAll('versions');
  expect((await db.get('meta', 'bytes'))?.total).toBe(all.reduce((s, v) => s + v.size, 0));
}

describe.each([1, 2, 3] as const)('schema migration from v%i to the current version', (from) => {
  it('keeps every record, backfills sizes and sums, cleans titles, and works with current code', async () => {
    const { factory, name, ids } = await buildAt(from, HISTORY, from === 3 ? [CHECK] : []);
    const db = await openHistoryDB(factory, name);
    await expectCurrent(db, HISTORY, ids);
    if (from === 3) expect(await db.get('checks', C)).toEqual(CHECK);
  });
});

describe('schema migrations step by step', () => {
  it('v1 → v2 → v3 → v4 gives the same database as one jump', async () => {
    const { factory, name, ids } = await buildAt(1, HISTORY);
    for (const step of [2, 3] as const) {
      const db = await openHistoryDBAt(factory, name, step);
      expect(db.version).toBe(step);
      db.close();
    }
    const stepped = await openHistoryDB(factory, name);
    const jumped = await (async () => {
      const built = await buildAt(1, HISTORY);
      return openHistoryDB(built.factory, built.name);
    })();
    for (const store of ['documents', 'versions', 'visits'] as const)
      expect(await stepped.getAll(store)).toEqual(await jumped.getAll(store));
    await expectCurrent(stepped, HISTORY, ids);
  });

  it('a damaged record does not stop the upgrade: it is carried over as it was, and reported when read', async () => {
    const { factory, name } = await buildAt(3, HISTORY);
    const raw = await openHistoryDBAt(factory, name, 3);
    // No size, clauses that JSON cannot even serialise, a title that is not text.
    await raw.put('versions', { id: 500, url: A, hash: 'h', title: 7, clauses: [1n] } as never);
    await raw.put('documents', { url: 'https://broken.example/x', title: 7 } as never);
    raw.close();
    const db = await openHistoryDB(factory, name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('versions', 500)).toMatchObject({ id: 500, title: 7 });
    expect((await listVersions(db, A)).problems).toEqual(['version 500: title is not text']);
    expect((await listDocuments(db)).problems).toEqual([
      'document https://broken.example/x: title is not text; skipped',
    ]);
  });
});

describe('schema migrations from an empty database', () => {
  it('opens a database that was created empty (no version, no stores) by someone else', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((ok, fail) => {
      const r = factory.open('empty');
      r.onsuccess = () => {
        r.result.close();
        ok();
      };
      r.onerror = () => fail(r.error);
    });
    const db = await openHistoryDB(factory, 'empty');
    expect([...db.objectStoreNames].sort()).toEqual([
      'checks',
      'documents',
      'meta',
      'origins',
      'tallies',
      'versions',
      'visits',
    ]);
    const r = await recordSnapshot(db, {
      ...v1snap('https://e.com/p', VERSION_A, 1),
      source: 'visit',
      markSeen: true,
    });
    expect(r.isNewVersion).toBe(true);
  });
});

describeCorpus('schema migrations with a real policy analysed through lib/pipeline', () => {
  it('v1 database holding corpus-derived clauses migrates to the current version intact', async () => {
    const file = join(CORPUS, 'html/changes/Tinder__Privacy_Policy');
    const read = (suffix: string) => {
      const name = readdirSync(file).find((f) => f.endsWith(suffix));
      if (!name) throw new Error(`no *${suffix} in ${file}`);
      const html = readFileSync(join(file, name), 'utf8');
      return analyzeDocument(parseHtml(html), {
        url: 'https://policies.tinder.com/privacy',
        assumePolicy: true,
      });
    };
    const before = read('before_text_change.html');
    const after = read('after_text_change.html');
    expect(before.clauses.length).toBeGreaterThan(20);
    const url = 'https://policies.tinder.com/privacy';
    const snapshots = [v1snap(url, before.clauses, 100), v1snap(url, after.clauses, 200)];
    const { factory, name, ids } = await buildAt(1, snapshots);
    expect(new Set(ids).size).toBe(2);
    const db = await openHistoryDB(factory, name);
    expect((await db.getAll('versions')).map((v) => v.clauses)).toEqual([before.clauses, after.clauses]);
    const { versions } = await listVersions(db, url);
    expect(versions.map((v) => v.clauseCount)).toEqual([before.clauses.length, after.clauses.length]);
    expect((await db.get('documents', url))?.bytes).toBe(
      clausesSize(before.clauses) + clausesSize(after.clauses),
    );
  });
});
