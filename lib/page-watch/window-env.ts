/**
 * The watch environments of a live page: its window, and timers that stop with the content script (WXT's
 * `ctx.setInterval` / `ctx.setTimeout`). Both the every-page gate and the page analysis watch through these.
 * @module
 */
import type { MutationWatchEnv } from './mutation-watch';
import type { UrlWatchEnv } from './url-watch';

export interface ScriptTimers {
  setInterval: (fn: () => void, ms: number) => number;
  setTimeout: (fn: () => void, ms: number) => number;
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
