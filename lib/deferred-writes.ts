/**
 * One value per key, held until it is wanted and then written once. The background keeps a tab's report
 * this way: storing it (Chrome serialises it and the browser process takes it in, 20–40 ms for a long
 * policy) while the page still waits for its highlights delays the reply the page is waiting for, even when
 * the write starts after the reply was handed over. So the report is written when the page says it has
 * painted (the placement report), when the popup asks for it, or after `delayMs`, whichever comes first.
 * @module
 */

export interface DeferredWritesEnv<K, V> {
  write: (key: K, value: V) => Promise<void>;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  /** Longest a value waits unwritten when nobody asks for it. */
  delayMs: number;
}

interface Pending<V> {
  value: V;
  timer: unknown;
}

export interface DeferredWrites<K, V> {
  /** Holds `value` for `key`; one still held for it is written first (every value put is written once). */
  put(key: K, value: V): void;
  /** Changes the value held for `key`; false when none is held (already written, or never put). */
  update(key: K, change: (value: V) => V): boolean;
  /** Writes what is held for `key` now; resolves once that and any write already under way are done. */
  flush(key: K): Promise<void>;
}

export function createDeferredWrites<K, V>(env: DeferredWritesEnv<K, V>): DeferredWrites<K, V> {
  const pending = new Map<K, Pending<V>>();
  const writing = new Map<K, Promise<void>>();

  const flush = (key: K): Promise<void> => {
    const held = pending.get(key);
    if (!held) return writing.get(key) ?? Promise.resolve();
    pending.delete(key);
    env.clearTimer(held.timer);
    const before = writing.get(key) ?? Promise.resolve();
    // Writes of one key stay in order: a newer report never lands under an older one.
    const done = before.then(() => env.write(key, held.value)).catch(() => undefined);
    writing.set(key, done);
    void done.then(() => {
      if (writing.get(key) === done) writing.delete(key);
    });
    return done;
  };

  return {
    put(key, value) {
      // Writes of one key stay in order: one still held is written before the newer one is held.
      if (pending.has(key)) void flush(key);
      const timer = env.setTimer(() => void flush(key), env.delayMs);
      pending.set(key, { value, timer });
    },
    update(key, change) {
      const held = pending.get(key);
      if (!held) return false;
      held.value = change(held.value);
      return true;
    },
    flush,
  };
}
