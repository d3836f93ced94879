/**
 * Page-kind detection: is this page a privacy policy, terms of service, a checkout / sign-up page, or
 * something else? It runs on every page the content script sees, so it reads only cheap signals: the URL,
 * the title, the first headings, `rel` links, form controls and a bounded sample of visible text (see
 * text-sample.ts). No layout reads, no Readability.
 *
 * Cost: one walk of at most 8,000 elements collecting at most 24,000 characters, then a few regular
 * expressions over that sample. Measured with `npm run -s bench:pipeline` (Node + linkedom, 2-core machine
 * shared with other jobs): median of per-page medians 1.3 ms on the 18 news pages of the corpus, 0.2 ms
 * on the small legal pages; linkedom's attribute reads dominate. The in-browser cost is measured by the
 * content-script benchmarks.
 * @module
 */
import type { Detection, PageKind } from '../types';
import { checkoutFromControls } from './checkout';
import { clipText, linksToPage, urlSignalText } from './page-signals';
import { scanElementInSteps, scanPage, type PageScan, type SampleOptions } from './text-sample';
import { runToEnd } from '../scheduler';
import {
  countMatches,
  LEGAL_TITLE,
  NEWS_PHRASES,
  OTHER_LEGAL_TITLE,
  OTHER_LEGAL_URL,
  PRIVACY_PHRASES,
  PRIVACY_SECTION,
  SELF_OTHER,
  SELF_PRIVACY,
  SELF_TERMS,
  TERMS_SECTION,
  PRIVACY_TITLE,
  PRIVACY_URL,
  TERMS_PHRASES,
  TERMS_TITLE,
  TERMS_URL,
} from './vocabulary';

export { sampleText, scanPage } from './text-sample';
export { checkoutSignals } from './checkout';
export {
  readTriageFacts,
  triage,
  triageDetection,
  triagePage,
  TRIAGE_CONFIDENCE,
  type TriageVerdict,
} from './triage';

/** The measurable inputs to the decision, exposed for tests and tuning. */
export interface DetectFeatures {
  urlPrivacy: boolean;
  urlTerms: boolean;
  urlOther: boolean;
  titlePrivacy: boolean;
  titleTerms: boolean;
  titleOther: boolean;
  headingPrivacy: boolean;
  headingTerms: boolean;
  headingOther: boolean;
  /** Title or h1 is just "Legal" (or "Legal center"…). */
  legalTitle: boolean;
  /** A later section heading names the document ("Privacy Policy" as an h2 further down). */
  sectionPrivacy: boolean;
  sectionTerms: boolean;
  /** `rel=privacy-policy` / `rel=terms-of-service` pointing at this very URL. */
  relSelf: 'privacy-policy' | 'terms' | null;
  /** Section headings that start with a number ("1.", "2.3", "IV."). */
  numberedHeadings: number;
  words: number;
  /** Phrase hits per 1,000 words of sampled text. */
  privacyDensity: number;
  termsDensity: number;
  newsDensity: number;
  /** "we/our/us/you/your" per 100 words: policies address the reader. */
  addressDensity: number;
  /** Times the text names itself a privacy document ("this Privacy Policy"), terms ("these Terms"), or another kind of page ("these Guidelines"). */
  selfPrivacy: number;
  selfTerms: number;
  selfOther: number;
  /** Section headings (h2/h3) that name a privacy policy's or terms' usual sections. */
  privacySections: number;
  termsSections: number;
  newsMarkup: boolean;
  checkout: number;
  checkoutReasons: string[];
}

const NUMBERED =
  /^\s*(?:(?:section|article|art\.)\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[ivx]{1,5}\.|[a-h][.)])\s+\S/i;
const ADDRESS = /\b(?:we|our|us|you|your|nous|vous|votre|vos|wir|unsere?|sie|ihre?)\b/gi;

const text = (el: Element | null | undefined) => clipText(el?.textContent);

/** The first three bold elements that are a whole short paragraph of their own: title lines. */
function boldTitleLines(strong: Element[]): string[] {
  return strong
    .filter((el) => {
      const own = text(el);
      return own.length > 0 && own.length <= 80 && text(el.parentElement) === own;
    })
    .slice(0, 3)
    .map((el) => text(el));
}

