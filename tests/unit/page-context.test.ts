// @vitest-environment happy-dom
/**
 * The page analysis's context (lib/page-context.ts): nothing the page can dispatch ends it — in particular
 * not the "content script started" event and message WXT's context stops itself on — only the loss of the
 * extension or our own code does, and its timers and listeners stop with it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageContext, type PageContextWindow } from '../../lib/page-context';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

function windowTimers(): PageContextWindow {
  return {
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    setInterval: (fn, ms) => window.setInterval(fn, ms),
    clearInterval: (id) => window.clearInterval(id),
    requestAnimationFrame: (fn) => window.setTimeout(() => fn(0), 16),
    cancelAnimationFrame: (id) => window.clearTimeout(id),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createPageContext', () => {
  it('outlives every form of the framework’s "started" event and message, with the real extension id', () => {
    const ctx = createPageContext({ win: windowTimers(), alive: () => true });
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    for (const entry of ['page-analysis', 'every-page', 'content']) {
      const type = `${EXTENSION_ID}:${entry}:wxt:content-script-started`;
      const detail = { contentScriptName: entry, messageId: 'page' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.dispatchEvent(new CustomEvent(type, { detail }));
      window.dispatchEvent(new MessageEvent('message', { data: { type, ...detail } }));
    }
    expect(ctx.isValid).toBe(true);
    expect(ended).not.toHaveBeenCalled();
  });

  it('ends when the extension is gone, running its callbacks once', () => {
    let alive = true;
    const ctx = createPageContext({ win: windowTimers(), alive: () => alive });
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    expect(ctx.isValid).toBe(true);
    alive = false;
    expect(ctx.isValid).toBe(false);
    expect(ctx.isValid).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(ctx.signal.aborted).toBe(true);
  });

  it('stops its timers and listeners when it ends, and a timer that fires after the extension left does nothing', () => {
    vi.useFakeTimers();
    let alive = true;
    const ctx = createPageContext({ win: windowTimers(), alive: () => alive });
    const tick = vi.fn();
    const later = vi.fn();
    const clicked = vi.fn();
    ctx.setInterval(tick, 100);
    ctx.setTimeout(later, 250);
    ctx.addEventListener(document, 'click', clicked);
    vi.advanceTimersByTime(150);
    document.dispatchEvent(new Event('click'));
    expect(tick).toHaveBeenCalledTimes(1);
    expect(clicked).toHaveBeenCalledTimes(1);
    alive = false;
    vi.advanceTimersByTime(200);
    expect(later).not.toHaveBeenCalled();
    expect(tick).toHaveBeenCalledTimes(1);
    document.dispatchEvent(new Event('click'));
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('is ended by our own code', () => {
    const ctx = createPageContext({ win: windowTimers(), alive: () => true });
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    ctx.invalidate();
    expect(ctx.isValid).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
