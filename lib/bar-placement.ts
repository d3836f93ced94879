/**
 * Where the in-page summary bar goes, and in which theme our page UI is drawn. Pure: the content script
 * passes the boxes and colours it read.
 * @module
 */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

/**
 * The edge of the viewport the bar sits on (right-aligned): the top unless something the user is reading
 * (the open card, the clause it explains) is under it there; then the bottom, if that is free.
 */
export function barEdge(
  avoid: readonly Box[],
  viewport: { width: number; height: number },
  bar: { width: number; height: number },
  margin = 8,
): 'top' | 'bottom' {
  const left = Math.max(0, viewport.width - bar.width - margin);
  const at = (top: number): Box => ({ top, left, width: bar.width, height: bar.height });
  const free = (box: Box) => !avoid.some((a) => overlaps(a, box));
  if (free(at(margin))) return 'top';
  return free(at(viewport.height - bar.height - margin)) ? 'bottom' : 'top';
}

/** `rgb(r, g, b)` / `rgba(r, g, b, a)` → [r, g, b, a], or null for anything else (keywords, `color()`). */
function parseRgb(colour: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
    colour.trim(),
  );
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/**
 * Whether the page paints a dark background: the first opaque computed background among those given (body,
 * then the root element), by relative luminance. Null when none is opaque (the browser's default canvas).
 */
export function pageIsDark(backgrounds: readonly string[]): boolean | null {
  for (const bg of backgrounds) {
    const rgb = parseRgb(bg);
    if (!rgb || rgb[3] < 0.5) continue;
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const luminance = 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
    return luminance < 0.2;
  }
  return null;
}

/** Our UI's theme: the page's own background decides when it paints one; otherwise the user's preference. */
export function uiTheme(pageDark: boolean | null, prefersDark: boolean): 'dark' | 'light' {
  return (pageDark ?? prefersDark) ? 'dark' : 'light';
}
