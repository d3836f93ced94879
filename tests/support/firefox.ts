/**
 * Real-Firefox harness: Debian's `firefox-esr` driven over WebDriver BiDi (Firefox's own remote agent) by
 * puppeteer-core, with the built Firefox extension (`.output/firefox-mv2`) installed as a temporary add-on
 * (`webExtension.install`). Pages come from the shared local server (tests/support/server.ts).
 *
 * Reaching extension pages. Firefox's remote agent refuses `browsingContext.navigate` to `moz-extension://`
 * unless the browser was started with `--remote-allow-system-access`, and it sends no navigation or load
 * events for extension documents (Firefox bug 1755014), so puppeteer's `goto` would wait forever. The
 * harness therefore starts Firefox with that flag, pins the extension's per-install UUID through the
 * `extensions.webextensions.uuids` preference (so the test knows its `moz-extension://<uuid>/` origin),
 * navigates with `wait: "none"` and polls the document until it is loaded. Evaluating, clicking and
 * uploading files work in extension documents like in any page. Nothing test-only is compiled into the
 * extension: the build under test is the release build. (`page.url()` stays `about:blank` for such pages,
 * for the same missing events; the helpers read `location` instead.)
 *
 * What a user sees outside the page is observed from the browser itself: with `alerts.useSystemBackend`
 * off, Firefox shows a notification in its own alert window (there is no desktop notification service
 * here), which the driver reads and clicks in the browser's chrome scope (also allowed by the flag).
 * @module
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { describe, it } from 'vitest';
import { buildDir } from './build';
import { waitFor } from './server';

export const FIREFOX_PATH = process.env.FINEPRINT_FIREFOX ?? '/usr/bin/firefox-esr';
export const HAS_FIREFOX = existsSync(FIREFOX_PATH);
/** The Firefox build under test (FINEPRINT_EXTENSION_FIREFOX points at a copy elsewhere). */
export const FIREFOX_BUILD = buildDir('firefox-mv2');

let cachedVersion: string | undefined;

/** `firefox --version`, e.g. "Mozilla Firefox 153.8.0esr"; empty without Firefox. */
export function firefoxVersion(): string {
  if (cachedVersion === undefined) {
    try {
      cachedVersion = HAS_FIREFOX
        ? execFileSync(FIREFOX_PATH, ['--version'], { encoding: 'utf8', timeout: 20_000 }).trim()
        : '';
    } catch {
      cachedVersion = '';
    }
  }
  return cachedVersion;
}

/**
 * Gate for Firefox suites; the suite's name carries the browser and its version. Without Firefox they are
 * skipped with a message, except under CI=true, where a missing Firefox is a failure.
 */
export function describeFirefox(name: string, body: () => void): void {
  if (HAS_FIREFOX) {
    describe(`${name} (${firefoxVersion() || FIREFOX_PATH})`, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Firefox', () => {
        throw new Error(
          `Firefox not found at ${FIREFOX_PATH}; run scripts/setup.sh (Firefox suites must run in CI)`,
        );
      });
    });
    return;
  }
  console.warn(
    `[firefox] SKIPPED "${name}": Firefox not found at ${FIREFOX_PATH} (apt-get install firefox-esr)`,
  );
  describe.skip(name, body);
}

/** The extension API as our own pages see it (the slice the helpers use). */
interface ExtensionGlobal {
  browser: {
    tabs: {
      query: (query: Record<string, unknown>) => Promise<{ id?: number }[]>;
      sendMessage: (tabId: number, message: unknown) => Promise<unknown>;
    };
  };
}

/** A WebDriver BiDi command's reply (`result` of the response). */
type BidiResult = Record<string, unknown>;

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}

/** The BiDi connection puppeteer holds (its Firefox browser object exposes it as `connection`). */
function bidi(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('not a WebDriver BiDi browser');
  return connection;
}

/** The BiDi browsing-context id of a page (puppeteer's frame id, internal but stable, is that id under BiDi). */
function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Evaluates `expression` in a browsing context; the value is passed through JSON. */
async function evaluateJson<T>(connection: BidiConnection, context: string, expression: string): Promise<T> {
  const { result } = await connection.send('script.evaluate', {
    expression: `JSON.stringify(${expression})`,
    target: { context },
    awaitPromise: true,
  });
  const reply = result as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
  if (reply.type !== 'success') throw new Error(reply.exceptionDetails?.text ?? 'evaluation failed');
  return JSON.parse(reply.result?.value ?? 'null') as T;
}

/** A notification as Firefox's alert window shows it. */
export interface ShownAlert {
  /** BiDi id of the alert window (chrome scope). */
  context: string;
  title: string;
  text: string;
}

/** A shadow root as the driver sees it. */
export interface ShadowView {
  /** BiDi shared id of the shadow root. */
  root: string;
  mode: 'open' | 'closed';
  text: string;
}

