/**
 * The `<mark>` fallback (for browsers without the CSS Custom Highlight API) in real Chromium, on real
 * corpus pages: lib/locate + lib/highlight are bundled with Vite and run in the page; after wrapping every
 * labelled-looking clause and removing the marks again, the page's DOM must be identical, node for node
 * (text-node boundaries included), and the original text nodes must be the same objects.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCorpus } from '../support/corpus';
import {
  BASE_ARGS,
  CHROMIUM_PATH,
  describeE2E,
  OFFLINE_ARGS,
  REPO_ROOT,
  serve,
  type TestServer,
} from '../support/harness';
import { domSnapshot } from '../support/inline-page';

const PAGES = [
  'html/policy/genai-eu__Claude.ai__Privacy_Policy_legal-privacy.html',
  'html/policy/dating__Tinder__Terms_of_Service.html',
  'html/policy/opp115-2015__303_reddit.com__Privacy_Policy.html',
];

async function bundle(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'fineprint-fallback-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { createLocator, indexText, rangeFor } from '${REPO_ROOT}/lib/locate';
import { createHighlighter, drawSessionNames } from '${REPO_ROOT}/lib/highlight';
(globalThis as any).__fp = { createLocator, indexText, rangeFor, createHighlighter, drawSessionNames };`,
  );
  try {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'fp', fileName: 'fp' } },
    });
    const result = Array.isArray(out) ? out[0]! : out;
    return (result as { output: { code?: string }[] }).output[0]!.code!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeE2E('mark fallback on real pages (Chromium)', () => {
  describeCorpus('corpus html/policy', () => {
    let browser: Browser;
    let server: TestServer;
    let code: string;

    beforeAll(async () => {
      code = await bundle();
      server = await serve(Object.fromEntries(PAGES.map((doc, i) => [`/p${i}/privacy`, { corpus: doc }])));
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [...BASE_ARGS, ...OFFLINE_ARGS],
      });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('wrapping and unwrapping every paragraph sentence leaves the DOM identical', async () => {
      for (const [i, doc] of PAGES.entries()) {
        const page = await browser.newPage();
        await page.goto(server.url(`/p${i}/privacy`), { waitUntil: 'load' });
        await page.addScriptTag({ content: code });
        const before = await domSnapshot(page);
        const result = await page.evaluate(() => {
          const fp = (
            globalThis as unknown as {
              __fp: {
                createLocator: typeof import('../../lib/locate').createLocator;
                indexText: typeof import('../../lib/locate').indexText;
                rangeFor: typeof import('../../lib/locate').rangeFor;
                createHighlighter: typeof import('../../lib/highlight').createHighlighter;
                drawSessionNames: typeof import('../../lib/highlight').drawSessionNames;
              };
            }
          ).__fp;
          // Sentences of every paragraph and list item, as the extractor would cut them (roughly).
          const texts: string[] = [];
          for (const el of document.querySelectorAll('p, li'))
            for (const s of (el.textContent ?? '').split(/(?<=[.!?])\s+/))
              if (s.trim().length > 30) texts.push(s.trim());
          const originals: Text[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) originals.push(n as Text);
          const locator = fp.createLocator(fp.indexText(document.body));
          const items: import('../../lib/highlight').HighlightItem[] = [];
          for (const [k, text] of texts.entries()) {
            const p = locator.locate(text);
            if (p)
              items.push({
                id: `c${k}`,
                category: 'data-sharing',
                range: fp.rangeFor(document, p),
                segments: p.segments,
              });
          }
          const names = fp.drawSessionNames((bytes) => crypto.getRandomValues(bytes));
          const hl = fp.createHighlighter(document, { win: window as never, forceFallback: true, names });
          hl.apply(items);
          const marks = document.querySelectorAll(`mark[${names.markAttr}]`).length;
          hl.clear();
          const walker2 = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const after: Text[] = [];
          for (let n = walker2.nextNode(); n; n = walker2.nextNode()) after.push(n as Text);
          const sameNodes = after.length === originals.length && after.every((n, j) => n === originals[j]);
          return { texts: texts.length, placed: items.length, marks, sameNodes };
        });
        const after = await domSnapshot(page);
        console.log(
          `[fallback] ${doc}: ${result.placed}/${result.texts} sentences wrapped in ${result.marks} marks`,
        );
        expect(result.placed, doc).toBeGreaterThan(20);
        // Nested blocks (a <p> inside an <li>) repeat sentences, so overlapping clauses share marks.
        expect(result.marks, doc).toBeGreaterThan(20);
        expect(after === before, `${doc}: DOM differs after teardown`).toBe(true);
        expect(result.sameNodes, `${doc}: original text nodes replaced`).toBe(true);
        await page.close();
      }
    });
  });
});
