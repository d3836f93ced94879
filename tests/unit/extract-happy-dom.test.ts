// @vitest-environment happy-dom
/**
 * The content script runs detection and extraction on a browser DOM, the CLI on linkedom. Both must give
 * the same answer: same page kind, same clause texts, same ids (the history diff depends on it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect';
import { extractPolicy } from '../../lib/extract';
import { parseHtml } from '../../scripts/parse-html';

const files = [
  'data/samples/examplify-privacy-policy.html',
  'tests/fixtures/pages/structure.html',
  'tests/fixtures/pages/terms.html',
];

describe('happy-dom and linkedom agree', () => {
  it.each(files)('%s', (file) => {
    const html = readFileSync(file, 'utf8');
    const browserDoc = new DOMParser().parseFromString(html, 'text/html');
    const nodeDoc = parseHtml(html);
    const url = 'https://example.test/privacy';
    expect(detectPage(browserDoc, url).kind).toBe(detectPage(nodeDoc, url).kind);
    const a = extractPolicy(browserDoc);
    const b = extractPolicy(nodeDoc);
    expect(a.language).toBe('en');
    expect(a.clauses.length).toBeGreaterThan(10);
    expect(a.clauses.map((c) => [c.id, c.text, c.section, c.unit])).toEqual(
      b.clauses.map((c) => [c.id, c.text, c.section, c.unit]),
    );
  });

  it('the live document is left untouched', () => {
    const doc = new DOMParser().parseFromString(readFileSync(files[0]!, 'utf8'), 'text/html');
    const before = doc.body.textContent;
    const count = doc.getElementsByTagName('*').length;
    extractPolicy(doc);
    expect(doc.body.textContent).toBe(before);
    expect(doc.getElementsByTagName('*').length).toBe(count);
  });
});
