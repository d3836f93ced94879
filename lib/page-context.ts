/**
 * The page analysis's own life cycle, in place of WXT's content-script context. WXT's context stops itself
 * when the page's document receives an event named after the (public) extension id, so any site could switch
 * Fineprint off on its own page by dispatching that event. This one listens to nothing the page can send:
 * it ends only when the extension is really gone (after an update or a reload, the script left on an open
 * page loses `runtime.id`) or when our own code ends it.
 *
 * Timers, animation frames and event listeners made through it stop with it.
 * @module
 */

/** What the analysis, its watchers and the checkout badge use of their context. */
export interface PageContext {
  /** Aborted when the context ends. */
  readonly signal: AbortSignal;
  /** False once the context has ended (checks the extension first). */
  readonly isValid: boolean;
  /** Runs `callback` when the context ends; returns a function that unregisters it. */
  onInvalidated(callback: () => void): () => void;
  setTimeout(handler: () => void, ms: number): number;
  setInterval(handler: () => void, ms: number): number;
  requestAnimationFrame(callback: (time: number) => void): number;
  addEventListener<E extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
    options?: AddEventListenerOptions,
  ): void;
  /** Ends the context (our own code only). */
  invalidate(): void;
}

/** The parts of a window the context uses. */
export interface PageContextWindow {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
  setInterval(handler: () => void, ms: number): number;
  clearInterval(id: number): void;
  requestAnimationFrame(callback: (time: number) => void): number;
  cancelAnimationFrame(id: number): void;
}

export interface PageContextEnv {
  win: PageContextWindow;
  /** Whether our extension is still there (`runtime.id !== undefined`). */
  alive: () => boolean;
}

export function createPageContext({ win, alive }: PageContextEnv): PageContext {
  const controller = new AbortController();
  const signal = controller.signal;
  const valid = (): boolean => {
    if (!signal.aborted && !alive()) controller.abort();
    return !signal.aborted;
  };
  const onInvalidated = (callback: () => void) => {
    signal.addEventListener('abort', callback);
    return () => signal.removeEventListener('abort', callback);
  };
  return {
    signal,
    get isValid() {
      return valid();
    },
    onInvalidated,
    setTimeout(handler, ms) {
      const id = win.setTimeout(() => {
        if (valid()) handler();
      }, ms);
      onInvalidated(() => win.clearTimeout(id));
      return id;
    },
    setInterval(handler, ms) {
      const id = win.setInterval(() => {
        if (valid()) handler();
      }, ms);
      onInvalidated(() => win.clearInterval(id));
      return id;
    },
    requestAnimationFrame(callback) {
      const id = win.requestAnimationFrame((time) => {
        if (valid()) callback(time);
      });
      onInvalidated(() => win.cancelAnimationFrame(id));
      return id;
    },
    addEventListener(target, type, handler, options = {}) {
      if (!valid()) return;
      target.addEventListener(type, handler as EventListener, { ...options, signal });
    },
    invalidate: () => controller.abort(),
  };
}
