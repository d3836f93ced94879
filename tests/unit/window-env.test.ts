// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { mutationWatchEnv, urlWatchEnv } from '../../lib/page-watch/window-env';

describe('watch environments of a live window', () => {
  it('read the window and schedule through the script timers', () => {
    const timers = { setInterval: vi.fn(() => 1), setTimeout: vi.fn(() => 2) };
    const url = urlWatchEnv(window, timers);
    expect(url.href()).toBe(location.href);
    expect(url.target).toBe(window);
    const tick = () => undefined;
    expect(url.setInterval(tick, 750)).toBe(1);
    expect(timers.setInterval).toHaveBeenCalledWith(tick, 750);
    const mut = mutationWatchEnv(window, timers);
    expect(mut.MutationObserver).toBe(window.MutationObserver);
    expect(mut.setTimeout(tick, 500)).toBe(2);
    expect(timers.setTimeout).toHaveBeenCalledWith(tick, 500);
    expect(typeof mut.now()).toBe('number');
  });
});
