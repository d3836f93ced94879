/**
 * The popup's "What changed": since when, the headline, then the history engineer's `DiffView` limited to
 * labelled clauses, with every label translated. The full timeline lives on the history page.
 */
import { useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import type { ChangeSummary } from '@/lib/change-summary';
import { categoryNameKey } from '@/lib/i18n';
import { changeHeadlineIn } from '@/lib/change-summary';
import { changeCounts } from '@/lib/counts';
import { formatterFor } from '@/lib/format';
import { DiffView, diffViewLabels } from './DiffView';

/**
 * The popup shows this many clauses per section until the user asks for all of them (a long change made the
 * popup ~3,500 px tall); clauses without labels are only on the history page.
 */
const POPUP_LIMIT = 3;

export function ChangeList({
  t,
  change,
  locale,
  historyUrl,
}: {
  t: Translate;
  change: ChangeSummary | null;
  locale?: string;
  historyUrl?: string;
}) {
  const [all, setAll] = useState(false);
  if (!change || !change.diff.changed) return <p class="empty">{t('popup_changes_none')}</p>;
  const { diff } = change;
  // The one date format and the one change count of the popup, the history page and the notification.
  const date = formatterFor(locale).date(change.previousSeenAt);
  const counts = changeCounts(diff);
  const labels = diffViewLabels(t, {
    noChange: t('popup_changes_none'),
    more: (n) => t('popup_diff_more', [n]),
  });
  return (
    <div class="changes">
      <p>{t('popup_changes_since', [date])}</p>
      <p>{t('popup_changes_counts', [counts.added, counts.removed, counts.modified])}</p>
      <DiffView
        diff={diff}
        // The stored headline is English; the popup writes it again in the UI language.
        headline={changeHeadlineIn(change.title, diff, change.previousSeenAt, Date.now(), locale ?? 'en', t)}
        categoryName={(id) => t(categoryNameKey(id))}
        labels={labels}
        labelledOnly
        limit={all ? Infinity : POPUP_LIMIT}
        onShowAll={() => setAll(true)}
        showAllLabel={(n) => t('popup_show_all', [n])}
      />
      {historyUrl && (
        <p>
          <a href={historyUrl} target="_blank" rel="noopener">
            {t('popup_open_history')}
          </a>
        </p>
      )}
    </div>
  );
}
