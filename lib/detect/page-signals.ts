/**
 * Small readings of a page shared by triage and the full detector: the URL as text to match names against,
 * whether a link points at this very page, and an element's text, clipped.
 * @module
 */

/**
 * Host label, path and fragment of `url`, decoded and lower-cased ("" when `url` has no scheme; a malformed
 * escape stays as written). Read with string operations, not `URL`: triage runs it on every page, where the
 * first `URL` parse of an isolated world costs ~0.3 ms of one-time setup. On the serialized URLs pages have
 * (`location.href`) it reads what `URL` would; userinfo and port stay in the host part, where no name is
 * looked for.
 */
export function urlSignalText(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme === -1) return '';
  const rest = url.slice(scheme + 3);
  let hostEnd = rest.length;
  for (const c of ['/', '?', '#']) {
    const i = rest.indexOf(c);
    if (i !== -1 && i < hostEnd) hostEnd = i;
  }
  const host = rest.slice(0, hostEnd);
  const hashAt = rest.indexOf('#', hostEnd);
  const beforeHash = hashAt === -1 ? rest : rest.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?', hostEnd);
  const path = beforeHash.slice(hostEnd, queryAt === -1 ? undefined : queryAt) || '/';
  const hash = hashAt === -1 || hashAt === rest.length - 1 ? '' : rest.slice(hashAt);
  const text = `${host.split('.')[0]} ${path} ${hash}`;
  try {
    return decodeURIComponent(text).toLowerCase();
  } catch {
    return text.toLowerCase();
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
