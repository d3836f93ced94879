/**
 * Robustness (issue 7.2): generated broken HTML, deep DOMs, huge pages, binary and non-UTF-8 bytes,
 * punctuation-free megabyte paragraphs, right-to-left and mixed-language text. Everything is seeded and
 * reproducible. Time limits here are generous hang guards only; speed is measured in the bench.
 */
import { describe, expect, it } from 'vitest';
import { classifyClauses } from '../../lib/classify';
import { detectPage } from '../../lib/detect';
import { extractPolicy } from '../../lib/extract';
import { decodeBytes, looksBinary } from '../../lib/fetch/decode';
import { parseHtml } from '../../scripts/parse-html';
import { analyzeDocument, extractPage, TRUNCATED_REASON } from '../../lib/pipeline';
import type { PageAnalysis } from '../../lib/types';
import { mulberry32 } from '../../scripts/train/random';

const HANG_GUARD_MS = 20_000;
const URL_ = 'http://127.0.0.1/page.html';

const prng = mulberry32;

const TAGS = [
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'table',
  'tr',
  'td',
  'h1',
  'h2',
  'h3',
  'b',
  'strong',
  'a',
  'span',
  'section',
  'article',
  'main',
  'nav',
  'footer',
  'br',
  'script',
  'style',
  'template',
  'svg',
  'iframe',
  'form',
  'input',
  'button',
  'label',
  'dl',
  'dd',
  'dt',
  'blockquote',
  'pre',
  'html',
  'body',
  'head',
  'title',
  'meta',
];
const WORDS = [
  'We',
  'collect',
  'your',
  'personal',
  'data',
  'privacy',
  'policy',
  'terms',
  'e.g.',
  'Inc.',
  'U.S.',
  'train',
  'models',
  'third',
  'parties',
  'opt',
  'out',
  '1.',
  '(a)',
  'Section',
  '2.1',
  '&amp;',
  '&#x0;',
  '&bogus;',
  '\u0000',
  '\uFFFD',
  'ü',
  'é',
  '中文',
  'مرحبا',
  'שלום',
  '\u202e',
  '.',
  ';',
  ':',
  '\n',
  '<',
  '>',
  '"',
  "'",
  '<!--',
  '-->',
  ']]>',
  '</p>',
];

function tagSoup(rand: () => number, size: number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < size; i++) {
    const r = rand();
    if (r < 0.25)
      out.push(
        `<${pick(TAGS)}${rand() < 0.3 ? ` class="${pick(WORDS)}" id='x${i}` : ''}${rand() < 0.1 ? ' hidden' : ''}>`,
      );
    else if (r < 0.4) out.push(`</${pick(TAGS)}>`);
    else if (r < 0.42) out.push('<!DOCTYPE html>');
    else out.push(`${pick(WORDS)} `);
  }
  return out.join('');
}

