/**
 * Giving the page's main thread back between two slices of our work, so the page's input, rendering and
 * own tasks run in between and no task of ours grows past the long-task line.
 *
 * `scheduler.yield()` where the browser has it (Chromium 129+): our continuation keeps its place ahead of
 * tasks queued later, so yielding often costs little time. Elsewhere a message on a MessageChannel of our
 * own: a fresh task without `setTimeout`'s clamping (4 ms once nested, 1 s in a background tab). One channel
 * serves every yield: a channel made per yield cost two port objects each time, in an isolated world where
 * every first use of an interface is paid for. `setTimeout(0)` only where neither exists.
 * @module
 */

/** What a yield needs from its environment; the content script passes its window. */
export interface YieldEnv {
  scheduler?: { yield?: () => Promise<unknown> };
  MessageChannel?: new () => {
    port1: { onmessage: ((event: never) => void) | null };
    port2: { postMessage(message: unknown): void };
  };
  setTimeout: (fn: () => void, ms?: number) => unknown;
}

/** How `createYield` gives the thread back in this environment. */
export type YieldKind = 'scheduler.yield' | 'message-channel' | 'timeout';

export function yieldKind(env: YieldEnv): YieldKind {
  if (typeof env.scheduler?.yield === 'function') return 'scheduler.yield';
  if (typeof env.MessageChannel === 'function') return 'message-channel';
  return 'timeout';
}

/** A function that resolves in a later task than the one it was called in. */
export function createYield(env: YieldEnv): () => Promise<void> {
  const kind = yieldKind(env);
  if (kind === 'scheduler.yield') {
    const scheduler = env.scheduler!;
    return () => scheduler.yield!.call(scheduler).then(() => undefined);
  }
  if (kind === 'message-channel') {
    const Channel = env.MessageChannel!;
    let channel: InstanceType<typeof Channel> | null = null;
    // One message per waiting yield, delivered in order: each resumes the oldest waiter.
    const waiting: (() => void)[] = [];
    return () =>
      new Promise<void>((resolve) => {
        if (!channel) {
          channel = new Channel();
          channel.port1.onmessage = () => waiting.shift()?.();
        }
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise<void>((resolve) => void env.setTimeout(resolve, 0));
}
