/**
 * A list that renders only the rows near the screen: a history of 10,000 documents keeps a few dozen elements
 * in the page. Rows may differ in height: each is measured once rendered, unmeasured ones count as the
 * average so far. The list scrolls with the page (no inner scroll box), so the browser's own scrolling,
 * find-in-page of what is shown, and zoom behave as on any page.
 *
 * For keyboard and screen-reader users it stays a list of `total` items: each rendered row is a `listitem`
 * with its place (`aria-posinset` / `aria-setsize`), the focused row is never unrendered, the next and previous
 * rows are always rendered so Tab and Shift+Tab walk the list row by row (the browser scrolls the focused row
 * into view, which moves the window), and ↑ / ↓ / Home / End move between rows' first controls.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

export interface VirtualListProps {
  total: number;
  /** One row's content, rendered inside its `<li>`. */
  row: (index: number) => ComponentChildren;
  /** Extra attributes of a row's `<li>` (class, data attributes). */
  rowProps?: (index: number) => Record<string, string | undefined>;
  /** Called with the rows about to be rendered, so their data can be fetched. */
  onRange?: (start: number, end: number) => void;
  /** Height a row is assumed to have before any is measured (px). */
  estimate?: number;
  /** Rows rendered beyond each edge of the screen. */
  overscan?: number;
  class?: string;
}

/** First index whose bottom is below `y` in prefix offsets `tops` (length total + 1). */
function indexAt(tops: Float64Array, y: number): number {
  let lo = 0;
  let hi = tops.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

export function VirtualList({
  total,
  row,
  rowProps,
  onRange,
  estimate = 96,
  overscan = 6,
  class: className,
}: VirtualListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const heights = useRef(new Map<number, number>());
  const [measured, setMeasured] = useState(0);
  const [range, setRange] = useState({ start: 0, end: Math.min(total, 24) });
  const focused = useRef<number | null>(null);
  const pendingFocus = useRef<number | null>(null);

  // Offsets of every row's top (and the end), from measured heights or the average of those measured.
  const tops = useMemo(() => {
    const h = heights.current;
    let sum = 0;
    for (const v of h.values()) sum += v;
    const average = h.size > 0 ? sum / h.size : estimate;
    const out = new Float64Array(total + 1);
    for (let i = 0; i < total; i++) out[i + 1] = out[i]! + (h.get(i) ?? average);
    return out;
  }, [total, measured, estimate]);

  const update = useCallback(() => {
    const list = listRef.current;
    if (!list || total === 0) return setRange({ start: 0, end: 0 });
    const top = list.getBoundingClientRect().top;
    const from = Math.max(0, -top);
    const to = from + window.innerHeight;
    let start = Math.max(0, indexAt(tops, from) - overscan);
    let end = Math.min(total, indexAt(tops, to) + 1 + overscan);
    const keep = pendingFocus.current ?? focused.current;
    if (keep !== null && keep < total) {
      // The focused row and its neighbours stay rendered wherever the page is scrolled.
      start = Math.min(start, Math.max(0, keep - 1));
      end = Math.max(end, Math.min(total, keep + 2));
    }
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, [tops, total, overscan]);

  useLayoutEffect(update, [update]);
  useEffect(() => {
    addEventListener('scroll', update, { passive: true });
    addEventListener('resize', update);
    return () => {
      removeEventListener('scroll', update);
      removeEventListener('resize', update);
    };
  }, [update]);

  useEffect(() => onRange?.(range.start, range.end), [range.start, range.end, onRange]);

  // Measure what was rendered; a changed height moves the offsets (and the window) once.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    let changed = false;
    for (const li of list.children) {
      const index = Number((li as HTMLElement).dataset.index);
      const h = (li as HTMLElement).getBoundingClientRect().height;
      if (Number.isFinite(index) && h > 0 && heights.current.get(index) !== h) {
        heights.current.set(index, h);
        changed = true;
      }
    }
    if (changed) setMeasured((n) => n + 1);
    const want = pendingFocus.current;
    if (want !== null) {
      const target = control(want);
      if (target) {
        pendingFocus.current = null;
        target.focus();
        target.scrollIntoView({ block: 'nearest' });
      }
    }
  });

  /** The first control of row `index`, when it is rendered. */
  const control = (index: number) =>
    listRef.current?.querySelector<HTMLElement>(
      `li[data-index="${index}"] button, li[data-index="${index}"] a`,
    ) ?? null;

  const onFocusIn = (e: FocusEvent) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-index]');
    focused.current = li ? Number(li.dataset.index) : null;
  };
  const onFocusOut = (e: FocusEvent) => {
    if (!listRef.current?.contains(e.relatedTarget as Node | null)) focused.current = null;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const at = focused.current;
    if (at === null) return;
    const next =
      e.key === 'ArrowDown'
        ? at + 1
        : e.key === 'ArrowUp'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? total - 1
              : null;
    if (next === null || next < 0 || next >= total) return;
    e.preventDefault();
    const rendered = control(next);
    if (rendered) {
      rendered.focus();
      rendered.scrollIntoView({ block: 'nearest' });
      return;
    }
    // Not rendered yet: scroll to where it will be, and focus it once it is (the layout effect above).
    pendingFocus.current = next;
    const y = listRef.current!.getBoundingClientRect().top + window.scrollY + tops[next]!;
    window.scrollTo({ top: y - window.innerHeight / 3 });
    update();
    setMeasured((n) => n + 1);
  };

  const items = [];
  for (let i = range.start; i < range.end; i++)
    items.push(
      <li key={i} data-index={i} aria-posinset={i + 1} aria-setsize={total} {...(rowProps?.(i) ?? {})}>
        {row(i)}
      </li>,
    );
  return (
    <ul
      ref={listRef}
      class={className}
      style={{ paddingTop: `${tops[range.start]}px`, paddingBottom: `${tops[total]! - tops[range.end]!}px` }}
      onFocusIn={onFocusIn}
      onFocusOut={onFocusOut}
      onKeyDown={onKeyDown}
    >
      {items}
    </ul>
  );
}
