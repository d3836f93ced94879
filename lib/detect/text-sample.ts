/**
 * One bounded walk over a page that gathers everything detection needs: visible text (outside scripts and
 * site chrome), the first headings, `rel` links, form controls, `<meta>` tags and byline markers. It visits
 * each node at most once and stops after a fixed budget of elements; text stops at a character budget. In a
 * page, the caller passes `isVisible`: text and headings the user cannot see are left out (one check per
 * element that holds text, see visible.ts); no other layout is read.
 * @module
 */
import { runToEnd } from '../scheduler';

/** Never read: not what a reader sees. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'canvas',
  'select',
  'textarea',
]);
/** Site chrome repeated on every page: walked for headings/links/controls, but its text is not sampled. */
const CHROME = new Set(['nav', 'footer', 'header', 'aside', 'head']);

export interface TextSample {
  /** Visible text, whitespace-collapsed, at most `maxChars` long. */
  text: string;
  /** Whether a budget ran out before the end of the document. */
  truncated: boolean;
  /** Elements visited. */
  visited: number;
}

export interface PageScan extends TextSample {
  h1: Element[];
  /** h2 elements (first 60), and h3 elements (first 60), in document order. */
  h2: Element[];
  h3: Element[];
  /** The first `<strong>`/`<b>` elements (at most 6): a page without an h1 often sets its title so. */
  strong: Element[];
  /** `<a>`/`<link>` elements whose `rel` mentions privacy-policy or terms-of-service. */
  relLinks: Element[];
  /** input, button and label elements (first 400). */
  controls: Element[];
  meta: Element[];
  /** An element with a byline class, `rel=author` or `itemprop=author` was seen. */
  byline: boolean;
}

export interface SampleOptions {
  maxChars?: number;
  maxNodes?: number;
  /**
   * Whether the text an element holds can be seen (lib/detect/visible.ts `textVisibility` in a page): text and
   * headings the user cannot see are not sampled. Everything counts as visible without it (parsed documents).
   */
  isVisible?: (el: Element) => boolean;
}

const MAX_HEADINGS = 60;
const MAX_CONTROLS = 400;

/**
 * Elements visited between the pauses of `scanElementInSteps`. At 1,000 a step of a 15,000-word policy took
 * 50–65 ms of thread CPU with the page's CPU slowed 4× (traced).
 */
const ELEMENTS_PER_STEP = 250;

/**
 * Scan a whole document (head and body) in one iterative walk within the budgets.
 * Iterative, so a 2,000-deep DOM cannot overflow the stack.
 */
export function scanPage(doc: Document, options: SampleOptions = {}): PageScan {
  return scanElement(doc.documentElement, options);
}

/** `scanPage` from any element. */
export function scanElement(root: Element | null, options: SampleOptions = {}): PageScan {
  return runToEnd(scanElementInSteps(root, options));
}

/**
 * `scanElement` as a job for lib/scheduler.ts `runSliced` (the page runs it so): it may pause every
 * 1,000 elements. Its 8,000 elements took ~12 ms on a real 6,000-word policy, and over 50 ms in one task
 * with the page's CPU slowed 4× (2026-12-02).
 */
export function* scanElementInSteps(
  root: Element | null,
  options: SampleOptions = {},
): Generator<void, PageScan, void> {
  const maxChars = options.maxChars ?? 24_000;
  const maxNodes = options.maxNodes ?? 8_000;
  const isVisible = options.isVisible;
  const scan: PageScan = {
    text: '',
    truncated: false,
    visited: 0,
    h1: [],
    h2: [],
    h3: [],
    strong: [],
    relLinks: [],
    controls: [],
    meta: [],
    byline: false,
  };
  if (!root) return scan;
  const parts: string[] = [];
  let length = 0;
  // Each entry: the node and whether it lies inside chrome (its text is not sampled).
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, chrome] = stack.pop()!;
    if (node.nodeType === 3) {
      if (chrome || length >= maxChars) continue;
      const t = node.nodeValue;
      if (t && /\S/.test(t) && (!isVisible || !node.parentElement || isVisible(node.parentElement))) {
        parts.push(t);
        length += t.length;
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    if (++scan.visited > maxNodes) {
      scan.truncated = true;
      break;
    }
    if (scan.visited % ELEMENTS_PER_STEP === 0) yield;
    const el = node as Element;
    // localName, and attribute reads only where they matter: both are cheap in browsers but not in every
    // DOM implementation (linkedom's getAttribute costs ~1 µs).
    const tag = el.localName;
    if (SKIP.has(tag)) continue;
    switch (tag) {
      case 'h1':
        if (scan.h1.length < 3 && (!isVisible || isVisible(el))) scan.h1.push(el);
        break;
      case 'h2':
        if (scan.h2.length < MAX_HEADINGS && (!isVisible || isVisible(el))) scan.h2.push(el);
        break;
      case 'h3':
        if (scan.h3.length < MAX_HEADINGS && (!isVisible || isVisible(el))) scan.h3.push(el);
        break;
      case 'strong':
      case 'b':
        if (scan.strong.length < 6 && (!isVisible || isVisible(el))) scan.strong.push(el);
        break;
      case 'input':
      case 'button':
      case 'label':
        if (scan.controls.length < MAX_CONTROLS) scan.controls.push(el);
        break;
      case 'meta':
        if (scan.meta.length < 100) scan.meta.push(el);
        break;
      case 'a':
      case 'link': {
        const rel = el.getAttribute('rel');
        if (rel && /privacy-policy|terms-of-service/i.test(rel)) scan.relLinks.push(el);
        if (rel === 'author') scan.byline = true;
        break;
      }
    }
    let inChrome = chrome || CHROME.has(tag);
    const readingText = !inChrome && length < maxChars;
    if (readingText && el.hasAttributes()) {
      if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') inChrome = true;
      else if (
        !scan.byline &&
        (el.getAttribute('itemprop') === 'author' || /byline/i.test(el.getAttribute('class') ?? ''))
      )
        scan.byline = true;
    }
    // Push children in reverse so they pop in document order.
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push([c, inChrome]);
  }
  if (length >= maxChars) scan.truncated = true;
  scan.text = parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, maxChars);
  return scan;
}

/**
 * Visible text of `root` only (skipping scripts and chrome), within the budgets. Kept for callers that need
 * text alone; detection uses `scanPage`.
 */
export function sampleText(root: Element | null, options: SampleOptions = {}): TextSample {
  const { text, truncated, visited } = scanElement(root, options);
  return { text, truncated, visited };
}
