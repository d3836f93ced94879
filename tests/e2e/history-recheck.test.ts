/**
 * Real-browser check of the opt-in re-check on Chrome MV3: the service worker re-fetches a tracked policy
 * without cookies, parses it in the offscreen document (DOM_PARSER), stores the changed version and notifies.
 *
 * Granting a host permission needs a user gesture that headless Chromium cannot give, so this suite loads a
 * copy of the build whose manifest grants `http://127.0.0.1/*` at install (test-only; the shipped manifest only
 * declares optional host permissions). Everything else is the shipped code.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { corpusAvailable, corpusDir } from '../../scripts/corpus';
import { describeCorpus } from '../support/corpus';
import {
  CHROME_BUILD,
  assertBuilt,
  describeE2E,
  launchExtension,
  serve,
  waitFor,
  type LaunchedBrowser,
  type TestServer,
} from './harness';

const SERIES = 'html/changes/Tinder__Privacy_Policy';
const capture = (suffix: string): string => {
  const name = readdirSync(join(corpusDir(), SERIES)).find((f) => f.endsWith(suffix));
  if (!name) throw new Error(`no *${suffix} in ${SERIES}`);
  return `${SERIES}/${name}`;
};

/** Runs in the service worker: raw IndexedDB access, independent of the store code under test. */
async function idb<T>(sw: Worker, fn: string, arg: unknown): Promise<T> {
  return sw.evaluate(
    async ([fn, arg]) => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'fineprint')) return null;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('fineprint');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const run = <R>(store: string, mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<R>) =>
        new Promise<R>((ok, fail) => {
          const r = f(db.transaction(store, mode).objectStore(store));
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
      try {
        if (fn === 'versions') {
          const all = await run('versions', 'readonly', (s) => s.index('by-url').getAll(arg as string));
          return (all as { id: number; source: string }[]).map((v) => ({ id: v.id, source: v.source }));
        }
        if (fn === 'due-now') {
          await run('checks', 'readwrite', (s) =>
            s.put({ url: arg, lastAttempt: 0, lastSuccess: null, failures: 0, nextAt: 0, lastError: null }),
          );
          return true;
        }
        if (fn === 'check') return run('checks', 'readonly', (s) => s.get(arg as string));
        return null;
      } finally {
        db.close();
      }
    },
    [fn, arg] as const,
  ) as Promise<T>;
}

const suite = corpusAvailable() ? describeE2E : describeCorpus;

suite('scheduled re-check in Chromium (offscreen parsing)', () => {
  let browser: LaunchedBrowser;
  let server: TestServer;
  let url: string;
  let extensionCopy: string;

  beforeAll(async () => {
    assertBuilt();
    extensionCopy = mkdtempSync(join(tmpdir(), 'fineprint-recheck-ext-'));
    cpSync(CHROME_BUILD, extensionCopy, { recursive: true });
    const manifestPath = join(extensionCopy, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    manifest.host_permissions = ['http://127.0.0.1/*'];
    writeFileSync(manifestPath, JSON.stringify(manifest));
    server = await serve({ '/privacy': { corpus: capture('before_text_change.html') } });
    url = server.url('/privacy');
    browser = await launchExtension({ extensionDir: extensionCopy });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (extensionCopy) rmSync(extensionCopy, { recursive: true, force: true });
  });

  it('re-fetches without cookies, parses offscreen, stores the new version and notifies', async () => {
    const sw = browser.serviceWorker!;
    const page = await browser.context.newPage();
    await page.goto(url);
    // A cookie the site set: the re-check request must not carry it.
    await page.evaluate(() => {
      document.cookie = 'session=secret-e2e; path=/';
    });
    expect((await browser.context.cookies(url)).map((c) => c.name)).toContain('session');
    const first = await waitFor(async () => {
      const v = await idb<{ id: number }[] | null>(sw, 'versions', url);
      return v && v.length === 1 ? v : null;
    }, 30_000);
    expect(first).toHaveLength(1);
    await page.close();

    server.set('/privacy', { corpus: capture('after_text_change.html') });
    const before = server.requests.length;
    await sw.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set: (v: Record<string, unknown>) => Promise<void> } } };
      };
      await chrome.storage.local.set({ settings: { recheck: { enabled: true, periodHours: 24 } } });
    });
    await idb(sw, 'due-now', url);
    // Fire the re-check alarm now (unpacked extensions may use short alarms).
    await sw.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { alarms: { create: (name: string, info: { when: number }) => Promise<void> } };
      };
      await chrome.alarms.create('fineprint-recheck', { when: Date.now() + 200 });
    });

    const both = await waitFor(async () => {
      const v = await idb<{ id: number; source: string }[] | null>(sw, 'versions', url);
      return v && v.length === 2 ? v : null;
    }, 30_000);
    expect(both?.map((v) => v.source).sort()).toEqual(['recheck', 'visit']);
    expect(await idb(sw, 'check', url)).toMatchObject({ failures: 0, lastError: null });

    const fetches = server.requests.slice(before).filter((r) => r.path === '/privacy');
    expect(fetches).toHaveLength(1);
    expect(fetches[0]!.headers.cookie).toBeUndefined();
    expect(fetches[0]!.headers.referer).toBeUndefined();

    const ids = await waitFor(async () => {
      const n = await sw.evaluate(
        () =>
          new Promise<string[]>((ok) =>
            (
              globalThis as unknown as {
                chrome: { notifications: { getAll: (cb: (n: Record<string, boolean>) => void) => void } };
              }
            ).chrome.notifications.getAll((n) => ok(Object.keys(n))),
          ),
      );
      return n.length > 0 ? n : null;
    }, 10_000);
    expect(ids).toEqual([`fineprint-change:${url}`]);
  });
});
