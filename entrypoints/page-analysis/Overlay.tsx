/**
 * Root of the in-page UI inside the shadow root: the summary bar and, when open, the clause card. Keyboard
 * shortcuts are also handled here because the shadow root stops key events from reaching the page.
 */
import { ClauseCard, type ClauseCardProps } from '@/components/ClauseCard';
import { SummaryBar, type SummaryBarProps } from '@/components/SummaryBar';

export interface OverlayProps {
  bar: SummaryBarProps | null;
  card: ClauseCardProps | null;
  /** Live-region text announced to screen readers (e.g. "Clause 3 of 12: AI training"). */
  announce: string;
  onShortcut: (which: 'next' | 'prev') => void;
  /** lib/bar-placement.ts `uiTheme`. */
  theme?: 'dark' | 'light';
}

/** Whether a key event is one of our navigation shortcuts (Alt+Shift+N / Alt+Shift+P). */
export function shortcutOf(e: KeyboardEvent): 'next' | 'prev' | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  // `code`, not `key`: Alt+Shift changes the produced character on macOS layouts.
  if (e.code === 'KeyN') return 'next';
  if (e.code === 'KeyP') return 'prev';
  return null;
}

export function Overlay(props: OverlayProps) {
  return (
    <div
      class={props.theme === 'dark' ? 'fp-root fp-dark' : 'fp-root'}
      onKeyDown={(e) => {
        const which = shortcutOf(e);
        if (which) {
          e.preventDefault();
          props.onShortcut(which);
        }
      }}
    >
      {props.bar && <SummaryBar {...props.bar} />}
      {props.card && <ClauseCard {...props.card} />}
      <div class="fp-sr" role="status" aria-live="polite">
        {props.announce}
      </div>
    </div>
  );
}
