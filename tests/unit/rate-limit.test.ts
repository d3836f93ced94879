import { describe, expect, it } from 'vitest';
import { createRateLimit } from '../../lib/rate-limit';

describe('createRateLimit', () => {
  it('lets one event through per gap and at most max per window, per key', () => {
    let t = 0;
    const limit = createRateLimit({ max: 3, windowMs: 60_000, minGapMs: 2_000, now: () => t });
    // Ten presses in one second: one tab.
    const first = Array.from({ length: 10 }, () => {
      t += 100;
      return limit.allow(7);
    });
    expect(first.filter(Boolean)).toHaveLength(1);
    // Another tab is not held back by this one.
    expect(limit.allow(8)).toBe(true);
    t += 2_000;
    expect(limit.allow(7)).toBe(true);
    t += 2_000;
    expect(limit.allow(7)).toBe(true);
    t += 2_000;
    expect(limit.allow(7)).toBe(false); // 3 in the last minute
    t += 60_000;
    expect(limit.allow(7)).toBe(true);
  });

  it('forgets the oldest keys beyond its size', () => {
    let t = 0;
    const limit = createRateLimit({ max: 1, windowMs: 60_000, minGapMs: 0, now: () => t, maxKeys: 2 });
    expect(limit.allow('a')).toBe(true);
    expect(limit.allow('b')).toBe(true);
    expect(limit.allow('c')).toBe(true);
    t += 1;
    expect(limit.allow('a')).toBe(true); // forgotten
    expect(limit.allow('c')).toBe(false);
  });
});
