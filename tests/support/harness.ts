/**
 * Real-browser harness: Debian Chromium driven by playwright-core with the built extension
 * (`.output/chrome-mv3`) loaded, a local HTTP server on 127.0.0.1 that records every request it gets,
 * and helpers for the popup and for the requests the browser makes.
 *
 * Tests assume `npx wxt build` ran first (`scripts/test-all.sh` builds before vitest); launching without
 * a build fails with a message that says so. One browser per test file: launch in `beforeAll`, close in
 * `afterAll`.
 * @module
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { describe, it } from 'vitest';
import { highlightNames } from './our-world';
import { REPO_ROOT } from './server';

// The local server, waitFor and the corpus pages are shared with the Firefox harness.
export {
  CORPUS_PAGES,
  FIXTURES_DIR,
  REPO_ROOT,
  serve,
  waitFor,
  type RecordedRequest,
  type Route,
  type TestServer,
} from './server';

/** Debian's real binary (not the /usr/bin wrapper, which adds flags and API keys). */
export const CHROMIUM_PATH = process.env.FINEPRINT_CHROMIUM ?? '/usr/lib/chromium/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
/** The Chrome build under test; FINEPRINT_EXTENSION points elsewhere (e.g. a copy, while others rebuild). */
export const CHROME_BUILD = resolve(
  process.env.FINEPRINT_EXTENSION ?? resolve(REPO_ROOT, '.output/chrome-mv3'),
);

/**
 * Gate for real-browser suites: without Chromium they are skipped with a clear message, except under
 * CI=true, where a missing browser is a failure (a green CI run must mean the browser suites ran).
 */
export function describeE2E(name: string, body: () => void): void {
  if (HAS_CHROMIUM) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(
          `Chromium not found at ${CHROMIUM_PATH}; run scripts/setup.sh (browser suites must run in CI)`,
        );
      });
    });
    return;
  }
  console.warn(`[e2e] SKIPPED "${name}": Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`);
  describe.skip(name, body);
}

/** Throws a clear error when the extension has not been built. */
export function assertBuilt(dir: string = CHROME_BUILD): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}. Run \`npx wxt build\` first (scripts/test-all.sh does).`);
  }
}

/** The flags verified in /work/shared/notes/setup.md §3; no network chatter of Chromium's own. */
export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-default-browser-check',
];

export interface LaunchOptions {
  /** Reuse a profile (browser restart tests). Created in the OS temp dir and removed on close when omitted. */
  userDataDir?: string;
  /** Extension directory; defaults to the Chrome MV3 build. */
  extensionDir?: string;
  /** Launch the same browser without any extension (baselines for benchmarks). */
  withoutExtension?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
  /**
   * Let hostnames other than 127.0.0.1 / localhost resolve. Off by default: corpus pages reference their
   * original sites' assets, and tests must neither depend on nor leak to the internet.
   */
  allowNetwork?: boolean;
}

/** Every hostname except the local server's fails DNS at once (requests are still attempted and seen). */
export const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'];

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Empty when launched without the extension. */
  extensionId: string;
  /** The background service worker (null without the extension). */
  serviceWorker: Worker | null;
  userDataDir: string;
  close: () => Promise<void>;
}

/** A fresh profile directory under the OS temp dir. */
export function tempProfile(): string {
  return mkdtempSync(join(tmpdir(), 'fineprint-e2e-'));
}

/**
 * Launches headless Chromium with the built extension and waits for its service worker.
 * @returns the context, the extension id (host of the worker's URL) and a `close` that also removes a
 *   temporary profile.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  if (!HAS_CHROMIUM) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  const extensionDir = resolve(options.extensionDir ?? CHROME_BUILD);
  if (!options.withoutExtension) assertBuilt(extensionDir);
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? tempProfile();
  // Playwright always adds --disable-extensions; --disable-extensions-except is what re-enables ours.
  const extensionArgs = options.withoutExtension
    ? []
    : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...BASE_ARGS,
      ...(options.allowNetwork ? [] : OFFLINE_ARGS),
      ...extensionArgs,
      ...(options.args ?? []),
    ],
    viewport: { width: 1280, height: 900 },
  });
  let serviceWorker: Worker | null = null;
  let extensionId = '';
  if (!options.withoutExtension) {
    serviceWorker = await waitForServiceWorker(context);
    extensionId = new URL(serviceWorker.url()).host;
  }
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    close: async () => {
      await context.close().catch(() => undefined);
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The extension's background service worker. MV3 workers stop when idle; this returns the live one,
 * waiting for it to (re)start if needed.
 */
