/**
 * Foundation, end to end in Chromium with the built extension: a real policy page (corpus, served from
 * 127.0.0.1) gets highlights and its clauses in the popup; a real news page gets nothing.
 * The IndexedDB-after-restart check lives in restart.test.ts (it needs its own profile).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCorpus } from '../support/corpus';
import {
  CORPUS_PAGES,
  describeE2E,
  highlightsOf,
  launchExtension,
  openPopup,
  serve,
  setStoredSettings,
  tabIdOf,
  waitFor,
  waitForPopupReady,
  waitForServiceWorker,
  type LaunchedBrowser,
  type TestServer,
} from '../support/harness';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { CATEGORY_IDS } from '@/lib/classify/taxonomy';
import { reportOf } from '../support/inline-page';

const { doc: POLICY_DOC, path: POLICY_PATH } = CORPUS_PAGES.policy;
const { doc: NEWS_DOC, path: NEWS_PATH } = CORPUS_PAGES.news;
const { doc: LONG_DOC, path: LONG_PATH } = CORPUS_PAGES.longPolicy;

/** How long a page may take from load to highlights (generous: 2 cores, suites in parallel). */
const SETTLE_MS = 20_000;
/** How long we watch a non-policy page to be sure nothing appears. */
const QUIET_MS = 3_000;

describeE2E('foundation (Chromium + built extension)', () => {
  describeCorpus('real pages', () => {
    let browser: LaunchedBrowser;
    let server: TestServer;

    beforeAll(async () => {
      server = await serve({
        [POLICY_PATH]: { corpus: POLICY_DOC },
        [NEWS_PATH]: { corpus: NEWS_DOC },
        [LONG_PATH]: { corpus: LONG_DOC },
      });
      browser = await launchExtension();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('a policy page gets highlights with ranges', async () => {
      const page = await browser.context.newPage();
      await page.goto(server.url(POLICY_PATH));
      const highlights = await waitFor(async () => {
        const h = await highlightsOf(page);
        return Object.values(h).some((n) => n > 0) ? h : null;
      }, SETTLE_MS);
      expect(highlights, 'no highlight of ours in CSS.highlights').not.toBeNull();
      for (const key of Object.keys(highlights!)) expect(CATEGORY_IDS as readonly string[]).toContain(key);
      // The whole pass is done (the first highlights may be a preview's): no message of this page is still
      // on its way to the background when the next test counts them.
      expect(await reportOf(browser.context, page, SETTLE_MS)).not.toBeNull();
      await page.close();
    });

    /**
     * How many times the background has read a page's markup (in the offscreen document), classified a
     * preview, or a whole page, since it started.
     */
    const backgroundRuns = async () => {
      const sw = await waitForServiceWorker(browser.context);
      return sw.evaluate(() => ({
        reads: performance.getEntriesByName('fineprint:bg-read-page').length,
        previews: performance.getEntriesByName('fineprint:bg-classify-preview').length,
        pages: performance.getEntriesByName('fineprint:bg-classify').length,
      }));
    };
    const setSettings = (settings: unknown) => setStoredSettings(browser.context, settings);

    it('a long policy is marked from the top first: its first clauses are painted before the whole page', async () => {
      const before = await backgroundRuns();
      const page = await browser.context.newPage();
      // Every change of the highlight registry's total range count, watched from the page at each frame (the
      // release build makes no timing marks a page could read).
      await page.addInitScript(() => {
        const counts: number[] = [];
        (window as unknown as { __painted: number[] }).__painted = counts;
        const watch = () => {
          let n = 0;
          CSS.highlights.forEach((h) => (n += (h as unknown as Set<Range>).size));
          if (n !== (counts[counts.length - 1] ?? 0)) counts.push(n);
          requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      });
      await page.goto(server.url(LONG_PATH));
      expect(await reportOf(browser.context, page, SETTLE_MS)).not.toBeNull();
      const painted = await page.evaluate(() => (window as unknown as { __painted: number[] }).__painted);
      // First the preview's few clauses, then the whole page's many more.
      expect(painted.length, `registry totals seen: ${painted.join(', ')}`).toBeGreaterThanOrEqual(2);
      expect(painted[0]!).toBeGreaterThan(0);
      expect(painted[0]!).toBeLessThan(painted[painted.length - 1]!);
      // The full pass painted after the preview: highlights are registered.
      const highlights = await highlightsOf(page);
      expect(Object.values(highlights).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      // One preview classified, the page read off its main thread once, then the whole page classified.
      const after = await backgroundRuns();
      expect(after.reads - before.reads).toBe(1);
      expect(after.previews - before.previews).toBe(1);
      expect(after.pages - before.pages).toBe(1);
      await page.close();
    });

    it('a long policy on a site the user switched off: nothing is read out or sent, nothing is painted', async () => {
      await setSettings({ ...DEFAULT_SETTINGS, disabledSites: ['127.0.0.1'] });
      try {
        const before = await backgroundRuns();
        const page = await browser.context.newPage();
        await page.goto(server.url(LONG_PATH));
        // The analysis is loaded (triage let the page through) and has read the settings by then.
        await page.waitForTimeout(QUIET_MS);
        // Not even the preview's top of the page reached the background.
        expect(await backgroundRuns()).toEqual(before);
        expect(await highlightsOf(page)).toEqual({});
        await page.close();
      } finally {
        await setSettings(DEFAULT_SETTINGS);
      }
    });

    it('the popup lists the policy page’s clauses', async () => {
      const page = await browser.context.newPage();
      await page.goto(server.url(POLICY_PATH));
      const tabId = await tabIdOf(browser.serviceWorker!, page);
      // The popup shows what the background has for the tab; give the page time to be analysed first.
      await waitFor(async () => Object.keys(await highlightsOf(page)).length > 0, SETTLE_MS);
      const popup = await openPopup(browser.context, browser.extensionId, tabId);
      await waitForPopupReady(popup);
      await expect
        .poll(() => popup.locator('[data-page-kind]').first().getAttribute('data-page-kind'))
        .toBe('privacy-policy');
      expect(await popup.locator('[data-clause-id]').count()).toBeGreaterThan(0);
      await popup.close();
      await page.close();
    });

    it('a news page gets nothing: no highlights, and the popup says it is not a policy', async () => {
      const page = await browser.context.newPage();
      await page.goto(server.url(NEWS_PATH));
      await page.waitForLoadState('load');
      await page.waitForTimeout(QUIET_MS);
      expect(await highlightsOf(page)).toEqual({});
      expect(await page.locator('mark').count()).toBe(0);
      const tabId = await tabIdOf(browser.serviceWorker!, page);
      const popup = await openPopup(browser.context, browser.extensionId, tabId);
      await waitForPopupReady(popup);
      expect(await popup.locator('[data-clause-id]').count()).toBe(0);
      expect(await popup.locator('[data-page-kind]').first().getAttribute('data-page-kind')).toBe('other');
      await popup.close();
      await page.close();
    });
  });
});