/**
 * Compute the detection features of a page (bounded work; see module doc) from its scan (`scanPage`, or
 * `scanElementInSteps` run in slices).
 */
export function detectFeatures(doc: Document, url: string, scan: PageScan = scanPage(doc)): DetectFeatures {
  return runToEnd(detectFeaturesInSteps(doc, url, scan));
}

/**
 * `detectFeatures` as a job for lib/scheduler.ts `runSliced`, pausing between the headings and the text
 * counts: on a 15,000-word policy they made one task of 40–70 ms of thread CPU with the page's CPU slowed 4×
 * (traced), the phrase counts over the text sample most of it.
 */
function* detectFeaturesInSteps(
  doc: Document,
  url: string,
  scan: PageScan,
): Generator<void, DetectFeatures, void> {
  const path = urlSignalText(url);
  const title = (doc.title ?? '').replace(/\s+/g, ' ').trim();
  // A page without an h1 often sets its title as a paragraph in bold ("**Consumer Privacy Policy**").
  const h1s = scan.h1.length ? scan.h1.map((h) => text(h)).filter(Boolean) : boldTitleLines(scan.strong);
  const subheadings = scan.h2.length >= 2 ? scan.h2 : [...scan.h2, ...scan.h3];
  const subheadingTexts = subheadings.map((h) => text(h));
  const sectionTexts = [...scan.h2, ...scan.h3].map((h) => text(h));
  const firstHeadings = [...h1s, ...subheadingTexts.slice(0, 2)].join(' | ');
  const numberedHeadings = subheadingTexts.filter((h) => NUMBERED.test(h)).length;
  // Short headings only: a section titled "Privacy Policy", not a sentence that mentions one.
  const sectionNames = subheadingTexts.slice(2).filter((h) => h.length <= 40);

  let relSelf: DetectFeatures['relSelf'] = null;
  for (const link of scan.relLinks.slice(0, 50)) {
    if (!linksToPage(link.getAttribute('href'), url)) continue;
    relSelf = /privacy-policy/i.test(link.getAttribute('rel') ?? '') ? 'privacy-policy' : 'terms';
  }

  const sample = scan;
  const words = sample.text ? sample.text.split(' ').length : 0;
  const per1000 = (n: number) => (words ? (n * 1000) / words : 0);
  const newsMarkup =
    scan.byline ||
    scan.meta.some((m) => {
      const prop = m.getAttribute('property');
      return (
        prop === 'article:published_time' || (prop === 'og:type' && m.getAttribute('content') === 'article')
      );
    });
  const checkout = checkoutFromControls(scan.controls);
  yield;
  const privacyCount = countMatches(PRIVACY_PHRASES, sample.text);
  const termsCount = countMatches(TERMS_PHRASES, sample.text);
  yield;
  const newsCount = countMatches(NEWS_PHRASES, sample.text);
  const addressCount = countMatches(ADDRESS, sample.text);
  yield;
  const selfPrivacy = countMatches(SELF_PRIVACY, sample.text);
  const selfTerms = countMatches(SELF_TERMS, sample.text);
  const selfOther = countMatches(SELF_OTHER, sample.text);

  return {
    urlPrivacy: PRIVACY_URL.test(path),
    urlTerms: TERMS_URL.test(path),
    urlOther: OTHER_LEGAL_URL.test(path),
    titlePrivacy: PRIVACY_TITLE.test(title),
    titleTerms: TERMS_TITLE.test(title),
    titleOther: OTHER_LEGAL_TITLE.test(title),
    headingPrivacy: PRIVACY_TITLE.test(firstHeadings),
    headingTerms: TERMS_TITLE.test(firstHeadings),
    // The page's first two h1s (a site banner, then the document's name): a long terms page may have an
    // h1 per part further down, one of them "Digital Millennium Copyright Act".
    headingOther: OTHER_LEGAL_TITLE.test(h1s.slice(0, 2).join(' | ')),
    legalTitle: LEGAL_TITLE.test(title) || h1s.some((h) => LEGAL_TITLE.test(h)),
    sectionPrivacy: sectionNames.some((h) => PRIVACY_TITLE.test(h)),
    sectionTerms: sectionNames.some((h) => TERMS_TITLE.test(h)),
    relSelf,
    numberedHeadings,
    words,
    privacyDensity: per1000(privacyCount),
    termsDensity: per1000(termsCount),
    newsDensity: per1000(newsCount),
    addressDensity: words ? (addressCount * 100) / words : 0,
    selfPrivacy,
    selfTerms,
    selfOther,
    privacySections: sectionTexts.filter((h) => h.length <= 80 && PRIVACY_SECTION.test(h)).length,
    termsSections: sectionTexts.filter((h) => h.length <= 80 && TERMS_SECTION.test(h)).length,
    newsMarkup,
    checkout: checkout.score,
    checkoutReasons: checkout.reasons,
  };
}