export async function waitForServiceWorker(context: BrowserContext, timeout = 15_000): Promise<Worker> {
  const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (live) return live;
  return context.waitForEvent('serviceworker', {
    predicate: (w) => w.url().startsWith('chrome-extension://'),
    timeout,
  });
}

/** Stores `settings` as the user's settings, from the service worker (pages see the change at once). */
export async function setStoredSettings(context: BrowserContext, settings: unknown): Promise<void> {
  const sw = await waitForServiceWorker(context);
  await sw.evaluate(async (settings) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set(v: unknown): Promise<void> } } };
    };
    await chrome.storage.local.set({ settings });
  }, settings);
}

/** The slice of the `chrome` global the harness uses inside the service worker (no @types/chrome here). */
export interface ExtensionGlobal {
  chrome: {
    tabs: { query: (query: Record<string, unknown>) => Promise<{ id?: number; windowId?: number }[]> };
    runtime: { id: string; getManifest: () => Record<string, unknown> };
  };
}

/**
 * The browser tab id of a page, as the extension sees it. The extension has no `tabs` permission, so
 * `tabs.query({url})` cannot match; the page is brought to the front and the active tab is read instead.
 */
export async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobal;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error('no active tab found for the page');
  return id;
}

/** Opens the popup for a tab in its own page (`popup.html?tabId=N`) and returns that page. */
export async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

/** Waits until the popup says it has loaded its data (`main[data-ready=true]`). */
export async function waitForPopupReady(popup: Page, timeout = 15_000): Promise<void> {
  await popup.waitForSelector('main[data-ready="true"]', { timeout, state: 'attached' });
}

/**
 * Our entries in the page's highlight registry, keyed by what they paint (a category id, `active` or
 * `flash`: see our-world.ts `highlightNames`; the registry names are random per session), with their range
 * counts. The registry is shared between the page and the content script's isolated world.
 */
export async function highlightsOf(page: Page): Promise<Record<string, number>> {
  const names = await highlightNames(page);
  return page.evaluate((names) => {
    const out: Record<string, number> = {};
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return out;
    for (const [key, name] of Object.entries(names)) {
      const highlight = CSS.highlights.get(name) as unknown as Set<Range> | undefined;
      if (highlight) out[key] = highlight.size;
    }
    return out;
  }, names);
}

// ---------------------------------------------------------------------------------------------------
// Request recording

export interface SeenRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Who made it: the extension's service worker, an extension page, or a web page (incl. content scripts). */
  origin: 'service-worker' | 'extension-page' | 'page';
  /** URL of the document or worker that made it. */
  initiator: string;
}

/**
 * Records every request the browser context makes: pages (content-script fetches appear as the page's),
 * extension pages (popup, offscreen document) and service workers (Playwright reports them on the
 * context with `request.serviceWorker()` set). Returns the live list and a function to stop recording.
 */
export function recordRequests(context: BrowserContext): { requests: SeenRequest[]; stop: () => void } {
  const requests: SeenRequest[] = [];
  const onRequest = (request: Request) => {
    const worker = request.serviceWorker();
    let initiator: string;
    let origin: SeenRequest['origin'] = 'page';
    if (worker) {
      initiator = worker.url();
      origin = 'service-worker';
    } else {
      try {
        initiator = request.frame().url();
      } catch {
        initiator = '';
      }
      if (initiator.startsWith('chrome-extension://')) origin = 'extension-page';
    }
    requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      origin,
      initiator,
    });
  };
  context.on('request', onRequest);
  return { requests, stop: () => void context.off('request', onRequest) };
}

/** Where a needle was found in the extension's IndexedDB: database, object store and record count. */
export interface IdbHit {
  db: string;
  store: string;
  records: number;
}

/**
 * Searches every IndexedDB database of the extension (read in the service worker) for records whose
 * JSON contains `needle`. Independent of the store's schema, so it checks what is really on disk.
 */
