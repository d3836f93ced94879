/**
 * Compact bar pinned to the top of a policy page (inside our shadow root): counts per category, next /
 * previous marked clause, highlights on/off, dismiss. Collapses to a small pill so it never covers content
 * for good.
 */
import { TAXONOMY, type CategoryId } from '@/lib/classify/taxonomy';
import { categoryNameKey, type Translate } from '@/lib/i18n';

export interface SummaryBarProps {
  /** `_locales` lookup (the content script passes `browser.i18n.getMessage` through `createTranslator`). */
  t: Translate;
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
  const { t } = props;
  const cats = (Object.keys(props.counts) as CategoryId[])
    .filter((c) => (props.counts[c] ?? 0) > 0)
    .sort(
      (a, b) => TAXONOMY[b].weight - TAXONOMY[a].weight || (props.counts[b] ?? 0) - (props.counts[a] ?? 0),
    );
  if (props.collapsed) {
    return (
      <div class="fp-bar fp-bar-collapsed" role="region" aria-label={t('extName')}>
        <button type="button" class="fp-pill" aria-expanded="false" onClick={props.onToggleCollapsed}>
          {t('bar_pill', [props.total])}
        </button>
      </div>
    );
  }
  return (
    <div class="fp-bar" role="region" aria-label={t('bar_region')}>
      <span class="fp-brand">{t('extName')}</span>
      {props.total === 0 ? (
        <span class="fp-none">{t('bar_none')}</span>
      ) : (
        <>
          <ul class="fp-counts" aria-label={t('bar_counts_label')}>
            {cats.map((c) => (
              <li key={c} class="fp-count" style={{ '--fp-cat': TAXONOMY[c].colour }}>
                <span class={`fp-swatch fp-pattern-${TAXONOMY[c].pattern}`} aria-hidden="true" />
                {t('bar_count', [t(categoryNameKey(c)), props.counts[c] ?? 0])}
              </li>
            ))}
          </ul>
          <button type="button" class="fp-nav" onClick={props.onPrev} aria-keyshortcuts="Alt+Shift+P">
            {t('bar_prev')}
          </button>
          <button type="button" class="fp-nav" onClick={props.onNext} aria-keyshortcuts="Alt+Shift+N">
            {t('bar_next')}
          </button>
        </>
      )}
      <button type="button" aria-pressed={props.highlightsOn} onClick={props.onToggleHighlights}>
        {props.highlightsOn ? t('bar_hide_highlights') : t('bar_show_highlights')}
      </button>
      <button
        type="button"
        aria-expanded="true"
        aria-label={t('bar_collapse')}
        onClick={props.onToggleCollapsed}
      >
        –
      </button>
      <button type="button" aria-label={t('bar_dismiss')} onClick={props.onDismiss}>
        ×
      </button>
      {props.unplaced > 0 && (
        <span class="fp-unplaced" title={t('bar_unplaced_title')}>
          {t('bar_unplaced', [props.unplaced])}
        </span>
      )}
    </div>
  );
}
