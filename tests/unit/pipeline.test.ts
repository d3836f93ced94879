import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyzeDocument,
  analyzeText,
  classifyExtracted,
  extractPage,
  extractPageChunked,
} from '../../lib/pipeline';
import { parseHtml } from '../../lib/parse-html';

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

  it('the chunked variant gives the same result and yields', async () => {
    let yields = 0;
    let t = 0;
    const x = await extractPageChunked(sample(), URL_, {
      now: () => (t += 5),
      budgetMs: 10,
      yieldControl: async () => {
        yields++;
      },
    });
    expect(yields).toBeGreaterThan(2);
    expect(x).toEqual(extractPage(sample(), URL_));
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
