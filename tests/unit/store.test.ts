import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore as FDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DB_VERSION,
  StoreError,
  deleteDocument,
  getVersion,
  listDocuments,
  listVersions,
  openHistoryDB,
  recordSnapshot,
  saveChange,
  type HistoryDB,
  type SnapshotInput,
} from '../../lib/store';
import { fingerprintClauses } from '../../lib/diff';
import { clausesSize } from '../../lib/store/schema';
import { VERSION_A, VERSION_A_CHURN, VERSION_B, makeClause } from '../fixtures/db/clauses';
import type { AnalysedClause } from '../../lib/types';

const URL_A = 'https://example.com/privacy';
let n = 0;
const open = () => openHistoryDB(new IDBFactory(), `t${++n}`);

function snap(clauses: AnalysedClause[], now: number, extra: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    url: URL_A,
    title: 'Example Privacy Policy',
    kind: 'privacy-policy',
    language: 'en',
    clauses,
    hash: fingerprintClauses(clauses),
    source: 'visit',
    now,
    markSeen: true,
    ...extra,
  };
}

afterEach(() => vi.restoreAllMocks());

describe('history store', () => {
  it('opens at the current version with every store', async () => {
    const db = await open();
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
  });

  it('stores a version once, refreshes it on a churn-only visit, and hands back the previously seen version', async () => {
    const db = await open();
    const first = await recordSnapshot(db, snap(VERSION_A, 1000));
    expect(first.isNewVersion).toBe(true);
    expect(first.previousSeen).toBeNull();

    const churn = await recordSnapshot(db, snap(VERSION_A_CHURN, 2000));
    expect(churn.isNewVersion).toBe(false);
    expect(churn.version.id).toBe(first.version.id);
    expect(churn.version.lastSeen).toBe(2000);
    expect(churn.previousSeen).toBeNull();

    const second = await recordSnapshot(db, snap(VERSION_B, 3000));
    expect(second.isNewVersion).toBe(true);
    expect(second.previousSeen?.id).toBe(first.version.id);
    expect(second.previousSeenAt).toBe(2000);

    const { versions } = await listVersions(db, URL_A);
    expect(versions.map((v) => v.id)).toEqual([first.version.id, second.version.id]);
    expect(versions[1]!.labelledCount).toBe(3);
    const { documents } = await listDocuments(db);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ url: URL_A, versionCount: 2, seenVersionId: second.version.id });
  });

  it('a re-check stores the new version but does not move what the user saw', async () => {
    const db = await open();
    const a = await recordSnapshot(db, snap(VERSION_A, 1000));
    const b = await recordSnapshot(db, snap(VERSION_B, 2000, { markSeen: false, source: 'recheck' }));
    expect(b.previousSeen?.id).toBe(a.version.id);
    const visitAgain = await recordSnapshot(db, snap(VERSION_B, 3000));
    expect(visitAgain.isNewVersion).toBe(false);
    expect(visitAgain.previousSeen?.id).toBe(a.version.id);
  });

  it('caps versions per document without dropping the one the user saw last', async () => {
    const db = await open();
    const seen = await recordSnapshot(db, snap(VERSION_A, 1));
    for (let i = 0; i < 6; i++) {
      const clauses = [...VERSION_A, makeClause(10 + i, `Extra clause number ${i} about something new.`)];
      await recordSnapshot(db, snap(clauses, 10 + i, { markSeen: false, source: 'recheck' }), {
        perDocument: 3,
        totalBytes: Infinity,
      });
    }
    const { versions } = await listVersions(db, URL_A);
    expect(versions).toHaveLength(3);
    expect(versions.map((v) => v.id)).toContain(seen.version.id);
    expect(versions.at(-1)!.lastSeen).toBe(15);
  });

  it('under a full store, makes room from the same document’s older versions only, keeping the seen one', async () => {
    const db = await open();
    const seen = await recordSnapshot(db, snap(VERSION_A, 1));
    const versionSize = (await db.get('versions', seen.version.id!))!.size;
    // Room for the seen version and about three more: each new one pushes an older unseen one out.
    const limits = { totalBytes: versionSize * 4.5, originShare: 1 };
    for (let i = 0; i < 4; i++) {
      const clauses = [...VERSION_B, makeClause(20 + i, `Another change ${i} with additional wording.`)];
      await recordSnapshot(db, snap(clauses, 10 + i, { markSeen: false }), limits);
    }
    const ids = (await listVersions(db, URL_A)).versions.map((v) => v.id);
    expect(ids).toContain(seen.version.id);
    const sum = (await db.getAll('versions')).reduce((n, v) => n + v.size, 0);
    expect(sum).toBeLessThanOrEqual(limits.totalBytes);
    expect(ids.length).toBeLessThan(5);
  });

  it('keeps a per-document byte sum that matches the stored versions, through retention and a lost sum', async () => {
    const db = await open();
    await recordSnapshot(db, snap(VERSION_A, 1));
    for (let i = 0; i < 5; i++) {
      const clauses = [...VERSION_B, makeClause(30 + i, `Clause variant ${i} with more words in it.`)];
      await recordSnapshot(db, snap(clauses, 10 + i, { markSeen: false }), { perDocument: 3 });
    }
    const sum = async () => (await db.getAll('versions')).reduce((n, v) => n + v.size, 0);
    expect((await db.get('documents', URL_A))?.bytes).toBe(await sum());
    // A row that lost its sum (a record from a damaged import): the next write counts its versions again.
    const doc = (await db.get('documents', URL_A))!;
    delete doc.bytes;
    await db.put('documents', doc);
    // The store is one byte short for another document of the site: the write must see the lost sum to know
    // it has to drop one of the older, unseen versions (counted as 0 it would think there is room).
    const before = (await db.getAll('versions')).length;
    const other = await recordSnapshot(
      db,
      { ...snap(VERSION_A, 20), url: 'https://example.com/terms' },
      { totalBytes: (await sum()) + clausesSize(VERSION_A) - 1, originShare: 1 },
    );
    expect(other.isNewVersion).toBe(true);
    expect((await db.getAll('versions')).length).toBe(before);
    expect((await db.get('documents', URL_A))?.bytes).toBe(
      (await db.getAll('versions')).filter((v) => v.url === URL_A).reduce((n, v) => n + v.size, 0),
    );
  });

  it('skips corrupt records with a report instead of crashing', async () => {
    const db = await open();
    const a = await recordSnapshot(db, snap(VERSION_A, 1));
    await db.put('versions', { id: 999, url: URL_A, hash: 'x', clauses: 'garbage' } as never);
    await db.put('documents', { url: 'https://broken.example/terms', title: 42 } as never);
    const versions = await listVersions(db, URL_A);
    expect(versions.versions.map((v) => v.id)).toEqual([a.version.id]);
    expect(versions.problems).toEqual(['version 999: title is not text']);
    const docs = await listDocuments(db);
    expect(docs.documents.map((d) => d.url)).toEqual([URL_A]);
    expect(docs.problems[0]).toMatch(/broken\.example.*title is not text/);
    expect(await getVersion(db, 999)).toEqual({ version: null, problem: 'version 999: title is not text' });

    // A corrupt "previously seen" version is reported, and the new snapshot still saves.
    await db.put('visits', { url: URL_A, versionId: 999, seenAt: 5 });
    const b = await recordSnapshot(db, snap(VERSION_B, 6));
    expect(b.previousSeen).toBeNull();
    expect(b.problems).toEqual(['version 999: title is not text']);
  });

  it('records the latest change on the document and deletes a document completely', async () => {
    const db = await open();
    const a = await recordSnapshot(db, snap(VERSION_A, 1));
    const b = await recordSnapshot(db, snap(VERSION_B, 2));
    await saveChange(
      db,
      URL_A,
      {
        at: 2,
        fromVersionId: a.version.id!,
        toVersionId: b.version.id!,
        headline: 'h',
        categories: { 'ai-training': { added: 1, removed: 0 } },
        added: 1,
        removed: 0,
        modified: 0,
      },
      b.version.id,
    );
    expect((await listDocuments(db)).documents[0]!.lastChange?.headline).toBe('h');
    await deleteDocument(db, URL_A);
    expect((await listDocuments(db)).documents).toEqual([]);
    expect((await listVersions(db, URL_A)).versions).toEqual([]);
  });
});

