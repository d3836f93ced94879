/**
 * The order statistics the benchmark scripts report.
 * @module
 */

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Median time in ms of `runs` calls of `f` after `warm` calls that are not timed (the upper middle value for
 * an even count, as `quantile(xs, 0.5)`).
 */
export function medianTime(f: () => unknown, runs: number, warm: number): number {
  for (let i = 0; i < warm; i++) f();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return quantile(xs, 0.5);
}

/** The value at rank ⌊q·n⌋ of the sorted values (the last one for q = 1); NaN for none. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}
