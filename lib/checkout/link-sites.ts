/**
 * Which sites a checkout page's policy links may name, by the sites of lib/checkout/site.ts. Kept apart from
 * lib/message-guards.ts, which the page analysis imports at start: through it, every policy page built
 * tldts's Public Suffix List trie while loading the analysis, a checkout-only cost (the checkout code that
 * needs sites is imported on checkout pages only).
 * @module
 */
import { PAYMENT_PROVIDERS, sameSite as sameSiteUrl, siteOf } from './site';

/** Whether two http(s) URLs belong to the same site (registrable domain, as lib/checkout/site.ts defines it). */
export function sameSite(a: string, b: string): boolean {
  try {
    return sameSiteUrl(new URL(a), new URL(b));
  } catch {
    return false;
  }
}

/**
 * Payment / buy-now-pay-later providers whose own terms a checkout may link to (the checkout module's
 * list). A policy link must be on the page's own site or one of these; anything else is refused.
 */
export const PAYMENT_POLICY_SITES: readonly string[] = Object.keys(PAYMENT_PROVIDERS);

/** Whether a page may ask us to read `linkUrl` as one of its policies. */
export function isPolicyLinkAllowed(
  pageUrl: string,
  linkUrl: string,
  extraSites: readonly string[] = PAYMENT_POLICY_SITES,
): boolean {
  if (sameSite(pageUrl, linkUrl)) return true;
  try {
    return extraSites.includes(siteOf(new URL(linkUrl).hostname));
  } catch {
    return false;
  }
}
