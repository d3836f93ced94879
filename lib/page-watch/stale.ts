/**
 * Whether a painted range still points at live page text.
 * @module
 */

/**
 * A range is stale when the page removed its boundary nodes (framework re-render) or it collapsed because its
 * text was deleted. Ranges are live: the DOM updates their boundaries as nodes are removed.
 */
export function isRangeStale(range: Range, doc: Document): boolean {
  if (range.collapsed) return true;
  return !doc.contains(range.startContainer) || !doc.contains(range.endContainer);
}
