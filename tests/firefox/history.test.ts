/**
 * Policy history in real Firefox: one URL serves two real captures of the same policy in turn (Open Terms
 * Archive snapshots, read in place from the corpus). The second visit raises a notification — read from the
 * alert window Firefox shows — and clicking it opens the history page on the document's diff. The options
 * page then exports the history to a file, deletes everything, and imports the file back to the same history.
 *
 * Everything is observed where the user would see it: the notification, the history and options pages, the
 * downloaded file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { PageReport } from '../../lib/messages';
import { corpusDir } from '../../scripts/corpus';
import { describeCorpus } from '../support/corpus';
import { describeFirefox, launchFirefox, type FirefoxSession } from '../support/firefox';
import { CORPUS_PAGES, serve, waitFor, type TestServer } from '../support/server';

const SERIES = 'html/changes/Tinder__Privacy_Policy';
const capture = (suffix: string): string => {
  const name = readdirSync(join(corpusDir(), SERIES)).find((f) => f.endsWith(suffix));
  if (!name) throw new Error(`no *${suffix} in ${SERIES}`);
  return `${SERIES}/${name}`;
};
const SETTLE_MS = 30_000;

interface ExportFile {
  format: string;
  exportedAt: number;
  documents: { url: string }[];
  versions: { url: string }[];
}

describeFirefox('Firefox: policy history, notification, export and import', () => {
  describeCorpus('real captures', () => {
    let ff: FirefoxSession;
    let server: TestServer;

    beforeAll(async () => {
      server = await serve({
        '/privacy': { corpus: capture('earlier_snapshot.html') },
        [CORPUS_PAGES.terms.path]: { corpus: CORPUS_PAGES.terms.doc },
      });
      ff = await launchFirefox();
      console.log(`[firefox] ${ff.version}; ${ff.extensionId} installed at ${ff.extensionOrigin}`);
    });
    afterAll(async () => {
      await ff?.close();
      await server?.close();
    });

    /** Loads `url` in `page` and waits until the content script has placed its clauses. */
    async function visit(page: Page, url: string): Promise<PageReport> {
      await page.goto(url, { waitUntil: 'load' });
      const tabId = await ff.tabIdOf(page);
      const report = await waitFor(async () => {
        const r = await ff
          .toContent<PageReport | null>(tabId, 'popup→content:get-report', {})
          .catch(() => null);
        return r?.url === url && typeof r.unplaced === 'number' ? r : null;
      }, SETTLE_MS);
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
      expect(alert!.title).toBe('Policy changed since your last visit');
      expect(alert!.text).toMatch(/^Privacy Policy: .+ since \d+ \w{3}/);

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
          const name = readdirSync(ff.downloads).find((f) => !before.has(f) && f.endsWith('.json'));
          // Saved in full once the name has its final extension and the size stopped changing.
          if (!name) return null;
          const path = join(ff.downloads, name);
          const size = statSync(path).size;
          return size > 0 ? path : null;
        }, 15_000);
        if (!file) throw new Error('no export file was downloaded');
        await waitFor(() => {
          try {
            JSON.parse(readFileSync(file, 'utf8'));
            return true;
          } catch {
            return false;
          }
        }, 5_000);
        return { file, data: JSON.parse(readFileSync(file, 'utf8')) as ExportFile };
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
      expect(first!.data.format).toBe('fineprint-history');
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
      const strip = (e: ExportFile) => ({ ...e, exportedAt: 0 });
      expect(strip(restored.data)).toEqual(strip(first!.data));
      expect((await listedDocuments()).sort()).toEqual(first!.data.documents.map((d) => d.url).sort());
      await options.close();
    });
  });
});
