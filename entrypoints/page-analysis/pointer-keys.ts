/**
 * The user's pointer and keys on a policy page: a click on a marked clause pins its card, resting on one opens
 * it (lib/hover-intent.ts), Alt+Shift+N / P step through the clauses, Escape closes the card; scrolling moves
 * an open card with its clause, and a theme switch redraws our UI. Only the user's own input counts: a page
 * script's synthetic events drive nothing. Listeners go through the page context, so they end with it.
 */
import { caretAt, pointOnBoxes, type Highlighter, type HighlightItem, type OwnNodes } from '@/lib/highlight';
import { createHoverIntent, type PointerTarget } from '@/lib/hover-intent';
import type { PageContext } from '@/lib/page-context';
import { shortcutOf } from './Overlay';
import type { OverlayController } from './overlay-controller';
import type { PageState } from './page-state';

export interface PointerKeysDeps {
  ctx: PageContext;
  state: PageState;
  own: OwnNodes;
  highlighter: () => Highlighter;
  overlay: OverlayController;
}

/** Starts listening (once per session: the listeners read the state, which a navigation resets). */
export function listenForPointerAndKeys(deps: PointerKeysDeps): void {
  const { ctx, state, own, overlay } = deps;

  /** An event in our UI (its target is retargeted to our host outside the closed shadow root). */
  const isOwnEvent = (e: Event) => e.target instanceof Node && own.has(e.target);

  const itemIndexAt = (e: MouseEvent): number => {
    if (!state.highlightsOn || !state.marked.length) return -1;
    const highlighter = deps.highlighter();
    let item: HighlightItem | null = null;
    if (highlighter.mode === 'marks') {
      item = highlighter.itemForElement(e.target instanceof Element ? e.target : null);
    } else {
      const pos = caretAt(document, e.clientX, e.clientY);
      if (!pos) return -1;
      item = highlighter.itemAtPoint(pos.node, pos.offset);
      // The caret snaps to the nearest text even in margins; require the pointer to be on the clause's boxes.
      if (item && !pointOnBoxes(item.range.getClientRects(), e.clientX, e.clientY)) item = null;
    }
    return item ? state.marked.findIndex((m) => m.id === item.id) : -1;
  };

  const hover = createHoverIntent({
    now: () => performance.now(),
    setTimeout: (run, ms) => ctx.setTimeout(run, ms),
    clearTimeout: (id) => clearTimeout(id),
    card: () => state.card,
    open: (index) => overlay.openCard(index, 'hover'),
    close: () => overlay.closeCard(false),
  });

  // The user switching the system theme redraws our UI in the theme it now needs.
  const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  if (scheme) ctx.addEventListener(scheme, 'change', () => void overlay.render());
  ctx.addEventListener(
    document,
    'click',
    (e: MouseEvent) => {
      if (!e.isTrusted || isOwnEvent(e)) return;
      const index = itemIndexAt(e);
      if (index >= 0) overlay.openCard(index, 'click');
      else if (state.card) overlay.closeCard(false);
    },
    { passive: true },
  );
  ctx.addEventListener(
    document,
    'mousemove',
    (e: MouseEvent) => {
      if (!e.isTrusted) return;
      hover.move((): PointerTarget => {
        if (isOwnEvent(e)) return { kind: 'own' };
        const index = itemIndexAt(e);
        return index >= 0 ? { kind: 'item', index } : { kind: 'none' };
      });
    },
    { passive: true },
  );
  ctx.addEventListener(
    window,
    'keydown',
    (e: KeyboardEvent) => {
      // Keys inside our shadow root are handled there (the Overlay and the card).
      if (!e.isTrusted || isOwnEvent(e)) return;
      const which = shortcutOf(e);
      if (which && state.marked.length && state.highlightsOn) {
        e.preventDefault();
        overlay.step(which === 'next' ? 1 : -1);
      } else if (e.key === 'Escape' && state.card) {
        overlay.closeCard(true);
      }
    },
    { capture: true },
  );
  let scrollQueued = false;
  ctx.addEventListener(
    window,
    'scroll',
    () => {
      if (!state.card || scrollQueued) return;
      scrollQueued = true;
      ctx.requestAnimationFrame(() => {
        scrollQueued = false;
        void overlay.render();
      });
    },
    { passive: true },
  );
}
