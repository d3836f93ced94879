/**
 * The background reads a policy page from the markup its content script sends (lib/extract/page-markup.ts),
 * not from the page itself. That must not change a single reading: every corpus page (policies, news, legal
 * look-alikes) is read directly and from its markup, and the blocks, title, language and source must be the
 * same. The markup must also be far smaller than the page where the page is mostly script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { extractBlocks } from '../../lib/extract';
import { pageMarkupInSteps } from '../../lib/extract/page-markup';
import { parseHtml } from '../../scripts/parse-html';
import { CORPUS, describeCorpus } from '../support/corpus';

function markupOf(doc: Document) {
  const job = pageMarkupInSteps(doc);
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}

describeCorpus('reading a page from its markup', () => {
  it('gives the same blocks, title, language and source on every corpus page', () => {
    const dirs = ['policy', 'negative', 'hard_negative_legal_other'].map((d) => join(CORPUS, 'html', d));
    let pages = 0;
    let pageChars = 0;
    let markupChars = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
        const html = readFileSync(join(dir, f), 'utf8');
        const direct = extractBlocks(parseHtml(html));
        const markup = markupOf(parseHtml(html));
        expect(markup.truncated, f).toBe(false);
        expect(extractBlocks(parseHtml(markup.html)), f).toEqual(direct);
        pages++;
        pageChars += html.length;
        markupChars += markup.html.length;
      }
    }
    console.log(
      `${pages} pages read alike; markup ${(markupChars / 1e6).toFixed(1)} M characters for pages of ${(pageChars / 1e6).toFixed(1)} M`,
    );
    expect(pages).toBeGreaterThan(50);
    expect(markupChars).toBeLessThan(pageChars / 2);
  });
});