export async function findInExtensionDb(serviceWorker: Worker, needle: string): Promise<IdbHit[]> {
  return serviceWorker.evaluate(async (needle) => {
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((ok, fail) => {
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const hits: { db: string; store: string; records: number }[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      try {
        for (const store of Array.from(db.objectStoreNames)) {
          const all = await req(db.transaction(store, 'readonly').objectStore(store).getAll());
          const records = all.filter((r) => JSON.stringify(r)?.includes(needle)).length;
          if (records > 0) hits.push({ db: info.name, store, records });
        }
      } finally {
        db.close();
      }
    }
    return hits;
  }, needle);
}

/**
 * Records the network requests of extension documents Playwright does not attach to — in Chrome MV3 the
 * offscreen document is a `background_page` target, invisible to `context.on('request')`. Attaches over
 * the browser's CDP session (non-flattened sessions, as Playwright owns the flattened ones) and enables
 * `Network` in each such document, discovered by events and by polling. Limitation: requests made in the
 * first moments of a document's life, before we attach, can be missed; the offscreen document only parses.
 */
export async function recordExtensionDocuments(context: BrowserContext): Promise<{
  requests: SeenRequest[];
  /** Evaluates an expression in the first attached document whose URL contains `urlPart` (instrument checks). */
  evaluate: (urlPart: string, expression: string) => Promise<unknown>;
  stop: () => Promise<void>;
}> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser for CDP');
  const cdp = await browser.newBrowserCDPSession();
  const requests: SeenRequest[] = [];
  const sessions = new Map<string, { sessionId: string; url: string }>();
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  let stopped = false;
  const send = (sessionId: string, method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolveReply) => {
      const id = nextId++;
      pending.set(id, resolveReply);
      void cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(() => resolveReply(undefined));
    });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as {
      id?: number;
      method?: string;
      result?: unknown;
      params?: { request?: { url: string; method: string }; type?: string; documentURL?: string };
    };
    if (message.id !== undefined) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
    if (message.method === 'Network.requestWillBeSent' && message.params?.request) {
      const doc = [...sessions.values()].find((s) => s.sessionId === event.sessionId);
      requests.push({
        url: message.params.request.url,
        method: message.params.request.method,
        resourceType: (message.params.type ?? 'other').toLowerCase(),
        origin: 'extension-page',
        initiator: doc?.url ?? message.params.documentURL ?? '',
      });
    }
  });
  const attach = async (targetId: string, type: string, url: string) => {
    if (stopped || type !== 'background_page' || sessions.has(targetId)) return;
    sessions.set(targetId, { sessionId: '', url });
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
      sessions.set(targetId, { sessionId, url });
      await send(sessionId, 'Network.enable');
    } catch {
      sessions.delete(targetId);
    }
  };
  cdp.on(
    'Target.targetCreated',
    (e) => void attach(e.targetInfo.targetId, e.targetInfo.type, e.targetInfo.url),
  );
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const poll = async () => {
    if (stopped) return;
    const { targetInfos } = await cdp.send('Target.getTargets').catch(() => ({ targetInfos: [] }));
    for (const t of targetInfos) await attach(t.targetId, t.type, t.url);
  };
  await poll();
  const timer = setInterval(() => void poll(), 200);
  return {
    requests,
    evaluate: async (urlPart, expression) => {
      // The document may still be starting (a loaded machine): keep polling the targets for a while.
      let doc: (typeof sessions extends Map<string, infer S> ? S : never) | undefined;
      for (const deadline = Date.now() + 10_000; !doc && Date.now() < deadline;) {
        await poll();
        doc = [...sessions.values()].find((s) => s.url.includes(urlPart) && s.sessionId);
        if (!doc) await new Promise((r) => setTimeout(r, 100));
      }
      if (!doc) throw new Error(`no attached extension document matching ${urlPart}`);
      return send(doc.sessionId, 'Runtime.evaluate', { expression, awaitPromise: true });
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/**
 * The stored versions of `url`, oldest first, read raw from the extension's IndexedDB in the service worker —
 * independent of the store code under test; none before the extension made its database.
 */
export function storedVersions<T = Record<string, unknown>>(sw: Worker, url: string): Promise<T[]> {
  return sw.evaluate(async (url) => {
    // Opening a database that does not exist would create it empty: only look once the extension made it.
    if (!(await indexedDB.databases()).some((d) => d.name === 'fineprint')) return [];
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('fineprint');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    try {
      if (!db.objectStoreNames.contains('versions')) return [];
      // One URL in the index: its versions come in primary-key (id) order, which is the order they were stored.
      return await new Promise<T[]>((ok, fail) => {
        const r = db.transaction('versions').objectStore('versions').index('by-url').getAll(url);
        r.onsuccess = () => ok(r.result as T[]);
        r.onerror = () => fail(r.error);
      });
    } finally {
      db.close();
    }
  }, url);
}

/** The ids of the notifications the extension is showing now. */
export function notificationIds(sw: Worker): Promise<string[]> {
  return sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { notifications: { getAll: (cb: (n: Record<string, boolean>) => void) => void } };
    };
    return new Promise<string[]>((ok) => chrome.notifications.getAll((n) => ok(Object.keys(n))));
  });
}
