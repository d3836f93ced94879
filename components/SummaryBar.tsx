/**
 * Compact bar pinned to the top (or, when the card or the clause being read is there, the bottom) of a policy
 * page, inside our shadow root: counts per category, next / previous marked clause, highlights on/off,
 * dismiss. Collapses to one short line (total, counts as swatches, previous / next) that remembers itself.
 * On a policy in a language Fineprint cannot read yet it says so instead of "nothing flagged".
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
  /** Which edge of the viewport the bar sits on (lib/bar-placement.ts). */
  edge?: 'top' | 'bottom';
  /** Said instead of "nothing flagged": the page is a policy Fineprint cannot read (its language). */
  notice?: string;
}

/** The previous / next buttons: shortcut, arrow when collapsed, and their `_locales` keys. */
const NAV = [
  { key: 'prev', keys: 'Alt+Shift+P', arrow: '‹', text: 'bar_prev', label: 'bar_prev_label' },
  { key: 'next', keys: 'Alt+Shift+N', arrow: '›', text: 'bar_next', label: 'bar_next_label' },
] as const;

/** The summary bar; `total === 0` renders a short "nothing flagged" note instead of navigation. */
export function SummaryBar(props: SummaryBarProps) {
  const { t } = props;
  const cats = (Object.keys(props.counts) as CategoryId[])
    .filter((c) => (props.counts[c] ?? 0) > 0)
    .sort(
      (a, b) => TAXONOMY[b].weight - TAXONOMY[a].weight || (props.counts[b] ?? 0) - (props.counts[a] ?? 0),
    );
  const edge = `fp-edge-${props.edge ?? 'top'}`;
  const notice = props.total === 0 && props.notice;
  const nav = (
    <>
      {NAV.map((b) => (
        <button
          key={b.key}
          type="button"
          class="fp-nav"
          onClick={b.key === 'prev' ? props.onPrev : props.onNext}
          aria-keyshortcuts={b.keys}
          aria-label={props.collapsed ? t(b.label) : undefined}
        >
          {props.collapsed ? b.arrow : t(b.text)}
        </button>
      ))}
    </>
  );
  if (props.collapsed) {
    return (
      <div class={`fp-bar fp-bar-collapsed ${edge}`} role="region" aria-label={t('bar_region')}>
        <button
          type="button"
          class="fp-pill"
          aria-expanded="false"
          aria-label={t('bar_expand')}
          onClick={props.onToggleCollapsed}
        >
          {t('bar_pill', [props.total])}
        </button>
        {notice ? (
          <span class="fp-notice fp-notice-line" title={notice}>
            {notice}
          </span>
        ) : (
          props.total > 0 && (
            <>
              <ul class="fp-mini" aria-label={t('bar_counts_label')}>
                {cats.map((c) => (
                  <li key={c} style={{ '--fp-cat': TAXONOMY[c].colour }}>
                    <span class={`fp-swatch fp-pattern-${TAXONOMY[c].pattern}`} aria-hidden="true" />
                    <span class="fp-sr">{t(categoryNameKey(c))}: </span>
                    {props.counts[c] ?? 0}
                  </li>
                ))}
              </ul>
              {nav}
            </>
          )
        )}
      </div>
    );
  }
  return (
    <div class={`fp-bar ${edge}`} role="region" aria-label={t('bar_region')}>
      <span class="fp-brand">{t('extName')}</span>
      {notice ? (
        <span class="fp-notice">{notice}</span>
      ) : props.total === 0 ? (
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
          {nav}
        </>
      )}
      {!notice && (
        <button type="button" aria-pressed={props.highlightsOn} onClick={props.onToggleHighlights}>
          {props.highlightsOn ? t('bar_hide_highlights') : t('bar_show_highlights')}
        </button>
      )}
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
