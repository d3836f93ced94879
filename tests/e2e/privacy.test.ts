/**
 * Privacy proof: nothing leaves the device. Chromium browses real policy pages, real news pages (corpus,
 * served from 127.0.0.1) and a team-written checkout page, once without the extension (baseline) and once
 * with it, recording every request of pages, extension pages and the service worker. A request counts as
 * the extension's when the service worker or an extension page made it, or when a page made it in the
 * extension run but not in the baseline (content scripts fetch through their page). The only extension
 * requests allowed are fetches of the policy links on a page the user visited. Any other fails the test.
 *
 * Hostnames other than 127.0.0.1/localhost fail DNS in these browsers (harness OFFLINE_ARGS), but the
 * requests are still attempted and recorded, so a leak is seen even though it can't complete.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCorpus } from '../support/corpus';
import { reportOf } from '../support/inline-page';
import {
  CORPUS_PAGES,
  describeE2E,
  FIXTURES_DIR,
  highlightsOf,
  launchExtension,
  openPopup,
  recordExtensionDocuments,
  recordRequests,
  serve,
  tabIdOf,
  waitFor,
  waitForPopupReady,
  type LaunchedBrowser,
  type Route,
  type SeenRequest,
  type TestServer,
} from '../support/harness';

const CHECKOUT_PATH = '/checkout';
/** Payment provider origin written into the checkout fixture (a known provider the extension may read). */
const PROVIDER_ORIGIN = 'https://www.klarna.com';

interface Visit {
  path: string;
  /** Policy pages: wait for highlights (the whole pass ran). Others: watch quietly for a while. */
  kind: 'policy' | 'other';
  popup: boolean;
}

const VISITS: Visit[] = [
  { path: CORPUS_PAGES.policy.path, kind: 'policy', popup: true },
  { path: CORPUS_PAGES.news.path, kind: 'other', popup: true },
  { path: CORPUS_PAGES.terms.path, kind: 'policy', popup: false },
  { path: CORPUS_PAGES.news2.path, kind: 'other', popup: false },
  { path: CHECKOUT_PATH, kind: 'other', popup: true },
];

const QUIET_MS = 3_000;
const SETTLE_MS = 20_000;

function routes(): Record<string, Route> {
  const checkout = readFileSync(`${FIXTURES_DIR}/checkout/cart-checkout.html`, 'utf8').replaceAll(
    '{{PROVIDER_ORIGIN}}',
    PROVIDER_ORIGIN,
  );
  return {
    [CORPUS_PAGES.policy.path]: { corpus: CORPUS_PAGES.policy.doc },
    [CORPUS_PAGES.terms.path]: { corpus: CORPUS_PAGES.terms.doc },
    [CORPUS_PAGES.news.path]: { corpus: CORPUS_PAGES.news.doc },
    [CORPUS_PAGES.news2.path]: { corpus: CORPUS_PAGES.news2.doc },
    [CHECKOUT_PATH]: { body: checkout },
    // The checkout's own policy links, so a fetch of them succeeds (served content: corpus policies).
    '/legal/terms-of-sale': { corpus: CORPUS_PAGES.terms.doc },
    '/legal/privacy': { corpus: CORPUS_PAGES.policy.doc },
  };
}

/** The policy links on the checkout page, resolved: the only URLs the extension may fetch by itself. */
function checkoutPolicyLinks(server: TestServer): Set<string> {
  const links = [
    server.url('/legal/terms-of-sale'),
    server.url('/legal/privacy'),
    `${PROVIDER_ORIGIN}/uk/legal/terms-of-service/`,
  ];
  return new Set(links.map((u) => new URL(u).href.split('#')[0]!));
}

const isLocalScheme = (url: string) => /^(chrome-extension|moz-extension|data|blob|about|chrome):/.test(url);

