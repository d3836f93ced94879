/**
 * Where the in-page card goes, and which marked clause next / previous moves to. Pure: the session passes
 * the measured rectangles and the viewport.
 * @module
 */

export interface Viewport {
  width: number;
  height: number;
}

/** The card's box: its width and the height assumed before it is rendered. */
export interface CardSize {
  width: number;
  heightGuess: number;
}

/** Margin kept between the card and the viewport edges or the clause. */
const GAP = 8;

/**
 * Below the clause when the card fits under it, else above it; never off-screen horizontally, and never
 * wider than the viewport allows.
 */
export function placeCard(
  clause: { top: number; bottom: number; left: number },
  viewport: Viewport,
  size: CardSize,
): { top: number; left: number; width: number } {
  const width = Math.min(size.width, viewport.width - 2 * GAP);
  let top = clause.bottom + GAP;
  if (top + size.heightGuess > viewport.height) top = Math.max(GAP, clause.top - GAP - size.heightGuess);
  const left = Math.min(Math.max(GAP, clause.left), Math.max(GAP, viewport.width - width - GAP));
  return { top, left, width };
}

/**
 * The index next / previous moves to among `count` marked clauses, skipping those with nothing on screen
 * (collapsed sections); -1 when none is visible. With nothing open, next starts at the first and previous
 * at the last.
 */
export function stepIndex(
  from: number | null,
  delta: 1 | -1,
  count: number,
  isVisible: (index: number) => boolean,
): number {
  const start = from ?? (delta === 1 ? -1 : 0);
  for (let k = 1; k <= count; k++) {
    const index = (((start + delta * k) % count) + count) % count;
    if (isVisible(index)) return index;
  }
  return -1;
}
