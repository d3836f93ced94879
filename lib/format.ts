/**
 * Dates and plurals in the UI language: one `Intl.DateTimeFormat` and one `Intl.PluralRules` per language,
 * shared by the popup, the history page, the summary bar and the notification text, so "6 Dec" and
 * "Dec 6, 2026" never describe the same day in two places.
 *
 * Plurals: a message with a count has one `_locales` entry per plural form the language needs besides the
 * general one (`<key>_one`, French also `<key>_many`; `<key>` itself is the "other" form); `pluralKey` picks
 * the entry for a number, falling back to `<key>` when a catalogue lacks the form.
 * @module
 */

export interface Formatter {
  /** The language it formats for (BCP-47). */
  locale: string;
  /** A day: "Dec 6, 2026" (en-US), "6 déc. 2026" (fr). */
  date(ms: number): string;
  /** The plural form of `n` in this language: "one", "other", … */
  plural(n: number): Intl.LDMLPluralRule;
}

const cache = new Map<string, Formatter>();

/** The formatter of a language ("en" when the tag is not one `Intl` knows). */
export function formatterFor(locale: string | undefined): Formatter {
  let tag = locale || 'en';
  try {
    tag = Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    tag = 'en';
  }
  let f = cache.get(tag);
  if (!f) {
    const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
    const rules = new Intl.PluralRules(tag);
    f = { locale: tag, date: (ms) => dates.format(new Date(ms)), plural: (n) => rules.select(n) };
    cache.set(tag, f);
  }
  return f;
}

/**
 * The `_locales` key of `base` for the count `n` in the formatter's language: `<base>_<form>` when the
 * catalogue has it (`has`), else `<base>` (the general form).
 */
export function pluralKey<K extends string>(
  base: K,
  n: number,
  formatter: Formatter,
  has: (key: string) => boolean,
): K {
  const form = formatter.plural(n);
  const key = `${base}_${form}`;
  return (form !== 'other' && has(key) ? key : base) as K;
}
