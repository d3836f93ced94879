/**
 * Clause-level comparison of two policy versions: category summary, then added, removed and modified clauses
 * (modified ones with word-level marks). Presentational: give it a `ClauseDiff` (from `history→bg:diff-versions`
 * or a `ChangeSummary`). All text is rendered as text.
 */
import { isCategoryId, TAXONOMY, type CategoryId } from '@/lib/classify/taxonomy';
import { rankCategoryChanges } from '@/lib/change-summary';
import { changeCounts } from '@/lib/counts';
import type { AnalysedClause, ClauseDiff } from '@/lib/types';
import type { Translate } from '@/lib/i18n';
import { WordDiff } from './WordDiff';

export interface DiffViewLabels {
  summary: string;
  added: string;
  removed: string;
  modified: string;
  noChange: string;
  /** "{n} more clauses not shown" */
  more: (n: number) => string;
  direction: { added: string; removed: string; changed: string };
  /** Accessible name of a clause's category list. */
  categories: string;
  /** Screen-reader prefixes before inserted / deleted words ("added:"). */
  inserted: string;
  deleted: string;
}

/**
 * The labels of a comparison, from `_locales`. The history page shows its own "no change" and "more" lines;
 * the popup passes the ones that point to the history page.
 */
export function diffViewLabels(
  t: Translate,
  own: { noChange: string; more: (n: number) => string } = {
    noChange: t('history_diff_none'),
    more: (n) => t('history_diff_more', [n]),
  },
): DiffViewLabels {
  return {
    summary: t('popup_diff_summary'),
    added: t('popup_change_added'),
    removed: t('popup_change_removed'),
    modified: t('popup_change_modified'),
    noChange: own.noChange,
    more: own.more,
    direction: {
      added: t('popup_diff_dir_added'),
      removed: t('popup_diff_dir_removed'),
      changed: t('popup_diff_dir_changed'),
    },
    categories: t('diff_categories'),
    inserted: t('diff_inserted'),
    deleted: t('diff_deleted'),
  };
}

export interface DiffViewProps {
  diff: ClauseDiff;
  headline?: string | null;
  /** Category display names, translated (`t(categoryNameKey(id))`). */
  categoryName: (id: CategoryId) => string;
  /** Every other visible string (see `diffViewLabels`). */
  labels: DiffViewLabels;
  /** Show only clauses with at least one label (the popup's compact view). */
  labelledOnly?: boolean;
  /** Cap per section; the rest is counted. */
  limit?: number;
  /** When set, a section cut at `limit` offers a button that shows every clause it lists. */
  onShowAll?: () => void;
  /** The button's text for a section with `n` clauses in all. */
  showAllLabel?: (n: number) => string;
}

function Labels({
  clause,
  name,
  label,
}: {
  clause: AnalysedClause;
  name: (id: CategoryId) => string;
  label: string;
}) {
  // A category this build cannot name or colour (a newer build's) is left out rather than break the view.
  const ids = [...new Set(clause.labels.map((l) => l.category))].filter(isCategoryId);
  if (ids.length === 0) return null;
  return (
    <ul class="dv-labels" aria-label={label}>
      {ids.map((id) => (
        <li key={id} class="dv-label" style={{ borderColor: TAXONOMY[id].colour }} data-category={id}>
          {name(id)}
        </li>
      ))}
    </ul>
  );
}

export function DiffView({
  diff,
  headline,
  categoryName,
  labels,
  labelledOnly = false,
  limit = 200,
  onShowAll,
  showAllLabel,
}: DiffViewProps) {
  if (!diff.changed) return <p class="dv-none">{labels.noChange}</p>;
  const keep = (c: AnalysedClause) => !labelledOnly || c.labels.length > 0;
  const added = diff.added.filter(keep);
  const removed = diff.removed.filter(keep);
  const modified = diff.modified.filter((m) => keep(m.before) || keep(m.after));
  const ranked = rankCategoryChanges(diff);
  // Section counts are the change's own (lib/counts.ts), the same in the popup and on the history page;
  // the popup lists fewer clauses (labelled ones, up to `limit`) and says how many more there are.
  const counts = changeCounts(diff);

  const section = <T,>(
    kind: 'added' | 'removed' | 'modified',
    title: string,
    items: T[],
    row: (x: T) => preact.JSX.Element,
  ) => {
    const count = counts[kind];
    if (count === 0) return null;
    const shown = items.slice(0, limit);
    return (
      <section class={`dv-section dv-${kind}`} aria-label={`${title} (${count})`} data-section={kind}>
        <h3>
          {title} <span class="dv-count">({count})</span>
        </h3>
        {shown.length > 0 && <ol class="dv-list">{shown.map(row)}</ol>}
        {onShowAll && showAllLabel && items.length > shown.length ? (
          <button type="button" class="dv-show-all" onClick={onShowAll}>
            {showAllLabel(items.length)}
          </button>
        ) : (
          count > shown.length && <p class="dv-more">{labels.more(count - shown.length)}</p>
        )}
      </section>
    );
  };

  return (
    <div class="diff-view">
      {headline && (
        <p class="dv-headline">
          <bdi>{headline}</bdi>
        </p>
      )}
      {ranked.length > 0 && (
        <section class="dv-summary" aria-label={labels.summary}>
          <h3>{labels.summary}</h3>
          <ul>
            {ranked.map((c) => (
              <li
                key={`${c.category}:${c.direction}`}
                data-category={c.category}
                data-direction={c.direction}
              >
                <span
                  class="dv-swatch"
                  style={{ background: TAXONOMY[c.category].colour }}
                  aria-hidden="true"
                />
                {categoryName(c.category)}: {c.count} {labels.direction[c.direction]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {section('added', labels.added, added, (c) => (
        <li key={`a-${c.id}`} class="dv-clause" data-clause-id={c.id}>
          <ins class="wd-ins">{c.text}</ins>
          <Labels clause={c} name={categoryName} label={labels.categories} />
        </li>
      ))}
      {section('removed', labels.removed, removed, (c) => (
        <li key={`r-${c.id}`} class="dv-clause" data-clause-id={c.id}>
          <del class="wd-del">{c.text}</del>
          <Labels clause={c} name={categoryName} label={labels.categories} />
        </li>
      ))}
      {section('modified', labels.modified, modified, (m) => (
        <li key={`m-${m.before.id}-${m.after.id}`} class="dv-clause" data-clause-id={m.after.id}>
          <WordDiff
            before={m.before.text}
            after={m.after.text}
            labels={{ inserted: labels.inserted, deleted: labels.deleted }}
          />
          <Labels clause={m.after} name={categoryName} label={labels.categories} />
        </li>
      ))}
    </div>
  );
}
