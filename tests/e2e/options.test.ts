/**
 * The options page in Chromium: settings persist in storage.local, and export → delete → import restores
 * the same history; an invalid file is refused with a clear message and nothing is lost. (Backup at 250 MB:
 * tests/e2e/backup-large.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeCorpus } from '../support/corpus';
import { reportOf } from '../support/inline-page';
import {
  CORPUS_PAGES,
  describeE2E,
  launchExtension,
  serve,
  waitFor,
  type LaunchedBrowser,
  type TestServer,
} from '../support/harness';

interface ExportFile {
  header: { format: string; version: number };
  documents: { url: string }[];
  versions: { id: number; url: string; hash: string }[];
  visits: unknown[];
  checks: unknown[];
  end: unknown;
}

/** A format-2 export (JSON Lines) read back into its stores. */
function readExport(text: string): ExportFile {
  const [header, ...rest] = text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const out: ExportFile = {
    header: header as ExportFile['header'],
    documents: [],
    versions: [],
    visits: [],
    checks: [],
    end: null,
  };
  for (const r of rest) {
    if ('end' in r) out.end = r.end;
    else (out[`${r.type as 'document' | 'version' | 'visit' | 'check'}s`] as unknown[]).push(r.record);
  }
  return out;
}

describeE2E('options page (Chromium + built extension)', () => {
  describeCorpus('with a real history', () => {
    let b: LaunchedBrowser;
    let server: TestServer;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fineprint-export-'));
      server = await serve({
        [CORPUS_PAGES.policy.path]: { corpus: CORPUS_PAGES.policy.doc },
        [CORPUS_PAGES.terms.path]: { corpus: CORPUS_PAGES.terms.doc },
      });
      b = await launchExtension();
    });
    afterAll(async () => {
      await b?.close();
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    async function exportNow(options: Page, name: string): Promise<ExportFile> {
      const download = options.waitForEvent('download');
      await options.locator('#export').click();
      const file = join(dir, name);
      const got = await download;
      expect(got.suggestedFilename()).toMatch(/^fineprint-history-\d{4}-\d\d-\d\d\.jsonl$/);
      await got.saveAs(file);
      return readExport(readFileSync(file, 'utf8'));
    }
    const status = (options: Page) => options.locator('[role="status"][data-status]');

    it('export → delete everything → import restores the same history', async () => {
      const pages: Page[] = [];
      for (const p of [CORPUS_PAGES.policy.path, CORPUS_PAGES.terms.path]) {
        const page = await b.context.newPage();
        await page.goto(server.url(p));
        expect((await reportOf(b.context, page))?.clauses.length, p).toBeGreaterThan(0);
        pages.push(page);
      }
      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      await options.locator('main[data-ready="true"]').waitFor();
      // The history records both visits (asynchronously): wait until an export holds two documents.
      let first: ExportFile | null = null;
      await waitFor(
        async () => {
          first = await exportNow(options, 'first.json');
          return first.documents.length >= 2;
        },
        20_000,
        500,
      );
      expect(first!.header).toMatchObject({ format: 'fineprint-history', version: 2 });
      expect(first!.documents.length).toBeGreaterThanOrEqual(2);
      expect(await status(options).textContent()).toMatch(/Exported \d+ policies/);
      // Open until recorded: a policy enters the history once it has stood still for a few seconds.
      for (const page of pages) await page.close();

      await options.locator('#delete').click();
      await options.locator('#delete-confirm').click();
      await waitFor(async () => (await status(options).textContent())?.includes('deleted'), 5000);
      const emptied = await exportNow(options, 'empty.json');
      expect(emptied.documents).toEqual([]);
      expect(emptied.versions).toEqual([]);

      await options.locator('#import').setInputFiles(join(dir, 'first.json'));
      await waitFor(async () => (await status(options).textContent())?.startsWith('Imported'), 10_000);
      expect(await status(options).getAttribute('data-status')).toBe('ok');
      const restored = await exportNow(options, 'restored.json');
      const strip = (e: ExportFile) => ({ ...e, header: { ...e.header, exportedAt: 0 } });
      expect(strip(restored)).toEqual(strip(first!));
      await options.close();
    });

    it('refuses an invalid file with a clear message and keeps the history', async () => {
      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      await options.locator('main[data-ready="true"]').waitFor();
      const before = await exportNow(options, 'before.json');
      const bad = join(dir, 'bad.json');
      writeFileSync(
        bad,
        JSON.stringify({
          format: 'fineprint-history',
          version: 1,
          documents: [{ url: 1 }],
          versions: [],
          visits: [],
          checks: [],
        }),
      );
      await options.locator('#import').setInputFiles(bad);
      await waitFor(async () => (await status(options).getAttribute('data-status')) === 'error', 5000);
      expect(await status(options).textContent()).toMatch(
        /Nothing was imported\. 1 damaged or unsafe record was left out/,
      );
      expect(await options.locator('.status-details li').first().textContent()).toMatch(
        /document\.url: not text/,
      );
      writeFileSync(join(dir, 'notjson.json'), '{ this is not json');
      await options.locator('#import').setInputFiles(join(dir, 'notjson.json'));
      await waitFor(async () => (await status(options).textContent())?.includes('not valid JSON'), 5000);
      const after = await exportNow(options, 'after.json');
      const strip = (e: ExportFile) => ({ ...e, header: { ...e.header, exportedAt: 0 } });
      expect(strip(after)).toEqual(strip(before));
      await options.close();
    });

    it('saves settings to storage.local in the shared shape', async () => {
      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      await options.locator('main[data-ready="true"]').waitFor();
      await options.locator('[data-show-category="arbitration"]').uncheck();
      await options.locator('#notify-enabled').uncheck();
      // Re-check asks for the tracked sites first; the prompt is pending (automation cannot answer it), so
      // nothing is switched on behind the user's back.
      await options.locator('#recheck-enabled').click();
      await options.locator('#site-input').fill('https://Bank.example/login');
      await options.locator('#site-input').press('Enter');
      const stored = await waitFor(async () => {
        const s = (await b.serviceWorker!.evaluate(async () => {
          const { chrome } = globalThis as unknown as {
            chrome: { storage: { local: { get: (k: string) => Promise<Record<string, unknown>> } } };
          };
          return (await chrome.storage.local.get('settings')).settings;
        })) as
          | {
              shownCategories: string[];
              notifications: { enabled: boolean };
              recheck: { enabled: boolean };
              disabledSites: string[];
            }
          | undefined;
        return s?.disabledSites?.includes('bank.example') ? s : null;
      }, 5000);
      expect(stored).not.toBeNull();
      expect(stored!.shownCategories).not.toContain('arbitration');
      expect(stored!.notifications.enabled).toBe(false);
      expect(stored!.recheck.enabled).toBe(false);
      await options.reload();
      await options.locator('main[data-ready="true"]').waitFor();
      expect(await options.locator('[data-show-category="arbitration"]').isChecked()).toBe(false);
      await options.close();
    });
  });
});
