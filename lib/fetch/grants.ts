/**
 * Fineprint's own list of the origins the user allowed it to read, kept apart from the browser's host access.
 * Why: the content script runs on every page, so Chrome reports `http://*\/*` and `https://*\/*` among the
 * extension's permissions and lets the background fetch any origin; `permissions.contains` checks match
 * patterns, which ignore ports. So an origin counts as granted only when the user granted it through our UI
 * (recorded here, exact scheme + host + port) *and* the browser still holds a permission covering it (the
 * user may have revoked it in the browser's settings since). Pure: storage and the browser come in as
 * functions.
 * @module
 */
import { originOf, originPattern } from './origins';

/** The storage.local key of the list. */
export const GRANTS_KEY = 'grantedOrigins';
/** More than anyone grants by hand; a cap so a bug cannot grow the list without bound. */
export const MAX_GRANTS = 5000;

/** The stored value, validated: exact http(s) origins only, deduplicated and sorted. Anything else is dropped. */
export function readGrants(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  const out = new Set<string>();
  for (const item of stored) {
    if (typeof item !== 'string') continue;
    // Exactly an origin: parsing it back must give the same string (no path, no credentials, no case games).
    if (originOf(item) === item) out.add(item);
  }
  return [...out].sort().slice(0, MAX_GRANTS);
}

/** `list` with `origins` added (each must be an exact http(s) origin). */
export function addGrants(list: readonly string[], origins: readonly string[]): string[] {
  return readGrants([...list, ...origins]);
}

/** `list` without the origins a removed browser permission (`https://shop.example/*`) covered. */
export function removeGrantsCoveredBy(list: readonly string[], patterns: readonly string[]): string[] {
  return list.filter((origin) => !patterns.includes(originPattern(origin) ?? ''));
}

export interface GrantSource {
  /** The stored list (`storage.local[GRANTS_KEY]`). */
  load: () => Promise<unknown>;
  /** `permissions.contains({ origins: [pattern] })`. */
  contains: (pattern: string) => Promise<boolean>;
}

/** Whether the exact `origin` is granted: on our list and still covered by a browser permission. */
export async function isOriginGranted(origin: string, source: GrantSource): Promise<boolean> {
  const exact = originOf(origin);
  if (exact === null || exact !== origin) return false;
  if (!readGrants(await source.load()).includes(exact)) return false;
  const pattern = originPattern(exact);
  return pattern !== null && (await source.contains(pattern).catch(() => false));
}
