// Per-site and per-tab limits: the pure rules of lib/store/limits.ts, then the same rules applied by the real
// store code (lib/store/repository.ts) on fake-indexeddb. Clauses are team-written (tests/fixtures/db).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  HOUR_MS,
  StoreError,
  claimNotification,
  cleanTitle,
  createTabVersionLog,
  deleteDocument,
  notificationAllowed,
  observePage,
  openHistoryDB,
  originKeyBounds,
  originOf,
  planOwnEviction,
  rateLimitReason,
  recordSnapshot,
  withLimits,
  type HistoryDB,
  type SnapshotInput,
} from '@/lib/store';
import { fingerprintClauses } from '@/lib/diff';
import { makeClause, VERSION_A, VERSION_B } from '../fixtures/db/clauses';
import type { AnalysedClause } from '@/lib/types';

let n = 0;
const open = () => openHistoryDB(new IDBFactory(), `limits${++n}`);

/** A distinct policy text per `i` (another version, or another document's). */
const text = (i: number, words = 8): AnalysedClause[] => [
  ...VERSION_A,
  makeClause(100 + i, `Variant ${i} ${'with more wording '.repeat(words)}about data.`),
];

function snap(url: string, clauses: AnalysedClause[], now: number, extra: Partial<SnapshotInput> = {}) {
  return {
    url,
    title: 'Policy',
    kind: 'privacy-policy' as const,
    language: 'en',
    clauses,
    hash: fingerprintClauses(clauses),
    source: 'visit' as const,
    now,
    markSeen: true,
    ...extra,
  };
}

const rejected = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as StoreError,
  );

