/**
 * When the pointer opens and closes a clause's card: a card opens after the pointer has rested on its clause
 * for a moment and closes a moment after it left (unless the user pinned it with a click or a key), so a
 * pointer crossing the page opens nothing. Pointer moves are sampled at most once per throttle window, and the
 * last move of a window is still looked at when the window ends: the pointer's resting place always counts.
 *
 * Pure of the DOM: the caller says what is under the pointer, and supplies the clock, timers and the card.
 * @module
 */

/** What the pointer is on: our own UI (a card or the bar), a marked clause (by index), or neither. */
export type PointerTarget = { kind: 'own' } | { kind: 'item'; index: number } | { kind: 'none' };

export interface HoverEnv {
  now(): number;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** The card open now, if any. */
  card(): { index: number; pinned: boolean } | null;
  open(index: number): void;
  close(): void;
}

export interface HoverTiming {
  /** Rest on a clause this long to open its card. */
  openMs: number;
  /** Away from the clause and the card this long to close an unpinned card. */
  closeMs: number;
  /** At most one sample of the pointer per this many milliseconds. */
  throttleMs: number;
}

export const HOVER_TIMING: HoverTiming = { openMs: 250, closeMs: 500, throttleMs: 80 };

export interface HoverIntent {
  /**
   * The pointer moved. `sample` tells what is under it; it is called when the move is looked at, which for a
   * throttled move is at the end of the window.
   */
  move(sample: () => PointerTarget): void;
}

export function createHoverIntent(env: HoverEnv, timing: HoverTiming = HOVER_TIMING): HoverIntent {
  let last = Number.NEGATIVE_INFINITY;
  let pending: (() => PointerTarget) | null = null;
  let windowTimer = 0;
  let openTimer = 0;
  let closeTimer = 0;
  let candidate: number | null = null;

  const keepOpen = () => {
    env.clearTimeout(closeTimer);
    closeTimer = 0;
  };

  const look = (target: PointerTarget) => {
    last = env.now();
    if (target.kind === 'own') {
      keepOpen();
      return;
    }
    if (target.kind === 'item') {
      const { index } = target;
      keepOpen();
      if (env.card()?.index === index || candidate === index) return;
      candidate = index;
      env.clearTimeout(openTimer);
      openTimer = env.setTimeout(() => {
        candidate = null;
        if (!env.card()?.pinned) env.open(index);
      }, timing.openMs);
      return;
    }
    candidate = null;
    env.clearTimeout(openTimer);
    const card = env.card();
    if (card && !card.pinned && !closeTimer) {
      closeTimer = env.setTimeout(() => {
        closeTimer = 0;
        const now = env.card();
        if (now && !now.pinned) env.close();
      }, timing.closeMs);
    }
  };

  return {
    move(sample) {
      if (env.now() - last < timing.throttleMs) {
        pending = sample;
        if (!windowTimer)
          windowTimer = env.setTimeout(() => {
            windowTimer = 0;
            const next = pending;
            pending = null;
            if (next) look(next());
          }, timing.throttleMs);
        return;
      }
      pending = null;
      look(sample());
    },
  };
}
