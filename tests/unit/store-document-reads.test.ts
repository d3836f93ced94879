// A tracked document read through the repository's checks (lib/store/document-reads.ts), on fake-indexeddb.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fingerprintClauses } from '../../lib/diff';
import {
  getDocument,
  getLatestVersion,
  getSeenVersionId,
  openHistoryDB,
  recordSnapshot,
  type SnapshotInput,
} from '../../lib/store';
import type { AnalysedClause } from '../../lib/types';
import { VERSION_A, VERSION_B } from '../fixtures/db/clauses';

const URL_A = 'https://example.com/privacy';
let n = 0;
const open = () => openHistoryDB(new IDBFactory(), `reads${++n}`);
const snap = (clauses: AnalysedClause[], now: number, markSeen: boolean): SnapshotInput => ({
  url: URL_A,
  title: 'Example Privacy Policy',
  kind: 'privacy-policy',
  language: 'en',
  clauses,
  hash: fingerprintClauses(clauses),
  source: markSeen ? 'visit' : 'recheck',
  now,
  markSeen,
});

describe('document reads', () => {
  it('give the row, the version seen last and the newest version of a tracked document', async () => {
    const db = await open();
    const first = await recordSnapshot(db, snap(VERSION_A, 1_000, true));
    // A re-check finds a newer text the user has not seen.
    const second = await recordSnapshot(db, snap(VERSION_B, 2_000, false));
    expect((await getDocument(db, URL_A)).document?.title).toBe('Example Privacy Policy');
    expect(await getSeenVersionId(db, URL_A)).toBe(first.version.id);
    const latest = await getLatestVersion(db, URL_A);
    expect(latest?.id).toBe(second.version.id);
    expect(latest?.clauses.map((c) => c.text)).toEqual(VERSION_B.map((c) => c.text));
  });

  it('say “not tracked” for an unknown address', async () => {
    const db = await open();
    expect(await getDocument(db, URL_A)).toEqual({ document: null, problem: null });
    expect(await getSeenVersionId(db, URL_A)).toBeNull();
    expect(await getLatestVersion(db, URL_A)).toBeNull();
  });

  it('report a damaged row instead of handing it on', async () => {
    const db = await open();
    await recordSnapshot(db, snap(VERSION_A, 1_000, true));
    const row = await db.get('documents', URL_A);
    await db.put('documents', { ...row!, title: 42 as unknown as string });
    await db.put('visits', { url: URL_A, versionId: 'one' as unknown as number, seenAt: 5 });
    expect(await getDocument(db, URL_A)).toEqual({
      document: null,
      problem: `document ${URL_A}: title is not text`,
    });
    expect(await getSeenVersionId(db, URL_A)).toBeNull();
    expect(await getLatestVersion(db, URL_A)).toBeNull();
  });
});