describe('limits (pure)', () => {
  it('counts only the last hour', () => {
    const limits = withLimits({ newVersionsPerOriginPerHour: 3 });
    const now = 10 * HOUR_MS;
    const state = (times: number[]) => ({ originVersionTimes: times, originDocumentTimes: [] });
    expect(rateLimitReason(state([now - 3, now - 2, now - 1]), false, now, limits)).toBe('origin-versions');
    expect(rateLimitReason(state([now - HOUR_MS, now - 2, now - 1]), false, now, limits)).toBeNull();
  });

  it('checks new documents, then versions, then the tab', () => {
    const limits = withLimits({
      newDocumentsPerOriginPerHour: 1,
      newVersionsPerOriginPerHour: 2,
      newVersionsPerTabPerHour: 1,
    });
    const base = { originVersionTimes: [1], originDocumentTimes: [1] };
    expect(rateLimitReason(base, true, 2, limits)).toBe('origin-documents');
    expect(rateLimitReason(base, false, 2, limits)).toBeNull();
    expect(rateLimitReason({ ...base, tabVersionTimes: [1] }, false, 2, limits)).toBe('tab-versions');
    expect(rateLimitReason({ ...base, originVersionTimes: [1, 1] }, false, 2, limits)).toBe(
      'origin-versions',
    );
  });

  it('evicts oldest first, skips protected versions, and says when it cannot make room', () => {
    const c = [
      { id: 3, size: 10 },
      { id: 1, size: 10 },
      { id: 2, size: 10 },
    ];
    expect(planOwnEviction(c, new Set([1]), 15)).toEqual([2, 3]);
    expect(planOwnEviction(c, new Set([1, 2]), 15)).toBeNull();
    expect(planOwnEviction(c, new Set(), 0)).toEqual([]);
  });

  it('one notification per origin per window', () => {
    const w = { notifyWindowMs: 24 * HOUR_MS };
    expect(notificationAllowed(null, 5, w)).toBe(true);
    expect(notificationAllowed(5, 5 + 24 * HOUR_MS - 1, w)).toBe(false);
    expect(notificationAllowed(5, 5 + 24 * HOUR_MS, w)).toBe(true);
    // A clock set back must not silence an origin for ever.
    expect(notificationAllowed(5 * HOUR_MS, HOUR_MS, w)).toBe(true);
  });

  it('origins and their key ranges', () => {
    expect(originOf('https://Bank.example:443/privacy')).toBe('https://bank.example');
    expect(originOf('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080');
    expect(originOf('javascript:alert(1)')).toBeNull();
    const [lo, hi] = originKeyBounds('https://a.example');
    const inRange = (u: string) => u >= lo && u < hi;
    expect(inRange('https://a.example/privacy')).toBe(true);
    expect(inRange('https://a.example:8443/privacy')).toBe(false);
    expect(inRange('https://a.example.evil/privacy')).toBe(false);
    expect(inRange('https://a.exampl/privacy')).toBe(false);
  });

  it('a tab log keeps the last hour per tab', () => {
    const log = createTabVersionLog();
    log.add(1, 0);
    log.add(1, HOUR_MS / 2);
    log.add(2, HOUR_MS / 2);
    expect(log.times(1, HOUR_MS)).toEqual([HOUR_MS / 2]);
    log.forget(1);
    expect(log.times(1, HOUR_MS)).toEqual([]);
    expect(log.times(2, HOUR_MS)).toEqual([HOUR_MS / 2]);
  });

  it('titles lose bidi controls and control characters, and are capped', () => {
    expect(cleanTitle('\u202eylimaF lapyaP Privacy')).toBe('ylimaF lapyaP Privacy');
    expect(cleanTitle('a\u2066b\u2069c\u200fd\u061ce\u202af\u202cg')).toBe('abcdefg');
    expect(cleanTitle('one\ntwo\u0000three')).toBe('one two three');
    expect(cleanTitle(42)).toBe('');
    expect(cleanTitle('x'.repeat(1000))).toHaveLength(300);
  });
});

describe('limits applied by the store', () => {
  it('new documents per origin per hour: the next one is refused with a clear reason, others are not', async () => {
    const db = await open();
    const limits = { newDocumentsPerOriginPerHour: 3 };
    for (let i = 0; i < 3; i++)
      await recordSnapshot(db, snap(`https://flood.example/p${i}`, text(i), 1000 + i), limits);
    const error = await rejected(recordSnapshot(db, snap('https://flood.example/p3', text(3), 1010), limits));
    expect(error?.kind).toBe('limited');
    expect(error?.message).toMatch(/^flood\.example added more new policy pages/);
    // Another origin is not held back; the same origin again after the hour is.
    await recordSnapshot(db, snap('https://bank.example/privacy', text(9), 1011), limits);
    await recordSnapshot(db, snap('https://flood.example/p3', text(3), 1000 + HOUR_MS + 5), limits);
    expect((await db.getAllKeys('documents')).length).toBe(5);
  });

  it('new versions per origin per hour, counting versions of existing documents', async () => {
    const db = await open();
    const limits = { newVersionsPerOriginPerHour: 4 };
    for (let i = 0; i < 4; i++)
      await recordSnapshot(db, snap('https://flip.example/p', text(i), 10 + i), limits);
    expect(
      (await rejected(recordSnapshot(db, snap('https://flip.example/p', text(4), 20), limits)))?.kind,
    ).toBe('limited');
    // A version already stored is a visit, not a new version: it is never limited.
    const again = await recordSnapshot(db, snap('https://flip.example/p', text(0), 21), limits);
    expect(again.isNewVersion).toBe(false);
  });

  it('new versions per tab per hour, across origins', async () => {
    const db = await open();
    const limits = { newVersionsPerTabPerHour: 2 };
    const tab = createTabVersionLog();
    for (let i = 0; i < 2; i++) {
      const r = await recordSnapshot(
        db,
        snap(`https://s${i}.example/p`, text(i), 10 + i, { tabVersionTimes: tab.times(7, 10 + i) }),
        limits,
      );
      if (r.isNewVersion) tab.add(7, 10 + i);
    }
    const error = await rejected(
      recordSnapshot(
        db,
        snap('https://s2.example/p', text(2), 20, { tabVersionTimes: tab.times(7, 20) }),
        limits,
      ),
    );
    expect(error?.message).toMatch(/This tab produced/);
    // Without a tab (re-check, checkout) the tab limit does not apply.
    await recordSnapshot(db, snap('https://s2.example/p', text(2), 21), limits);
  });

  it('a flooding origin never evicts another origin’s versions: its own oldest go, then it is refused', async () => {
    const db = await open();
    // The bank: two versions; the older one is neither newest nor seen, so only a cross-origin eviction
    // could remove it.
    await recordSnapshot(db, snap('https://bank.example/privacy', VERSION_A, 1, { markSeen: false }));
    await recordSnapshot(db, snap('https://bank.example/privacy', VERSION_B, 2));
    const bank = await db.getAll('versions');
    const bankBytes = bank.reduce((s, v) => s + v.size, 0);
    const one = (await db.get('versions', bank[0]!.id!))!.size;
    // The flooder may hold about four of its versions; the whole store a little more than that plus the bank.
    const v = (i: number) => text(i, 40);
    const vSize = JSON.stringify(v(0)).length * 2;
    const limits = {
      totalBytes: bankBytes + 6 * vSize,
      originShare: (4.5 * vSize) / (bankBytes + 6 * vSize),
      newVersionsPerOriginPerHour: 1000,
      newDocumentsPerOriginPerHour: 1000,
    };
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      // Every other write: a new version of the flooder's first document (old ones are evictable);
      // in between, a new document (whose only version is its newest, never evicted).
      const url = i % 2 ? `https://flood.example/new${i}` : 'https://flood.example/p';
      const r = await rejected(
        recordSnapshot(db, snap(url, v(i), 10 + i, { markSeen: i % 4 === 0 }), limits),
      );
      outcomes.push(r ? r.kind : 'stored');
    }
    expect(outcomes.slice(0, 4)).toEqual(['stored', 'stored', 'stored', 'stored']);
    expect(outcomes).toContain('limited');
    // The bank's versions are untouched, both of them.
    expect(await db.getAll('versions', IDBKeyRange.bound(0, bank.at(-1)!.id!))).toEqual(bank);
    expect(one).toBeGreaterThan(0);
    // The flooder holds at most its share, and every document sum matches its versions.
    const all = await db.getAll('versions');
    const flood = all.filter((x) => x.url.startsWith('https://flood.example/'));
    expect(flood.reduce((s, x) => s + x.size, 0)).toBeLessThanOrEqual(4.5 * vSize);
    for (const d of await db.getAll('documents'))
      expect(d.bytes, d.url).toBe(all.filter((x) => x.url === d.url).reduce((s, x) => s + x.size, 0));
    // The store's running total followed every write and eviction.
    expect((await db.get('meta', 'bytes'))?.total).toBe(all.reduce((s, x) => s + x.size, 0));
    // Each flooder document keeps its newest version; the version the user saw last is kept.
    for (const d of await db.getAll('documents'))
      expect(all.some((x) => x.id === d.latestVersionId)).toBe(true);
    for (const visit of await db.getAll('visits'))
      expect(all.some((x) => x.id === visit.versionId)).toBe(true);
  });

  it('a refused write changes nothing (no eviction happens for a version that is not stored)', async () => {
    const db = await open();
    await recordSnapshot(db, snap('https://flood.example/a', text(0, 40), 1, { markSeen: false }));
    await recordSnapshot(db, snap('https://flood.example/a', text(1, 40), 2));
    const before = await db.getAll('versions');
    const size = before[0]!.size;
    // Too big for the share even after dropping the one evictable version.
    const error = await rejected(
      recordSnapshot(db, snap('https://flood.example/b', text(2, 400), 3), {
        totalBytes: 10 * size,
        originShare: 0.25,
      }),
    );
    expect(error?.kind).toBe('limited');
    expect(error?.message).toMatch(/already takes its full share/);
    expect(await db.getAll('versions')).toEqual(before);
  });

  it('claims one notification per origin per window, atomically', async () => {
    const db = await open();
    const claims = await Promise.all([
      claimNotification(db, 'https://flip.example/a', 100),
      claimNotification(db, 'https://flip.example/b', 100),
      claimNotification(db, 'https://other.example/a', 100),
    ]);
    expect(claims).toEqual([true, false, true]);
    expect(await claimNotification(db, 'https://flip.example/a', 100 + DEFAULT_LIMITS.notifyWindowMs)).toBe(
      true,
    );
  });

  it('the running total follows writes, retention and deletion, and is counted again when it is missing', async () => {
    const db = await open();
    const total = async () => (await db.get('meta', 'bytes'))?.total;
    const sum = async () => (await db.getAll('versions')).reduce((s, v) => s + v.size, 0);
    for (let i = 0; i < 5; i++)
      await recordSnapshot(db, snap('https://t.example/a', text(i), i + 1), { perDocument: 3 });
    await recordSnapshot(db, snap('https://t.example/b', text(9), 10));
    expect(await total()).toBe(await sum());
    await deleteDocument(db, 'https://t.example/a');
    expect(await total()).toBe(await sum());
    // Lost (a database written by other means): the next write counts it again from the document rows.
    await db.delete('meta', 'bytes');
    await recordSnapshot(db, snap('https://t.example/c', text(11), 20));
    expect(await total()).toBe(await sum());
    // A cap the running total says is reached refuses the write, though the document rows were not read.
    await db.put('meta', { key: 'bytes', total: 10 ** 9 });
    const error = await rejected(recordSnapshot(db, snap('https://u.example/new', text(12), 30)));
    expect(error?.message).toMatch(/history is full/);
  });

  it('forgetting an origin’s last document removes its limits record', async () => {
    const db = await open();
    await recordSnapshot(db, snap('https://gone.example/a', VERSION_A, 1));
    await recordSnapshot(db, snap('https://gone.example/b', VERSION_B, 2));
    await deleteDocument(db, 'https://gone.example/a');
    expect(await db.get('origins', 'https://gone.example')).toBeDefined();
    await deleteDocument(db, 'https://gone.example/b');
    expect(await db.get('origins', 'https://gone.example')).toBeUndefined();
  });
});

