// When the pointer opens and closes a clause's card (lib/hover-intent.ts), on a fake clock.
import { describe, expect, it } from 'vitest';
import { createHoverIntent, HOVER_TIMING, type PointerTarget } from '@/lib/hover-intent';

function setup() {
  let now = 1_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const events: string[] = [];
  let card: { index: number; pinned: boolean } | null = null;
  const hover = createHoverIntent({
    now: () => now,
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id),
    card: () => card,
    open: (index) => {
      events.push(`open ${index}`);
      card = { index, pinned: false };
    },
    close: () => {
      events.push('close');
      card = null;
    },
  });
  /** Moves the clock, running the timers that come due, in order. */
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = end;
  };
  const on =
    (index: number): (() => PointerTarget) =>
    () => ({ kind: 'item', index });
  const none = () => ({ kind: 'none' }) as PointerTarget;
  const own = () => ({ kind: 'own' }) as PointerTarget;
  return {
    hover,
    advance,
    events,
    on,
    none,
    own,
    pin: (index: number) => (card = { index, pinned: true }),
  };
}

describe('createHoverIntent', () => {
  it('opens a card only after the pointer rests on its clause', () => {
    const s = setup();
    s.hover.move(s.on(2));
    s.advance(HOVER_TIMING.openMs - 1);
    expect(s.events).toEqual([]);
    s.advance(1);
    expect(s.events).toEqual(['open 2']);
  });

  it('opens nothing for a pointer that crosses a clause', () => {
    const s = setup();
    s.hover.move(s.on(2));
    s.advance(100);
    s.hover.move(s.none);
    s.advance(1_000);
    expect(s.events).toEqual([]);
  });

  it('closes an unpinned card a moment after the pointer left, unless it comes back to the card', () => {
    const s = setup();
    s.hover.move(s.on(1));
    s.advance(HOVER_TIMING.openMs);
    s.hover.move(s.none);
    s.advance(HOVER_TIMING.closeMs - 100);
    s.hover.move(s.own); // onto the card itself
    s.advance(1_000);
    expect(s.events).toEqual(['open 1']);
    s.hover.move(s.none);
    s.advance(HOVER_TIMING.closeMs);
    expect(s.events).toEqual(['open 1', 'close']);
  });

  it('never closes or replaces a pinned card', () => {
    const s = setup();
    s.pin(0);
    s.hover.move(s.none);
    s.advance(1_000);
    s.hover.move(s.on(3));
    s.advance(1_000);
    expect(s.events).toEqual([]);
  });

  it('samples at most once per window, and still looks at the last move of a window', () => {
    const s = setup();
    let sampled = 0;
    const counted = (target: () => PointerTarget) => () => {
      sampled++;
      return target();
    };
    s.hover.move(counted(s.none));
    for (let i = 0; i < 5; i++) {
      s.advance(10);
      s.hover.move(counted(i < 4 ? s.none : s.on(4)));
    }
    expect(sampled).toBe(1);
    // The window ends: the resting place (clause 4) is looked at, and its card opens after the rest delay.
    s.advance(HOVER_TIMING.throttleMs);
    expect(sampled).toBe(2);
    s.advance(HOVER_TIMING.openMs);
    expect(s.events).toEqual(['open 4']);
  });
});