/** Browses every visit in order; returns the requests seen and how many policy pages got highlights. */
async function browse(
  browser: LaunchedBrowser,
  server: TestServer,
  withExtension: boolean,
): Promise<{ requests: SeenRequest[]; highlighted: number }> {
  const recorder = recordRequests(browser.context);
  const documents = withExtension ? await recordExtensionDocuments(browser.context) : null;
  let highlighted = 0;
  for (const visit of VISITS) {
    const page = await browser.context.newPage();
    await page.goto(server.url(visit.path));
    await page.waitForLoadState('load');
    if (withExtension && visit.kind === 'policy') {
      if (await waitFor(async () => Object.keys(await highlightsOf(page)).length > 0, SETTLE_MS))
        highlighted++;
    }
    await page.waitForTimeout(QUIET_MS);
    if (withExtension && visit.popup) {
      const tabId = await tabIdOf(browser.serviceWorker!, page);
      const popup = await openPopup(browser.context, browser.extensionId, tabId);
      await waitForPopupReady(popup).catch(() => undefined);
      await popup.waitForTimeout(1_000);
      await popup.close();
    }
    await page.close();
  }
  recorder.stop();
  await documents?.stop();
  return { requests: [...recorder.requests, ...(documents?.requests ?? [])], highlighted };
}

