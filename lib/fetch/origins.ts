/**
 * Origins as Fineprint grants and checks them. Two spellings, on purpose:
 * - the exact origin (`https://shop.example:8443`: scheme, host and port) is what the user grants and what every
 *   request is checked against;
 * - the match pattern (`https://shop.example/*`) is what the browser's `permissions` API understands. Match
 *   patterns cannot name a port in Firefox and ignore it in Chrome, so a pattern alone would let a grant for
 *   one port cover every other service on that host: it is only ever checked *together with* the exact origin.
 * @module
 */

/** `scheme://host[:port]` of an http(s) URL (default ports omitted, as `URL.origin` does); null otherwise. */
export function originOf(url: string | URL): string | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
}

/** The `permissions` match pattern covering `url`'s host (`https://shop.example/*`); null if not http(s). */
export function originPattern(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  return `${u.protocol}//${u.hostname}/*`;
}

/** Distinct, sorted match patterns for `urls` (what a page asks the user to grant). */
export function originPatterns(urls: readonly string[]): string[] {
  return [...new Set(urls.map(originPattern).filter((p): p is string => p !== null))].sort();
}

/** Distinct, sorted exact origins of `urls`. */
export function originsOf(urls: readonly string[]): string[] {
  return [...new Set(urls.map((u) => originOf(u)).filter((o): o is string => o !== null))].sort();
}

/**
 * The address Fineprint fetches for a policy link found on `pageUrl`. A plain-http link on an https page is
 * read over https on the same host: on a secure checkout the http link would only redirect there (a redirect
 * we cannot follow, see lib/fetch/capped-fetch.ts), and reading it in the clear would let the network rewrite
 * the summary the user relies on. The user is asked to grant this upgraded origin, so the grant names what is
 * really fetched. An explicit non-default port is kept as it is (https on an http port is not a thing).
 */
export function fetchTargetOf(linkUrl: string, pageUrl: string): string {
  try {
    const link = new URL(linkUrl);
    const page = new URL(pageUrl);
    if (link.protocol === 'http:' && page.protocol === 'https:' && link.port === '') {
      link.protocol = 'https:';
      return link.href;
    }
    return link.href;
  } catch {
    return linkUrl;
  }
}
