/**
 * A short "What changed" summary for the popup: the headline, counts, and the labelled clauses that were
 * added, removed or reworded since the version the user saw last. The full word-level view is the history
 * page's (DiffView / Timeline).
 */
import type { Translate } from '@/lib/i18n';
import type { ChangeSummary } from '@/lib/messages';
import type { AnalysedClause } from '@/lib/types';
import { categoryNameKey } from '@/lib/i18n';

const labelled = (c: AnalysedClause) => c.labels.length > 0;

export function ChangeList({
  t,
  change,
  locale,
}: {
  t: Translate;
  change: ChangeSummary | null;
  locale?: string;
}) {
  if (!change || !change.diff.changed) return <p class="empty">{t('popup_changes_none')}</p>;
  const { diff } = change;
  const date = new Date(change.previousSeenAt).toLocaleDateString(locale, { dateStyle: 'medium' });
  const rows: {
    key: string;
    kind: 'added' | 'removed' | 'modified';
    clause: AnalysedClause;
    before?: string;
  }[] = [
    ...diff.added.filter(labelled).map((c) => ({ key: `a${c.id}`, kind: 'added' as const, clause: c })),
    ...diff.removed.filter(labelled).map((c) => ({ key: `r${c.id}`, kind: 'removed' as const, clause: c })),
    ...diff.modified
      .filter((m) => labelled(m.after) || labelled(m.before))
      .map((m) => ({
        key: `m${m.after.id}`,
        kind: 'modified' as const,
        clause: m.after,
        before: m.before.text,
      })),
  ];
  return (
    <div class="changes">
      <p class="headline">
        <strong>{change.headline}</strong>
      </p>
      <p>{t('popup_changes_since', [date])}</p>
      <p>{t('popup_changes_counts', [diff.added.length, diff.removed.length, diff.modified.length])}</p>
      {rows.length > 0 && (
        <ul class="change-rows">
          {rows.slice(0, 30).map((r) => (
            <li key={r.key} class={`change change-${r.kind}`} data-change={r.kind}>
              <p class="change-kind">
                {t(
                  r.kind === 'added'
                    ? 'popup_change_added'
                    : r.kind === 'removed'
                      ? 'popup_change_removed'
                      : 'popup_change_modified',
                )}
                {r.clause.labels.length > 0 &&
                  ` · ${r.clause.labels.map((l) => t(categoryNameKey(l.category))).join(', ')}`}
              </p>
              {r.before !== undefined && <del class="clause-text">{r.before}</del>}
              {r.kind === 'removed' ? (
                <del class="clause-text">{r.clause.text}</del>
              ) : (
                <ins class="clause-text">{r.clause.text}</ins>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