interface Scored {
  privacy: number;
  terms: number;
  reasons: string[];
}

/** Turn features into one score per policy kind (log-odds-like units; > 0 leans policy). */
export function scoreFeatures(f: DetectFeatures): Scored {
  const reasons: string[] = [];
  // Prior: most pages are not policies. -2.5 sits mid-way in the gap between the weakest policy and the
  // most policy-like non-policy of the corpus (see tests/corpus/detect.test.ts for the margins).
  let privacy = -2.5;
  let terms = -2.5;
  const add = (kind: 'privacy' | 'terms' | 'both', w: number, reason: string) => {
    if (kind !== 'terms') privacy += w;
    if (kind !== 'privacy') terms += w;
    reasons.push(reason);
  };
  if (f.relSelf === 'privacy-policy') add('privacy', 4, 'rel=privacy-policy points at this page');
  if (f.relSelf === 'terms') add('terms', 4, 'rel=terms-of-service points at this page');
  if (f.titlePrivacy) add('privacy', 2.5, 'title names a privacy/cookie policy');
  if (f.titleTerms) add('terms', 2.5, 'title names terms of service/use');
  if (f.headingPrivacy) add('privacy', 2, 'main heading names a privacy/cookie policy');
  if (f.headingTerms) add('terms', 2, 'main heading names terms of service/use');
  if (f.legalTitle) add('both', 1, 'title/heading is "Legal"');
  if (f.sectionPrivacy && !f.titlePrivacy && !f.headingPrivacy)
    add('privacy', 1, 'a section heading names a privacy policy');
  if (f.sectionTerms && !f.titleTerms && !f.headingTerms) add('terms', 1, 'a section heading names terms');
  if (f.urlPrivacy) add('privacy', 1, 'URL path mentions privacy/cookies');
  if (f.urlTerms) add('terms', 1, 'URL path mentions terms');
  if (f.titleOther || f.headingOther)
    add('both', -3.5, 'title/heading names another legal page (imprint, guidelines, copyright…)');
  if (f.urlOther && !f.urlPrivacy && !f.urlTerms) add('both', -1, 'URL path looks like another kind of page');

  // Vocabulary: saturating, so one long policy does not dominate; density per 1,000 words.
  // Densities from a few dozen words (a form, a banner) are noise: scale them down below 400 words.
  const support = Math.min(1, f.words / 400);
  const pv = (Math.min(f.privacyDensity, 40) / 6) * support;
  const tv = (Math.min(f.termsDensity, 40) / 6) * support;
  if (pv > 0.5) add('privacy', pv, `privacy vocabulary ${f.privacyDensity.toFixed(0)}/1000 words`);
  if (tv > 0.5) add('terms', tv, `terms vocabulary ${f.termsDensity.toFixed(0)}/1000 words`);
  if (f.addressDensity > 4)
    add(
      'both',
      Math.min(f.addressDensity - 4, 4) / 2,
      `addresses the reader (${f.addressDensity.toFixed(1)} we/you per 100 words)`,
    );
  if (f.numberedHeadings >= 4) add('both', 1, `${f.numberedHeadings} numbered section headings`);
  // A document names itself: a policy says "this Privacy Policy" again and again, other pages only link to
  // one. What the page's text calls itself, when the title and address say nothing (a neutral URL).
  if (f.selfPrivacy >= 2)
    add('privacy', Math.min(f.selfPrivacy, 6) * 0.5, `calls itself a privacy policy ${f.selfPrivacy} times`);
  if (f.selfTerms >= 2)
    add('terms', Math.min(f.selfTerms, 6) * 0.5, `calls itself terms ${f.selfTerms} times`);
  // The sections a policy or terms is made of ("How we use your information", "Limitation of liability").
  if (f.privacySections >= 2)
    add(
      'privacy',
      Math.min(f.privacySections, 6) * 0.5,
      `${f.privacySections} privacy-policy section headings`,
    );
  if (f.termsSections >= 2)
    add('terms', Math.min(f.termsSections, 6) * 0.5, `${f.termsSections} terms section headings`);
  if (f.selfOther >= 3 && f.selfOther > f.selfPrivacy + f.selfTerms)
    add(
      'both',
      -Math.min(f.selfOther, 8) * 0.4,
      `reads as guidelines, a copyright or law-enforcement page (${f.selfOther} phrases)`,
    );
  if (f.words < 250) add('both', -2, `little text (${f.words} words)`);

  if (f.newsDensity > 1.5)
    add(
      'both',
      -Math.min(f.newsDensity, 12) / 2,
      `reads like news (${f.newsDensity.toFixed(1)} reporting words/1000)`,
    );
  if (f.newsMarkup) add('both', -1, 'article/byline markup');
  return { privacy, terms, reasons };
}

