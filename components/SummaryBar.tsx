/**
 * Compact bar pinned to the top of a policy page (inside our shadow root): counts per category, next /
 * previous marked clause, highlights on/off, dismiss. Collapses to a small pill so it never covers content
 * for good.
 */
import { TAXONOMY, type CategoryId } from '@/lib/classify/taxonomy';

export interface SummaryBarProps {
  counts: Partial<Record<CategoryId, number>>;
  total: number;
  unplaced: number;
  highlightsOn: boolean;
  collapsed: boolean;
  onNext: () => void;
  onPrev: () => void;
  onToggleHighlights: () => void;
  onToggleCollapsed: () => void;
  onDismiss: () => void;
}

/** The summary bar; `total === 0` renders a short "nothing flagged" note instead of navigation. */
export function SummaryBar(props: SummaryBarProps) {
  const cats = (Object.keys(props.counts) as CategoryId[])
    .filter((c) => (props.counts[c] ?? 0) > 0)
    .sort(
      (a, b) => TAXONOMY[b].weight - TAXONOMY[a].weight || (props.counts[b] ?? 0) - (props.counts[a] ?? 0),
    );
  if (props.collapsed) {
    return (
      <div class="fp-bar fp-bar-collapsed" role="region" aria-label="Fineprint">
        <button type="button" class="fp-pill" aria-expanded="false" onClick={props.onToggleCollapsed}>
          Fineprint · {props.total}
        </button>
      </div>
    );
  }
  return (
    <div class="fp-bar" role="region" aria-label="Fineprint summary">
      <span class="fp-brand">Fineprint</span>
      {props.total === 0 ? (
        <span class="fp-none">No flagged clauses on this page.</span>
      ) : (
        <>
          <ul class="fp-counts" aria-label="Flagged clauses by category">
            {cats.map((c) => (
              <li key={c} class="fp-count" style={{ '--fp-cat': TAXONOMY[c].colour }}>
                <span class={`fp-swatch fp-pattern-${TAXONOMY[c].pattern}`} aria-hidden="true" />
                {TAXONOMY[c].name}: {props.counts[c]}
              </li>
            ))}
          </ul>
          <button type="button" class="fp-nav" onClick={props.onPrev} aria-keyshortcuts="Alt+Shift+P">
            ‹ Prev
          </button>
          <button type="button" class="fp-nav" onClick={props.onNext} aria-keyshortcuts="Alt+Shift+N">
            Next ›
          </button>
        </>
      )}
      <button type="button" aria-pressed={props.highlightsOn} onClick={props.onToggleHighlights}>
        {props.highlightsOn ? 'Hide highlights' : 'Show highlights'}
      </button>
      <button
        type="button"
        aria-expanded="true"
        aria-label="Collapse Fineprint bar"
        onClick={props.onToggleCollapsed}
      >
        –
      </button>
      <button type="button" aria-label="Dismiss Fineprint bar" onClick={props.onDismiss}>
        ×
      </button>
      {props.unplaced > 0 && (
        <span class="fp-unplaced" title="Flagged clauses that could not be found in the page text">
          {props.unplaced} not shown inline
        </span>
      )}
    </div>
  );
}
