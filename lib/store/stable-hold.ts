/**
 * A policy enters the history only once it has stood still: the background holds each tab's analysed page and
 * records it only if, {@link STABLE_MS} later, the tab has reported nothing else (no other address, no other
 * text) and is still on that address. A page that flips between texts or addresses faster than that (the
 * security probe's page alternated every 2.5 s) records nothing; one that holds still long enough is then held
 * to the per-site limits (lib/store/limits.ts). Nothing here waits on a message from the page: the clock is the
 * background's, and the only question asked of the tab (its current address, when the browser said it moved) is
 * answered by our content script, not by the page.
 *
 * Pure of browser APIs: timers, the clock, the address check and the write are the caller's.
 * @module
 */

/**
 * How long a page must stand still before it is recorded. Longer than the probe's flip interval (2.5 s) with
 * room to spare, shorter than anyone takes to read a policy; a tab closed sooner was not read.
 */
export const STABLE_MS = 5_000;

export interface StableHoldEnv<R> {
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  stableMs: number;
  /**
   * What the report says, as one key (its address and its text's fingerprint), or null when it is nothing to
   * record (not a policy, no clauses). Two reports with the same key are the same page standing still.
   */
  identify: (report: R) => string | null;
  /**
   * Whether the tab is still on the report's address (asked only when the browser said the tab navigated while
   * the report was held: a same-page anchor or a `replaceState` keeps the address, a `pushState` does not).
   */
  stillOn: (tabId: number, report: R) => Promise<boolean>;
  record: (tabId: number, report: R) => Promise<void>;
}

export interface StableHold<R> {
  /** A tab's newest analysed page. A different page replaces (drops) the one held; the same page keeps its clock. */
  hold(tabId: number, report: R): void;
  /** The browser says the tab started loading or changed its address. */
  navigated(tabId: number): void;
  /** The tab closed: what it held is dropped. */
  closed(tabId: number): void;
  /** What is held for a tab (tests, diagnostics). */
  held(tabId: number): R | null;
}

interface Held<R> {
  report: R;
  key: string;
  timer: unknown;
  moved: boolean;
}

export function createStableHold<R>(env: StableHoldEnv<R>): StableHold<R> {
  const holds = new Map<number, Held<R>>();

  const drop = (tabId: number) => {
    const h = holds.get(tabId);
    if (!h) return;
    env.clearTimer(h.timer);
    holds.delete(tabId);
  };

  const settle = async (tabId: number, h: Held<R>) => {
    if (holds.get(tabId) !== h) return;
    holds.delete(tabId);
    if (h.moved && !(await env.stillOn(tabId, h.report).catch(() => false))) return;
    // A newer page may have arrived while the tab was asked: it replaces this one.
    if (holds.has(tabId)) return;
    await env.record(tabId, h.report);
  };

  return {
    hold(tabId, report) {
      const key = env.identify(report);
      const current = holds.get(tabId);
      if (current && key !== null && current.key === key) {
        // Re-analysed, same address and text: our content script has just seen the tab on it.
        current.report = report;
        current.moved = false;
        return;
      }
      drop(tabId);
      if (key === null) return;
      const h: Held<R> = { report, key, moved: false, timer: null };
      // `record` reports its own failures; nothing may escape a timer as an unhandled rejection.
      h.timer = env.setTimer(() => void settle(tabId, h).catch(() => undefined), env.stableMs);
      holds.set(tabId, h);
    },
    navigated(tabId) {
      const h = holds.get(tabId);
      if (h) h.moved = true;
    },
    closed: drop,
    held: (tabId) => holds.get(tabId)?.report ?? null,
  };
}
