// @vitest-environment happy-dom
// Fixture markup below is team-written for these tests.
import { beforeEach, describe, expect, it } from 'vitest';
import { createLocator, indexText, rangeFor } from '../../lib/locate';
import {
  createHighlighter,
  createOwnNodes,
  drawSessionNames,
  highlightApiCss,
  primaryLabel,
  type HighlightItem,
} from '../../lib/highlight';
import { randomBytes } from 'node:crypto';
import { CATEGORY_IDS, TAXONOMY, type CategoryId } from '../../lib/classify/taxonomy';
import type { Label } from '../../lib/types';

const PAGE = [
  '<h1>Privacy</h1>',
  '<p id="p1">Intro text. We may use <a href="#x" id="link">your content</a> to <b>train our models</b>. More text.</p>',
  '<ul><li>We share data with <i>partners</i>.</li><li>We do not sell your data.</li></ul>',
  '<p>We share data with partners.</p>',
].join('');

function load(html: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

/** Serialises the DOM with text-node boundaries visible, so a leftover split shows up as a difference. */
function snapshot(root: Node): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) out.push(`#text(${(n as Text).data})`);
    else if (n.nodeType === 1) {
      const el = n as Element;
      const attrs = [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ');
      out.push(`<${el.tagName} ${attrs}>`);
      el.childNodes.forEach(walk);
      out.push(`</${el.tagName}>`);
    }
  };
  walk(root);
  return out.join('');
}

function items(clauses: [string, CategoryId][]): HighlightItem[] {
  const locator = createLocator(indexText(document.body));
  return clauses.map(([text, category], i) => {
    const p = locator.locate(text);
    if (!p) throw new Error(`fixture clause not placed: ${text}`);
    return { id: `c${i}`, category, range: rangeFor(document, p), segments: p.segments };
  });
}

const CLAUSES: [string, CategoryId][] = [
  ['We may use your content to train our models.', 'ai-training'],
  ['We share data with partners.', 'data-sharing'],
  ['We do not sell your data.', 'data-sale'],
  ['We share data with partners.', 'data-sharing'],
];

/** This test run's session names (random, as in a page). */
const names = drawSessionNames((bytes) => bytes.set(randomBytes(bytes.length)));
const MARK_ATTR = names.markAttr;

beforeEach(() => {
  document.body.replaceChildren();
  document.adoptedStyleSheets = [];
});

describe('mark fallback', () => {
  it('wraps clauses in <mark data-fineprint> and restores the exact DOM, keeping the original nodes', () => {
    load(PAGE);
    const before = snapshot(document.documentElement);
    const link = document.getElementById('link')!;
    const linkText = link.firstChild!;
    let clicks = 0;
    link.addEventListener('click', () => clicks++);
    const p1First = document.getElementById('p1')!.firstChild as Text;

    const hl = createHighlighter(document, { win: window as never, forceFallback: true, names });
    hl.apply(items(CLAUSES));
    expect(hl.mode).toBe('marks');
    const marks = document.querySelectorAll(`mark[${MARK_ATTR}]`);
    expect(marks.length).toBeGreaterThanOrEqual(8);
    expect([...marks].map((m) => m.textContent).join('|')).toContain('your content');
    expect(
      document.querySelector(`mark[${MARK_ATTR}="${names.highlight['ai-training']}"]`)?.textContent,
    ).toBe('We may use ');
    expect(snapshot(document.documentElement)).not.toBe(before);
    // The page's own elements are still live and wired.
    link.click();
    expect(clicks).toBe(1);
    expect(hl.itemForElement(link.firstElementChild ?? link.querySelector('mark'))?.id).toBe('c0');

    hl.clear();
    expect(snapshot(document.documentElement)).toBe(before);
    expect(link.firstChild).toBe(linkText);
    expect(document.getElementById('p1')!.firstChild).toBe(p1First);
    link.click();
    expect(clicks).toBe(2);
  });

  it('survives the page removing marked nodes before teardown', () => {
    load(PAGE);
    const hl = createHighlighter(document, { win: window as never, forceFallback: true, names });
    hl.apply(items(CLAUSES));
    document.querySelector('ul')!.remove();
    expect(() => hl.clear()).not.toThrow();
    expect(document.querySelectorAll(`mark[${MARK_ATTR}]`).length).toBe(0);
  });

  it('flags the active and flashing clause and removes the flash later', () => {
    load(PAGE);
    const hl = createHighlighter(document, { win: window as never, forceFallback: true, names });
    hl.apply(items(CLAUSES));
    hl.setActive('c2');
    expect(document.querySelector(`mark[${names.activeAttr}]`)?.textContent).toBe(
      'We do not sell your data.',
    );
    const later: (() => void)[] = [];
    hl.flash(hl.items()[0]!, (fn) => later.push(fn));
    expect(document.querySelectorAll(`mark[${names.flashAttr}]`).length).toBeGreaterThan(0);
    later.forEach((fn) => fn());
    expect(document.querySelectorAll(`mark[${names.flashAttr}]`).length).toBe(0);
  });
});

