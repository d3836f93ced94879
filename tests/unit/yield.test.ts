// Giving the thread back between slices (lib/yield.ts): which way, and that each way resumes in a later task.
import { describe, expect, it } from 'vitest';
import { createYield, yieldKind, type YieldEnv } from '../../lib/yield';

/** Whether `pending` is still waiting once every queued microtask has run: it resumes in a later task. */
async function waitsForATask(pending: Promise<void>): Promise<boolean> {
  let done = false;
  void pending.then(() => (done = true));
  for (let i = 0; i < 20; i++) await Promise.resolve();
  const waited = !done;
  await pending;
  return waited;
}

describe('createYield', () => {
  it('uses scheduler.yield where the environment has it, called on its scheduler', async () => {
    const calls: unknown[] = [];
    const scheduler = {
      yield(this: unknown) {
        calls.push(this);
        return Promise.resolve('ignored');
      },
    };
    const env: YieldEnv = { scheduler, MessageChannel, setTimeout };
    expect(yieldKind(env)).toBe('scheduler.yield');
    await expect(createYield(env)()).resolves.toBeUndefined();
    expect(calls).toEqual([scheduler]);
  });

  it('falls back to one MessageChannel, made once, that resumes every waiter in order in a later task', async () => {
    let made = 0;
    class CountedChannel extends MessageChannel {
      constructor() {
        super();
        made++;
      }
    }
    const env: YieldEnv = { MessageChannel: CountedChannel, setTimeout };
    expect(yieldKind(env)).toBe('message-channel');
    const yieldNow = createYield(env);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => yieldNow().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    await yieldNow();
    expect(made).toBe(1);
    expect(await waitsForATask(yieldNow())).toBe(true);
  });

  it('falls back to setTimeout(0) where there is neither', async () => {
    const delays: (number | undefined)[] = [];
    const env: YieldEnv = {
      setTimeout: (fn, ms) => {
        delays.push(ms);
        return setTimeout(fn, ms);
      },
    };
    expect(yieldKind(env)).toBe('timeout');
    expect(await waitsForATask(createYield(env)())).toBe(true);
    expect(delays).toEqual([0]);
  });
});
