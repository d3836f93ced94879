import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { detectPage } from '../../lib/detect';
import {
  countProbePhrases,
  MAYBE_PAYMENT,
  PAYMENT_FIELD,
  phraseGroups,
  PROBE_CHARS,
  probePhrases,
  readTriageFacts,
  REL_LINK_TAGS,
  triage,
  triagePage,
  type TriageFacts,
} from '../../lib/detect/triage';
import { clipText, urlSignalText } from '../../lib/detect/page-signals';
import { parseHtml } from '../../scripts/parse-html';

const NEUTRAL = 'http://127.0.0.1/page.html';
const fixture = (dir: string, name: string) =>
  parseHtml(readFileSync(`tests/fixtures/${dir}/${name}`, 'utf8'));

const facts = (over: Partial<TriageFacts>): TriageFacts => ({
  path: '127 /page.html ',
  title: '',
  headings: [],
  relSelf: false,
  formHint: false,
  text: '',
  ...over,
});

describe('triage: the cheap first look', () => {
  it('lets through every team fixture the full detector calls a policy, terms or checkout page', () => {
    const checked: string[] = [];
    for (const dir of ['pages', 'checkout']) {
      for (const name of readdirSync(`tests/fixtures/${dir}`).filter((n) => n.endsWith('.html'))) {
        const doc = fixture(dir, name);
        if (detectPage(doc, NEUTRAL).kind === 'other') continue;
        checked.push(name);
        expect(triagePage(doc, NEUTRAL), `${dir}/${name}`).toMatchObject({ inspect: true });
      }
    }
    // The fixtures hold policies, terms, a French and a German policy, checkouts and a sign-up form.
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });

  it('drops a plain page with nothing policy-like', () => {
    const v = triagePage(fixture('pages', 'recipe-with-footer.html'), NEUTRAL);
    expect(v.inspect).toBe(false);
    expect(v.reason).toMatch(/no policy or terms name/);
  });

  it.each([
    ['the URL path', { path: 'example /legal/privacy ' }],
    ['a /legal/ path', { path: 'example /legal/ ' }],
    ['the title', { title: 'Terms of Service | Example' }],
    ['a heading', { headings: ['Welcome', 'Privacy Notice'] }],
    ['a rel link to this page', { relSelf: true }],
    ['a payment input or consent label', { formHint: true }],
    ['an abbreviation as a word of the title', { title: 'AGB – Beispiel GmbH' }],
    ['an accented name in the path', { path: 'example /fr/données-personnelles ' }],
  ])('inspects on %s alone', (_what, over) => {
    expect(triage(facts(over)).inspect).toBe(true);
  });

  it('takes an abbreviation only as a whole word', () => {
    expect(triage(facts({ title: 'Wagbag and cgurl' })).inspect).toBe(false);
  });

  it('inspects on vocabulary only when it is dense and repeated', () => {
    const policyish = 'We collect personal data and may share it with third parties. '.repeat(6);
    expect(triage(facts({ text: policyish })).inspect).toBe(true);
    // One mention in a long article is not a policy.
    const article = `${'The match ended in a draw after a late goal. '.repeat(200)} We use cookies.`;
    expect(triage(facts({ text: article })).inspect).toBe(false);
    // Dense but too few hits (a cookie banner alone).
    expect(triage(facts({ text: 'We use cookies. Accept cookies?' })).inspect).toBe(false);
  });

  it('reads the facts with a bounded text sample and a rel link that must point at this page', () => {
    const doc = parseHtml(
      `<html><head><title>Acme</title><link rel="privacy-policy" href="/elsewhere"></head>
       <body><nav>Menu</nav><main><h1>Hello</h1><h2>One</h2><h2>Two</h2><h2>Three</h2><h2>Four</h2>
       <p>${'word '.repeat(20_000)}</p></main></body></html>`,
    );
    const f = readTriageFacts(doc, NEUTRAL);
    expect(f.headings).toEqual(['Hello', 'One', 'Two', 'Three']);
    expect(f.relSelf).toBe(false);
    expect(f.text.length).toBeLessThanOrEqual(PROBE_CHARS + 3); // four windows joined by spaces
    const self = parseHtml(
      `<html><head><link rel="privacy-policy" href="/page.html"></head><body></body></html>`,
    );
    expect(readTriageFacts(self, NEUTRAL).relSelf).toBe(true);
  });

  it('reads the text sample only when the address, title and headings name no policy, and once', () => {
    const body = `<main><h1>Hello</h1><p>${'We collect personal data. '.repeat(200)}</p></main>`;
    const reads = (title: string) => {
      const doc = parseHtml(`<html><head><title>${title}</title></head><body>${body}</body></html>`);
      const spy = vi.spyOn(doc, 'querySelector');
      // The queries for the main content (the rel-link query is one too, asked of every page).
      const textReads = () => spy.mock.calls.filter(([selector]) => selector.startsWith('main')).length;
      const facts = readTriageFacts(doc, NEUTRAL);
      const verdict = triage(facts);
      const before = textReads();
      expect(facts.text).toBe(facts.text);
      return { verdict, before, after: textReads() };
    };
    const policy = reads('Privacy Policy');
    expect(policy.verdict.inspect).toBe(true);
    expect(policy.before).toBe(0);
    expect(policy.after).toBe(1);
    const other = reads('Hello');
    expect(other.verdict.inspect).toBe(true); // by its vocabulary, which had to be read
    expect(other.before).toBe(1);
    expect(other.after).toBe(1);
  });

  it('finds a payment field by autocomplete, name or id, in any case, and nothing else', () => {
    const formHint = (inputs: string) =>
      readTriageFacts(parseHtml(`<html><body><form>${inputs}</form></body></html>`), NEUTRAL).formHint;
    for (const input of [
      '<input autocomplete="cc-number">',
      '<input name="CardNumber">',
      '<input id="checkout-CVC">',
      '<input name="cvv2">',
      '<input autocomplete="cc-exp" name="x">',
      '<input id="ExpiryDate">',
    ])
      expect(formHint(`<input name="email">${input}`), input).toBe(true);
    // The words in other attributes or on other elements, and inputs without them, are not payment fields.
    expect(formHint('<input name="email" placeholder="card number"><select name="card"></select>')).toBe(
      false,
    );
    expect(formHint('<div id="card"><input name="q"></div>')).toBe(false);
  });

  it('asks one selector per element kind, which selects what the per-attribute lists select', () => {
    // The rule as first written: one `input[…]` per attribute and word, one `tag[rel~=…]` per tag and value.
    // Chromium's `querySelector` was 15–25× slower with those lists (docs/every-page-budget.md).
    const words = ['cc-', 'card', 'cvc', 'cvv', 'expir'];
    expect(PAYMENT_FIELD.flatMap((t) => t.groups.flat())).toEqual(words);
    const paymentList = ['autocomplete', 'name', 'id']
      .flatMap((attr) => words.map((w) => `input[${attr}*="${w}" i]`))
      .join(',');
    const relList = ['a', 'link']
      .flatMap((tag) => ['privacy-policy', 'terms-of-service'].map((v) => `${tag}[rel~="${v}"]`))
      .join(',');
    const made = parseHtml(
      `<html><head><link rel="privacy-policy" href="/p"><link rel="stylesheet" href="/s.css"></head><body>
       <input autocomplete="CC-Number"><input name="xCARDx"><input id="Cvc"><input name="cvv2">
       <input id="expiry"><input name="email"><input placeholder="card"><select name="card"></select>
       <div id="card"></div><a rel="nofollow terms-of-service" href="/t">t</a><a rel="privacy" href="/x">x</a>
       <span rel="privacy-policy"></span><a rel="Privacy-Policy" href="/y">y</a></body></html>`,
    );
    const docs = [made];
    for (const dir of ['pages', 'checkout'])
      for (const name of readdirSync(`tests/fixtures/${dir}`).filter((n) => n.endsWith('.html')))
        docs.push(fixture(dir, name));
    const selected = (doc: Document, selectors: string[]) =>
      selectors.flatMap((s) => [...doc.querySelectorAll(s)]);
    let payment = 0;
    let rel = 0;
    for (const doc of docs) {
      const inputs = [...doc.querySelectorAll(paymentList)];
      expect(selected(doc, [MAYBE_PAYMENT])).toEqual(inputs);
      payment += inputs.length;
      // Per tag, so in another order than the list: compared as sets.
      const links = new Set(doc.querySelectorAll(relList));
      expect(new Set(selected(doc, REL_LINK_TAGS))).toEqual(links);
      rel += links.size;
    }
    expect(payment).toBeGreaterThanOrEqual(5 + 3);
    expect(rel).toBeGreaterThanOrEqual(2 + 1);
    const anchored = parseHtml(
      `<html><body><a rel="nofollow terms-of-service" href="/page.html">Terms</a></body></html>`,
    );
    expect(readTriageFacts(anchored, NEUTRAL).relSelf).toBe(true);
  });

  it('survives a document without a body or a title', () => {
    const doc = parseHtml('');
    expect(() => triagePage(doc, NEUTRAL)).not.toThrow();
    expect(triagePage(doc, 'not a url').inspect).toBe(false);
  });
});

