import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore as FDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  observePage,
  openHistoryDB,
  listDocuments,
  wantsNotification,
  type ObservedPage,
} from '../../lib/store';
import { VERSION_A, VERSION_A_CHURN, VERSION_B, makeClause } from '../fixtures/db/clauses';
import type { AnalysedClause } from '../../lib/types';

let n = 0;
const open = () => openHistoryDB(new IDBFactory(), `obs${++n}`);
const page = (
  clauses: AnalysedClause[],
  url = 'https://Example.com/en-us/privacy/?utm_source=mail#top',
): ObservedPage => ({
  url,
  page: { kind: 'privacy-policy', confidence: 0.9, language: 'en', title: 'Example Privacy Policy' },
  clauses,
});
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 19);
const opts = (now: number, notify = { enabled: true, categories: [] as never[] }) => ({
  now,
  source: 'visit' as const,
  notify,
});

afterEach(() => vi.restoreAllMocks());

describe('observePage', () => {
  it('first visit stores, churn does nothing, a real change is summarised and notified once', async () => {
    const db = await open();
    const first = await observePage(db, page(VERSION_A), opts(T0));
    expect(first).toMatchObject({ stored: true, isNewVersion: true, change: null, notify: false });
    expect(first.documentUrl).toBe('https://example.com/privacy');

    const churn = await observePage(db, page(VERSION_A_CHURN, 'https://example.com/privacy'), opts(T0 + DAY));
    expect(churn).toMatchObject({ isNewVersion: false, change: null, notify: false });

    const changed = await observePage(db, page(VERSION_B), opts(T0 + 60 * DAY));
    expect(changed.isNewVersion).toBe(true);
    expect(changed.notify).toBe(true);
    expect(changed.change?.headline).toBe(
      'Example Privacy Policy: AI-training clause added since Sep 20, 2026',
    );
    expect(changed.change?.diff.added.map((c) => c.id)).toEqual(['c3']);

    // Seen now: the next visit of the same version is quiet.
    const again = await observePage(db, page(VERSION_B), opts(T0 + 61 * DAY));
    expect(again).toMatchObject({ change: null, notify: false });
    const { documents } = await listDocuments(db);
    expect(documents[0]?.lastChange?.headline).toMatch(/AI-training clause added/);
  });

  it('a re-check finds the change and notifies; the later visit shows it again without a second notification', async () => {
    const db = await open();
    await observePage(db, page(VERSION_A), opts(T0));
    const check = await observePage(db, page(VERSION_B), { ...opts(T0 + DAY), source: 'recheck' });
    expect(check.notify).toBe(true);
    const visit = await observePage(db, page(VERSION_B), opts(T0 + 2 * DAY));
    expect(visit.change).not.toBeNull();
    expect(visit.notify).toBe(false);
  });

  it('respects notification settings', async () => {
    const db = await open();
    await observePage(db, page(VERSION_A), opts(T0));
    const off = await observePage(db, page(VERSION_B), opts(T0 + DAY, { enabled: false, categories: [] }));
    expect(off.change).not.toBeNull();
    expect(off.notify).toBe(false);
    expect(wantsNotification({ enabled: true, categories: ['data-sale'] }, ['ai-training'])).toBe(false);
    expect(wantsNotification({ enabled: true, categories: ['ai-training'] }, ['ai-training'])).toBe(true);
    expect(wantsNotification({ enabled: true, categories: [] }, [])).toBe(true);
  });

  it('ignores pages that are not stored', async () => {
    const db = await open();
    expect((await observePage(db, page([]), opts(T0))).stored).toBe(false);
    expect((await observePage(db, page(VERSION_A, 'file:///tmp/privacy.html'), opts(T0))).stored).toBe(false);
    const notPolicy = { ...page(VERSION_A), page: { ...page(VERSION_A).page, kind: 'other' as const } };
    expect((await observePage(db, notPolicy, opts(T0))).stored).toBe(false);
  });

  it('on a full disk reports a clear error, stores nothing new and keeps what was there', async () => {
    const db = await open();
    await observePage(db, page(VERSION_A), opts(T0));
    const before = await db.getAll('versions');
    const realAdd = FDBObjectStore.prototype.add;
    vi.spyOn(FDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (this.name === 'versions') throw new DOMException('quota', 'QuotaExceededError');
      return realAdd.apply(this, args);
    });
    const full = await observePage(db, page(VERSION_B), opts(T0 + DAY));
    expect(full).toMatchObject({ stored: false, change: null, notify: false });
    expect(full.error).toMatch(/^Storage is full/);
    vi.restoreAllMocks();
    expect(await db.getAll('versions')).toEqual(before);
    // Once there is room again, the change is found against the version the user saw.
    const later = await observePage(db, page(VERSION_B), opts(T0 + 2 * DAY));
    expect(later.change?.diff.added).toHaveLength(1);
  });

  it('keeps an error page served at the policy address out of the history', async () => {
    const db = await open();
    const full = Array.from({ length: 12 }, (_, i) =>
      makeClause(i, `Policy sentence number ${i} describing one practice in detail.`),
    );
    await observePage(db, page(full), opts(T0));
    const denied = await observePage(db, page([makeClause(0, 'Access denied.')]), opts(T0 + DAY));
    expect(denied).toMatchObject({ stored: false, change: null, notify: false });
    expect(denied.problems[0]).toMatch(/1 clauses against 12 last time; not stored/);
    expect(await db.count('versions')).toBe(1);
  });
});
