/**
 * Paints located clauses on the live page and removes every trace on teardown.
 *
 * Preferred: the CSS Custom Highlight API (one `Highlight` per category, registered under the session's random
 * name for it, see session-names.ts) plus a constructed stylesheet adopted by the document. Neither touches
 * the page's nodes, so frameworks that own the DOM keep working. Fallback (no `CSS.highlights`, or the
 * registry refuses our objects): split text nodes and wrap the pieces in `<mark>` elements carrying the
 * session's random attribute; every split is recorded and undone on teardown, so the page's original text
 * nodes (and anything holding references to them) survive.
 * @module
 */
import type { CategoryId } from '../classify/taxonomy';
import type { TextSegment } from '../locate';
import type { OwnNodes } from './own-nodes';
import type { SessionNames } from './session-names';
import { highlightApiCss, markCss } from './styles';

export interface HighlightItem {
  id: string;
  category: CategoryId;
  range: Range;
  segments: TextSegment[];
}

/** The parts of `window` the highlighter uses (the content script passes its own window). */
export interface HighlightWindow {
  CSS?: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: Range[]) => { priority: number; add(r: Range): unknown };
  CSSStyleSheet?: typeof CSSStyleSheet;
}

export interface HighlighterOptions {
  win: HighlightWindow;
  /** The session's names for highlights, marks and their style rules. */
  names: SessionNames;
  /** Where the marks and style element are recorded as ours (the page's markup and our watcher skip them). */
  own?: OwnNodes;
  /** Use `<mark>` wrapping even where the Highlight API exists (tests, debugging). */
  forceFallback?: boolean;
}

export interface Highlighter {
  readonly mode: 'highlight-api' | 'marks';
  /**
   * Installs the stylesheet `apply` needs, before there is anything to paint: the browser restyles the page
   * for a new sheet, and the caller can let that happen between its tasks rather than inside one.
   */
  prepare(): void;
  /** Paints `items`, replacing whatever was painted before. */
  apply(items: readonly HighlightItem[]): void;
  /** Removes every highlight, mark and stylesheet; the page's DOM is as it was before `apply`. */
  clear(): void;
  /** Emphasises one clause (the one whose card is open), or none. */
  setActive(id: string | null): void;
  /**
   * Briefly emphasises a clause, painted or not (in marks mode only painted clauses can flash); `schedule`
   * runs the un-flash later (pass the content script's timer).
   */
  flash(item: HighlightItem, schedule: (fn: () => void, ms: number) => void, ms?: number): void;
  /** The painted clause containing a DOM point (from `caretPositionFromPoint`), if any. */
  itemAtPoint(node: Node, offset: number): HighlightItem | null;
  /** The painted clause a fallback `<mark>` belongs to, if `el` is or is inside one. */
  itemForElement(el: Element | null): HighlightItem | null;
  /** Painted clauses in document order. */
  items(): readonly HighlightItem[];
}

const ELEMENT_NODE = 1;

