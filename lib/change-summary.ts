/**
 * One-line headline for a policy change, most important change first, e.g.
 * "LinkedIn Privacy Policy: AI-training clause added since 19 Sep".
 * @module
 */
import { TAXONOMY, type CategoryId } from './classify/taxonomy';
import { english } from './explain/english';
import { formatterFor, pluralKey } from './format';
import { categoryNameKey, type MessageKey, type Translate } from './i18n';
import type { ClauseDiff } from './types';

/** Summary of what changed since the version the user saw last. */
export interface ChangeSummary {
  documentUrl: string;
  title: string;
  previousSeenAt: number;
  diff: ClauseDiff;
  /** One line for a notification, e.g. "AI-training clause added since 3 May". */
  headline: string;
}

/** Headline names; "AI-training" reads better than the taxonomy's "AI training" before "clause". */
const HEADLINE_NAME: Partial<Record<CategoryId, MessageKey>> = {
  'ai-training': 'headline_category_ai_training',
  'user-choice': 'headline_category_user_choice',
};

export interface CategoryChange {
  category: CategoryId;
  direction: 'added' | 'removed' | 'changed';
  count: number;
  /** Higher is more important: taxonomy weight, with a lost opt-out ranked with the weight-3 categories. */
  importance: number;
}

/** Every category change in a diff, most important first (ties: additions before removals, then taxonomy order). */
export function rankCategoryChanges(diff: ClauseDiff): CategoryChange[] {
  const out: CategoryChange[] = [];
  const order = Object.keys(TAXONOMY) as CategoryId[];
  for (const category of order) {
    const entry = diff.categories[category];
    if (!entry) continue;
    const weight = TAXONOMY[category].weight;
    if (entry.added > 0) out.push({ category, direction: 'added', count: entry.added, importance: weight });
    if (entry.removed > 0) {
      // Losing a way to say no hurts as much as gaining an AI-training or sale clause.
      const importance = category === 'user-choice' ? 3 : weight;
      out.push({ category, direction: 'removed', count: entry.removed, importance });
    }
    // An edited clause that keeps its label ranks just below clauses gained or lost in the same weight class.
    if ((entry.modified ?? 0) > 0) {
      out.push({ category, direction: 'changed', count: entry.modified!, importance: weight - 0.5 });
    }
  }
  return out.sort(
    (x, y) =>
      y.importance - x.importance ||
      (x.category === y.category
        ? x.direction === 'added'
          ? -1
          : 1
        : order.indexOf(x.category) - order.indexOf(y.category)),
  );
}

/**
 * The day `at` as every page of the UI writes it (lib/format.ts: one `Intl.DateTimeFormat` per language).
 * `now` is kept for callers; the date is written in full.
 */
export function shortDate(at: number, _now: number, locale = 'en'): string {
  return formatterFor(locale).date(at);
}

/**
 * A name that says whose document it is: "Privacy Policy" on policies.tinder.com becomes "Tinder Privacy Policy";
 * a title that already names the site is kept. IP addresses and unparsable URLs keep the title alone.
 */
export function documentName(title: string, url: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return clean || url;
  }
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return clean || host;
  const labels = host.split('.');
  // example.co.uk, example.com.au: the label before a short second-level suffix.
  const short = labels.length >= 3 && labels[labels.length - 2]!.length <= 3;
  const site = labels[labels.length - (short ? 3 : 2)] ?? host;
  if (!clean) return site.charAt(0).toUpperCase() + site.slice(1);
  if (
    clean
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .includes(site.toLowerCase().replace(/[^a-z0-9]/g, ''))
  )
    return clean;
  return `${site.charAt(0).toUpperCase()}${site.slice(1)} ${clean}`;
}

/** Categories touched by a diff (any direction). */
export function touchedCategories(diff: ClauseDiff): CategoryId[] {
  return rankCategoryChanges(diff).map((c) => c.category);
}

/**
 * The headline for a notification or list row, in the language of `t` (English by default: the stored
 * headline). `since` is when the user last saw the previous version.
 * Returns e.g. "Acme Privacy Policy: AI-training clause added since 19 Sep (and 2 more changes)".
 */
export function changeHeadline(
  title: string,
  diff: ClauseDiff,
  since: number,
  now: number,
  locale = 'en',
  t: Translate = english,
): string {
  return changeHeadlineIn(title, diff, since, now, locale, t);
}

/** `changeHeadline` in the language of `t`, for pages that must not bundle the English catalogue again. */
export function changeHeadlineIn(
  title: string,
  diff: ClauseDiff,
  since: number,
  now: number,
  locale: string,
  t: Translate,
): string {
  const f = formatterFor(locale);
  const plural = (base: MessageKey, n: number) => pluralKey(base, n, f, (k) => t(k as MessageKey) !== k);
  const name = title.trim() || t('headline_policy');
  const date = shortDate(since, now, locale);
  if (!diff.changed) return t('headline_no_change', [name, date]);
  const ranked = rankCategoryChanges(diff);
  const top = ranked[0];
  if (top) {
    const category = t(HEADLINE_NAME[top.category] ?? categoryNameKey(top.category));
    const base = `headline_${top.direction}` as MessageKey;
    const line = t(plural(base, top.count), [name, date, category, top.count]);
    const more = ranked.length - 1;
    return more > 0 ? `${line} ${t(plural('headline_more', more), [more])}` : line;
  }
  const parts: string[] = [];
  if (diff.added.length) parts.push(t('headline_part_added', [diff.added.length]));
  if (diff.removed.length) parts.push(t('headline_part_removed', [diff.removed.length]));
  if (diff.modified.length) parts.push(t('headline_part_edited', [diff.modified.length]));
  return t('headline_text_changed', [name, date, parts.join(', ')]);
}
