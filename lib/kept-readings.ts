/**
 * The page readings the background made from content scripts' markup (`read-page`), kept so that the page's
 * request to classify and store it (`page-extracted`) names the reading instead of sending its blocks back: the
 * text that is cut, classified and stored is always the text the background itself read from that frame's
 * markup. A reading is handed out once, only to the frame it was read for, for the address it was read at, and
 * only by the id it was given (random, so no other page can guess it).
 *
 * Memory is bounded: one reading per frame (a newer one replaces it), at most `maxEntries` and `maxChars` of
 * text in all (the oldest go first), none older than `ttlMs`, and a tab's readings go when it closes or loads
 * another page. Pure: the clock and the id source are the caller's.
 * @module
 */

/** The frame a reading was made for, as the background's message checks established it. */
export interface ReadingOwner {
  tabId: number;
  frameId: number;
}

export interface KeptReadingsEnv<R> {
  now: () => number;
  /** A fresh unguessable id (the background: `crypto.randomUUID`). */
  newId: () => string;
  /** The size a reading counts for against `maxChars` (its text's length). */
  sizeOf: (reading: R) => number;
  maxEntries: number;
  maxChars: number;
  /** How long a reading waits for its page's request. */
  ttlMs: number;
}

export interface KeptReadings<R> {
  /** Keeps `reading` of `url` for `owner` (replacing that frame's previous one); returns its id. */
  keep(owner: ReadingOwner, url: string, reading: R): string;
  /**
   * The reading with this id, if `owner` is the frame it was made for, `url` the address it was read at and it
   * has not expired; it is forgotten either way once its id is presented by its own frame.
   */
  take(owner: ReadingOwner, url: string, id: string): R | null;
  /** The tab closed or loaded another page: its frames' readings are dropped. */
  dropTab(tabId: number): void;
  /** How many readings are held and how much text (tests, diagnostics). */
  held(): { entries: number; chars: number };
}

interface Kept<R> {
  id: string;
  owner: ReadingOwner;
  url: string;
  reading: R;
  size: number;
  at: number;
}

const frameKey = (owner: ReadingOwner) => `${owner.tabId}:${owner.frameId}`;

export function createKeptReadings<R>(env: KeptReadingsEnv<R>): KeptReadings<R> {
  // Insertion order is age order: a frame's new reading is deleted and re-added.
  const byFrame = new Map<string, Kept<R>>();
  let chars = 0;

  const remove = (key: string) => {
    const k = byFrame.get(key);
    if (!k) return;
    chars -= k.size;
    byFrame.delete(key);
  };

  const expire = (now: number) => {
    for (const [key, k] of byFrame) if (now - k.at >= env.ttlMs) remove(key);
  };

  return {
    keep(owner, url, reading) {
      const now = env.now();
      expire(now);
      const key = frameKey(owner);
      remove(key);
      const k: Kept<R> = { id: env.newId(), owner, url, reading, size: env.sizeOf(reading), at: now };
      // The oldest go until the new one fits; a reading bigger than the whole budget is kept alone.
      for (const old of byFrame.keys()) {
        if (byFrame.size < env.maxEntries && chars + k.size <= env.maxChars) break;
        remove(old);
      }
      byFrame.set(key, k);
      chars += k.size;
      return k.id;
    },
    take(owner, url, id) {
      const key = frameKey(owner);
      const k = byFrame.get(key);
      if (!k || k.id !== id) return null;
      remove(key);
      if (k.url !== url || env.now() - k.at >= env.ttlMs) return null;
      return k.reading;
    },
    dropTab(tabId) {
      for (const [key, k] of byFrame) if (k.owner.tabId === tabId) remove(key);
    },
    held: () => ({ entries: byFrame.size, chars }),
  };
}
