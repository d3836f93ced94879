/**
 * The watch environments of a live page: its window, and timers — WXT's `ctx.setInterval` / `ctx.setTimeout`
 * in the page analysis (they stop with its context), the window's own in the every-page gate (which checks
 * that its extension is still there itself). Both watch through these.
 * @module
 */
import type { MutationWatchEnv } from './mutation-watch';
import type { UrlWatchEnv } from './url-watch';

export interface ScriptTimers {
  setInterval: (fn: () => void, ms: number) => number;
  setTimeout: (fn: () => void, ms: number) => number;
}

/** The window's own timers. */
export function windowTimers(win: Window): ScriptTimers {
  return {
    setInterval: (fn, ms) => win.setInterval(fn, ms),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
  };
}

export function urlWatchEnv(win: Window, timers: ScriptTimers): UrlWatchEnv {
  return {
    href: () => win.location.href,
    navigation: (win as { navigation?: EventTarget }).navigation ?? null,
    target: win,
    setInterval: (fn, ms) => timers.setInterval(fn, ms),
    clearInterval: (id) => win.clearInterval(id as number),
  };
}

export function mutationWatchEnv(win: Window, timers: ScriptTimers): MutationWatchEnv {
  return {
    MutationObserver: (win as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver,
    setTimeout: (fn, ms) => timers.setTimeout(fn, ms),
    clearTimeout: (id) => win.clearTimeout(id as number),
    now: () => win.performance.now(),
  };
}
