/**
 * The few extension APIs the page's session uses, in one place: messages to the background, translated
 * strings, the UI language and the bar's remembered collapsed state.
 */
import { browser } from 'wxt/browser';
import { createTranslator } from '@/lib/i18n';
import { envelope, type MessageName, type Req, type Res } from '@/lib/messages';

export const t = createTranslator((key, subs) => browser.i18n.getMessage(key as never, subs));

/** A message to the background and its typed reply (undefined when nothing answered). */
export function ask<N extends MessageName>(type: N, payload: Req<N>): Promise<Res<N> | undefined> {
  return browser.runtime.sendMessage(envelope(type, payload)) as Promise<Res<N> | undefined>;
}

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

const BAR_COLLAPSED_KEY = 'barCollapsed';

/** Whether the user left the bar collapsed (remembered across pages in the extension's storage). */
export async function readBarCollapsed(): Promise<boolean> {
  try {
    const got = await browser.storage.local.get(BAR_COLLAPSED_KEY);
    return got[BAR_COLLAPSED_KEY] === true;
  } catch {
    return false;
  }
}

/** Remembered for every page (our own storage: the page cannot read or set it). */
export function saveBarCollapsed(collapsed: boolean): void {
  void browser.storage.local.set({ [BAR_COLLAPSED_KEY]: collapsed }).catch(() => {});
}
