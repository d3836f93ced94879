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
  it('holds a value until flushed and writes it once', async () => {
    const { writes, written, timers } = setup();
    writes.put('tab', 1);
    await Promise.resolve();
    expect(written).toEqual([]);
    await writes.flush('tab');
    expect(written).toEqual([['tab', 1]]);
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
    writes.put('tab', 1);
    writes.put('tab', 2);
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
  });

  it('a failed write is dropped and the flush resolves', async () => {
    const failing = setup(true);
    failing.writes.put('tab', 1);
    await expect(failing.writes.flush('tab')).resolves.toBeUndefined();
    failing.writes.put('tab', 2);
    await expect(failing.writes.flush('tab')).resolves.toBeUndefined();
  });
});