describe('countProbePhrases', () => {
  // What it must count, as a regex: each phrase case-insensitively between word boundaries (`\\b`), a stem
  // (`*`) with any ending.
  const escape = (s: string) => s.replace(/[-.*+?^${}()|[\]\\]/g, '\\$&');
  const reference = new RegExp(
    `\\b(?:${probePhrases()
      .map((p) => (p.endsWith('*') ? `${escape(p.slice(0, -1))}\\w*` : escape(p)))
      .join('|')})\\b`,
    'gi',
  );
  const count = (text: string) => text.match(reference)?.length ?? 0;

  it('counts what the reference regex counts, on random text mixing phrases, their parts and separators', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pieces = [
      ...probePhrases().map((p) => p.replace('*', '')),
      ...['We Collect', 'COOKIES', 'cookiesjar', 'used', 'thirdparty', 'Indemnification', 'ed', 's', 'x'],
      ...[' ', ' ', ', ', '.', '-', '_', '\n', 'é', '’', '1'],
    ];
    for (let i = 0; i < 3_000; i++) {
      const text = Array.from(
        { length: Math.floor(random() * 30) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      expect(countProbePhrases(text), JSON.stringify(text)).toBe(count(text));
    }
  });

  it('counts each phrase as a search for it alone would, where phrases overlap and repeat', () => {
    // The phrases are looked for in groups (lib/detect/triage.ts); this is the search one phrase at a time.
    const alone = (text: string) => {
      const lower = text.toLowerCase();
      const word = (at: number) => at >= 0 && at < lower.length && /\w/.test(lower[at]!);
      let hits = 0;
      for (const p of probePhrases()) {
        const stem = p.endsWith('*');
        const t = stem ? p.slice(0, -1) : p;
        for (let at = lower.indexOf(t); at !== -1; at = lower.indexOf(t, at + t.length))
          if (!word(at - 1) && (stem || !word(at + t.length))) hits++;
      }
      return hits;
    };
    let seed = 5;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pieces = [
      ...['these terms of service', 'we use', 'we used', 'may use', 'third', ' party', '-party', 'parties'],
      ...['traitement', 'traitementraitement', 'données', ' personnelles', 'vos ', 'dat', 'i personali'],
      ...['perso', 'nal data', 'cookie', 's', 'opt', ' out', 'licen', 'ce', 'se', 'liabilit', 'y', 'ies'],
      ...[' ', ' ', ', ', '-', '_', 'é', '1'],
    ];
    for (let i = 0; i < 3_000; i++) {
      const text = Array.from(
        { length: Math.floor(random() * 30) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      expect(countProbePhrases(text), JSON.stringify(text)).toBe(alone(text));
    }
    expect(countProbePhrases('These terms of service')).toBe(2);
  });

  it('holds the phrases triage was written with, each group searched for by an opening of its phrases', () => {
    expect(probePhrases().sort()).toEqual(
      [
        ...['personal data', 'personal information'],
        ...['we', 'may'].flatMap((who) =>
          ['collect', 'share', 'use', 'process', 'disclose'].map((verb) => `${who} ${verb}`),
        ),
        ...['third party', 'third-party', 'third parties', 'third-parties', 'cookie', 'cookies'],
        ...['opt out', 'opt-out', 'you agree', 'these terms', 'terms of service', 'terms of use'],
        ...['this agreement', 'liability', 'liabilities', 'indemnif*', 'governing law', 'arbitration'],
        ...['licence', 'license', 'données personnelles', 'données à caractère personnel', 'vos données'],
        ...[
          'vos informations',
          'vos droits',
          'traitement',
          'consentement',
          'datenschutz*',
          'personenbezogene*',
        ],
        ...['einwilligung', 'datos personales', 'dati personali', 'persoonsgegevens'],
      ].sort(),
    );
    const groups = phraseGroups();
    expect(groups.length).toBeGreaterThan(40);
    for (const { opening, phrases } of groups) {
      expect(phrases.length, opening).toBeGreaterThan(0);
      for (const p of phrases) expect(p.startsWith(opening), `${opening} → ${p}`).toBe(true);
    }
  });

  it('counts whole words and stems', () => {
    expect(countProbePhrases('We use cookies; we used a cookie jar. Cookies!')).toBe(4);
    expect(countProbePhrases('You shall indemnify us. Indemnification. Datenschutzerklärung.')).toBe(3);
    expect(countProbePhrases('thirdparty partners, our licensed data')).toBe(0);
  });
});

describe('urlSignalText', () => {
  // What it must read, through the URL parser it avoids.
  const reference = (url: string) => {
    const u = new URL(url);
    return decodeURIComponent(`${u.hostname.split('.')[0]} ${u.pathname} ${u.hash}`).toLowerCase();
  };

  it('reads what URL reads, without parsing a URL', () => {
    for (const url of [
      'https://www.example.com/legal/privacy-policy',
      'https://Example.COM/Terms?ref=footer#Section-2',
      'http://127.0.0.1:8080/page.html',
      'https://shop.example.de/datenschutzerkl%C3%A4rung/',
      'https://example.fr/donn%C3%A9es-personnelles#',
      'https://example.com',
      'https://example.com?q=privacy',
      'https://example.com#/app/terms',
      'https://example.com/a/b/?x=1#y?z',
    ])
      expect(urlSignalText(url), url).toBe(reference(url));
    expect(urlSignalText('not a url')).toBe('');
    // A malformed escape stays as written instead of emptying the whole text.
    expect(urlSignalText('https://example.com/%E0%A4%A/privacy')).toBe('example /%e0%a4%a/privacy ');
  });
});

describe('sampleWindows', () => {
  it('keeps short text whole and spreads long text over evenly spaced windows', async () => {
    const { sampleWindows } = await import('../../lib/detect/triage');
    expect(sampleWindows('abc', 10, 4)).toBe('abc');
    const text = 'a'.repeat(100) + 'b'.repeat(100) + 'c'.repeat(100) + 'd'.repeat(100);
    const sample = sampleWindows(text, 40, 4);
    expect(sample.replace(/ /g, '').length).toBe(40);
    // The first window starts the text, the last one ends it, the middle ones fall in between.
    expect(sample.startsWith('a'.repeat(10))).toBe(true);
    expect(sample.endsWith('d'.repeat(10))).toBe(true);
    expect(sample).toMatch(/b/);
    expect(sample).toMatch(/c/);
  });
});

describe('clipText', () => {
  // The definition it must keep: collapse every whitespace run to one space, trim, then cut.
  const reference = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

  it('equals collapse-trim-cut on random text mixing spaces, tabs, newlines, NBSP and words', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pieces = [' ', '  ', '\t', '\n', '\u00a0', 'a', 'word', 'Privacy', 'é', '—', '\u2003'];
    for (let i = 0; i < 2_000; i++) {
      const text = Array.from(
        { length: Math.floor(random() * 60) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      const max = Math.floor(random() * 30);
      expect(clipText(text, max), JSON.stringify([text, max])).toBe(reference(text, max));
    }
    expect(clipText(null)).toBe('');
    expect(clipText(` ${'x '.repeat(100_000)}`)).toBe(reference(` ${'x '.repeat(100_000)}`, 200));
    // Whitespace runs longer than the first prefix read, and a run cut at the prefix's end.
    for (const text of [`${' '.repeat(5_000)}Privacy policy`, `${'a '.repeat(399)}${' '.repeat(3_000)}b c`])
      for (const max of [1, 200, 799, 800, 801])
        expect(clipText(text, max), JSON.stringify([text.length, max])).toBe(reference(text, max));
  });
});