function checkAnalysis(a: PageAnalysis) {
  expect(['privacy-policy', 'terms', 'checkout', 'other']).toContain(a.page.kind);
  expect(a.page.confidence).toBeGreaterThanOrEqual(0);
  expect(a.page.confidence).toBeLessThanOrEqual(1);
  if (a.unsupported) expect(a.clauses).toEqual([]);
  for (const c of a.clauses) {
    expect(c.text.trim()).toBe(c.text);
    expect(c.text.length).toBeGreaterThan(0);
    expect(c.id).toMatch(/^c[0-9a-f]{13}(-\d+)?$/);
  }
  expect(new Set(a.clauses.map((c) => c.id)).size).toBe(a.clauses.length);
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe('fuzz: generated broken HTML (seeded tag soup)', () => {
  it('200 random documents: detect, extract and classify never throw and return well-formed results', () => {
    const rand = prng(20261122);
    for (let i = 0; i < 200; i++) {
      const html = tagSoup(rand, 50 + Math.floor(rand() * 400));
      const doc = parseHtml(html);
      const d = detectPage(doc, URL_);
      expect(d.reasons).toBeInstanceOf(Array);
      checkAnalysis(analyzeDocument(doc, { url: URL_, assumePolicy: true }));
    }
  });

  it('unclosed tags everywhere still give the text in order', () => {
    const html =
      '<html><body><main><h2>1. Data<p>We collect your name.<p>We collect your e-mail.<ul><li>We keep the first item<li>We keep the second item</main>';
    const r = extractPolicy(parseHtml(html));
    expect(r.clauses.map((c) => c.text)).toEqual([
      'We collect your name.',
      'We collect your e-mail.',
      'We keep the first item',
      'We keep the second item',
    ]);
  });
});

describe('fuzz: extreme structure and size', () => {
  it('a 2,000-deep nested DOM (divs and lists) does not overflow the stack', () => {
    const depth = 2000;
    const divs = `${'<div>'.repeat(depth)}<p>We collect your personal data when you use the service.</p>${'</div>'.repeat(depth)}`;
    const lists = `${'<ul><li>We keep this level of your data'.repeat(depth)}${'</li></ul>'.repeat(depth)}`;
    for (const body of [divs, lists]) {
      const { value, ms } = timed(() =>
        analyzeDocument(
          parseHtml(`<html><head><title>Privacy Policy</title></head><body>${body}</body></html>`),
          { url: URL_, assumePolicy: true },
        ),
      );
      checkAnalysis(value);
      expect(value.clauses.length).toBeGreaterThan(0);
      expect(ms).toBeLessThan(HANG_GUARD_MS);
    }
  });

  it('a 10 MB page finishes, reading only its first part (truncated)', () => {
    const para =
      '<p>We may share your personal information with service providers, e.g. hosting providers, for 30 days.</p>';
    const html = `<html lang="en"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1>${para.repeat(Math.ceil((10 * 1024 * 1024) / para.length))}</main></body></html>`;
    expect(html.length).toBeGreaterThan(10 * 1024 * 1024);
    const { value, ms } = timed(() => {
      const doc = parseHtml(html);
      return { detection: detectPage(doc, URL_), extracted: extractPolicy(doc) };
    });
    expect(value.detection.kind).toBe('privacy-policy');
    expect(value.extracted.truncated).toBe(true);
    expect(value.extracted.clauses.length).toBeGreaterThan(1000);
    expect(extractPage(parseHtml(html.slice(0, 3 * 1024 * 1024)), URL_).page.reasons).toContain(
      TRUNCATED_REASON,
    );
    expect(ms).toBeLessThan(HANG_GUARD_MS * 2);
  }, 120_000);

  it('a 1 MB paragraph without punctuation is cut into bounded clauses', () => {
    const words = Array.from({ length: 200_000 }, (_, i) => (i % 7 === 0 ? 'data' : 'we')).join(' ');
    const { value, ms } = timed(() =>
      extractPolicy(parseHtml(`<html lang="en"><body><main><p>${words}</p></main></body></html>`)),
    );
    expect(value.unsupported).toBeUndefined();
    expect(value.clauses.length).toBeGreaterThan(10);
    expect(Math.max(...value.clauses.map((c) => c.text.length))).toBeLessThanOrEqual(20_000);
    expect(ms).toBeLessThan(HANG_GUARD_MS);
    const classified = timed(() => classifyClauses(value.clauses.slice(0, 5)));
    expect(classified.value).toHaveLength(5);
  });
});

describe('fuzz: patterns that could backtrack without end', () => {
  // Runs of dashes (Markdown heading underlines run into one sentence) made the rules' "a, then up to n
  // words, then b" patterns try exponentially many splits: 20 dashes took 10 s, 30 never finished.
  const ADVERSARIAL_GUARD_MS = 2_000;
  it.each(['-', "'", "-'"])('questions run together with runs of %j classify at once', (mark) => {
    const run = mark.repeat(Math.ceil(20 / mark.length));
    const text =
      `What does the policy cover? ${run}What information do we collect? ${run}How is your information ` +
      `shared? ${run}How can you manage the information we sold? ${run}`;
    const { value, ms } = timed(() =>
      classifyClauses([{ id: 'c', text, section: '', headingPath: [], block: 0, unit: 'sentence' }]),
    );
    expect(value).toHaveLength(1);
    expect(ms).toBeLessThan(ADVERSARIAL_GUARD_MS);
  });
});

describe('fuzz: bytes', () => {
  it('random binary data is refused as unreadable or decoded to text that analyses cleanly', () => {
    const rand = prng(7);
    let refused = 0;
    for (let i = 0; i < 100; i++) {
      const bytes = new Uint8Array(200 + Math.floor(rand() * 2000)).map(() => Math.floor(rand() * 256));
      if (looksBinary(bytes)) {
        refused++;
        continue;
      }
      const { text } = decodeBytes(bytes);
      checkAnalysis(analyzeDocument(parseHtml(text), { url: URL_, assumePolicy: true }));
    }
    expect(refused).toBeGreaterThan(90); // random bytes almost always contain NUL or control characters
  });

  it('invalid UTF-8 without a declared charset falls back to windows-1252, never throws', () => {
    const bytes = Uint8Array.from([
      ...Buffer.from('<p>Caf'),
      0xe9,
      ...Buffer.from(' and na'),
      0xef,
      ...Buffer.from('ve</p>'),
    ]);
    expect(decodeBytes(bytes)).toMatchObject({ text: '<p>Café and naïve</p>', charset: 'windows-1252' });
  });

  it('honours BOMs and declared charsets', () => {
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69])).text).toBe('hi');
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x68, 0, 0x69, 0]);
    expect(decodeBytes(utf16)).toMatchObject({ text: 'hi', charset: 'utf-16le' });
    expect(decodeBytes(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), 'text/html; charset=ISO-8859-1').text).toBe(
      'café',
    );
    expect(decodeBytes(Buffer.from('<meta charset="bogus-charset"><p>ok</p>')).text).toMatch(/ok/);
  });
});