describe('quota exceeded', () => {
  async function seeded(): Promise<{ db: HistoryDB; before: unknown }> {
    const db = await open();
    await recordSnapshot(db, snap(VERSION_A, 1000));
    const before = {
      docs: await db.getAll('documents'),
      versions: await db.getAll('versions'),
      visits: await db.getAll('visits'),
    };
    return { db, before };
  }
  const contents = async (db: HistoryDB) => ({
    docs: await db.getAll('documents'),
    versions: await db.getAll('versions'),
    visits: await db.getAll('visits'),
  });

  it('a put that throws QuotaExceededError surfaces a clear error and leaves stored data intact', async () => {
    const { db, before } = await seeded();
    const realAdd = FDBObjectStore.prototype.add;
    vi.spyOn(FDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (this.name === 'versions')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realAdd.apply(this, args);
    });
    const error = await recordSnapshot(db, snap(VERSION_B, 2000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('quota');
    expect((error as StoreError).message).toMatch(/Storage is full.*history is intact/);
    expect(await contents(db)).toEqual(before);
  });

  it('a transaction aborted by the quota (after some writes) rolls back every write', async () => {
    const { db, before } = await seeded();
    const realPut = FDBObjectStore.prototype.put;
    // The visit is the last write: by then the new version and the document row are written, and must roll back.
    vi.spyOn(FDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      const request = realPut.apply(this, args);
      if (this.name === 'visits') {
        (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      }
      return request;
    });
    const error = await recordSnapshot(db, snap(VERSION_B, 2000)).catch((e: unknown) => e);
    expect((error as StoreError).kind).toBe('quota');
    expect(await contents(db)).toEqual(before);
  });
});
