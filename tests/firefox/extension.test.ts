/**
 * Real Firefox (Debian's firefox-esr) with the built Firefox extension, in one browser for the whole suite
 * (launching Firefox is its slowest step). Real corpus pages and the team's fixtures are served from
 * 127.0.0.1; every other host name resolves there too (tests/support/firefox.ts), so nothing leaves the machine.
 *
 * - Pages: a privacy policy is detected, its clauses placed and painted (the CSS Custom Highlight API, visibly);
 *   a news page gets nothing although its content script ran; the popup lists the policy's clauses and its
 *   highlight switch reaches the page.
 * - History: one URL serves two real captures of a policy (Open Terms Archive snapshots) in turn; the second
 *   visit raises a notification, read from the alert window Firefox shows, and clicking it opens the history
 *   page on the diff. The options page exports the history to a file, deletes everything and imports it back.
 * - Checkout (last: it grants a host permission): the badge appears by "Place order" on the team's cart fixture
 *   and names the linked policies; nothing is fetched until the user grants access from Fineprint's report
 *   (opened by the badge's button); then exactly the linked pages are read, without the shop's cookies.
 *
 * Outcomes are read where the user sees them (the page, the popup, history and options pages, the alert, the
 * downloaded file) or from the extension's side (the content script's report, asked the way the popup asks),
 * never through our internal names: the highlight registry is counted whatever the highlights are called, and
 * the badge is found next to the fixture's button and read whether its shadow root is open or closed.
 *
 * Firefox's permission door-hanger cannot be answered by automation: the suite turns it off
 * (`extensions.webextOptionalPermissionPrompts`), so Firefox grants what a click requests as if the user allowed
 * it. The request still needs the user's click (Firefox refuses it outside a user action), and nothing is granted
 * at install (checked).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { PageReport } from '../../lib/page-report';
import { corpusDir } from '../../scripts/corpus';
import { describeCorpus } from '../support/corpus';
import { describeFirefox, launchFirefox, type FirefoxSession } from '../support/firefox';
import { CORPUS_PAGES, FIXTURES_DIR, serve, waitFor, type TestServer } from '../support/server';

/** From load to a placed report (generous: 2 shared cores, real policies of up to ~6,000 words). */
const SETTLE_MS = 30_000;
/** How long a page that is not a policy is watched for anything appearing. */
const QUIET_MS = 2_000;

const SERIES = 'html/changes/Tinder__Privacy_Policy';
const capture = (suffix: string): string => {
  const name = readdirSync(join(corpusDir(), SERIES)).find((f) => f.endsWith(suffix));
  if (!name) throw new Error(`no *${suffix} in ${SERIES}`);
  return `${SERIES}/${name}`;
};

const CHECKOUT_TERMS = 'html/policy/genai-eu__ChatGPT__Terms_of_Service_policies-eu-terms-of-use.html';
const CHECKOUT_PRIVACY = 'html/policy/genai-eu__ChatGPT__Privacy_Policy_policies-eu-privacy-policy.html';
const PROVIDER_TERMS = 'html/policy/dating__Bumble__Terms_of_Service.html';
const PROVIDER_HOST = 'www.klarna.com';
/** The button the user is about to press, as the fixture writes it (the badge goes next to it). */
const BADGE_HOST = `document.querySelector('form#checkout button[type="submit"]')?.nextElementSibling`;

interface ExportFile {
  header: { format: string; version: number; exportedAt: number };
  documents: { url: string }[];
  versions: { url: string }[];
  others: unknown[];
}

/** A history export (JSON Lines: a header, one record per line, an end line) read back. */
function readExport(text: string): ExportFile {
  const [header, ...rest] = text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const out: ExportFile = { header: header as ExportFile['header'], documents: [], versions: [], others: [] };
  for (const r of rest) {
    if (r.type === 'document') out.documents.push(r.record as { url: string });
    else if (r.type === 'version') out.versions.push(r.record as { url: string });
    else out.others.push(r);
  }
  return out;
}

