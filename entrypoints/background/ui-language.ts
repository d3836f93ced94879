/**
 * The background's UI language and message lookup, one of each for every background module (notifications,
 * history headlines, checkout summaries).
 */
import { browser } from 'wxt/browser';
import { createTranslator } from '@/lib/i18n';

export const t = createTranslator((key, subs) => browser.i18n.getMessage(key as never, subs));

/** The UI language for dates; English where the API is missing (a test double, an old engine). */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
