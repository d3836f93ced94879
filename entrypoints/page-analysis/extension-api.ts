/**
 * The bar's remembered collapsed state, the one piece of extension storage the page's session uses (messages,
 * strings and the UI language come from adapters/).
 */
import { browser } from 'wxt/browser';

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
