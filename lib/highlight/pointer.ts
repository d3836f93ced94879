/**
 * DOM questions the session asks about the page: what lies under the pointer, whether a point is on a
 * clause's boxes, and whether an element is hidden by CSS. (Which nodes are ours: own-nodes.ts.)
 * @module
 */

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** The DOM position under a viewport point (the standard API first, the WebKit/Blink legacy one second). */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

type Box = Pick<DOMRect, 'left' | 'right' | 'top' | 'bottom'>;

/**
 * Whether a viewport point lies on one of the boxes (a clause's client rects). The caret snaps to the nearest
 * text even in margins, so hover needs this as well.
 */
export function pointOnBoxes(boxes: Iterable<Box>, x: number, y: number): boolean {
  for (const r of boxes) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

/** Hidden by CSS (display, visibility, content-visibility); elements without `checkVisibility` count as shown. */
export function isCssHidden(el: Element): boolean {
  const check = (el as HTMLElement).checkVisibility;
  return typeof check === 'function'
    ? !check.call(el, { visibilityProperty: true, contentVisibilityAuto: false } as never)
    : false;
}
