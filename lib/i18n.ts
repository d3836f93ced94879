/**
 * Typed access to `_locales` messages. The extension passes `browser.i18n.getMessage`; tests pass a function
 * reading the JSON files, so the same keys are checked in Node.
 * @module
 */
import type en from '../public/_locales/en/messages.json';
import type { CategoryId, Stance } from './classify/taxonomy';
import { pluralKey, type Formatter } from './format';

/** Every key of the English catalogue (the default locale, always complete). */
export type MessageKey = keyof typeof en;

/** The shape of `browser.i18n.getMessage`. */
export type GetMessage = (key: string, substitutions?: string | string[]) => string;

export type Translate = (key: MessageKey, substitutions?: string | (string | number)[]) => string;

/** Entries the translator remembers before it starts over (substituted counts make keys open-ended). */
const CACHE_LIMIT = 1_000;

/**
 * Wraps a `getMessage` function. A key missing from every catalogue comes back as the key itself, never as
 * an empty string, so a gap shows up in the UI and in tests instead of as silently blank text.
 *
 * Results are remembered: the catalogue and the UI language are fixed while the extension runs, and in a
 * content script each `getMessage` is a call into the extension bindings (a render of the summary bar made
 * dozens of them, ~20 ms of main-thread time on a long policy).
 */
export function createTranslator(getMessage: GetMessage): Translate {
  const cache = new Map<string, string>();
  return (key, substitutions) => {
    const subs =
      substitutions === undefined
        ? undefined
        : Array.isArray(substitutions)
          ? substitutions.map(String)
          : substitutions;
    const cacheKey =
      subs === undefined ? key : `${key}\u0000${Array.isArray(subs) ? subs.join('\u0001') : subs}`;
    const known = cache.get(cacheKey);
    if (known !== undefined) return known;
    let text = '';
    try {
      text = getMessage(key, subs);
    } catch {
      // Firefox throws on more than 9 substitutions or on a bad key; fall back to the visible key.
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(cacheKey, text || key);
    return text || key;
  };
}

/** `cat_ai_training` style keys: the taxonomy id with `-` replaced, as documented in taxonomy.ts. */
export function categoryNameKey(id: CategoryId): MessageKey {
  return `cat_${id.replace(/-/g, '_')}` as MessageKey;
}

/** Plain-language meaning of a category (`catdesc_<id>`). */
export function categoryMeaningKey(id: CategoryId): MessageKey {
  return `catdesc_${id.replace(/-/g, '_')}` as MessageKey;
}

/** Label of a stance (`stance_<id>`). */
export function stanceKey(stance: Stance): MessageKey {
  return `stance_${stance.replace(/-/g, '_')}` as MessageKey;
}

/**
 * Reads a Chrome-format `messages.json` object into a `getMessage` for tests and the CLI: named placeholders
 * (`$COUNT$` with `"content": "$1"`) and positional `$1` are both resolved, as the browsers do.
 */
export function getMessageFromCatalogue(
  catalogue: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>,
): GetMessage {
  return (key, substitutions) => {
    const entry = catalogue[key];
    if (!entry) return '';
    const subs =
      substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const positional = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = Object.entries(entry.placeholders ?? {}).find(
        ([k]) => k.toLowerCase() === name.toLowerCase(),
      );
      return placeholder ? positional(placeholder[1].content) : whole;
    });
    return named.replace(/\$\$/g, '$');
  };
}

/**
 * A message with a count in its plural form for the UI language (lib/format.ts `pluralKey`): `<base>_one`
 * for 1 in English, `<base>` otherwise.
 */
export function translatePlural(
  t: Translate,
  base: MessageKey,
  n: number,
  formatter: Formatter,
  substitutions: (string | number)[] = [n],
): string {
  return t(
    pluralKey(base, n, formatter, (k) => t(k as MessageKey) !== k),
    substitutions,
  );
}

/**
 * What a page in a language Fineprint cannot read yet says, in the UI language: the policy's language by
 * name ("Französisch" in a German UI) and that Fineprint reads English policies for now.
 */
export function unsupportedLanguageText(t: Translate, language: string, uiLocale: string): string {
  let name: string | undefined;
  try {
    // "und" (not recognised) has no name: DisplayNames answers "root".
    if (language && language !== 'und')
      name = new Intl.DisplayNames([uiLocale, 'en'], { type: 'language' }).of(language);
  } catch {
    name = undefined; // a code Intl does not accept
  }
  return name && name !== language && name !== 'root'
    ? t('popup_unsupported_language', [name])
    : t('popup_unsupported_language_unknown');
}
