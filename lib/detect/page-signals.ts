/**
 * Small readings of a page shared by triage and the full detector: the URL as text to match names against,
 * whether a link points at this very page, and an element's text, clipped.
 * @module
 */

/** Host label, path and fragment of `url`, decoded and lower-cased ("" for an unparsable URL). */
export function urlSignalText(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(`${u.hostname.split('.')[0]} ${u.pathname} ${u.hash}`).toLowerCase();
  } catch {
    return '';
  }
}

/** Whether `href` (relative to `url`) points at the page `url` itself (a trailing slash aside). */
export function linksToPage(href: string | null, url: string): boolean {
  if (!href) return false;
  try {
    const a = new URL(href, url);
    const b = new URL(url);
    return a.origin === b.origin && a.pathname.replace(/\/$/, '') === b.pathname.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/**
 * Whitespace-collapsed text, at most `max` characters. Collapses a prefix first and only reads further when
 * the prefix was not enough: on every page it clips headings, and a heading element can hold a whole article
 * (one took ~10 ms to collapse in full). Exactly `text.replace(/\s+/g, ' ').trim().slice(0, max)`: once the
 * collapsed prefix is longer than `max`, its first `max` characters are those of the whole.
 */
export function clipText(text: string | null | undefined, max = 200): string {
  const source = text ?? '';
  for (let end = Math.max(4 * max, 256); ; end *= 4) {
    const prefix = source.length > end ? source.slice(0, end) : source;
    const collapsed = prefix.replace(/\s+/g, ' ').trimStart();
    if (collapsed.length > max || prefix === source) return collapsed.trimEnd().slice(0, max);
  }
}
