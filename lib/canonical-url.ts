/**
 * One key per policy document, whatever link the user followed to reach it.
 *
 * The rule (conservative: two URLs share a key only when they are very likely the same document):
 * - scheme and host lower-cased, `www.` kept (some sites serve different documents there, rarely, but merging
 *   is the worse mistake: it would diff two different policies);
 * - default ports (`:80` for http, `:443` for https) dropped; `http` and `https` are NOT merged;
 * - fragment dropped (`#section-3` is the same document);
 * - tracking parameters dropped: `utm_*`, `fbclid`, `gclid`, `dclid`, `gbraid`, `wbraid`, `msclkid`, `mc_cid`,
 *   `mc_eid`, `igshid`, `yclid`, `_hsenc`, `_hsmi`, `ref_src`, `ref`, `spm`; the remaining parameters are
 *   sorted (order never selects a different document);
 * - a trailing slash is dropped from the path (`/privacy/` = `/privacy`), the root stays `/`;
 * - a leading locale segment that is English (`/en`, `/en-us`, `/en_GB`, case-insensitive) is dropped, so
 *   `/en-us/privacy` and `/privacy` share a key. Other locales (`/fr/privacy`, `/de-de/privacy`) keep their
 *   segment: they are different texts, and diffing French against English would report everything changed.
 *   Locale query parameters (`hl`, `lang`, `locale`) are kept for the same reason.
 * @module
 */

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'yclid',
  '_hsenc',
  '_hsmi',
  'ref_src',
  'ref',
  'spm',
]);

const ENGLISH_LOCALE_SEGMENT = /^en(?:[-_][a-z]{2})?$/i;

/**
 * The canonical form of a page URL (see the module comment for the rule). Returns `null` for anything that is not
 * an absolute http(s) URL, so callers never store `about:`, `file:` or extension pages.
 */
export function canonicalUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  // URL already drops default ports and lower-cases the host; this keeps the rule explicit if that ever changes.
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) {
    url.port = '';
  }

  const kept: [string, string][] = [];
  for (const [key, value] of url.searchParams) {
    const k = key.toLowerCase();
    if (k.startsWith('utm_') || TRACKING_PARAMS.has(k)) continue;
    kept.push([key, value]);
  }
  kept.sort((a, b) => (a[0] === b[0] ? a[1].localeCompare(b[1]) : a[0] < b[0] ? -1 : 1));
  url.search = new URLSearchParams(kept).toString();

  let segments = url.pathname.split('/').filter((s) => s !== '');
  if (segments.length > 1 && ENGLISH_LOCALE_SEGMENT.test(segments[0] ?? '')) segments = segments.slice(1);
  url.pathname = '/' + segments.join('/');

  return url.toString();
}
