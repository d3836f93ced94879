/**
 * lib/extract/readable.ts replaces two of Readability's internals: the byline check, with one that does the
 * cheap tests first, and its reading of an element's text, through the text nodes. They must not change a
 * single parse: every corpus page (policies, news, legal look-alikes) is parsed with and without them, and
 * the article, title and byline must be the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { expect, it } from 'vitest';
import { checkBylinesCheaply, readTextThroughNodes } from '../../lib/extract/readable';
import { parseHtml } from '../../scripts/parse-html';
import { CORPUS, describeCorpus } from '../support/corpus';

function parse(html: string, cheap: boolean) {
  const reader = new Readability<Node>(parseHtml(html), { charThreshold: 500, serializer: (n: Node) => n });
  if (cheap) {
    checkBylinesCheaply(reader);
    readTextThroughNodes(reader);
  }
  const article = reader.parse();
  return (
    article && {
      title: article.title,
      byline: article.byline,
      text: (article.content as Node | null)?.textContent ?? null,
    }
  );
}

describeCorpus('Readability with our byline check and text reading', () => {
  it('gives the same article, title and byline on every corpus page', () => {
    const dirs = ['policy', 'negative', 'hard_negative_legal_other'].map((d) => join(CORPUS, 'html', d));
    let pages = 0;
    let bylines = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
        const html = readFileSync(join(dir, f), 'utf8');
        const plain = parse(html, false);
        expect(parse(html, true), f).toEqual(plain);
        pages++;
        if (plain?.byline) bylines++;
      }
    }
    console.log(`${pages} pages parsed alike; ${bylines} of them have a byline`);
    expect(pages).toBeGreaterThan(50);
    // The check is live: some pages do have bylines, found the same way.
    expect(bylines).toBeGreaterThan(0);
  });

  it('replaces the internals it is meant to (this Readability version has them)', () => {
    const reader = new Readability<Node>(parseHtml('<html><body><p>x</p></body></html>'));
    const internals = reader as unknown as { _isValidByline: unknown; _getInnerText: unknown };
    const before = { ...internals };
    checkBylinesCheaply(reader);
    readTextThroughNodes(reader);
    expect(internals._isValidByline).not.toBe(before._isValidByline);
    expect(internals._getInnerText).not.toBe(before._getInnerText);
  });
});
