// lib/kept-readings.ts with a hand-driven clock: who may take a reading, how much is kept, for how long.
import { describe, expect, it } from 'vitest';
import { createKeptReadings } from '@/lib/kept-readings';

const URL_A = 'https://shop.example.com/privacy';

function setup(over: { maxEntries?: number; maxChars?: number; ttlMs?: number } = {}) {
  let now = 1_000;
  let ids = 0;
  const kept = createKeptReadings<string>({
    now: () => now,
    newId: () => `id-${++ids}`,
    sizeOf: (text) => text.length,
    maxEntries: over.maxEntries ?? 4,
    maxChars: over.maxChars ?? 100,
    ttlMs: over.ttlMs ?? 60_000,
  });
  return { kept, advance: (ms: number) => (now += ms) };
}

const frame = (tabId: number, frameId = 0) => ({ tabId, frameId });

describe('kept readings', () => {
  it('hands a reading once to the frame, address and id it was kept for', () => {
    const { kept } = setup();
    const id = kept.keep(frame(1), URL_A, 'text one');
    expect(kept.take(frame(1), URL_A, id)).toBe('text one');
    expect(kept.take(frame(1), URL_A, id)).toBeNull();
    expect(kept.held()).toEqual({ entries: 0, chars: 0 });
  });

  it('never hands a reading to another tab or frame, and their attempts leave it in place', () => {
    const { kept } = setup();
    const id = kept.keep(frame(1), URL_A, 'text one');
    expect(kept.take(frame(2), URL_A, id)).toBeNull();
    expect(kept.take(frame(1, 5), URL_A, id)).toBeNull();
    expect(kept.take(frame(1), URL_A, 'id-99')).toBeNull();
    expect(kept.take(frame(1), URL_A, id)).toBe('text one');
  });

  it('refuses, and forgets, a reading presented for another address', () => {
    const { kept } = setup();
    const id = kept.keep(frame(1), URL_A, 'text one');
    expect(kept.take(frame(1), 'https://shop.example.com/other', id)).toBeNull();
    expect(kept.take(frame(1), URL_A, id)).toBeNull();
  });

  it('keeps one reading per frame: a newer one replaces it', () => {
    const { kept } = setup();
    const first = kept.keep(frame(1), URL_A, 'first');
    const second = kept.keep(frame(1), URL_A, 'second');
    expect(kept.held()).toEqual({ entries: 1, chars: 'second'.length });
    expect(kept.take(frame(1), URL_A, first)).toBeNull();
    expect(kept.take(frame(1), URL_A, second)).toBe('second');
  });

  it('drops the oldest readings beyond the entry and size bounds', () => {
    const { kept } = setup({ maxEntries: 3, maxChars: 30 });
    const ids = [1, 2, 3, 4].map((tab) => kept.keep(frame(tab), URL_A, 'x'.repeat(5)));
    expect(kept.held()).toEqual({ entries: 3, chars: 15 });
    expect(kept.take(frame(1), URL_A, ids[0]!)).toBeNull();
    const big = kept.keep(frame(5), URL_A, 'y'.repeat(25));
    // 10 + 25 > 30 would not fit: tabs 2 and 3 go, tab 4 stays.
    expect(kept.held()).toEqual({ entries: 2, chars: 30 });
    expect(kept.take(frame(2), URL_A, ids[1]!)).toBeNull();
    expect(kept.take(frame(4), URL_A, ids[3]!)).toBe('xxxxx');
    expect(kept.take(frame(5), URL_A, big)).toBe('y'.repeat(25));
  });

  it('keeps a reading larger than the whole budget on its own', () => {
    const { kept } = setup({ maxChars: 10 });
    kept.keep(frame(1), URL_A, 'abc');
    const id = kept.keep(frame(2), URL_A, 'z'.repeat(50));
    expect(kept.held()).toEqual({ entries: 1, chars: 50 });
    expect(kept.take(frame(2), URL_A, id)).toBe('z'.repeat(50));
  });

  it('lets a reading expire, and clears expired ones when another is kept', () => {
    const { kept, advance } = setup({ ttlMs: 1_000 });
    const late = kept.keep(frame(1), URL_A, 'late');
    kept.keep(frame(2), URL_A, 'stale');
    advance(1_000);
    expect(kept.take(frame(1), URL_A, late)).toBeNull();
    kept.keep(frame(3), URL_A, 'fresh');
    expect(kept.held()).toEqual({ entries: 1, chars: 'fresh'.length });
    advance(999);
    expect(kept.held().entries).toBe(1);
  });

  it('drops every frame of a tab, and only that tab', () => {
    const { kept } = setup();
    const top = kept.keep(frame(1), URL_A, 'top');
    const sub = kept.keep(frame(1, 4), URL_A, 'sub');
    const other = kept.keep(frame(2), URL_A, 'other');
    kept.dropTab(1);
    expect(kept.take(frame(1), URL_A, top)).toBeNull();
    expect(kept.take(frame(1, 4), URL_A, sub)).toBeNull();
    expect(kept.take(frame(2), URL_A, other)).toBe('other');
  });
});
