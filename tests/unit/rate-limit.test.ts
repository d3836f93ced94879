import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '@/lib/rate-limit';

describe('createRateLimiter', () => {
  it('lets one action per key through per interval', () => {
    let now = 1_000;
    const allow = createRateLimiter(5_000, () => now);
    expect(allow(7)).toBe(true);
    // Ten presses in the same second: nothing more.
    expect(Array.from({ length: 10 }, () => allow(7))).toEqual(new Array(10).fill(false));
    expect(allow(8)).toBe(true); // another tab is another key
    now += 4_999;
    expect(allow(7)).toBe(false);
    now += 1;
    expect(allow(7)).toBe(true);
  });
});