/** What the page shows of ours: ranges in its highlight registry (any name), `<mark>`s, shadow hosts. */
async function painted(page: Page): Promise<{ ranges: number; marks: number; shadowHosts: number }> {
  return page.evaluate(() => {
    let ranges = 0;
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.forEach((h) => (ranges += h.size));
    return {
      ranges,
      marks: document.querySelectorAll('mark').length,
      // Open shadow roots only: a closed one is invisible here, so this is not a proof of absence.
      shadowHosts: [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).length,
    };
  });
}

/** Scrolls the first range of the page's highlight registry into view and returns its box, or null. */
async function firstPaintedClause(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return page.evaluate(() => {
    let first: Range | null = null;
    CSS.highlights.forEach((h) => {
      for (const r of h as unknown as Set<Range>) {
        if (!first || r.compareBoundaryPoints(Range.START_TO_START, first) < 0) first = r;
      }
    });
    if (!first) return null;
    const range = first as Range;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return null;
    // Document coordinates, as puppeteer's screenshot clip takes them.
    return {
      x: box.x + scrollX,
      y: box.y + scrollY,
      width: Math.min(box.width, 600),
      height: Math.min(box.height, 200),
    };
  });
}

describeFirefox('Firefox end to end', () => {
  describeCorpus('real pages and fixtures', () => {
    let ff: FirefoxSession;
    let server: TestServer;

    beforeAll(async () => {
      server = await serve({
        [CORPUS_PAGES.policy.path]: { corpus: CORPUS_PAGES.policy.doc },
        [CORPUS_PAGES.news.path]: { corpus: CORPUS_PAGES.news.doc },
        [CORPUS_PAGES.terms.path]: { corpus: CORPUS_PAGES.terms.doc },
        '/privacy': { corpus: capture('earlier_snapshot.html') },
        '/legal/terms-of-sale': { corpus: CHECKOUT_TERMS },
        '/legal/privacy': { corpus: CHECKOUT_PRIVACY },
        '/uk/legal/terms-of-service/': { corpus: PROVIDER_TERMS },
      });
      const checkout = readFileSync(resolve(FIXTURES_DIR, 'checkout/cart-checkout.html'), 'utf8').replaceAll(
        '{{PROVIDER_ORIGIN}}',
        `http://${PROVIDER_HOST}:${server.port}`,
      );
      // The shop sets a session cookie: the background's fetches of its terms must not send it back.
      server.set('/checkout', {
        body: checkout,
        headers: { 'set-cookie': 'shop_session=secret123; Path=/; SameSite=Lax' },
      });
      ff = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
      console.log(`[firefox] ${ff.version}; ${ff.extensionId} installed at ${ff.extensionOrigin}`);
    });
    afterAll(async () => {
      await ff?.close();
      await server?.close();
    });

    /** The content script's report for the tab once placement is done (as the popup asks for it), or null. */
    const placedReport = (tabId: number, url?: string) =>
      waitFor(async () => {
        const report = await ff
          .toContent<PageReport | null>(tabId, 'bg→content:get-report', {})
          .catch(() => null);
        return report && typeof report.unplaced === 'number' && (!url || report.url === url) ? report : null;
      }, SETTLE_MS);

    /** Loads `url` in `page` and waits until the content script has placed its clauses. */
    async function visit(page: Page, url: string): Promise<PageReport> {
      await page.goto(url, { waitUntil: 'load' });
      const report = await placedReport(await ff.tabIdOf(page), url);
      if (!report) throw new Error(`${url} was not analysed`);
      return report;
    }

    /** The tracked documents, as the history page lists them (opened afresh: it shows what is stored). */
    async function listedDocuments(): Promise<string[]> {
      const history = await ff.openExtensionPage('/policy-history.html');
      try {
        await history.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
        return await history.$$eval('li.doc[data-url]', (els) => els.map((e) => e.getAttribute('data-url')!));
      } finally {
        await history.close();
      }
    }

    describe('pages', () => {
      it('a corpus policy is detected and its clauses are painted with the CSS Custom Highlight API', async () => {
        const page = await ff.open(server.url(CORPUS_PAGES.policy.path));
        const tabId = await ff.tabIdOf(page);
        const report = await placedReport(tabId);
        expect(report, 'no placed report from the content script').not.toBeNull();
        expect(report!.page.kind).toBe('privacy-policy');
        const labelled = report!.clauses.filter((c) => c.labels.length > 0).length;
        const placed = labelled - report!.unplaced!;
        expect(labelled).toBeGreaterThan(10);
        // The README's placement target (met 3,181 / 3,181 in Chromium on 35 policies).
        expect(placed / labelled).toBeGreaterThanOrEqual(0.95);
        const shown = await painted(page);
        console.log(
          `[firefox] policy: ${labelled} labelled clauses, ${placed} placed; page: ${shown.ranges} highlight ranges, ${shown.marks} marks`,
        );
        // Every placed clause is a range in the page's highlight registry; no <mark> fallback was needed.
        expect(shown.ranges).toBeGreaterThanOrEqual(placed);
        expect(shown.marks).toBe(0);
        await page.close();
      });

      it('a news page gets nothing, and its content script did run and said so', async () => {
        const page = await ff.open(server.url(CORPUS_PAGES.news.path));
        const tabId = await ff.tabIdOf(page);
        await new Promise((r) => setTimeout(r, QUIET_MS));
        // The every-page script answers for the page (a tab without our content script cannot answer at all).
        const report = await ff.toContent<PageReport | null>(tabId, 'bg→content:get-report', {});
        expect(report?.page.kind).toBe('other');
        expect(report?.clauses).toEqual([]);
        expect(await painted(page)).toEqual({ ranges: 0, marks: 0, shadowHosts: 0 });
        const popup = await ff.openExtensionPage(`/popup.html?tabId=${tabId}`);
        await popup.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
        expect(await popup.$$eval('[data-clause-id]', (els) => els.length)).toBe(0);
        expect(await popup.$eval('[data-page-kind]', (e) => e.getAttribute('data-page-kind'))).toBe('other');
        await Promise.all([popup.close(), page.close()]);
      });

      it('the popup lists the policy’s clauses, and its highlight switch reaches the page', async () => {
        const page = await ff.open(server.url(CORPUS_PAGES.policy.path));
        const tabId = await ff.tabIdOf(page);
        const report = await placedReport(tabId);
        expect(report).not.toBeNull();
        const popup = await ff.openExtensionPage(`/popup.html?tabId=${tabId}`);
        await popup.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
        expect(await popup.$eval('[data-page-kind]', (e) => e.getAttribute('data-page-kind'))).toBe(
          'privacy-policy',
        );
        // The popup (from the background's copy) lists exactly the clauses the page painted; clauses with only
        // "possible" labels sit apart in their own section and are never painted.
        const listed = new Set(
          await popup.$$eval('[data-clause-id]', (els) =>
            els.filter((e) => !e.closest('[data-possible]')).map((e) => e.getAttribute('data-clause-id')),
          ),
        );
        const labelled = new Set(report!.clauses.filter((c) => c.labels.length > 0).map((c) => c.id));
        expect(listed).toEqual(labelled);

        // The first painted clause, in view: its pixels with highlights on and off must differ (painted for real).
        const clip = await firstPaintedClause(page);
        expect(clip, 'no painted range on the page').not.toBeNull();
        const shot = async () => {
          await page.bringToFront();
          return page.screenshot({ clip: clip!, type: 'png' });
        };
        const on = await shot();

        const switchSelector = '.toolbar input[type="checkbox"]';
        await popup.bringToFront();
        await popup.click(switchSelector);
        expect(await waitFor(async () => (await painted(page)).ranges === 0, 5_000)).toBe(true);
        const off = await shot();
        expect(Buffer.compare(on, off), 'highlights on and off look the same').not.toBe(0);
        await popup.bringToFront();
        await popup.click(switchSelector);
        expect(await waitFor(async () => (await painted(page)).ranges > 0, 5_000)).toBe(true);
        await Promise.all([popup.close(), page.close()]);
      });
    });

    describe('history', () => {
      it('a changed policy raises a notification; clicking it opens the history on the diff', async () => {
        const url = server.url('/privacy');
        const page = await ff.browser.newPage();
        await visit(page, url);
        // The first visit is recorded (after the page painted), and announces nothing.
        expect(await waitFor(async () => (await listedDocuments()).includes(url), 15_000)).toBe(true);
        expect(await ff.alerts()).toEqual([]);

        server.set('/privacy', { corpus: capture('after_text_change.html') });
        await visit(page, url);
        const alerts = await waitFor(async () => {
          const shown = await ff.alerts();
          return shown.length > 0 ? shown : null;
        }, 20_000);
        expect(alerts, 'no notification shown').not.toBeNull();
        expect(alerts).toHaveLength(1);
        const [alert] = alerts!;
        console.log(`[firefox] notification: "${alert!.title}" / "${alert!.text}"`);
        // The site's host comes first (a page cannot choose it for another site); its own title follows.
        expect(alert!.title).toBe(`${new URL(url).host} changed a policy you read`);
        // The date as lib/format writes it for the browser's language (en-US here): "Dec 6, 2026".
        expect(alert!.text).toMatch(/^Privacy Policy: .+ since [A-Z][a-z]{2} \d{1,2}, \d{4}/);

        await ff.clickAlert(alert!);
        const history = await ff.extensionPageOpened('/policy-history.html');
        expect(await history.evaluate(() => decodeURIComponent(location.hash.slice(1)))).toBe(url);
        await history.waitForSelector('[data-testid="diff"]', { timeout: 15_000 });
        const added = await history.$eval('[data-section="added"] .dv-count', (e) =>
          Number(e.textContent!.replace(/\D/g, '')),
        );
        expect(added).toBeGreaterThan(0);
        // The list names the same change the notification did.
        const listed = await history.$eval(`li.doc[data-url="${url}"] [data-change="true"]`, (e) =>
          e.textContent!.trim(),
        );
        expect(listed).toContain(alert!.text.replace(/^Privacy Policy: /, ''));
        await Promise.all([history.close(), page.close()]);
      });

      it('export → delete everything → import restores the same history', async () => {
        const page = await ff.browser.newPage();
        await visit(page, server.url(CORPUS_PAGES.terms.path));
        // A policy is recorded once it has stood still for a few seconds: keep the tab open until it is.
        expect(
          await waitFor(
            async () => (await listedDocuments()).includes(server.url(CORPUS_PAGES.terms.path)),
            30_000,
          ),
        ).toBe(true);
        await page.close();
        const options = await ff.openExtensionPage('/options.html');
        await options.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
        const status = () =>
          options.$eval('[role="status"][data-status]', (e) => ({
            kind: e.getAttribute('data-status'),
            text: e.textContent ?? '',
          }));

        /** Clicks Export and reads the file Firefox saved. */
        const exportNow = async (): Promise<{ file: string; data: ExportFile }> => {
          const before = new Set(readdirSync(ff.downloads));
          await options.click('#export');
          const file = await waitFor(() => {
            const name = readdirSync(ff.downloads).find((f) => !before.has(f) && f.endsWith('.jsonl'));
            // Saved in full once the name has its final extension and the size stopped changing.
            if (!name) return null;
            const path = join(ff.downloads, name);
            const size = statSync(path).size;
            return size > 0 ? path : null;
          }, 15_000);
          if (!file) throw new Error('no export file was downloaded');
          // Complete once its end line is there.
          await waitFor(() => /\{"end":/.test(readFileSync(file, 'utf8')), 5_000);
          return { file, data: readExport(readFileSync(file, 'utf8')) };
        };

        // The history records the visit after the page painted: wait until an export holds it.
        let first: { file: string; data: ExportFile } | null = null;
        await waitFor(
          async () => {
            first = await exportNow();
            return first.data.documents.length >= 1;
          },
          15_000,
          500,
        );
        expect(first!.data.header).toMatchObject({ format: 'fineprint-history', version: 2 });
        expect(first!.data.documents.length).toBeGreaterThanOrEqual(1);
        expect((await status()).text).toMatch(/Exported \d+ polic/);

        await options.click('#delete');
        await options.click('#delete-confirm');
        expect(await waitFor(async () => (await status()).text.includes('deleted'), 5_000)).toBe(true);
        expect(await listedDocuments()).toEqual([]);

        const input = await options.$('input#import');
        await input!.uploadFile(first!.file);
        expect(await waitFor(async () => (await status()).text.startsWith('Imported'), 10_000)).toBe(true);
        expect((await status()).kind).toBe('ok');
        const restored = await exportNow();
        const strip = (e: ExportFile) => ({ ...e, header: { ...e.header, exportedAt: 0 } });
        expect(strip(restored.data)).toEqual(strip(first!.data));
        expect((await listedDocuments()).sort()).toEqual(first!.data.documents.map((d) => d.url).sort());
        await options.close();
      });
    });

    describe('checkout', () => {
      /** Paths the server was asked for since `from`, with their host (the browser's favicon probe aside). */
      const seenSince = (from: number) =>
        server.requests
          .slice(from)
          .filter((r) => r.path !== '/favicon.ico')
          .map((r) => `${r.host.replace(`:${server.port}`, '')}${r.path}`);
      const granted = () =>
        ff.controlEvaluate(() =>
          (
            globalThis as unknown as {
              browser: { permissions: { contains: (p: { origins: string[] }) => Promise<boolean> } };
            }
          ).browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
        );

      it('badge by "Place order"; after the user grants access, exactly the linked terms are read', async () => {
        const start = server.requests.length;
        const page = await ff.open(server.url('/checkout'));
        const badge = await waitFor(() => ff.shadowOf(page, BADGE_HOST), 15_000);
        expect(badge, 'no badge next to the order button').not.toBeNull();
        console.log(`[firefox] badge (${badge!.mode} shadow root): "${badge!.text}"`);
        for (const name of ['Terms of Sale', 'Privacy Policy', "See Klarna's terms"]) {
          expect(badge!.text).toContain(name);
        }
        // Finding the links fetched nothing, and nothing is granted at install.
        expect(seenSince(start)).toEqual(['127.0.0.1/checkout']);
        expect(await granted()).toBe(false);

        // The badge's button opens Fineprint's report for this tab (host access is asked for there).
        // Named like the report page's own button: one action from the badge to the terms.
        await ff.clickInShadow(page, badge!, { role: 'button', name: 'Read the terms' });
        const popup = await ff.extensionPageOpened('/popup.html?tabId=');
        await popup.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
        expect(await popup.$eval('[data-page-kind]', (e) => e.getAttribute('data-page-kind'))).toBe(
          'checkout',
        );
        const links = () =>
          popup.$$eval('[data-linked-policy]', (els) =>
            els.map((e) => [e.getAttribute('data-linked-policy'), e.getAttribute('data-status')]),
          );
        expect(await links()).toEqual([
          [server.url('/legal/terms-of-sale'), 'needs-permission'],
          [server.url('/legal/privacy'), 'needs-permission'],
          [`http://${PROVIDER_HOST}:${server.port}/uk/legal/terms-of-service/`, 'needs-permission'],
        ]);

        const before = server.requests.length;
        await popup.click('.checkout button.primary');
        const done = await waitFor(
          async () => (await links()).every(([, status]) => status === 'done'),
          45_000,
          250,
        );
        expect(done, JSON.stringify(await links())).toBe(true);
        expect(await granted()).toBe(true);
        expect(seenSince(before).sort()).toEqual(
          [
            '127.0.0.1/legal/privacy',
            '127.0.0.1/legal/terms-of-sale',
            `${PROVIDER_HOST}/uk/legal/terms-of-service/`,
          ].sort(),
        );
        for (const r of server.requests.slice(before)) expect(r.headers.cookie).toBeUndefined();
        // Each read policy is summarised in the report; the corpus terms carry labelled clauses.
        expect(
          await popup.$$eval('[data-linked-policy] [data-clause-id]', (els) => els.length),
        ).toBeGreaterThan(0);
        await Promise.all([popup.close(), page.close()]);
      });
    });
  });
});
