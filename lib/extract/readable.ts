/**
 * Find the policy text's container: Readability on a CLONE of the document (the live page is never
 * touched), returning the article as a DOM element via Readability's `serializer` option — never an HTML
 * string. When Readability fails, aborts on a huge page, or keeps too little of a long page (policies with
 * heavy chrome), fall back to the main/article/body of a fresh clone with site chrome removed.
 * @module
 */
import { Readability } from '@mozilla/readability';
import { textOf } from '../dom-text';

export interface ReadableOptions {
  /** Readability aborts above this many elements (then the fallback runs). */
  maxElemsToParse?: number;
  /**
   * Also read collapsed sections (accordion panels named by `aria-controls`, closed `<details>`), which
   * are part of the policy even when not on screen. Default false: the content script reads what the
   * user sees (and re-reads when a section opens); the CLI sets it.
   */
  includeCollapsed?: boolean;
}

/**
 * Un-hide accordion panels and open `<details>` in a clone, so their text is read; accordion buttons
 * become headings (text only) so the panels keep their section titles.
 */
export function revealCollapsed(clone: Document): void {
  const ids = new Set<string>();
  for (const control of Array.from(clone.querySelectorAll('[aria-controls]'))) {
    for (const id of (control.getAttribute('aria-controls') ?? '').split(/\s+/)) if (id) ids.add(id);
    // An accordion button's label is the section's title; Readability drops buttons, so make it a heading.
    const label = (control.textContent ?? '').replace(/\s+/g, ' ').trim();
    const isButton = control.tagName.toUpperCase() === 'BUTTON' || control.getAttribute('role') === 'button';
    if (isButton && control.hasAttribute('aria-expanded') && label && label.length <= 200) {
      const heading = clone.createElement('h3');
      heading.textContent = label;
      control.replaceWith(heading);
    }
  }
  for (const id of ids) {
    const panel = clone.getElementById(id);
    if (!panel) continue;
    panel.removeAttribute('hidden');
    panel.removeAttribute('aria-hidden');
    // Inline display:none / visibility:hidden also hides it from Readability.
    panel.removeAttribute('style');
  }
  for (const details of Array.from(clone.querySelectorAll('details:not([open])')))
    details.setAttribute('open', '');
}

export interface ReadableResult {
  root: Element;
  title: string;
  source: 'readability' | 'fallback';
  /** Readability's reading direction / language hints, when it found them. */
  lang?: string;
}

const CHROME =
  'script, style, noscript, template, nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], [hidden], dialog, svg, iframe';

/** Characters of text in an element, whitespace collapsed (read through its text nodes: lib/dom-text.ts). */
function textLength(el: Element | null): number {
  return el ? textOf(el).replace(/\s+/g, ' ').length : 0;
}

const MAX_DEPTH = 100;

const NOT_CONTENT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'FORM',
  'SVG',
  'IFRAME',
  'DIALOG',
]);

/** Length of the text the fallback would keep, read without modifying or cloning (iterative walk). */
function visibleTextLength(root: Element | null): number {
  if (!root) return 0;
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      n += (node.nodeValue ?? '').replace(/\s+/g, ' ').length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (
      NOT_CONTENT.has(el.tagName.toUpperCase()) ||
      el.hasAttribute('hidden') ||
      el.getAttribute('aria-hidden') === 'true'
    )
      continue;
    for (let c = el.firstChild; c; c = c.nextSibling) stack.push(c);
  }
  return n;
}

/**
 * Whether the document is too big or too deep for Readability, whose scoring grows roughly with the cube
 * of nesting depth (a 400-deep chain takes seconds, 2,000-deep minutes). The walk stops at the first
 * limit hit. Corpus pages nest at most 33 deep; 100 leaves room for heavy frameworks.
 */
export function tooComplexForReadability(doc: Document, maxElems: number, maxDepth = MAX_DEPTH): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  let count = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (++count > maxElems || depth > maxDepth) return true;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return false;
}

