/**
 * Inline highlights on real policy pages (corpus, served from 127.0.0.1) in Chromium with the built
 * extension: every labelled clause the background returns should be found in the live DOM and painted,
 * and the painted text should be the clause's text. Per-page placement rates are printed for the report.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CORPUS, describeCorpus } from '../support/corpus';
import {
  describeE2E,
  launchExtension,
  serve,
  type LaunchedBrowser,
  type TestServer,
} from '../support/harness';
import { norm, paintedTexts, reportOf } from '../support/inline-page';

/** Placement target per page. */
const MIN_PLACED = 0.95;
/** Pages that must reach it (the issue asks for at least 10). */
const MIN_PAGES = 10;

interface Row {
  doc: string;
  labelled: number;
  placed: number;
  painted: number;
  exact: number;
  rate: number;
  note?: string;
}

function pathFor(doc: string, i: number): string {
  if (/Terms/i.test(doc)) return `/p${i}/terms-of-service`;
  if (/Trackers|Cookie/i.test(doc)) return `/p${i}/cookie-policy`;
  return `/p${i}/privacy-policy`;
}

describeE2E('inline highlights on real policy pages', () => {
  describeCorpus('corpus html/policy', () => {
    let browser: LaunchedBrowser;
    let server: TestServer;
    const docs = readdirSync(join(CORPUS, 'html/policy'))
      .filter((f) => f.endsWith('.html'))
      .sort();
    const rows: Row[] = [];

    beforeAll(async () => {
      server = await serve(
        Object.fromEntries(docs.map((d, i) => [pathFor(d, i), { corpus: `html/policy/${d}` }])),
      );
      browser = await launchExtension();
    });
    afterAll(async () => {
      console.log(
        '\n[inline] placement per page (labelled = clauses with a shown label; placed = found in the DOM; exact = painted text equals clause text)\n' +
          rows
            .map(
              (r) =>
                `${(r.rate * 100).toFixed(1).padStart(6)}%  ${String(r.placed).padStart(4)}/${String(r.labelled).padEnd(4)} painted ${String(r.painted).padStart(4)} exact ${String(r.exact).padStart(4)}  ${r.doc}${r.note ? `  (${r.note})` : ''}`,
            )
            .join('\n'),
      );
      await browser?.close();
      await server?.close();
    });

    it(
      `places ≥ ${MIN_PLACED * 100}% of labelled clauses on ≥ ${MIN_PAGES} pages, and on every analysed page`,
      { timeout: 600_000 },
      async () => {
        let page: Page | undefined;
        for (const [i, doc] of docs.entries()) {
          if (process.env.FINEPRINT_PAGES && !new RegExp(process.env.FINEPRINT_PAGES).test(doc)) continue;
          // One tab, navigated page to page, as a user would read them.
          if (process.env.FINEPRINT_DEBUG && !page)
            (page = await browser.context.newPage()).on(
              'console',
              (m) => m.text().includes('fineprint') && console.log(`[page] ${m.text()}`),
            );
          page ??= await browser.context.newPage();
          await page.goto(server.url(pathFor(doc, i)), { waitUntil: 'load' });
          const report = await reportOf(browser.context, page, 20_000);
          if (!report || report.unsupported?.reason === 'not-a-policy') {
            rows.push({
              doc,
              labelled: 0,
              placed: 0,
              painted: 0,
              exact: 0,
              rate: 0,
              note: report ? 'not detected as a policy' : 'no report',
            });
            continue;
          }
          const labelled = report.clauses.filter((c) => c.labels.length > 0);
          const placed = labelled.length - (report.unplaced ?? 0);
          const painted = Object.values(await paintedTexts(page)).flat();
          const want = new Set(labelled.map((c) => norm(c.text)));
          const exact = painted.filter((t) => want.has(norm(t))).length;
          if (process.env.FINEPRINT_DEBUG) {
            const got = new Set(painted.map(norm));
            for (const c of labelled.filter((c) => !got.has(norm(c.text))))
              console.log(`[inline] not painted verbatim on ${doc}: ${JSON.stringify(c.text.slice(0, 160))}`);
          }
          rows.push({
            doc,
            labelled: labelled.length,
            placed,
            painted: painted.length,
            exact,
            rate: labelled.length ? placed / labelled.length : 0,
            note: report.unsupported?.reason,
          });
        }
        await page?.close();
        // Every page gets an answer from the content script (a report, possibly "not a policy").
        expect(rows.filter((r) => r.note === 'no report').map((r) => r.doc)).toEqual([]);
        const analysed = rows.filter((r) => r.labelled > 0);
        // What is counted as placed is what is on screen.
        for (const r of analysed) expect(r.painted, r.doc).toBe(r.placed);
        for (const r of analysed) expect(r.rate, r.doc).toBeGreaterThanOrEqual(MIN_PLACED);
        expect(analysed.length).toBeGreaterThanOrEqual(MIN_PAGES);
        // Anchored (head+tail) matches are allowed, but most painted ranges must be the clause verbatim.
        const totalPainted = analysed.reduce((s, r) => s + r.painted, 0);
        const totalExact = analysed.reduce((s, r) => s + r.exact, 0);
        expect(totalExact / totalPainted).toBeGreaterThanOrEqual(0.95);
      },
    );
  });
});