describeE2E('privacy (Chromium + built extension)', () => {
  describeCorpus('nothing leaves the device', () => {
    let server: TestServer;
    let baseline: SeenRequest[] = [];
    /** Paths the local server received during the baseline (pages, their assets, the browser's favicon fetches). */
    let baselinePaths = new Set<string>();
    let withExtension: SeenRequest[] = [];

    beforeAll(async () => {
      server = await serve(routes());
      const bare = await launchExtension({ withoutExtension: true });
      try {
        baseline = (await browse(bare, server, false)).requests;
        baselinePaths = new Set(server.requests.map((r) => r.path));
      } finally {
        await bare.close();
      }
    }, 180_000);
    afterAll(async () => {
      await server?.close();
    });

    it('a web page cannot detect Fineprint: the analysis script is reachable only at a per-session URL, and nothing of ours posts window messages', async () => {
      const browser = await launchExtension();
      try {
        const page = await browser.context.newPage();
        // Everything window.postMessage delivers to the page's own scripts, from the start.
        await page.addInitScript(() => {
          const seen: unknown[] = [];
          (window as unknown as { __messages: unknown[] }).__messages = seen;
          window.addEventListener('message', (e) => seen.push(e.data));
        });
        await page.goto(server.url(CORPUS_PAGES.policy.path));
        // The policy page loads the analysis (so the resource is in use), then the page tries the static URL.
        expect(await waitFor(async () => Object.keys(await highlightsOf(page)).length > 0, SETTLE_MS)).toBe(
          true,
        );
        const probe = await page.evaluate(async (url) => {
          try {
            return `status ${(await fetch(url)).status}`;
          } catch {
            return 'refused';
          }
        }, `chrome-extension://${browser.extensionId}/page-analysis.js`);
        expect(probe).toBe('refused');
        // Nor does the page's own resource timeline show where the content script loaded it from.
        const seen = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((n) => n.includes('extension')),
        );
        expect(seen).toEqual([]);
        // And no script of ours announces itself through window messages the page can read.
        expect(
          await page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages),
        ).toEqual([]);
        await page.close();
      } finally {
        await browser.close();
      }
    });

    it('on a page that is not a policy, the page sees nothing of ours: no performance entries, elements, highlights, messages or events', async () => {
      const browser = await launchExtension();
      try {
        const page = await browser.context.newPage();
        await page.addInitScript((id) => {
          const seen: unknown[] = [];
          (window as unknown as { __messages: unknown[] }).__messages = seen;
          window.addEventListener('message', (e) => seen.push(e.data));
          // WXT's content-script context announces itself with a DOM event named after the extension id: a
          // page that knows our id could listen for it. The every-page script does without that context.
          for (const entry of ['content', 'every-page'])
            document.addEventListener(`${id}:${entry}:wxt:content-script-started`, (e) => seen.push(e.type));
        }, browser.extensionId);
        await page.goto(server.url(CORPUS_PAGES.news.path));
        // The every-page script ran (it answers for the page) and stopped at triage.
        const report = await reportOf(browser.context, page);
        expect(report?.unsupported?.reason).toBe('not-a-policy');
        const traces = await page.evaluate(() => ({
          entries: performance
            .getEntries()
            .map((e) => e.name)
            .filter((n) => /fineprint|extension/i.test(n)),
          elements: document.querySelectorAll('fineprint-ui, [data-fineprint], [data-fineprint-ui]').length,
          highlights: CSS.highlights.size,
          messages: (window as unknown as { __messages: unknown[] }).__messages,
        }));
        expect(traces).toEqual({ entries: [], elements: 0, highlights: 0, messages: [] });
        await page.close();
      } finally {
        await browser.close();
      }
    });

    it('the request recorders see service-worker, extension-page and offscreen-document requests (instrument check)', async () => {
      const browser = await launchExtension();
      try {
        const recorder = recordRequests(browser.context);
        await browser.serviceWorker!.evaluate(
          (u) =>
            fetch(u).then(
              () => 0,
              () => 0,
            ),
          server.url('/instrument/sw'),
        );
        const popup = await browser.context.newPage();
        await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
        await popup.evaluate(
          (u) =>
            fetch(u).then(
              () => 0,
              () => 0,
            ),
          'http://leak.example/instrument/page',
        );
        await popup.waitForTimeout(300);
        // The offscreen document (Chrome MV3) is invisible to Playwright: recorded over CDP.
        const documents = await recordExtensionDocuments(browser.context);
        await browser.serviceWorker!.evaluate(async () => {
          const { chrome } = globalThis as unknown as {
            chrome: { offscreen: { createDocument: (o: Record<string, unknown>) => Promise<void> } };
          };
          await chrome.offscreen.createDocument({
            url: 'offscreen.html',
            reasons: ['DOM_PARSER'],
            justification: 'privacy test instrument check',
          });
        });
        await documents.evaluate(
          'offscreen.html',
          `fetch(${JSON.stringify(server.url('/instrument/offscreen'))}).then(() => 1, () => 0)`,
        );
        await popup.waitForTimeout(300);
        recorder.stop();
        await documents.stop();
        const seen = [...recorder.requests, ...documents.requests].map((r) => `${r.origin} ${r.url}`);
        expect(seen).toContain(`extension-page ${server.url('/instrument/offscreen')}`);
        expect(seen).toContain(`service-worker ${server.url('/instrument/sw')}`);
        expect(seen).toContain('extension-page http://leak.example/instrument/page');
        expect(server.requests.map((r) => r.path)).toContain('/instrument/sw');
      } finally {
        await browser.close();
      }
    });

    it('the extension makes no request except fetching policy links found on visited pages', async () => {
      const browser = await launchExtension();
      const serverBefore = server.requests.length;
      let highlighted: number;
      try {
        ({ requests: withExtension, highlighted } = await browse(browser, server, true));
        // Anything the background does late (alarms, re-checks) must show up too.
        await new Promise((r) => setTimeout(r, 2_000));
      } finally {
        await browser.close();
      }
      // A proof about an extension that did nothing proves nothing: the policy pages must have been analysed.
      expect(highlighted, 'policy pages highlighted (the extension really ran)').toBe(
        VISITS.filter((v) => v.kind === 'policy').length,
      );
      const allowed = checkoutPolicyLinks(server);
      const baselineUrls = new Set(baseline.map((r) => r.url));
      const extensionMade = withExtension.filter((r) => {
        if (isLocalScheme(r.url)) return false;
        if (r.origin !== 'page') return true;
        return !baselineUrls.has(r.url);
      });
      const forbidden = extensionMade.filter((r) => !allowed.has(r.url.split('#')[0]!));
      const tally: Record<string, number> = {};
      for (const r of withExtension) {
        const key = `${r.origin} ${new URL(r.url).protocol}${r.url.startsWith(server.origin) ? ' (local server)' : ''}`;
        tally[key] = (tally[key] ?? 0) + 1;
      }
      console.info(
        `[privacy] with extension, by origin and scheme: ${JSON.stringify(tally)}\n` +
          `[privacy] baseline ${baseline.length} page requests; with extension ${withExtension.length}; ` +
          `extension-originated ${extensionMade.length} (${extensionMade.map((r) => `${r.origin} ${r.method} ${r.url}`).join(', ') || 'none'})`,
      );
      expect(forbidden, 'requests the extension made that are not policy links of a visited page').toEqual(
        [],
      );

      // The server's view agrees: every path it served in the extension run was also requested in the
      // baseline run, or is an allowed policy link.
      const allowedPaths = new Set(
        [...allowed].filter((u) => u.startsWith(server.origin)).map((u) => u.slice(server.origin.length)),
      );
      const unexpected = server.requests
        .slice(serverBefore)
        .filter((r) => !baselinePaths.has(r.path) && !allowedPaths.has(r.path))
        .map((r) => `${r.method} ${r.path}`);
      expect(unexpected, 'requests the local server received that no page made').toEqual([]);
    });
  });
});
