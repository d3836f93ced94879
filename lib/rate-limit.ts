/**
 * At most one action per key per interval: the first call passes, calls within `intervalMs` after it are
 * refused. Used for tabs a web page's UI may ask the background to open — our in-page buttons act only on
 * real clicks, and this keeps even real clicks (a user made to click repeatedly over our button) to one new
 * tab per few seconds. Pure: the clock is an argument.
 * @module
 */
export function createRateLimiter(intervalMs: number, now: () => number = Date.now) {
  const last = new Map<string | number, number>();
  return (key: string | number): boolean => {
    const t = now();
    const previous = last.get(key);
    if (previous !== undefined && t - previous < intervalMs) return false;
    // Old entries go as new ones come, so the map stays as small as the set of recently active keys.
    for (const [k, at] of last) if (t - at >= intervalMs) last.delete(k);
    last.set(key, t);
    return true;
  };
}
