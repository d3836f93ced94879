import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  mapChunked,
  NEW_TASK,
  runSliced,
  runToEnd,
  schedulerEnvFor,
  type SchedulerEnv,
} from '../../lib/scheduler';

/** A fake clock: each item "costs" `cost` ms; yields are counted. */
function fakeEnv(cost: number) {
  let t = 0;
  const env: SchedulerEnv & { yields: number; tick(): void } = {
    yields: 0,
    now: () => t,
    tick: () => {
      t += cost;
    },
    yieldToHost: async () => {
      env.yields++;
    },
  };
  return env;
}

describe('mapChunked', () => {
  it('keeps order and yields whenever the budget is spent', async () => {
    const env = fakeEnv(5);
    const out = await mapChunked(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      (n) => {
        env.tick();
        return n * 2;
      },
      { env, budgetMs: 20 },
    );
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    // 4 items fill a 20 ms slice; 10 items → yields after items 4 and 8.
    expect(env.yields).toBe(2);
  });

  it('does not yield when everything fits in one slice', async () => {
    const env = fakeEnv(1);
    await mapChunked([1, 2, 3], () => env.tick(), { env, budgetMs: 20 });
    expect(env.yields).toBe(0);
  });

  it('stops with AbortedError when the signal aborts between items', async () => {
    const env = fakeEnv(30);
    const ctrl = new AbortController();
    const seen: number[] = [];
    const run = mapChunked(
      [1, 2, 3],
      (n) => {
        seen.push(n);
        env.tick();
        if (n === 1) ctrl.abort();
      },
      { env, signal: ctrl.signal },
    );
    await expect(run).rejects.toBeInstanceOf(AbortedError);
    expect(seen).toEqual([1]);
  });
});

describe('runSliced', () => {
  it('runs a generator to completion, yielding by budget', async () => {
    const env = fakeEnv(10);
    function* job() {
      let sum = 0;
      for (let i = 1; i <= 6; i++) {
        env.tick();
        sum += i;
        yield;
      }
      return sum;
    }
    expect(await runSliced(job(), { env, budgetMs: 25 })).toBe(21);
    expect(env.yields).toBe(2);
  });

  it('goes on in a new task after NEW_TASK, whatever is left of the budget', async () => {
    const env = fakeEnv(1);
    function* job() {
      env.tick();
      yield;
      env.tick();
      yield NEW_TASK;
      env.tick();
      yield;
      return 'done';
    }
    expect(await runSliced(job(), { env, budgetMs: 25 })).toBe('done');
    expect(env.yields).toBe(1);
  });

  it('waits for a yielded promise, fulfilled or rejected, before resuming the job', async () => {
    const env = fakeEnv(0);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const steps: string[] = [];
    function* job() {
      steps.push('before');
      yield gate;
      steps.push('after');
      yield Promise.reject(new Error('a failed wait only resumes the job'));
      steps.push('end');
      return steps.length;
    }
    const run = runSliced(job(), { env });
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(steps).toEqual(['before']);
    release();
    expect(await run).toBe(3);
  });
});

describe('runToEnd', () => {
  it('runs a job through all its pauses, promises included, and returns its value', () => {
    const seen: number[] = [];
    function* job(): Generator<unknown, string, void> {
      seen.push(1);
      yield;
      seen.push(2);
      yield Promise.resolve();
      seen.push(3);
      return 'done';
    }
    expect(runToEnd(job())).toBe('done');
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('schedulerEnvFor', () => {
  it('prefers scheduler.yield when the window has it', async () => {
    let called = 0;
    const env = schedulerEnvFor({
      setTimeout: () => 0,
      performance: { now: () => 1 },
      scheduler: {
        yield: () => {
          called++;
          return Promise.resolve();
        },
      },
    });
    await env.yieldToHost();
    expect(called).toBe(1);
  });

  it('falls back to a MessageChannel hop, then to setTimeout', async () => {
    const viaChannel = schedulerEnvFor({ setTimeout, MessageChannel, performance });
    await expect(viaChannel.yieldToHost()).resolves.toBeUndefined();
    let timeouts = 0;
    const viaTimeout = schedulerEnvFor({
      setTimeout: (fn: () => void) => {
        timeouts++;
        fn();
        return 0;
      },
      performance,
    });
    await viaTimeout.yieldToHost();
    expect(timeouts).toBe(1);
  });
});