export interface FirefoxSession {
  browser: Browser;
  /** e.g. "Mozilla Firefox 153.8.0esr" */
  version: string;
  /** The gecko id the installed add-on reported. */
  extensionId: string;
  /** `moz-extension://<uuid>/` of this install. */
  extensionOrigin: string;
  /** Where Firefox saves downloads (a temporary directory). */
  downloads: string;
  /** Opens a web page in a new tab and waits for its load event. */
  open: (url: string) => Promise<Page>;
  /** Opens an extension page (`/popup.html?tabId=3`) in a new tab and waits until it has loaded. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** Waits for a tab showing an extension page whose path starts with `path` (one the extension opened). */
  extensionPageOpened: (path: string, timeout?: number) => Promise<Page>;
  /** The extension's tab id of a page (the page is brought to the front to be found). */
  tabIdOf: (page: Page) => Promise<number>;
  /** Runs `fn` in an extension page of ours (it has the extension's `browser` APIs). */
  controlEvaluate: <T>(fn: () => T | Promise<T>) => Promise<T>;
  /** Sends a `popup→content:*` message to a tab's content script from an extension page, as the popup does. */
  toContent: <T>(tabId: number, type: string, payload: unknown) => Promise<T>;
  /**
   * The shadow root (open or closed) of the element `hostExpression` evaluates to in `page`, with its text
   * (styles left out), or null when that element has none. The driver reaches closed roots, as it may.
   */
  shadowOf: (page: Page, hostExpression: string) => Promise<ShadowView | null>;
  /**
   * Clicks (trusted pointer input) the first element with this accessible role and name inside a shadow
   * root, e.g. `{ role: 'button', name: 'Review in Fineprint' }`: found as a user finds it, not by our markup.
   */
  clickInShadow: (page: Page, shadow: ShadowView, target: { role: string; name: string }) => Promise<void>;
  /** The notifications Firefox shows right now. */
  alerts: () => Promise<ShownAlert[]>;
  /** Clicks a shown notification, as a user would. */
  clickAlert: (alert: ShownAlert) => Promise<void>;
  close: () => Promise<void>;
}

export interface FirefoxOptions {
  /** Extension directory; defaults to the Firefox build. */
  extensionDir?: string;
  /** Extra preferences. */
  prefs?: Record<string, string | number | boolean>;
}

/** Throws a clear error when the Firefox build is missing. */
export function assertFirefoxBuilt(dir: string = FIREFOX_BUILD): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `No Firefox build at ${dir}. Run \`npx wxt build -b firefox\` first (scripts/test-all.sh does).`,
    );
  }
}

