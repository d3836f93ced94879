// lib/store/stable-hold.ts with a hand-driven clock: a tab's page is recorded only once it has stood still.
import { describe, expect, it } from 'vitest';
import { createStableHold } from '@/lib/store/stable-hold';

interface Report {
  url: string;
  text: string;
}

function setup(stillOn: (tabId: number, r: Report) => Promise<boolean> = async () => true) {
  const recorded: [number, Report][] = [];
  const asked: number[] = [];
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 0;
  const hold = createStableHold<Report>({
    setTimer: (run, ms) => {
      timers.set(++next, { at: now + ms, run });
      return next;
    },
    clearTimer: (t) => timers.delete(t as number),
    stableMs: 5_000,
    identify: (r) => (r.text ? `${r.url}\n${r.text}` : null),
    stillOn: async (tabId, r) => {
      asked.push(tabId);
      return stillOn(tabId, r);
    },
    record: async (tabId, r) => void recorded.push([tabId, r]),
  });
  /** Moves the clock on, running the timers that fall due (and what they await). */
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > now) continue;
      timers.delete(id);
      t.run();
    }
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { hold, recorded, asked, advance, timers };
}

const A = { url: 'https://evil.example/a', text: 'alpha' };
const B = { url: 'https://evil.example/b', text: 'beta' };

describe('createStableHold', () => {
  it('records a page that stood still for the whole delay, once', async () => {
    const { hold, recorded, advance } = setup();
    hold.hold(1, A);
    await advance(4_999);
    expect(recorded).toEqual([]);
    await advance(1);
    expect(recorded).toEqual([[1, A]]);
    await advance(60_000);
    expect(recorded).toHaveLength(1);
  });

  it('records nothing from a tab that flips between two pages faster than the delay', async () => {
    const { hold, recorded, advance } = setup();
    for (let i = 0; i < 24; i++) {
      hold.hold(1, i % 2 ? B : A);
      await advance(2_500);
    }
    expect(recorded).toEqual([]);
    // It stops flipping: the page it settles on is recorded.
    await advance(2_500);
    expect(recorded).toEqual([[1, B]]);
  });

  it('a re-analysis of the same address and text keeps the clock; other text restarts it', async () => {
    const { hold, recorded, advance } = setup();
    hold.hold(1, A);
    await advance(3_000);
    hold.hold(1, { ...A });
    await advance(2_000);
    expect(recorded).toHaveLength(1);
    hold.hold(2, A);
    await advance(3_000);
    hold.hold(2, { ...A, text: 'alpha, edited' });
    await advance(2_000);
    expect(recorded).toHaveLength(1);
    await advance(3_000);
    expect(recorded.at(-1)).toEqual([2, { ...A, text: 'alpha, edited' }]);
  });

  it('tabs are held apart; a closed tab records nothing', async () => {
    const { hold, recorded, advance } = setup();
    hold.hold(1, A);
    hold.hold(2, B);
    hold.closed(1);
    await advance(5_000);
    expect(recorded).toEqual([[2, B]]);
  });

  it('a report that is nothing to record drops what the tab held', async () => {
    const { hold, recorded, advance } = setup();
    hold.hold(1, A);
    hold.hold(1, { url: A.url, text: '' });
    await advance(10_000);
    expect(recorded).toEqual([]);
  });

  it('asks the tab only when it moved, and records only if it is still on the address', async () => {
    let on = true;
    const { hold, recorded, asked, advance } = setup(async () => on);
    hold.hold(1, A);
    await advance(5_000);
    expect(asked).toEqual([]);
    expect(recorded).toHaveLength(1);

    hold.hold(2, A);
    hold.navigated(2); // a same-page anchor: still on A
    await advance(5_000);
    expect(asked).toEqual([2]);
    expect(recorded).toHaveLength(2);

    on = false;
    hold.hold(3, A);
    hold.navigated(3); // pushState to a page that is not a policy: no new report, but not on A any more
    await advance(5_000);
    expect(asked).toEqual([2, 3]);
    expect(recorded).toHaveLength(2);
  });

  it('a tab that cannot answer is taken as moved', async () => {
    const { hold, recorded, advance } = setup(async () => {
      throw new Error('Could not establish connection');
    });
    hold.hold(1, A);
    hold.navigated(1);
    await advance(5_000);
    expect(recorded).toEqual([]);
  });

  it('the same page reported again after a move counts as confirmed', async () => {
    const { hold, recorded, asked, advance } = setup(async () => false);
    hold.hold(1, A);
    hold.navigated(1);
    hold.hold(1, { ...A });
    await advance(5_000);
    expect(asked).toEqual([]);
    expect(recorded).toEqual([[1, A]]);
  });
});
