import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyzeDocument,
  analyzeText,
  classifyExtracted,
  extractPage,
  pageFromBlocks,
  TRUNCATED_REASON,
} from '../../lib/pipeline';
import { extractBlocks } from '../../lib/extract';
import { blockGuard, LIMITS, pageInfoGuard } from '../../lib/message-guards';
import { parseHtml } from '../../scripts/parse-html';

const sample = () => parseHtml(readFileSync('data/samples/examplify-privacy-policy.html', 'utf8'));
const page = (name: string) => parseHtml(readFileSync(`tests/fixtures/pages/${name}`, 'utf8'));
const URL_ = 'https://examplify.example/privacy';

describe('extractPage (content-script half)', () => {
  it('detects and extracts the sample policy into unlabelled clauses', () => {
    const x = extractPage(sample(), URL_);
    expect(x.url).toBe(URL_);
    expect(x.page).toMatchObject({ kind: 'privacy-policy', language: 'en', url: URL_ });
    expect(x.page.title).toMatch(/Examplify/);
    expect(x.unsupported).toBeUndefined();
    expect(x.clauses.length).toBeGreaterThan(30);
    expect(x.clauses[0]).not.toHaveProperty('labels');
    const ai = x.clauses.find((c) => /train and improve the machine learning models/.test(c.text));
    expect(ai?.section).toBe('2. How we use your information › 2.1 Improving our models');
  });

  it('returns not-a-policy with no clauses for ordinary pages and checkouts', () => {
    for (const [file, kind] of [
      ['recipe-with-footer.html', 'other'],
      ['checkout.html', 'checkout'],
    ] as const) {
      const x = extractPage(page(file), 'https://shop.example/x');
      expect(x.page.kind).toBe(kind);
      expect(x.clauses).toEqual([]);
      expect(x.unsupported?.reason).toBe('not-a-policy');
    }
  });

  it('assumePolicy analyses a page detection rejected', () => {
    const x = extractPage(page('recipe-with-footer.html'), 'https://kitchen.example/', {
      assumePolicy: true,
    });
    expect(x.page.kind).toBe('privacy-policy');
    expect(x.clauses.length).toBeGreaterThan(0);
  });

  it('reports a French policy as unsupported: language', () => {
    const x = extractPage(page('french-policy.html'), 'https://exemple.example/confidentialite');
    expect(x.page).toMatchObject({ kind: 'privacy-policy', language: 'fr' });
    expect(x.unsupported?.reason).toBe('language');
    expect(x.clauses).toEqual([]);
  });

  it('blocks cut apart from the page (as the background does) give the same result', () => {
    const whole = extractPage(sample(), URL_);
    const read = extractBlocks(sample());
    const sent = JSON.parse(
      JSON.stringify({ url: URL_, page: { ...whole.page }, blocks: read.blocks, truncated: read.truncated }),
    ) as Parameters<typeof pageFromBlocks>[0];
    expect(pageFromBlocks(sent)).toEqual(whole);
  });

  it('says when the blocks were cut short, and passes on why a page has none', () => {
    const read = extractBlocks(sample());
    const page = extractPage(sample(), URL_).page;
    const cut = pageFromBlocks({ url: URL_, page, blocks: read.blocks.slice(0, 5), truncated: true });
    expect(cut.page.reasons).toContain(TRUNCATED_REASON);
    expect(page.reasons ?? []).not.toContain(TRUNCATED_REASON); // the sender's object is left alone
    const unsupported = { reason: 'language' as const, message: 'This policy is in French.' };
    expect(pageFromBlocks({ url: URL_, page, blocks: [], unsupported })).toMatchObject({
      clauses: [],
      unsupported,
    });
    expect(pageFromBlocks({ url: URL_, page, blocks: [] }).unsupported?.reason).toBe('empty');
  });

  it('is JSON-serialisable (crosses the message boundary unchanged)', () => {
    const x = extractPage(sample(), URL_);
    expect(JSON.parse(JSON.stringify(x))).toEqual(x);
  });
});

describe('classifyExtracted (background half) and analyzeDocument', () => {
  it('analyzeDocument = classifyExtracted(extractPage)', () => {
    const a = analyzeDocument(sample(), { url: URL_ });
    expect(a).toEqual(classifyExtracted(extractPage(sample(), URL_)));
    expect(a.clauses.length).toBe(extractPage(sample(), URL_).clauses.length);
    for (const c of a.clauses) {
      expect(Array.isArray(c.labels)).toBe(true);
      expect(c.slots).toBeDefined();
    }
  });

  it('the sample policy yields an AI-training clause that permits training', () => {
    const a = analyzeDocument(sample(), { url: URL_ });
    const labelled = a.clauses.filter((c) =>
      c.labels.some((l) => l.category === 'ai-training' && l.stance === 'permits'),
    );
    expect(labelled.map((c) => c.text).join(' ')).toMatch(/train and improve the machine learning models/);
  });

  it('passes unsupported pages through without classifying', () => {
    const a = classifyExtracted(extractPage(page('french-policy.html'), 'https://x.example/'));
    expect(a.clauses).toEqual([]);
    expect(a.unsupported?.reason).toBe('language');
  });
});

describe('analyzeText', () => {
  it('analyses Markdown as an extracted policy', () => {
    const a = analyzeText(
      '# Acme Terms of Service\n\nBy using Acme you agree to these terms, and you are responsible for your use of the service.\n\n' +
        '## Disputes\n\nAll disputes that arise from the service will go to binding arbitration with us.',
      { format: 'markdown' },
    );
    expect(a.page).toMatchObject({ kind: 'terms', language: 'en', title: 'Acme Terms of Service' });
    expect(a.clauses.map((c) => c.section)).toEqual([
      'Acme Terms of Service',
      'Acme Terms of Service › Disputes',
    ]);
    expect(a.clauses[1]!.labels.some((l) => l.category === 'arbitration')).toBe(true);
  });

  it('reports empty text as unsupported: empty', () => {
    expect(analyzeText('   ', { format: 'text' }).unsupported?.reason).toBe('empty');
  });
});

describe('extractPage output and the blocks behind it fit the background message guards', () => {
  const check = (doc: Document) => {
    const x = extractPage(doc, 'https://example.test/privacy');
    expect(pageInfoGuard(x.page)).toMatchObject({ ok: true });
    for (const b of extractBlocks(doc).blocks) expect(blockGuard(b)).toMatchObject({ ok: true });
    expect(x.clauses.length).toBeLessThanOrEqual(LIMITS.clauses);
    expect(JSON.stringify(x).length).toBeLessThanOrEqual(LIMITS.extractedBytes);
    return x;
  };

  it('on the sample policy', () => {
    expect(check(sample()).clauses.length).toBeGreaterThan(30);
  });

  it('on a pathological page: 60,000 tiny list items under 8 levels of very long headings', () => {
    const heading = 'Section heading that goes on and on '.repeat(30);
    const headings = [1, 2, 3, 4, 5, 6].map((l) => `<h${l}>${l} ${heading}</h${l}>`).join('');
    const items = Array.from({ length: 60_000 }, (_, i) => `<li>We keep item ${i} data</li>`).join('');
    const doc = parseHtml(
      `<html lang="en"><head><title>${'Privacy Policy '.repeat(200)}</title></head><body><main>${headings}<p><b>Bold ${heading}</b></p><ul>${items}</ul></main></body></html>`,
    );
    const x = check(doc);
    expect(x.clauses.length).toBeGreaterThan(1000);
    expect(x.page.reasons).toContain(TRUNCATED_REASON);
  });
});
