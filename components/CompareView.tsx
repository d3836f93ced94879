/**
 * "How other sites handle this": one line per category, from `lib/compare`'s counts, e.g.
 * "AI training: 4 of your 23 tracked policies do this. This one does, with no opt-out stated; 3 of them offer a choice."
 */
import { formatterFor } from '@/lib/format';
import { categoryNameKey, translatePlural, type Translate } from '@/lib/i18n';
import type { ComparisonState } from '@/lib/compare';
import { TAXONOMY } from '@/lib/classify/taxonomy';

export function CompareView({
  t,
  state,
  locale,
}: {
  t: Translate;
  state: ComparisonState | null;
  /** UI language, for plural forms. */
  locale?: string;
}) {
  const f = formatterFor(locale);
  if (!state) return <p class="empty">{t('popup_loading')}</p>;
  if (!state.comparison) return <p class="empty">{t('popup_compare_unavailable', [state.error ?? '—'])}</p>;
  const { tracked, categories } = state.comparison;
  if (tracked === 0)
    return (
      <p class="empty" data-compare-empty>
        {t('popup_compare_empty')}
      </p>
    );
  return (
    <div class="compare">
      <p class="basis">{translatePlural(t, 'popup_compare_tracked', tracked, f)}</p>
      <ul class="compare-list">
        {categories.map((c) => {
          const current = c.current.permits
            ? `${t('popup_compare_this_permits')} ${t(c.current.hasChoice ? 'popup_compare_this_choice' : 'popup_compare_this_no_choice')}`
            : c.current.deniesOnly
              ? t('popup_compare_this_denies')
              : t('popup_compare_this_silent');
          return (
            <li
              key={c.category}
              data-compare-category={c.category}
              style={{ '--cat': TAXONOMY[c.category].colour }}
            >
              <h3>{t(categoryNameKey(c.category))}</h3>
              <p>
                {translatePlural(t, 'popup_compare_count', c.othersPermitting, f, [
                  c.othersPermitting,
                  tracked,
                ])}
                {c.othersPermitting > 0 && (
                  <>; {translatePlural(t, 'popup_compare_others_choice', c.othersPermittingWithChoice, f)}</>
                )}
                {c.othersDenying > 0 && (
                  <>; {translatePlural(t, 'popup_compare_others_deny', c.othersDenying, f)}</>
                )}
                .
              </p>
              <p class={c.current.permits && !c.current.hasChoice ? 'current warn' : 'current'}>{current}.</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
