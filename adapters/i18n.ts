/**
 * The browser's message catalogue and UI language, for every context: one translator instead of a copy in
 * each entrypoint (lib/i18n.ts holds the pure part).
 * @module
 */
import { browser } from 'wxt/browser';
import { createTranslator } from '@/lib/i18n';

/** Looks a message up in `public/_locales/<UI language>/messages.json`. */
export const t = createTranslator((key, subs) => browser.i18n.getMessage(key as never, subs));

/** The UI language for dates and plurals; English where the API is missing (a test double, an old engine). */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