describe('fuzz: scripts and languages', () => {
  const policyPage = (lang: string, dir: string, sentences: string[]) =>
    parseHtml(
      `<html lang="${lang}" dir="${dir}"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1>${sentences.map((s) => `<p>${s}</p>`).join('')}</main></body></html>`,
    );

  it.each([
    ['ar', 'rtl', 'نحن نجمع المعلومات التي تقدمها لنا عند إنشاء حساب ونستخدمها لتقديم الخدمة وتحسينها.'],
    ['he', 'rtl', 'אנו אוספים את המידע שאתה מספק לנו כאשר אתה יוצר חשבון ומשתמשים בו כדי לספק את השירות.'],
  ])('a right-to-left (%s) policy is unsupported: language, with no clauses', (lang, dir, sentence) => {
    const a = analyzeDocument(policyPage(lang, dir, Array(8).fill(sentence)), {
      url: URL_,
      assumePolicy: true,
    });
    expect(a.unsupported?.reason).toBe('language');
    expect(a.page.language).toBe(lang);
    expect(a.clauses).toEqual([]);
  });

  it('an English policy quoting other languages stays English and keeps every clause', () => {
    const en = 'We collect the information that you give us when you create an account with our service.';
    const a = analyzeDocument(
      policyPage('en', 'ltr', [
        en,
        en.replace('collect', 'store'),
        'Nous collectons vos données.',
        'الخصوصية مهمة لنا.',
        en.replace('give', 'send'),
      ]),
      { url: URL_, assumePolicy: true },
    );
    expect(a.unsupported).toBeUndefined();
    expect(a.page.language).toBe('en');
    expect(a.clauses.map((c) => c.text)).toContain('الخصوصية مهمة لنا.');
    expect(a.clauses).toHaveLength(5);
  });

  it('bidi control characters and astral symbols pass through unchanged', () => {
    const s = 'We collect data \u202eevil\u202c and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 for the service you use with us every day.';
    const a = analyzeDocument(policyPage('en', 'ltr', [s, s.replace('collect', 'keep')]), {
      url: URL_,
      assumePolicy: true,
    });
    expect(a.clauses[0]!.text).toBe(s);
  });
});
