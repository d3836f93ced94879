import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { runRecheckPass, type RecheckDeps } from '../../lib/recheck-run';
import { HOUR_MS } from '../../lib/recheck';
import { analyzeDocument } from '../../lib/pipeline';
import { parseHtml } from '../../scripts/parse-html';
import { getCheck, listDocuments, listVersions, observePage, openHistoryDB } from '../../lib/store';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import type { FetchResult } from '../../lib/fetch/capped-fetch';

// Policy pages written for this test (not corpus text).
const SENTENCES = [
  'We collect the name and email address you give us when you create an account.',
  'We use your information to provide, maintain and improve the service.',
  'We share information with service providers who process it on our behalf.',
  'We keep your information for as long as your account is active.',
  'You can delete your account at any time in your settings.',
  'We use cookies to remember your preferences.',
  'We transfer data to servers located in other countries with appropriate safeguards.',
  'You may opt out of marketing emails by using the unsubscribe link.',
  'We do not sell your personal information.',
  'Children under 13 may not use the service.',
];
const AI =
  'We may use the content you upload to train our artificial intelligence and machine learning models.';
const page = (sentences: string[]) =>
  `<!doctype html><html><head><title>Example Privacy Policy</title></head><body><main><h1>Privacy Policy</h1>${sentences
    .map((s) => `<p>${s}</p>`)
    .join('')}</main></body></html>`;
const PAGE_A = page(SENTENCES);
const PAGE_B = page([...SENTENCES, AI]);
const ERROR_PAGE =
  '<!doctype html><html><head><title>Access denied</title></head><body><h1>Access denied</h1></body></html>';

const URL_A = 'https://example.com/privacy';
const PERIOD = 24 * HOUR_MS;
const T0 = Date.UTC(2026, 8, 19);
let n = 0;

const ok = (html: string): FetchResult => ({
  ok: true,
  url: URL_A,
  finalUrl: URL_A,
  contentType: 'text/html; charset=utf-8',
  bytes: new TextEncoder().encode(html),
});

async function setup(enabled = true) {
  const db = await openHistoryDB(new IDBFactory(), `rr${++n}`);
  const visit = analyzeDocument(parseHtml(PAGE_A), { url: URL_A, assumePolicy: true });
  await observePage(
    db,
    { url: URL_A, page: visit.page, clauses: visit.clauses },
    {
      now: T0,
      source: 'visit',
      notify: DEFAULT_SETTINGS.notifications,
    },
  );
  const settings: Settings = { ...DEFAULT_SETTINGS, recheck: { enabled, periodHours: 24 } };
  const fetchPage = vi.fn<RecheckDeps['fetchPage']>(async () => ok(PAGE_B));
  const notify = vi.fn<RecheckDeps['notify']>(async () => undefined);
  const isGranted = vi.fn<RecheckDeps['isGranted']>(async () => true);
  const deps = (now: number, extra: Partial<RecheckDeps> = {}): RecheckDeps => ({
    db,
    now,
    settings,
    isGranted,
    fetchPage,
    analyzeHtml: async (html, url) => analyzeDocument(parseHtml(html), { url, assumePolicy: true }),
    notify,
    ...extra,
  });
  return { db, deps, fetchPage, notify, isGranted };
}

describe('runRecheckPass', () => {
  it('does nothing (no request) unless re-check is on', async () => {
    const { deps, fetchPage } = await setup(false);
    expect(await runRecheckPass(deps(T0 + 10 * PERIOD))).toEqual([]);
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('waits a period after the visit, then finds the change, stores it and notifies once', async () => {
    const { db, deps, fetchPage, notify } = await setup();
    expect(await runRecheckPass(deps(T0 + PERIOD / 2))).toEqual([]);
    expect(fetchPage).not.toHaveBeenCalled();

    const out = await runRecheckPass(deps(T0 + PERIOD));
    expect(out).toEqual([{ url: URL_A, outcome: 'new version', notified: true }]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0]![0].diff.added.map((c) => c.text)).toEqual([AI]);
    expect((await listVersions(db, URL_A)).versions.map((v) => v.source)).toEqual(['visit', 'recheck']);

    // One request per period: nothing until the next period; then unchanged and no second notification.
    expect(await runRecheckPass(deps(T0 + PERIOD + HOUR_MS))).toEqual([]);
    expect(await runRecheckPass(deps(T0 + 2 * PERIOD))).toEqual([
      { url: URL_A, outcome: 'unchanged', notified: false },
    ]);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('without the user’s grant for the exact origin makes no request and backs off', async () => {
    const { db, deps, fetchPage, isGranted } = await setup();
    isGranted.mockResolvedValue(false);
    const out = await runRecheckPass(deps(T0 + PERIOD));
    const why = 'reading https://example.com was not allowed: turn re-check off and on again to allow it';
    expect(out[0]).toMatchObject({ outcome: 'failed', detail: why });
    expect(isGranted).toHaveBeenCalledWith('https://example.com');
    expect(fetchPage).not.toHaveBeenCalled();
    expect(await getCheck(db, URL_A)).toMatchObject({ failures: 1, nextAt: T0 + 3 * PERIOD });
    // The history list shows why.
    const { documents } = await listDocuments(db);
    expect(documents[0]?.check).toMatchObject({ failures: 1, lastError: why });
  });

  it('records fetch errors with exponential backoff', async () => {
    const { db, deps, fetchPage } = await setup();
    fetchPage.mockResolvedValue({ ok: false, url: URL_A, reason: 'http', detail: 'HTTP 503' });
    await runRecheckPass(deps(T0 + PERIOD));
    expect(await getCheck(db, URL_A)).toMatchObject({
      failures: 1,
      lastError: 'http: HTTP 503',
      nextAt: T0 + 3 * PERIOD,
    });
    await runRecheckPass(deps(T0 + 3 * PERIOD));
    expect(await getCheck(db, URL_A)).toMatchObject({ failures: 2, nextAt: T0 + 7 * PERIOD });
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('never stores an error page as a new version', async () => {
    const { db, deps, fetchPage, notify } = await setup();
    fetchPage.mockResolvedValue(ok(ERROR_PAGE));
    const out = await runRecheckPass(deps(T0 + PERIOD));
    expect(out[0]?.outcome).toBe('failed');
    expect((await listVersions(db, URL_A)).versions).toHaveLength(1);
    expect(notify).not.toHaveBeenCalled();
  });
});
