/**
 * An element's text, read through its text nodes. In Chromium, `textContent` of a long element is slow: 5–20
 * ms for the 107 KB main element of the benchmark's 15,000-word policy on a slow machine (5–7 ms on a clone
 * of it), where joining its text nodes' data took 1–3 ms and counting their lengths up to a threshold
 * 0.1–2 ms. On short elements the two cost about the same.
 * @module
 */

/**
 * Elements whose content is never text a reader sees (code, styles, templates, embedded documents and
 * graphics). HTML fixes this list, so the frozen dataset extractor (scripts/dataset/html-block-text.ts) shares
 * it with the page reader without its output drifting.
 */
export const NON_TEXT_ELEMENTS = [
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'CANVAS',
] as const;

/** `NodeFilter.SHOW_TEXT` (the constant is not a global in Node's DOMs). */
const SHOW_TEXT = 4;

/** `root.textContent` for an element or a document fragment, read through its text nodes. */
export function textOf(root: Node): string {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
  return parts.join('');
}

/** Whether `root` holds at least `min` characters of text, reading only as far as that. */
export function hasTextAtLeast(root: Node, min: number): boolean {
  if (min <= 0) return true;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    // `length` counts the node's characters without copying them into a string.
    total += (n as Text).length;
    if (total >= min) return true;
  }
  return false;
}
