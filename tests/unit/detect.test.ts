import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFeatures, detectPage, detectPageInSteps, isCandidatePage, sampleText } from '../../lib/detect';
import { scanElementInSteps } from '../../lib/detect/text-sample';
import { parseHtml } from '../../scripts/parse-html';

const page = (name: string) => parseHtml(readFileSync(`tests/fixtures/pages/${name}`, 'utf8'));
const NEUTRAL = 'http://127.0.0.1/page.html';

describe('detectPage on team-written fixtures', () => {
  it.each([
    ['structure.html', 'privacy-policy'],
    ['terms.html', 'terms'],
    ['french-policy.html', 'privacy-policy'],
    ['german-policy.html', 'privacy-policy'],
    ['checkout.html', 'checkout'],
    ['signup.html', 'checkout'],
    ['news-about-privacy.html', 'other'],
    ['recipe-with-footer.html', 'other'],
    ['imprint.html', 'other'],
    ['community-guidelines.html', 'other'],
  ])('%s → %s', (file, kind) => {
    const d = detectPage(page(file), NEUTRAL);
    expect(d.kind).toBe(kind);
    expect(d.confidence).toBeGreaterThan(0.5);
    expect(d.confidence).toBeLessThanOrEqual(1);
  });

  it('explains its decision in readable reasons', () => {
    const d = detectPage(page('terms.html'), NEUTRAL);
    expect(d.reasons).toContain('title names terms of service/use');
    expect(d.reasons.some((r) => /numbered section headings/.test(r))).toBe(true);
  });

  it('a news story about a privacy policy stays "other" even with "privacy policy" in its title', () => {
    const f = detectFeatures(page('news-about-privacy.html'), NEUTRAL);
    expect(f.titlePrivacy).toBe(true);
    expect(f.newsMarkup).toBe(true);
    expect(detectPage(page('news-about-privacy.html'), NEUTRAL).kind).toBe('other');
  });

  it('footer "Privacy"/"Terms" links with rel=… pointing elsewhere do not make a page a policy', () => {
    const doc = page('recipe-with-footer.html');
    expect(detectFeatures(doc, 'https://kitchen.example/lemon-cake').relSelf).toBeNull();
    expect(detectPage(doc, 'https://kitchen.example/lemon-cake').kind).toBe('other');
  });

  it('uses the URL and rel=privacy-policy pointing at the page itself', () => {
    const doc = parseHtml(
      '<html><head><title>Acme</title><link rel="privacy-policy" href="/legal/privacy"></head><body><p>Short.</p></body></html>',
    );
    const f = detectFeatures(doc, 'https://acme.example/legal/privacy');
    expect(f.relSelf).toBe('privacy-policy');
    expect(f.urlPrivacy).toBe(true);
    expect(detectFeatures(doc, 'https://acme.example/shop').relSelf).toBeNull();
  });

  it('reads a bold paragraph as the title line of a page without an h1, never bold words in a sentence', () => {
    const body = (lead: string) =>
      parseHtml(
        `<html><head><title>Acme</title></head><body>${lead}<p>We explain what information we process when you use our products and how we use it.</p></body></html>`,
      );
    const titled = body('<p><strong>Acme Group</strong></p><p><strong>Consumer Privacy Policy</strong></p>');
    expect(detectFeatures(titled, NEUTRAL).headingPrivacy).toBe(true);
    const inline = body('<p>Read our <strong>Consumer Privacy Policy</strong> before you sign up.</p>');
    expect(detectFeatures(inline, NEUTRAL).headingPrivacy).toBe(false);
    // An h1 is the title when there is one: a bold line below it is a section's name.
    const h1 = body('<h1>Our brand</h1><p><b>Privacy Policy</b></p>');
    expect(detectFeatures(h1, NEUTRAL).headingPrivacy).toBe(false);
  });

  it('never modifies the document', () => {
    const doc = page('structure.html');
    const before = doc.documentElement.textContent;
    detectPage(doc, NEUTRAL);
    expect(doc.documentElement.textContent).toBe(before);
  });

  it('isCandidatePage is false on ordinary pages and true on policies and checkouts', () => {
    expect(isCandidatePage(page('recipe-with-footer.html'), NEUTRAL)).toBe(false);
    expect(isCandidatePage(page('structure.html'), NEUTRAL)).toBe(true);
    expect(isCandidatePage(page('checkout.html'), NEUTRAL)).toBe(true);
  });

  it('handles a document without body or title', () => {
    const doc = parseHtml('');
    expect(detectPage(doc, 'not a url').kind).toBe('other');
  });
});

describe('sampleText', () => {
  it('skips scripts, styles and site chrome and respects the character budget', () => {
    const doc = parseHtml(
      '<body><nav>Menu Privacy</nav><script>var privacy = 1</script><p>Hello world.</p><footer>Terms</footer><p>' +
        'x '.repeat(5000) +
        '</p></body>',
    );
    const s = sampleText(doc.body, { maxChars: 100 });
    expect(s.text.startsWith('Hello world.')).toBe(true);
    expect(s.text).not.toMatch(/Menu|privacy|Terms/);
    expect(s.text.length).toBeLessThanOrEqual(100);
    expect(s.truncated).toBe(true);
  });

  it('stops after the node budget', () => {
    const doc = parseHtml(`<body>${'<p>a</p>'.repeat(100)}</body>`);
    const s = sampleText(doc.body, { maxNodes: 10 });
    expect(s.truncated).toBe(true);
    expect(s.visited).toBe(11);
  });
});

describe('detectPageInSteps (the page runs it in slices)', () => {
  /** Runs a job to its end; its value and how many times it paused. */
  function run<T>(job: Generator<void, T, void>): { value: T; pauses: number } {
    let pauses = 0;
    for (let step = job.next(); ; step = job.next(), pauses++)
      if (step.done) return { value: step.value, pauses };
  }

  it('gives what detectPage gives on every fixture, pausing after the scan', () => {
    for (const name of ['structure.html', 'terms.html', 'news-about-privacy.html', 'checkout.html']) {
      const { value, pauses } = run(detectPageInSteps(page(name), NEUTRAL));
      expect(value, name).toEqual(detectPage(page(name), NEUTRAL));
      expect(pauses, name).toBeGreaterThanOrEqual(1);
    }
  });

  it('pauses every 250 elements of the scan, so no slice walks more', () => {
    const doc = parseHtml(`<body>${'<p>a</p>'.repeat(3_500)}</body>`);
    // Every element is visited (3,500 paragraphs and the document's own: 3,503), with a pause at 250, 500, …,
    // 3,500. At 1,000 a slice of a 15,000-word policy took 50–65 ms with the page's CPU slowed 4× (traced).
    expect(run(scanElementInSteps(doc.documentElement)).pauses).toBe(14);
    expect(run(scanElementInSteps(doc.documentElement)).value.visited).toBe(doc.querySelectorAll('*').length);
  });
});