/** Creates a highlighter for `doc`; it paints nothing until `apply`. */
export function createHighlighter(doc: Document, options: HighlighterOptions): Highlighter {
  const registry = options.win.CSS?.highlights;
  const HighlightCtor = options.win.Highlight;
  const apiAvailable = !options.forceFallback && !!registry && typeof HighlightCtor === 'function';
  let mode: Highlighter['mode'] = apiAvailable ? 'highlight-api' : 'marks';
  const names = options.names;

  let painted: HighlightItem[] = [];
  const byId = new Map<string, HighlightItem>();
  let style: { remove(): void } | null = null;
  const registeredNames = new Set<string>();
  // Fallback bookkeeping: marks per clause, and the splits to undo (head keeps its identity, tail is ours).
  const marksById = new Map<string, HTMLElement[]>();
  const markOwner = new WeakMap<Element, HighlightItem>();
  let splits: { head: Text; tail: Text }[] = [];
  let flashTimer = 0;

  const installStyle = (css: string) => {
    if (style) return;
    const Sheet = options.win.CSSStyleSheet;
    try {
      // A constructed sheet never appears in the page's DOM or serialisation.
      if (!Sheet || !('adoptedStyleSheets' in doc)) throw new Error('no constructable stylesheets');
      const sheet = new Sheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      style = {
        remove: () => {
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
        },
      };
    } catch {
      const el = doc.createElement('style');
      options.own?.add(el, 'omit');
      el.textContent = css;
      (doc.head ?? doc.documentElement).appendChild(el);
      style = { remove: () => el.remove() };
    }
  };

  const register = (name: string, ranges: Range[], priority = 0) => {
    const h = new HighlightCtor!(...ranges);
    h.priority = priority;
    registry!.set(name, h);
    registeredNames.add(name);
  };

  const paintApi = (items: readonly HighlightItem[]) => {
    const groups = new Map<CategoryId, Range[]>();
    for (const item of items) {
      const list = groups.get(item.category) ?? [];
      list.push(item.range);
      groups.set(item.category, list);
    }
    for (const [category, ranges] of groups) register(names.highlight[category], ranges);
  };

  const wrap = (segments: { seg: TextSegment; item: HighlightItem }[]) => {
    // Group by node and cut each node from its end backwards, so earlier offsets stay valid.
    const perNode = new Map<Text, { seg: TextSegment; item: HighlightItem }[]>();
    for (const s of segments) {
      const list = perNode.get(s.seg.node) ?? [];
      list.push(s);
      perNode.set(s.seg.node, list);
    }
    for (const [node, list] of perNode) {
      if (!node.parentNode) continue;
      list.sort((a, b) => b.seg.start - a.seg.start);
      let limit = node.data.length;
      for (const { seg, item } of list) {
        const end = Math.min(seg.end, limit);
        const start = Math.max(0, seg.start);
        if (end <= start) continue;
        if (end < node.data.length) splits.push({ head: node, tail: node.splitText(end) });
        let target = node;
        if (start > 0) {
          target = node.splitText(start);
          splits.push({ head: node, tail: target });
        }
        const mark = doc.createElement('mark');
        mark.setAttribute(names.markAttr, names.highlight[item.category]);
        options.own?.add(mark, 'unwrap');
        target.parentNode!.insertBefore(mark, target);
        mark.appendChild(target);
        markOwner.set(mark, item);
        const marks = marksById.get(item.id) ?? [];
        marks.push(mark);
        marksById.set(item.id, marks);
        limit = start;
      }
    }
  };

  const paintMarks = (items: readonly HighlightItem[]) => {
    wrap(items.flatMap((item) => item.segments.map((seg) => ({ seg, item }))));
  };

  const unpaint = () => {
    for (const name of registeredNames) registry?.delete(name);
    registeredNames.clear();
    for (const marks of marksById.values()) {
      for (const mark of marks) {
        const parent = mark.parentNode;
        if (!parent) continue;
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        parent.removeChild(mark);
      }
    }
    marksById.clear();
    // Undo splits newest first: each undo re-joins a tail that was cut from its head.
    for (let i = splits.length - 1; i >= 0; i--) {
      const { head, tail } = splits[i]!;
      if (tail.parentNode && head.parentNode === tail.parentNode && head.nextSibling === tail) {
        head.appendData(tail.data);
        tail.parentNode.removeChild(tail);
      }
    }
    splits = [];
    painted = [];
    byId.clear();
  };

  const setMarkFlag = (id: string, attr: string, on: boolean) => {
    for (const mark of marksById.get(id) ?? []) {
      if (on) mark.setAttribute(attr, '');
      else mark.removeAttribute(attr);
    }
  };

  let activeId: string | null = null;

  const self: Highlighter = {
    get mode() {
      return mode;
    },
    prepare() {
      installStyle(mode === 'highlight-api' ? highlightApiCss(names) : markCss(names));
    },
    apply(items) {
      unpaint();
      painted = [...items];
      for (const item of painted) byId.set(item.id, item);
      if (mode === 'highlight-api') {
        try {
          installStyle(highlightApiCss(names));
          paintApi(painted);
          return;
        } catch {
          // The registry refused our objects (e.g. cross-compartment wrappers): fall back to marks.
          for (const name of registeredNames) registry?.delete(name);
          registeredNames.clear();
          style?.remove();
          style = null;
          mode = 'marks';
        }
      }
      installStyle(markCss(names));
      paintMarks(painted);
    },
    clear() {
      unpaint();
      activeId = null;
      style?.remove();
      style = null;
    },
    setActive(id) {
      if (activeId && mode === 'marks') setMarkFlag(activeId, names.activeAttr, false);
      activeId = id;
      const item = id ? byId.get(id) : undefined;
      if (mode === 'highlight-api') {
        registry?.delete(names.active);
        registeredNames.delete(names.active);
        if (item) register(names.active, [item.range], 1);
      } else if (id) setMarkFlag(id, names.activeAttr, true);
    },
    flash(item, schedule, ms = 1600) {
      const id = item.id;
      const token = ++flashTimer;
      if (mode === 'highlight-api') installStyle(highlightApiCss(names));
      if (mode === 'highlight-api') register(names.flash, [item.range], 2);
      else setMarkFlag(id, names.flashAttr, true);
      schedule(() => {
        if (token !== flashTimer) return;
        if (mode === 'highlight-api') {
          registry?.delete(names.flash);
          registeredNames.delete(names.flash);
        } else setMarkFlag(id, names.flashAttr, false);
      }, ms);
    },
    itemAtPoint(node, offset) {
      for (const item of painted) {
        try {
          if (item.range.isPointInRange(node, offset)) return item;
        } catch {
          // A point in another document or a doctype: not ours.
        }
      }
      return null;
    },
    itemForElement(el) {
      let cur: Element | null = el;
      while (cur && cur.nodeType === ELEMENT_NODE) {
        const owner = markOwner.get(cur);
        if (owner) return owner;
        cur = cur.parentElement;
      }
      return null;
    },
    items: () => painted,
  };
  return self;
}
