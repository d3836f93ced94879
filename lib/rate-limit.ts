/**
 * A per-key rate limit with a clock passed in: at most `max` events per key in any `windowMs`, and at least
 * `minGapMs` between two of them. Used where a page can make the background act for it (opening a tab), so a
 * script that finds a way to fire our buttons still cannot open tabs in bulk.
 * @module
 */

export interface RateLimit {
  /** Whether an event for `key` may happen now; counts it when it may. */
  allow(key: string | number): boolean;
}

export interface RateLimitOptions {
  max: number;
  windowMs: number;
  minGapMs: number;
  now: () => number;
  /** Keys remembered at most (oldest forgotten first), so a long session's map stays small. */
  maxKeys?: number;
}

export function createRateLimit({
  max,
  windowMs,
  minGapMs,
  now,
  maxKeys = 1000,
}: RateLimitOptions): RateLimit {
  const seen = new Map<string | number, number[]>();
  return {
    allow(key) {
      const t = now();
      const recent = (seen.get(key) ?? []).filter((at) => t - at < windowMs);
      const last = recent[recent.length - 1];
      const ok = recent.length < max && (last === undefined || t - last >= minGapMs);
      if (ok) recent.push(t);
      seen.delete(key);
      seen.set(key, recent);
      if (seen.size > maxKeys) seen.delete(seen.keys().next().value!);
      return ok;
    },
  };
}
