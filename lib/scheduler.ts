/**
 * Cooperative chunking for work done on the page's main thread: process items until a time budget is spent,
 * then give the event loop back to the page. Keeps every task we run under the 50 ms long-task threshold
 * (the budget is lower than 50 ms because one item may overrun it).
 * @module
 */
import { createYield, type YieldEnv } from './yield';

/** What the scheduler needs from its environment; the content script passes the page's window. */
export interface SchedulerEnv {
  /** Monotonic clock in ms (`performance.now`). */
  now: () => number;
  /** Ends the current task and resumes in a later one. */
  yieldToHost: () => Promise<void>;
}

/** Default per-task budget in ms: leaves headroom below the 50 ms long-task threshold for one slow item. */
export const DEFAULT_BUDGET_MS = 20;

export class AbortedError extends Error {
  constructor() {
    super('Fineprint work was cancelled');
    this.name = 'AbortedError';
  }
}

interface YieldingWindow extends YieldEnv {
  performance: { now(): number };
}

/** Builds a `SchedulerEnv` from a window: its clock, and the yield of lib/yield.ts. */
export function schedulerEnvFor(win: YieldingWindow): SchedulerEnv {
  return { now: () => win.performance.now(), yieldToHost: createYield(win) };
}

export interface ChunkOptions {
  env: SchedulerEnv;
  /** Max ms of work per task before yielding. */
  budgetMs?: number;
  /** Stops between items (e.g. extension update, SPA navigation) with an `AbortedError`. */
  signal?: AbortSignal;
}

/**
 * Maps `items` through `work`, yielding to the page whenever `budgetMs` has elapsed in the current task.
 * Returns results in input order. Rejects with `AbortedError` when `signal` aborts; a throwing item rejects
 * the whole run (callers wrap items that may fail).
 */
export async function mapChunked<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => R,
  options: ChunkOptions,
): Promise<R[]> {
  const { env, signal } = options;
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const out: R[] = new Array<R>(items.length);
  let sliceStart = env.now();
  for (let i = 0; i < items.length; i++) {
    if (signal?.aborted) throw new AbortedError();
    out[i] = work(items[i]!, i);
    if (env.now() - sliceStart >= budget && i < items.length - 1) {
      await env.yieldToHost();
      sliceStart = env.now();
    }
  }
  if (signal?.aborted) throw new AbortedError();
  return out;
}

/**
 * Yielded by a `runSliced` job before a step that may take most of a slice by itself: the job goes on in a new
 * task whatever is left of the budget, so that step never runs at the end of a slice spent elsewhere.
 */
export const NEW_TASK: unique symbol = Symbol('new task');

/**
 * Runs a generator-shaped job: each `yield` marks a point where the job may be paused. The job runs until the
 * budget is spent, then the page gets the thread back. For work that is not a flat list (e.g. a tree walk).
 * A job that yields a promise is resumed once it settles (whichever way), in a later task; one that yields
 * `NEW_TASK` is resumed in a new task.
 */
export async function runSliced<R>(job: Generator<unknown, R, void>, options: ChunkOptions): Promise<R> {
  const { env, signal } = options;
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  let sliceStart = env.now();
  for (;;) {
    if (signal?.aborted) {
      job.return(undefined as never);
      throw new AbortedError();
    }
    const step = job.next();
    if (step.done) return step.value;
    if (step.value instanceof Promise) {
      await step.value.then(
        () => undefined,
        () => undefined,
      );
      sliceStart = env.now();
    } else if (step.value === NEW_TASK || env.now() - sliceStart >= budget) {
      await env.yieldToHost();
      sliceStart = env.now();
    }
  }
}

/** Runs a `runSliced` job to its end in one go, where nothing waits on it (the CLI, the background, Node). */
export function runToEnd<R>(job: Generator<unknown, R, void>): R {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}
