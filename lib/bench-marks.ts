/// <reference types="vite/client" />
/**
 * Timing entries for `npm run bench`, in the bench build only. A page can read every performance entry in its
 * timeline, content scripts' included, so a release build makes none: `wxt build --mode bench` (the bench's
 * own build, in .output/chrome-mv3-bench) sets the mode these calls test, and in any other build the test is
 * a constant false that the bundler removes with the calls and their names (tests/build/no-page-traces.test.ts
 * checks the release bundles).
 * @module
 */

/** True in the bench build only (a compile-time constant). */
export const BENCH_BUILD = import.meta.env.MODE === 'bench';

/** `performance.mark('fineprint:<name>')` in the bench build; nothing otherwise. */
export function benchMark(name: string, startTime?: number): void {
  if (!BENCH_BUILD) return;
  try {
    performance.mark(`fineprint:${name}`, startTime === undefined ? undefined : { startTime });
  } catch {
    // Marks are diagnostics only.
  }
}

/** `performance.measure('fineprint:<name>', …)` between two of our marks, in the bench build only. */
export function benchMeasure(name: string, start: string, end: string): void {
  if (!BENCH_BUILD) return;
  try {
    performance.measure(`fineprint:${name}`, `fineprint:${start}`, `fineprint:${end}`);
  } catch {
    // Missing start mark (aborted run): nothing to measure.
  }
}
