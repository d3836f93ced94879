/**
 * A searchable index of the live page's visible text: one normalised string (see `normalise.ts`) plus, for
 * every unit of it, the text node and offsets it came from, so a match can be turned back into a DOM Range.
 * @module
 */
import { MATCH_RUNS, pushNormalised } from './normalise';

/** Elements whose text is never policy prose. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'SVG',
  'svg',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'HEAD',
  'TITLE',
]);

/** Characters (plus a per-node cost) between pause points of `indexTextSliced`. */
const YIELD_EVERY = 2048;

export interface TextIndex {
  /** The normalised text of the whole page, in document order. */
  text: string;
  /** Indexed text nodes in document order. */
  nodes: Text[];
  /** For unit i of `text`: index into `nodes`. */
  node: Int32Array;
  /** For unit i of `text`: offset of the source character's first UTF-16 unit in its node. */
  start: Int32Array;
  /** For unit i of `text`: offset just past the source character in its node. */
  end: Int32Array;
}

export interface IndexOptions {
  /**
   * Whether an element is hidden from the reader (display:none, visibility:hidden…). Called once per element
   * that holds text; pass `el => !el.checkVisibility()` in a browser. Defaults to attribute checks only.
   */
  isHidden?: (el: Element) => boolean;
  /**
   * Skip elements with the `hidden` attribute (default true). The second, "collapsed sections" pass turns
   * this off so clauses inside closed accordions and tabs can be painted too: Highlight API ranges there
   * show up by themselves when the section opens.
   */
  skipHiddenAttribute?: boolean;
  /** Elements of the caller's own (its UI hosts), left out with their subtrees. */
  isOwn?: (el: Element) => boolean;
  /**
   * Once the index holds at least `snapshotAt` characters, `onSnapshot` gets an index of the page up to
   * there, and indexing goes on. The early preview marks the top of the page with it before the rest of the
   * page has been read (or indexed). When `onSnapshot` returns a promise, indexing waits for it to settle
   * without holding the thread: the preview's reply then runs at once instead of queueing behind our slices.
   */
  snapshotAt?: number;
  onSnapshot?: (top: TextIndex) => void | Promise<unknown>;
}

function skippedByMarkup(el: Element, hiddenAttr: boolean, isOwn?: (el: Element) => boolean): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (isOwn?.(el)) return true;
  if (hiddenAttr && el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  return false;
}

/**
 * Walks `root` and builds the index, yielding (for `runSliced`) every few hundred text nodes so a huge page
 * never blocks the main thread for long. Elements skipped by markup take their whole subtree with them.
 */
export function* indexTextSliced(
  root: Node,
  options: IndexOptions = {},
): Generator<void | Promise<unknown>, TextIndex, void> {
  const doc = root.ownerDocument ?? (root as Document);
  const isHidden = options.isHidden;
  const hiddenAttr = options.skipHiddenAttribute ?? true;
  let snapshotAt = options.onSnapshot ? (options.snapshotAt ?? 0) : Infinity;
  const verdict = new Map<Element, boolean>();
  const excluded = (el: Element | null): boolean => {
    // Walk up until an element with a cached verdict; cache the answer on the way back down.
    const chain: Element[] = [];
    let cur: Element | null = el;
    let result = false;
    while (cur) {
      const known = verdict.get(cur);
      if (known !== undefined) {
        result = known;
        break;
      }
      chain.push(cur);
      cur = cur.parentElement;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i]!;
      result = result || skippedByMarkup(e, hiddenAttr, options.isOwn);
      verdict.set(e, result);
    }
    return result;
  };

  const nodes: Text[] = [];
  const pieces: string[] = [];
  let cap = 4096;
  let node = new Int32Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let len = 0;
  const grow = (need: number) => {
    if (need <= cap) return;
    while (cap < need) cap *= 2;
    const n2 = new Int32Array(cap);
    n2.set(node);
    node = n2;
    const s2 = new Int32Array(cap);
    s2.set(start);
    start = s2;
    const e2 = new Int32Array(cap);
    e2.set(end);
    end = e2;
  };

  // NodeFilter.SHOW_TEXT; the constant is not on every DOM implementation's global.
  const walker = doc.createTreeWalker(root, 4);
  let iota = countingUpTo(4096);
  const hiddenCache = new Map<Element, boolean>();
  // Pause points by work done, not node count: one paragraph node can hold thousands of characters.
  let work = 0;
  // Later writes go past `len` (or into grown copies), so a snapshot's views stay as they were taken.
  const snapshot = (): TextIndex => ({
    text: pieces.join(''),
    nodes: nodes.slice(),
    node: node.subarray(0, len),
    start: start.subarray(0, len),
    end: end.subarray(0, len),
  });
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    if (len >= snapshotAt) {
      snapshotAt = Infinity;
      const wait = options.onSnapshot?.(snapshot());
      if (wait) yield wait;
    }
    work += 16 + t.data.length;
    if (work >= YIELD_EVERY) {
      work = 0;
      yield;
    }
    const data = t.data;
    if (!data.trim()) continue;
    const parent = t.parentElement;
    if (!parent || excluded(parent)) continue;
    if (isHidden) {
      let hidden = hiddenCache.get(parent);
      if (hidden === undefined) {
        hidden = isHidden(parent);
        hiddenCache.set(parent, hidden);
      }
      if (hidden) continue;
    }
    const ni = nodes.length;
    nodes.push(t);
    // This runs once per page, so mostly as cold, interpreted code: the work per character is left to native
    // calls. ASCII letters and digits come in runs (one regex match, one lower-casing, three typed-array
    // copies per run); ASCII punctuation and spaces normalise to nothing and are skipped by the regex; only
    // non-ASCII text goes through pushNormalised one code point at a time.
    MATCH_RUNS.lastIndex = 0;
    for (let m = MATCH_RUNS.exec(data); m; m = MATCH_RUNS.exec(data)) {
      const run = m[0];
      const at = m.index;
      if (run.charCodeAt(0) < 128) {
        const r = run.length;
        grow(len + r);
        if (iota.length <= at + r) iota = countingUpTo(at + r);
        node.fill(ni, len, len + r);
        start.set(iota.subarray(at, at + r), len);
        end.set(iota.subarray(at + 1, at + r + 1), len);
        pieces.push(run.toLowerCase());
        len += r;
        continue;
      }
      let off = at;
      for (const cp of run) {
        const before = pieces.length;
        pushNormalised(cp, pieces);
        for (let p = before; p < pieces.length; p++) {
          const units = pieces[p]!.length;
          grow(len + units);
          for (let u = 0; u < units; u++) {
            node[len] = ni;
            start[len] = off;
            end[len] = off + cp.length;
            len++;
          }
        }
        off += cp.length;
      }
    }
  }
  const whole = snapshot();
  // A page shorter than the snapshot point: its snapshot is the whole index.
  if (snapshotAt !== Infinity) void options.onSnapshot?.(whole);
  return whole;
}

/** [0, 1, …, n] (at least): offsets copied into the index by slices instead of one at a time. */
function countingUpTo(n: number): Int32Array {
  const size = Math.max(4096, 2 ** Math.ceil(Math.log2(n + 2)));
  const out = new Int32Array(size);
  for (let i = 0; i < size; i++) out[i] = i;
  return out;
}

/** Builds the whole index in one go (tests, small pages). */
export function indexText(root: Node, options: IndexOptions = {}): TextIndex {
  const gen = indexTextSliced(root, options);
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
  }
}