describe('Highlight API mode', () => {
  class FakeHighlight {
    priority = 0;
    ranges: Range[];
    constructor(...ranges: Range[]) {
      this.ranges = ranges;
    }
    add(r: Range) {
      this.ranges.push(r);
    }
  }

  it('registers one highlight per category, adopts one stylesheet, and leaves the DOM untouched', () => {
    load(PAGE);
    const before = snapshot(document.documentElement);
    const registry = new Map<string, FakeHighlight>();
    const hl = createHighlighter(document, {
      win: {
        CSS: { highlights: registry },
        Highlight: FakeHighlight,
        CSSStyleSheet: window.CSSStyleSheet,
      } as never,
      names,
    });
    hl.apply(items(CLAUSES));
    expect(hl.mode).toBe('highlight-api');
    expect([...registry.keys()].sort()).toEqual(
      ['ai-training', 'data-sale', 'data-sharing'].map((c) => names.highlight[c as CategoryId]).sort(),
    );
    expect(registry.get(names.highlight['data-sharing'])!.ranges).toHaveLength(2);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(snapshot(document.documentElement)).toBe(before);

    const shared = registry.get(names.highlight['data-sharing'])!.ranges[1]!;
    expect(hl.itemAtPoint(shared.startContainer, shared.startOffset)?.id).toBe('c3');
    expect(hl.itemAtPoint(document.querySelector('h1')!.firstChild!, 1)).toBeNull();

    hl.clear();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(snapshot(document.documentElement)).toBe(before);
  });

  it('prepare() adopts the stylesheet alone, which apply() then reuses and clear() removes', () => {
    load(PAGE);
    const before = snapshot(document.documentElement);
    const registry = new Map<string, FakeHighlight>();
    const hl = createHighlighter(document, {
      win: {
        CSS: { highlights: registry },
        Highlight: FakeHighlight,
        CSSStyleSheet: window.CSSStyleSheet,
      } as never,
      names,
    });
    hl.prepare();
    expect(document.adoptedStyleSheets).toHaveLength(1);
    const sheet = document.adoptedStyleSheets[0];
    expect(registry.size).toBe(0);
    expect(snapshot(document.documentElement)).toBe(before);
    hl.apply(items(CLAUSES));
    expect(document.adoptedStyleSheets).toEqual([sheet]);
    expect(registry.size).toBe(3);
    hl.clear();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('falls back to marks when the registry refuses our highlights', () => {
    load(PAGE);
    const hostile = {
      set() {
        throw new TypeError('cross-compartment object');
      },
      delete: () => true,
    };
    const own = createOwnNodes();
    const hl = createHighlighter(document, {
      win: { CSS: { highlights: hostile }, Highlight: FakeHighlight } as never,
      names,
      own,
    });
    hl.apply(items(CLAUSES));
    expect(hl.mode).toBe('marks');
    expect(document.querySelectorAll(`mark[${MARK_ATTR}]`).length).toBeGreaterThan(0);
    hl.clear();
    expect(document.querySelectorAll(`mark[${MARK_ATTR}]`).length).toBe(0);
    expect([...document.querySelectorAll('style')].filter((el) => own.has(el))).toEqual([]);
  });
});

describe('highlight CSS', () => {
  it('gives every category its colour and its underline pattern', () => {
    const css = highlightApiCss(names);
    for (const c of CATEGORY_IDS) {
      const rule = css.split('\n').find((l) => l.startsWith(`::highlight(${names.highlight[c]})`))!;
      expect(rule).toContain(`underline ${TAXONOMY[c].pattern} ${TAXONOMY[c].colour}`);
    }
  });
});

describe('primaryLabel', () => {
  const label = (category: CategoryId, confidence: number): Label => ({
    category,
    stance: 'permits',
    confidence,
    evidence: { phrase: null, rule: null, features: [] },
  });
  it('prefers the heavier category, then confidence, among shown categories', () => {
    const labels = [label('data-retention', 0.99), label('ai-training', 0.5), label('data-sale', 0.7)];
    expect(primaryLabel(labels)?.category).toBe('data-sale');
    expect(primaryLabel(labels, new Set(['data-retention', 'ai-training']))?.category).toBe('ai-training');
    expect(primaryLabel(labels, new Set(['arbitration']))).toBeNull();
  });
});
