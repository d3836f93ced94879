/**
 * Real-browser check of the README's headline example (issue 22): a policy whose list of uses of data gains
 * "machine learning / AI training" is announced as an AI-training change. One URL serves the team-written
 * fixture pair tests/fixtures/changes/uses-list-{before,after}.html in turn; the built extension analyses
 * each visit in Chromium, stores both versions, raises the change notification, and the tab's change
 * summary (what the popup shows) names an AI-training clause, not another category.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import {
  describeE2E,
  launchExtension,
  serve,
  tabIdOf,
  waitFor,
  type LaunchedBrowser,
  type TestServer,
} from '../support/harness';

/** How many versions the extension stored for `url`, read from its IndexedDB in the service worker. */
function versionCount(sw: Worker, url: string): Promise<number> {
  return sw.evaluate(async (url) => {
    // Opening a database that does not exist would create it empty: only look once the extension made it.
    if (!(await indexedDB.databases()).some((d) => d.name === 'fineprint')) return 0;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('fineprint');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    try {
      if (!db.objectStoreNames.contains('versions')) return 0;
      return await new Promise<number>((ok, fail) => {
        const r = db.transaction('versions').objectStore('versions').index('by-url').count(url);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    } finally {
      db.close();
    }
  }, url);
}

function notificationIds(sw: Worker): Promise<string[]> {
  return sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { notifications: { getAll: (cb: (n: Record<string, boolean>) => void) => void } };
    };
    return new Promise<string[]>((ok) => chrome.notifications.getAll((n) => ok(Object.keys(n))));
  });
}

describeE2E('a use-of-data list gains AI training (Chromium)', () => {
  let browser: LaunchedBrowser;
  let server: TestServer;
  let url: string;

  beforeAll(async () => {
    server = await serve({ '/privacy': { fixture: 'changes/uses-list-before.html' } });
    url = server.url('/privacy');
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is announced as an AI-training change and notified', async () => {
    const sw = browser.serviceWorker!;
    const page = await browser.context.newPage();

    await page.goto(url);
    await waitFor(async () => ((await versionCount(sw, url)) === 1 ? true : null), 30_000);
    expect(await notificationIds(sw)).toEqual([]);

    server.set('/privacy', { fixture: 'changes/uses-list-after.html' });
    await page.goto(url);
    await waitFor(async () => ((await versionCount(sw, url)) === 2 ? true : null), 30_000);
    const ids = await waitFor(async () => {
      const n = await notificationIds(sw);
      return n.length > 0 ? n : null;
    }, 15_000);
    expect(ids).toEqual([`fineprint-change:${url}`]);

    const tabId = await tabIdOf(sw, page);
    const headline = await waitFor(
      () =>
        sw.evaluate(async (key) => {
          const { chrome } = globalThis as unknown as {
            chrome: { storage: { session: { get: (k: string) => Promise<Record<string, unknown>> } } };
          };
          const got = await chrome.storage.session.get(key);
          return (got[key] as { headline?: string } | null)?.headline ?? null;
        }, `change:${tabId}`),
      15_000,
    );
    expect(headline).toMatch(/: AI-training clause (?:added|changed) since /);
    expect(headline).not.toMatch(/Automated decisions/);
  });
});