/**
 * Decide the kind of a page. Cheap enough for every page (bounded text sample, no layout).
 * @param doc the live document or a parsed one; never modified.
 * @param url the page URL (used for its path only).
 */
export function detectPage(doc: Document, url: string): Detection {
  return runToEnd(detectPageInSteps(doc, url));
}

/**
 * `detectPage` as a job for lib/scheduler.ts `runSliced` (the page runs it so): the page's scan may pause
 * every 1,000 elements, and the phrase counts over its text run after a pause of their own.
 */
export function* detectPageInSteps(
  doc: Document,
  url: string,
  options: Pick<SampleOptions, 'isVisible'> = {},
): Generator<void, Detection, void> {
  const scan = yield* scanElementInSteps(doc.documentElement, options);
  yield;
  return decide(yield* detectFeaturesInSteps(doc, url, scan));
}

function decide(f: DetectFeatures): Detection {
  const s = scoreFeatures(f);
  const best = Math.max(s.privacy, s.terms);
  // Subscription pop-ups on news pages carry card fields too; a reading page is not a checkout.
  const readingPage = f.newsDensity > 3 || (f.newsMarkup && f.words > 800);
  const named = f.titlePrivacy || f.titleTerms || f.headingPrivacy || f.headingTerms || f.relSelf !== null;
  // A payment or sign-up form whose page does not call itself a policy is a checkout, whatever its
  // consent text says.
  if (f.checkout >= 0.7 && !named && !readingPage)
    return { kind: 'checkout', confidence: f.checkout, reasons: f.checkoutReasons };
  if (best > 0) {
    const kind: PageKind =
      s.privacy === s.terms
        ? f.titleTerms || f.headingTerms
          ? 'terms'
          : 'privacy-policy'
        : s.privacy > s.terms
          ? 'privacy-policy'
          : 'terms';
    return { kind, confidence: logistic(best), reasons: s.reasons };
  }
  if (f.checkout >= 0.7 && !readingPage)
    return { kind: 'checkout', confidence: f.checkout, reasons: f.checkoutReasons };
  return { kind: 'other', confidence: logistic(-best), reasons: s.reasons };
}

/** Fast path for the content script: true when the page deserves extraction (policy or checkout). */
export function isCandidatePage(doc: Document, url: string): boolean {
  return detectPage(doc, url).kind !== 'other';
}

function logistic(x: number): number {
  return Math.round((1 / (1 + Math.exp(-x))) * 1000) / 1000;
}
