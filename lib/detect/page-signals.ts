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
 * Whitespace-collapsed text, at most `max` characters. Reads words only until it has enough: on every page
 * it clips headings, and a heading element can hold a whole article (one took ~10 ms to collapse in full).
 */
export function clipText(text: string | null | undefined, max = 200): string {
  const source = text ?? '';
  const words = /\S+/g;
  let out = '';
  for (let m = words.exec(source); m && out.length < max; m = words.exec(source))
    out += out ? ` ${m[0]}` : m[0];
  return out.slice(0, max);
}
