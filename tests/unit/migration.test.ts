import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  openHistoryDB,
  openHistoryDBAt,
  recordSnapshot,
  listVersions,
  listDocuments,
  clausesSize,
} from '../../lib/store';
import { fingerprintClauses } from '../../lib/diff';
import { analyzeDocument } from '../../lib/pipeline';
import { parseHtml } from '../../lib/parse-html';
import { writeV1Snapshot, type V1Snapshot } from '../fixtures/db/v1-writer';
import { VERSION_A, VERSION_B } from '../fixtures/db/clauses';
import { CORPUS, describeCorpus } from '../support/corpus';
import type { AnalysedClause } from '../../lib/types';

let n = 0;

/** Build a real v1 database through the v1 write path, close it, and return its factory and name. */
async function buildV1(
  snapshots: V1Snapshot[],
): Promise<{ factory: IDBFactory; name: string; ids: number[] }> {
  const factory = new IDBFactory();
  const name = `mig${++n}`;
  const v1 = await openHistoryDBAt(factory, name, 1);
  expect(v1.version).toBe(1);
  expect([...v1.objectStoreNames].sort()).toEqual(['documents', 'versions', 'visits']);
  const ids: number[] = [];
  for (const s of snapshots) ids.push(await writeV1Snapshot(v1, s));
  v1.close();
  return { factory, name, ids };
}

function v1snap(url: string, clauses: AnalysedClause[], now: number): V1Snapshot {
  return {
    url,
    title: 'T',
    kind: 'privacy-policy',
    language: 'en',
    clauses,
    hash: fingerprintClauses(clauses),
    now,
  };
}

async function checkLadder(snapshots: V1Snapshot[]) {
  const { factory, name, ids } = await buildV1(snapshots);

  // v1 → v2: size backfilled on every record, new index usable, nothing lost.
  const v2 = await openHistoryDBAt(factory, name, 2);
  expect(v2.version).toBe(2);
  const versions = await v2.getAll('versions');
  expect(versions.map((v) => v.id)).toEqual(ids.filter((id, i) => ids.indexOf(id) === i));
  for (const v of versions) {
    const original = snapshots.find((s) => s.hash === v.hash)!;
    expect(v.clauses).toEqual(original.clauses);
    expect(v.size).toBe(clausesSize(original.clauses));
  }
  const byLastSeen = await v2.getAllKeysFromIndex('versions', 'by-lastSeen');
  expect(byLastSeen).toHaveLength(versions.length);
  expect([...v2.objectStoreNames]).not.toContain('checks');
  v2.close();

  // v2 → v3: the checks store appears, data intact.
  const v3 = await openHistoryDB(factory, name);
  expect(v3.version).toBe(3);
  expect(v3.objectStoreNames.contains('checks')).toBe(true);
  expect(await v3.getAll('versions')).toEqual(versions);
  return { db: v3, factory, name, ids };
}

describe('schema migrations (hand-written fixture clauses)', () => {
  it('v1 → v2 → v3 keeps every record and the migrated database works with current code', async () => {
    const url = 'https://example.com/privacy';
    const { db, ids } = await checkLadder([v1snap(url, VERSION_A, 10), v1snap(url, VERSION_A, 20)]);
    expect(ids[0]).toBe(ids[1]);
    const r = await recordSnapshot(db, {
      ...v1snap(url, VERSION_B, 30),
      source: 'visit',
      markSeen: true,
    });
    expect(r.isNewVersion).toBe(true);
    expect(r.previousSeen?.id).toBe(ids[0]);
    expect(r.previousSeenAt).toBe(20);
    expect((await listDocuments(db)).documents[0]?.versionCount).toBe(2);
  });

  it('v1 → v3 in one jump gives the same result as step by step', async () => {
    const url = 'https://example.com/terms';
    const { factory, name } = await buildV1([v1snap(url, VERSION_A, 1), v1snap(url, VERSION_B, 2)]);
    const db = await openHistoryDB(factory, name);
    const all = await db.getAll('versions');
    expect(all.map((v) => v.size)).toEqual([clausesSize(VERSION_A), clausesSize(VERSION_B)]);
    expect((await listVersions(db, url)).versions).toHaveLength(2);
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
    expect([...db.objectStoreNames].sort()).toEqual(['checks', 'documents', 'versions', 'visits']);
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
    const { db, ids } = await checkLadder([
      v1snap(url, before.clauses, 100),
      v1snap(url, after.clauses, 200),
    ]);
    expect(new Set(ids).size).toBe(2);
    const { versions } = await listVersions(db, url);
    expect(versions.map((v) => v.clauseCount)).toEqual([before.clauses.length, after.clauses.length]);
  });
});
