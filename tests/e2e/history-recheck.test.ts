/**
 * Real-browser check of the opt-in re-check on Chrome MV3: the service worker re-fetches a tracked policy
 * without cookies, parses it in the offscreen document (DOM_PARSER), stores the changed version and notifies;
 * and an unchanged policy served in windows-1252 (no charset declared) or UTF-16 (BOM) is decoded as the
 * browser decoded it on the visit, so its re-check records no version and sends no notification.
 *
 * Answering the browser's host-permission prompt needs a user gesture that headless Chromium cannot give, so
 * this suite loads a copy of the build whose manifest holds `http://127.0.0.1/*` at install (then the prompt
 * resolves at once; the shipped manifest only declares optional host permissions). Re-check is turned on the
 * user's way, with the history page's button, which is also what records Fineprint's own grant of the origin.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Worker } from 'playwright-core';
import { corpusAvailable, corpusDir } from '../../scripts/corpus';
import { describeCorpus } from '../support/corpus';
import { CHROME_BUILD, assertBuilt, describeE2E, notificationIds, waitFor } from '../support/harness';
import { extensionSuite } from '../support/extension-suite';

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

/** Text → windows-1252 bytes (what a site serving "Latin-1" sends); characters outside it become "?". */
function windows1252(text: string): Buffer {
  const c1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  return Buffer.from(
    Array.from(text, (ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const at = c1.indexOf(ch);
      return at >= 0 ? 0x80 + at : 0x3f;
    }),
  );
}

/**
 * Turns re-check on with the history page's button, as a user does: the browser permission prompt (already
 * answered by the test manifest) and Fineprint's own grant of every tracked origin. Off and on again if it was
 * on, so origins tracked since are granted too.
 */
async function turnRecheckOn(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/policy-history.html`);
  const button = page.locator('.recheck button');
  await button.waitFor({ timeout: 15_000 });
  if ((await button.getAttribute('aria-pressed')) === 'true') {
    await button.click();
    await waitFor(async () => (await button.getAttribute('aria-pressed')) === 'false', 10_000);
  }
  await button.click();
  expect(await waitFor(async () => (await button.getAttribute('aria-pressed')) === 'true', 10_000)).toBe(
    true,
  );
  await page.close();
}

/** Fires the re-check alarm now (unpacked extensions may use short alarms). */
async function fireRecheckAlarm(sw: Worker): Promise<void> {
  await sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { alarms: { create: (name: string, info: { when: number }) => Promise<void> } };
    };
    await chrome.alarms.create('fineprint-recheck', { when: Date.now() + 200 });
  });
}

const suite = corpusAvailable() ? describeE2E : describeCorpus;

suite('scheduled re-check in Chromium (offscreen parsing)', () => {
  let url: string;
  let extensionCopy: string;
  const ext = extensionSuite(
    () => ({ '/privacy': { corpus: capture('before_text_change.html') } }),
    () => {
      assertBuilt();
      extensionCopy = mkdtempSync(join(tmpdir(), 'fineprint-recheck-ext-'));
      cpSync(CHROME_BUILD, extensionCopy, { recursive: true });
      const manifestPath = join(extensionCopy, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      manifest.host_permissions = ['http://127.0.0.1/*'];
      writeFileSync(manifestPath, JSON.stringify(manifest));
      return { extensionDir: extensionCopy };
    },
  );
  beforeAll(() => {
    url = ext.server.url('/privacy');
  });
  afterAll(() => {
    if (extensionCopy) rmSync(extensionCopy, { recursive: true, force: true });
  });

  it('re-fetches without cookies, parses offscreen, stores the new version and notifies', async () => {
    const sw = ext.browser.serviceWorker!;
    const page = await ext.browser.context.newPage();
    await page.goto(url);
    // A cookie the site set: the re-check request must not carry it.
    await page.evaluate(() => {
      document.cookie = 'session=secret-e2e; path=/';
    });
    expect((await ext.browser.context.cookies(url)).map((c) => c.name)).toContain('session');
    const first = await waitFor(async () => {
      const v = await idb<{ id: number }[] | null>(sw, 'versions', url);
      return v && v.length === 1 ? v : null;
    }, 30_000);
    expect(first).toHaveLength(1);
    await page.close();

    ext.server.set('/privacy', { corpus: capture('after_text_change.html') });
    await turnRecheckOn(ext.browser.context, ext.browser.extensionId);
    const before = ext.server.requests.length;
    await idb(sw, 'due-now', url);
    await fireRecheckAlarm(sw);

    const both = await waitFor(async () => {
      const v = await idb<{ id: number; source: string }[] | null>(sw, 'versions', url);
      return v && v.length === 2 ? v : null;
    }, 30_000);
    expect(both?.map((v) => v.source).sort()).toEqual(['recheck', 'visit']);
    expect(await idb(sw, 'check', url)).toMatchObject({ failures: 0, lastError: null });

    const fetches = ext.server.requests.slice(before).filter((r) => r.path === '/privacy');
    expect(fetches).toHaveLength(1);
    expect(fetches[0]!.headers.cookie).toBeUndefined();
    expect(fetches[0]!.headers.referer).toBeUndefined();

    const ids = await waitFor(async () => {
      const n = await notificationIds(sw);
      return n.length > 0 ? n : null;
    }, 10_000);
    expect(ids).toEqual([`fineprint-change:${url}`]);
  });

  it('re-checking an unchanged windows-1252 or UTF-16 policy records no version and notifies nobody', async () => {
    const sw = ext.browser.serviceWorker!;
    // The same real policy, served as a site would in another encoding, with no charset declared anywhere
    // (the ext.browser guesses windows-1252 for the first and reads the BOM of the second).
    const text = readFileSync(join(corpusDir(), capture('before_text_change.html')), 'utf8').replace(
      /<meta[^>]*charset[^>]*>/gi,
      '',
    );
    const pages = {
      [ext.server.url('/latin1/privacy')]: windows1252(text),
      [ext.server.url('/utf16/privacy')]: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(text, 'utf16le'),
      ]),
    };
    for (const [u, body] of Object.entries(pages))
      ext.server.set(new URL(u).pathname, { body, type: 'text/html' });
    for (const u of Object.keys(pages)) {
      const page = await ext.browser.context.newPage();
      await page.goto(u);
      const one = await waitFor(async () => {
        const v = await idb<{ id: number }[] | null>(sw, 'versions', u);
        return v && v.length === 1 ? v : null;
      }, 30_000);
      expect(one).toHaveLength(1);
      await page.close();
    }
    await turnRecheckOn(ext.browser.context, ext.browser.extensionId);
    const notifiedBefore = await notificationIds(sw);
    for (const u of Object.keys(pages)) await idb(sw, 'due-now', u);
    await fireRecheckAlarm(sw);
    for (const u of Object.keys(pages)) {
      // Attempted, and succeeded: decoded, parsed, compared with the visit and found unchanged.
      const check = await waitFor(async () => {
        const c = await idb<{ lastAttempt: number; failures: number; lastError: string | null } | null>(
          sw,
          'check',
          u,
        );
        return c && c.lastAttempt > 0 ? c : null;
      }, 30_000);
      expect(check, u).toMatchObject({ failures: 0, lastError: null });
      expect(await idb<{ source: string }[]>(sw, 'versions', u), u).toHaveLength(1);
    }
    expect(await notificationIds(sw)).toEqual(notifiedBefore);
  });
});
