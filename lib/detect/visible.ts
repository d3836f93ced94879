/**
 * Whether the text an element holds can be seen by the user. A page can hide policy text (display:none,
 * visibility:hidden, opacity:0, pushed off-screen, shrunk to nothing or clipped into a 1-pixel box) to make
 * the extension react where the user sees nothing, and so learn that it is installed; nothing of that text is
 * detected, read or highlighted. Asked about the element that directly holds the text, once per element:
 *  - `checkVisibility` with opacity and visibility: display:none and content-visibility:hidden on the element
 *    or any ancestor, visibility:hidden, opacity:0 on the element or an ancestor;
 *  - its box: less than 2 px wide or high (zero-size text, the 1-pixel clip of "screen-reader only" text), or
 *    wholly before the page's start or past its end (`left: -9999px`).
 * Two exceptions keep real text: an element with `display: contents` has no box and is judged by its parent,
 * and an element whose layout the browser skipped because it is far from view (`content-visibility: auto`)
 * counts as visible. Text colour equal to its background is not checked (not cheaply knowable).
 * Where the DOM has no layout (`checkVisibility` missing: linkedom, the CLI, tests), everything is visible.
 * @module
 */

/** What the check reads of the window. */
export interface VisibilityWindow {
  scrollX: number;
  scrollY: number;
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(el: Element): { display: string };
}

/** Boxes smaller than this (px) in either direction hold no readable text. */
export const MIN_TEXT_BOX_PX = 2;

type Check = (options?: Record<string, boolean>) => boolean;

/**
 * A visibility test for text-holding elements, with its answers cached (one per element: make a new one for
 * each pass over the page, since the page's layout changes).
 */
export function textVisibility(win: VisibilityWindow): (el: Element) => boolean {
  const cache = new Map<Element, boolean>();
  let extent: { width: number; height: number } | null = null;
  const pageExtent = (el: Element) => {
    const root = el.ownerDocument.documentElement;
    extent ??= {
      width: Math.max(root.scrollWidth, win.innerWidth),
      height: Math.max(root.scrollHeight, win.innerHeight),
    };
    return extent;
  };
  const visible = (el: Element): boolean => {
    const known = cache.get(el);
    if (known !== undefined) return known;
    const answer = judge(el);
    cache.set(el, answer);
    return answer;
  };
  const judge = (el: Element): boolean => {
    const check = (el as unknown as { checkVisibility?: Check }).checkVisibility;
    if (typeof check !== 'function') return true;
    if (!check.call(el, { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: false })) {
      // No box of its own: `display: contents` passes the question to its parent.
      if (el.parentElement && win.getComputedStyle(el).display === 'contents')
        return visible(el.parentElement);
      return false;
    }
    const r = el.getBoundingClientRect();
    if (r.width < MIN_TEXT_BOX_PX || r.height < MIN_TEXT_BOX_PX)
      // Layout skipped by content-visibility:auto leaves a zero box on text that is really there.
      return !check.call(el, { contentVisibilityAuto: true });
    const left = r.left + win.scrollX;
    const top = r.top + win.scrollY;
    if (left + r.width <= 0 || top + r.height <= 0) return false;
    const { width, height } = pageExtent(el);
    return left < width && top < height;
  };
  return visible;
}
