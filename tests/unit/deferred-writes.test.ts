// lib/deferred-writes.ts with a hand-driven clock: what is written, when, and in what order.
import { describe, expect, it } from 'vitest';
import { createDeferredWrites } from '@/lib/deferred-writes';

function setup(fail = false) {
  const written: [string, number][] = [];
  const timers = new Map<number, () => void>();
  let next = 0;
  const writes = createDeferredWrites<string, number>({
    write: async (key, value) => {
      await Promise.resolve();
      if (fail) throw new Error('quota');
      written.push([key, value]);
    },
    setTimer: (run) => {
      timers.set(++next, run);
      return next;
    },
    clearTimer: (timer) => timers.delete(timer as number),
    delayMs: 3_000,
  });
  const fireTimers = () => {
    for (const [id, run] of [...timers]) {
      timers.delete(id);
      run();
    }
  };
  return { writes, written, timers, fireTimers };
}

describe('createDeferredWrites', () => {
  it('holds a value until flushed, writes it once, and calls back after the write', async () => {
    const { writes, written, timers } = setup();
    const after: number[] = [];
    writes.put('tab', 1, (v) => after.push(v));
    await Promise.resolve();
    expect(written).toEqual([]);
    await writes.flush('tab');
    expect(written).toEqual([['tab', 1]]);
    expect(after).toEqual([1]);
    expect(timers.size).toBe(0); // the fallback timer is cancelled
    await writes.flush('tab');
    expect(written).toHaveLength(1);
  });

  it('writes what nobody asked for when the delay is up', async () => {
    const { writes, written, fireTimers } = setup();
    writes.put('tab', 1);
    fireTimers();
    await writes.flush('tab'); // waits for the write under way
    expect(written).toEqual([['tab', 1]]);
  });

  it('writes the updated value; an update after the write is refused', async () => {
    const { writes, written } = setup();
    writes.put('tab', 1);
    expect(writes.update('tab', (v) => v + 10)).toBe(true);
    await writes.flush('tab');
    expect(writes.update('tab', (v) => v + 10)).toBe(false);
    expect(written).toEqual([['tab', 11]]);
  });

  it('a newer value first writes the one still held; writes of one key land in order', async () => {
    const { writes, written, timers } = setup();
    const after: number[] = [];
    writes.put('tab', 1, (v) => after.push(v));
    writes.put('tab', 2, (v) => after.push(v));
    expect(timers.size).toBe(1);
    const first = writes.flush('tab');
    writes.put('tab', 3);
    const second = writes.flush('tab');
    await Promise.all([first, second]);
    expect(written).toEqual([
      ['tab', 1],
      ['tab', 2],
      ['tab', 3],
    ]);
    expect(after).toEqual([1, 2]);
  });

  it('a failed write still calls back, and the flush resolves', async () => {
    const failing = setup(true);
    const after: number[] = [];
    failing.writes.put('tab', 1, (v) => after.push(v));
    await expect(failing.writes.flush('tab')).resolves.toBeUndefined();
    expect(after).toEqual([1]);
  });
});
