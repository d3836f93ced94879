/**
 * Maps extracted clauses back onto the live DOM. Clauses arrive in document order, so each search starts
 * where the previous match ended (repeated sentences map to successive occurrences); a clause not found after
 * the cursor is looked for from the top, then by its head and tail (tolerates an extractor that dropped or
 * rewrote something in the middle, such as a footnote marker).
 * @module
 */
import { normaliseForMatch } from './normalise';
import type { TextIndex } from './text-index';

/** A stretch of one text node covered by a clause. */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

export interface Placement {
  /** Offsets into the index's normalised text. */
  from: number;
  to: number;
  /** How the clause was found. */
  how: 'exact' | 'anchors';
  segments: TextSegment[];
}

/** Shortest normalised clause we try to place; shorter text ("Yes.") matches too much to be trusted. */
export const MIN_MATCH_UNITS = 8;
/** Shorter clauses are only looked for within this many normalised units after the previous clause. */
const SHORT_WINDOW = 2000;
const MIN_SHORT_UNITS = 2;
const ANCHOR_UNITS = 32;
const OPENING = /[(["'\u201c\u2018\u00ab]/;
const CLOSING = /[.!?;:,)\]"'\u201d\u2019\u00bb\u2026]/;

export interface Locator {
  /** Finds the next occurrence of `text` in document order, or null. */
  locate(text: string): Placement | null;
}

/** Creates a stateful locator over one index (the cursor advances with each placed clause). */
export function createLocator(index: TextIndex): Locator {
  const hay = index.text;
  let cursor = 0;

  // Every indexed node between the first and last one is covered whole, including punctuation-only nodes
  // (" — " between two links) that contribute nothing to the normalised text.
  const segmentsFor = (from: number, to: number): TextSegment[] => {
    const first = index.node[from]!;
    const last = index.node[to - 1]!;
    const out: TextSegment[] = [];
    for (let k = first; k <= last; k++) {
      const node = index.nodes[k]!;
      out.push({
        node,
        start: k === first ? index.start[from]! : 0,
        end: k === last ? index.end[to - 1]! : node.data.length,
      });
    }
    // The normalised text has no punctuation; take the clause's own opening quote / closing stop back in.
    const head = out[0]!;
    while (head.start > 0 && OPENING.test(head.node.data[head.start - 1]!)) head.start--;
    let tail = out[out.length - 1]!;
    const next = index.nodes[last + 1];
    if (tail.end === tail.node.data.length && next && CLOSING.test(next.data[0] ?? '')) {
      // "…train our models</b>." — the full stop lives in the next text node.
      tail = { node: next, start: 0, end: 0 };
      out.push(tail);
    }
    let extra = 0;
    while (extra < 4 && tail.end < tail.node.data.length && CLOSING.test(tail.node.data[tail.end]!)) {
      tail.end++;
      extra++;
    }
    return out;
  };

  // True when normalised units i-1 and i were not adjacent letters in the page (a space, punctuation or a
  // node boundary separated them), or i is at either end.
  const wordBoundaryAt = (i: number): boolean => {
    if (i <= 0 || i >= hay.length) return true;
    return index.node[i - 1] !== index.node[i] || index.end[i - 1]! < index.start[i]!;
  };

  const place = (from: number, to: number, how: Placement['how']): Placement => {
    cursor = to;
    return { from, to, how, segments: segmentsFor(from, to) };
  };

  const byAnchors = (needle: string, at: number): Placement | null => {
    if (needle.length < ANCHOR_UNITS * 3) return null;
    const head = needle.slice(0, ANCHOR_UNITS);
    const tail = needle.slice(-ANCHOR_UNITS);
    const maxSpan = Math.ceil(needle.length * 1.5);
    let h = hay.indexOf(head, at);
    while (h !== -1) {
      const t = hay.indexOf(tail, h + head.length);
      if (t === -1) return null;
      const to = t + tail.length;
      const span = to - h;
      if (span <= maxSpan && span >= needle.length * 0.6) return place(h, to, 'anchors');
      h = hay.indexOf(head, h + 1);
    }
    return null;
  };

  return {
    locate(text: string): Placement | null {
      const needle = normaliseForMatch(text);
      if (needle.length < MIN_SHORT_UNITS) return null;
      if (needle.length < MIN_MATCH_UNITS) {
        // Short items ("Opt out.", a cookie name in a table cell): too common to search the whole page, so
        // only just after the previous clause, where document order says they should be, and only as whole
        // words ("fr" must not match inside "from").
        for (let at = hay.indexOf(needle, cursor); at !== -1 && at - cursor <= SHORT_WINDOW;) {
          if (wordBoundaryAt(at) && wordBoundaryAt(at + needle.length))
            return place(at, at + needle.length, 'exact');
          at = hay.indexOf(needle, at + 1);
        }
        return null;
      }
      let at = hay.indexOf(needle, cursor);
      if (at === -1 && cursor > 0) at = hay.indexOf(needle);
      if (at !== -1) return place(at, at + needle.length, 'exact');
      return byAnchors(needle, cursor) ?? (cursor > 0 ? byAnchors(needle, 0) : null);
    },
  };
}

/** Builds a live DOM Range covering a placement. */
export function rangeFor(doc: Document, placement: Placement): Range {
  const first = placement.segments[0]!;
  const last = placement.segments[placement.segments.length - 1]!;
  const range = doc.createRange();
  range.setStart(first.node, first.start);
  range.setEnd(last.node, last.end);
  return range;
}