/** The fallback container of a fresh clone: main → article → [role=main] → body, chrome removed. */
export function fallbackRoot(doc: Document, includeCollapsed = false): Element | null {
  const clone = doc.cloneNode(true) as Document;
  if (includeCollapsed) revealCollapsed(clone);
  const body = clone.body ?? clone.documentElement;
  if (!body) return null;
  for (const el of Array.from(body.querySelectorAll(CHROME))) el.remove();
  const candidates = Array.from(clone.querySelectorAll('main, [role="main"], article'));
  const bodyLen = textLength(body);
  // The biggest candidate wins when it holds most of the page's text; otherwise the body does.
  let best: Element = body;
  let bestLen = 0;
  for (const c of candidates) {
    const len = textLength(c);
    if (len > bestLen) {
      best = c;
      bestLen = len;
    }
  }
  return bestLen >= bodyLen * 0.5 ? best : body;
}

interface BylineInternals {
  _isValidByline?: (node: Element, matchString: string) => boolean;
  REGEXPS?: { byline?: unknown };
}

/**
 * Readability 0.6 measures an element's whole text (`textContent`) before it asks whether the element looks
 * like a byline at all, for every element of every pass. On a long policy the containers' text is most of
 * the page, built again for each of them: that is most of the parse (a 15,000-word page: 59 of 87 ms in one
 * profile). This gives the same answer with the cheap checks first. Left alone if the internals differ
 * (another Readability version); a corpus test checks the parse is unchanged.
 */
export function checkBylinesCheaply(reader: object): void {
  const r = reader as BylineInternals;
  const byline = r.REGEXPS?.byline;
  if (typeof r._isValidByline !== 'function' || !(byline instanceof RegExp) || byline.global || byline.sticky)
    return;
  r._isValidByline = (node, matchString) => {
    const itemprop = node.getAttribute('itemprop');
    const looksLikeByline =
      node.getAttribute('rel') === 'author' || !!itemprop?.includes('author') || byline.test(matchString);
    if (!looksLikeByline) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < 100;
  };
}

interface TextInternals {
  _getInnerText?: (e: Element, normalizeSpaces?: boolean) => string;
  REGEXPS?: { normalize?: unknown };
}

/**
 * Readability reads each candidate container's whole text (`_getInnerText`: `textContent`, trimmed, spaces
 * collapsed); on the 15,000-word page five calls read all 107 KB of it. This reads the same characters
 * through the text nodes (lib/dom-text.ts): Readability's parse there went from 49–54 to 36–39 ms (medians
 * of 7 loads, slow machine). Left alone if the internals differ (another Readability version); a corpus
 * test checks the parse is unchanged.
 */
export function readTextThroughNodes(reader: object): void {
  const r = reader as TextInternals;
  const normalize = r.REGEXPS?.normalize;
  if (typeof r._getInnerText !== 'function' || !(normalize instanceof RegExp)) return;
  r._getInnerText = (e, normalizeSpaces = true) => {
    const text = textOf(e).trim();
    return normalizeSpaces ? text.replace(normalize, ' ') : text;
  };
}

/** Locate the readable content of `doc` (see module doc); null when the document has no body at all. */
export function findReadableContent(doc: Document, options: ReadableOptions = {}): ReadableResult | null {
  const title = (doc.title ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
  let article: ReturnType<Readability<Node>['parse']> = null;
  const maxElems = options.maxElemsToParse ?? 40_000;
  try {
    // Checked here too: Readability counts with getElementsByTagName('*'), which linkedom answers with 0.
    if (tooComplexForReadability(doc, maxElems)) throw new Error('too many elements or too deep');
    const clone = doc.cloneNode(true) as Document;
    if (options.includeCollapsed) revealCollapsed(clone);
    const reader = new Readability<Node>(clone, {
      maxElemsToParse: maxElems,
      charThreshold: 500,
      serializer: (node: Node) => node,
      keepClasses: false,
    });
    checkBylinesCheaply(reader);
    readTextThroughNodes(reader);
    article = reader.parse();
  } catch {
    // Too many elements, or a DOM Readability cannot handle: the fallback below takes over.
  }
  const content = article?.content as Element | null | undefined;
  if (content && content.nodeType === 1) {
    const kept = textLength(content);
    // Measured on the live document without cloning it a second time (cloning is the costly part).
    const available = visibleTextLength(doc.body);
    // Readability sometimes keeps one section of a long policy; accept it only if it kept most of it.
    if (kept >= 200 && kept >= available * 0.6) {
      return {
        root: content,
        title: article?.title?.trim().slice(0, 300) || title,
        source: 'readability',
        lang: article?.lang ?? undefined,
      };
    }
  }
  const fallback = fallbackRoot(doc, options.includeCollapsed);
  if (!fallback) return null;
  return { root: fallback, title, source: 'fallback' };
}