/** The add-on id the build declares (`browser_specific_settings.gecko.id`). */
function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json declares no gecko id`);
  return id;
}

const ALERT_URL = 'chrome://global/content/alerts/alert.xhtml';

/**
 * Starts headless Firefox with a fresh profile, installs the extension and opens one extension page of its
 * own (the options page, left in a background tab) from which the helpers use the extension's APIs.
 */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  if (!HAS_FIREFOX) throw new Error(`Firefox not found at ${FIREFOX_PATH}`);
  const extensionDir = options.extensionDir ?? FIREFOX_BUILD;
  assertFirefoxBuilt(extensionDir);
  const declaredId = geckoId(extensionDir);
  const uuid = randomUUID();
  const downloads = mkdtempSync(join(tmpdir(), 'fineprint-ff-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // A random per-install UUID, as Firefox would pick, but known to the test.
      'extensions.webextensions.uuids': JSON.stringify({ [declaredId]: uuid }),
      // Every host name resolves to this machine: nothing reaches the internet, and fixture hosts (a payment
      // provider's) reach the local server on its port. Other ports there refuse at once.
      'network.dns.forceResolve': '127.0.0.1',
      // Firefox's own alert window instead of the desktop's notification service (none here).
      'alerts.useSystemBackend': false,
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      ...options.prefs,
    },
  });
  const connection = bidi(browser);
  const close = async () => {
    await browser.close().catch(() => undefined);
    rmSync(downloads, { recursive: true, force: true });
  };
  try {
    const extensionId = await browser.installExtension(extensionDir);
    if (extensionId !== declaredId) throw new Error(`installed as ${extensionId}, declared ${declaredId}`);
    const extensionOrigin = `moz-extension://${uuid}/`;

    const loadedAt = async (page: Page, path: string) =>
      page
        .evaluate(
          (href) => location.href === href && document.readyState === 'complete',
          new URL(path, extensionOrigin).href,
        )
        .catch(() => false);

    const openExtensionPage = async (path: string): Promise<Page> => {
      const page = await browser.newPage();
      await connection.send('browsingContext.navigate', {
        context: contextOf(page),
        url: new URL(path, extensionOrigin).href,
        wait: 'none',
      });
      if (!(await waitFor(() => loadedAt(page, path), 15_000))) {
        throw new Error(`extension page ${path} did not load`);
      }
      return page;
    };

    const extensionPageOpened = async (path: string, timeout = 15_000): Promise<Page> => {
      const prefix = new URL(path, extensionOrigin).href;
      const page = await waitFor(async () => {
        const { contexts } = (await connection.send('browsingContext.getTree', { maxDepth: 0 })).result as {
          contexts: { context: string; url: string }[];
        };
        const found = contexts.find((c) => c.url.startsWith(prefix));
        if (!found) return null;
        return (await browser.pages()).find((p) => contextOf(p) === found.context) ?? null;
      }, timeout);
      if (!page) throw new Error(`no tab with ${prefix} opened`);
      await waitFor(
        () => page.evaluate(() => document.readyState === 'complete').catch(() => false),
        timeout,
      );
      return page;
    };

    // The extension page the helpers act from: any page of ours has the extension's APIs.
    const control = await openExtensionPage('/options.html');

    const tabIdOf = async (page: Page): Promise<number> => {
      await page.bringToFront();
      const id = await control.evaluate(async () => {
        const { browser } = globalThis as unknown as ExtensionGlobal;
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        return tab?.id ?? -1;
      });
      if (id < 0) throw new Error('no active tab found for the page');
      return id;
    };

    const toContent = <T>(tabId: number, type: string, payload: unknown): Promise<T> =>
      control.evaluate(
        (tabId, type, payload) =>
          (globalThis as unknown as ExtensionGlobal).browser.tabs.sendMessage(tabId, { type, payload }),
        tabId,
        type,
        payload,
      ) as Promise<T>;

    const clickNode = async (page: Page, sharedId: string) => {
      await connection.send('input.performActions', {
        context: contextOf(page),
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId } } },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
      await connection.send('input.releaseActions', { context: contextOf(page) });
    };

    const shadowOf = async (page: Page, hostExpression: string): Promise<ShadowView | null> => {
      const context = contextOf(page);
      const { result } = await connection.send('script.evaluate', {
        expression: hostExpression,
        target: { context },
        awaitPromise: false,
        serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      });
      const host = (
        result as {
          result?: {
            value?: { shadowRoot?: { sharedId?: string; value?: { mode?: 'open' | 'closed' } } | null };
          };
        }
      ).result?.value?.shadowRoot;
      if (!host?.sharedId) return null;
      const { result: read } = await connection.send('script.callFunction', {
        functionDeclaration: `(root) => {
          const texts = [];
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.parentElement?.closest('style, script')) texts.push(n.data);
          }
          return texts.join(' ').replace(/\\s+/g, ' ').trim();
        }`,
        arguments: [{ sharedId: host.sharedId }],
        target: { context },
        awaitPromise: false,
      });
      const text = (read as { result?: { value?: string } }).result?.value ?? '';
      return { root: host.sharedId, mode: host.value?.mode ?? 'open', text };
    };

    const clickInShadow = async (
      page: Page,
      shadow: ShadowView,
      target: { role: string; name: string },
    ): Promise<void> => {
      const { result } = await connection.send('browsingContext.locateNodes', {
        context: contextOf(page),
        locator: { type: 'accessibility', value: target },
        startNodes: [{ sharedId: shadow.root }],
        maxNodeCount: 1,
      });
      const [node] = (result as { nodes: { sharedId?: string }[] }).nodes;
      if (!node?.sharedId) throw new Error(`no ${target.role} "${target.name}" in the shadow root`);
      await clickNode(page, node.sharedId);
    };

    const alerts = async (): Promise<ShownAlert[]> => {
      const { contexts } = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' }))
        .result as { contexts: { context: string; url: string }[] };
      const shown: ShownAlert[] = [];
      for (const { context, url } of contexts) {
        if (url !== ALERT_URL) continue;
        const label = await evaluateJson<{ title: string; text: string }>(
          connection,
          context,
          `({ title: document.getElementById('alertTitleLabel')?.value ?? '',
              text: document.getElementById('alertTextLabel')?.textContent ?? '' })`,
        ).catch(() => null);
        // The alert window exists a moment before its script fills the labels: until then it is not yet shown
        // (read too early it looks like a notification with an empty title).
        if (label && (label.title || label.text)) shown.push({ context, ...label });
      }
      return shown;
    };

    const clickAlert = async ({ context }: ShownAlert): Promise<void> => {
      // BiDi input actions do not reach chrome windows ("unsupported operation"): the click the alert window
      // listens for is dispatched on its text instead, which is what a user's click there delivers.
      const clicked = await evaluateJson<boolean>(
        connection,
        context,
        `(() => {
          const text = document.getElementById('alertTextLabel');
          text?.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 }));
          return !!text;
        })()`,
      );
      if (!clicked) throw new Error('the alert has no text to click');
    };

    const open = async (url: string): Promise<Page> => {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    };

    return {
      browser,
      version: firefoxVersion(),
      extensionId,
      extensionOrigin,
      downloads,
      open,
      openExtensionPage,
      extensionPageOpened,
      tabIdOf,
      toContent,
      controlEvaluate: <T>(fn: () => T | Promise<T>) => control.evaluate(fn) as Promise<T>,
      shadowOf,
      clickInShadow,
      alerts,
      clickAlert,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
