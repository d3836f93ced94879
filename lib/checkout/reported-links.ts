/**
 * The background only fetches URLs the content script reported for that same tab. Requests from the popup
 * or the in-page badge name URLs; this checks each one against the tab's stored report.
 * @module
 */
import type { PolicyLink } from './find-policy-links';

/** Normalises for comparison the way `findPolicyLinks` reports URLs (parsed, fragment dropped). */
function normalise(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/**
 * Splits `requested` into the links that were reported for the tab (returned with their reported kind and
 * text) and the rest, which must not be fetched.
 */
export function selectReportedLinks(
  reported: readonly PolicyLink[] | undefined,
  requested: readonly string[],
): { allowed: PolicyLink[]; rejected: string[] } {
  const known = new Map<string, PolicyLink>();
  for (const link of reported ?? []) {
    const key = normalise(link.url);
    if (key) known.set(key, link);
  }
  const allowed: PolicyLink[] = [];
  const rejected: string[] = [];
  for (const url of requested) {
    const key = typeof url === 'string' ? normalise(url) : null;
    const link = key ? known.get(key) : undefined;
    if (link && !allowed.includes(link)) allowed.push(link);
    else if (!link) rejected.push(String(url));
  }
  return { allowed, rejected };
}