describe('observePage: notifications coalesced per origin', () => {
  const page = (url: string, clauses: AnalysedClause[]) => ({
    url,
    page: { kind: 'privacy-policy' as const, confidence: 1, language: 'en', title: '\u202ePayPal Privacy' },
    clauses,
  });
  const notify = { enabled: true, categories: [] };

  it('a page flipping between two texts notifies once; every change is still recorded', async () => {
    const db: HistoryDB = await open();
    const url = 'https://flip.example/privacy';
    let notified = 0;
    let changes = 0;
    let coalesced = 0;
    for (let i = 0; i < 10; i++) {
      const r = await observePage(db, page(url, i % 2 ? VERSION_B : VERSION_A), {
        now: 1000 + i * 6000,
        source: 'visit',
        notify,
      });
      if (r.change) changes++;
      if (r.notify) notified++;
      if (r.coalesced) coalesced++;
    }
    expect(changes).toBe(9);
    expect(notified).toBe(1);
    expect(coalesced).toBeGreaterThan(0);
    // The stored title and the change headline carry no bidi control.
    const doc = (await db.get('documents', url))!;
    expect(doc.title).toBe('PayPal Privacy');
    expect(doc.lastChange?.headline).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('a limited write reports why and stores nothing', async () => {
    const db: HistoryDB = await open();
    const r = await observePage(db, page('https://flip.example/privacy', VERSION_A), {
      now: 1,
      source: 'visit',
      notify,
      limits: { newDocumentsPerOriginPerHour: 0 },
    });
    expect(r).toMatchObject({ stored: false, limited: true, notify: false });
    expect(r.error).toMatch(/flip\.example/);
    expect(await db.count('versions')).toBe(0);
  });
});
