/**
 * The versions of one document, oldest first, with the two versions being compared chosen by radio buttons
 * ("from" and "to"). Presentational: data from `history→bg:get-versions`.
 */
import type { VersionMeta } from '@/lib/store/repository';
import type { Translate } from '@/lib/i18n';

export interface TimelineProps {
  t: Translate;
  versions: VersionMeta[];
  /** The version the user saw last, marked in the list. */
  seenVersionId: number | null;
  from: number | null;
  to: number | null;
  onSelect: (from: number, to: number) => void;
  /** Date formatting (locale-aware in the page). */
  formatDate?: (ms: number) => string;
}

const defaultDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function Timeline({
  t,
  versions,
  seenVersionId,
  from,
  to,
  onSelect,
  formatDate = defaultDate,
}: TimelineProps) {
  if (versions.length === 0) return <p class="tl-empty">{t('timeline_empty')}</p>;
  return (
    <fieldset class="timeline">
      <legend>{t('timeline_legend', [versions.length])}</legend>
      <ol class="tl-list">
        {versions.map((v, i) => (
          <li
            key={v.id}
            class="tl-item"
            data-version-id={v.id}
            aria-current={v.id === seenVersionId ? 'true' : undefined}
          >
            <span class="tl-date">
              {formatDate(v.firstSeen)}
              {v.lastSeen !== v.firstSeen && ` – ${formatDate(v.lastSeen)}`}
            </span>{' '}
            <span class="tl-meta">
              {[
                t('timeline_meta', [v.clauseCount, v.labelledCount]),
                v.source === 'recheck'
                  ? t('timeline_recheck')
                  : v.source === 'checkout'
                    ? t('timeline_checkout')
                    : null,
                v.id === seenVersionId ? t('timeline_seen') : null,
              ]
                .filter(Boolean)
                .join(', ')}
            </span>
            <span class="tl-pick">
              <label>
                <input
                  type="radio"
                  name="tl-from"
                  checked={from === v.id}
                  disabled={i === versions.length - 1}
                  onChange={() => onSelect(v.id, to !== null && to > v.id ? to : versions[i + 1]!.id)}
                />{' '}
                {t('timeline_from')}
              </label>{' '}
              <label>
                <input
                  type="radio"
                  name="tl-to"
                  checked={to === v.id}
                  disabled={i === 0}
                  onChange={() => onSelect(from !== null && from < v.id ? from : versions[i - 1]!.id, v.id)}
                />{' '}
                {t('timeline_to')}
              </label>
            </span>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
