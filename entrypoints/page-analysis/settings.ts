/**
 * Reads the user's settings for the content script (the background owns writes). Anything malformed falls
 * back to the default, field by field: a broken setting must never stop the page from working.
 */
import { browser } from 'wxt/browser';
import { CATEGORY_IDS, isCategoryId } from '@/lib/classify/taxonomy';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

/** The parts of Settings the page needs. */
export type PageSettings = Pick<Settings, 'disabledSites' | 'highlights' | 'shownCategories'>;

/** Merges a stored value over the defaults, keeping only well-typed fields. */
export function pageSettingsFrom(stored: unknown): PageSettings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const disabledSites = Array.isArray(s.disabledSites)
    ? s.disabledSites.filter((h): h is string => typeof h === 'string')
    : DEFAULT_SETTINGS.disabledSites;
  const shownCategories = Array.isArray(s.shownCategories)
    ? s.shownCategories.filter(isCategoryId)
    : [...CATEGORY_IDS];
  const highlights = typeof s.highlights === 'boolean' ? s.highlights : DEFAULT_SETTINGS.highlights;
  return { disabledSites, shownCategories, highlights };
}

/** Current settings from `storage.local`, defaults on any failure. */
export async function readPageSettings(): Promise<PageSettings> {
  try {
    const got = await browser.storage.local.get('settings');
    return pageSettingsFrom(got.settings);
  } catch {
    return pageSettingsFrom(undefined);
  }
}

/** Whether Fineprint is switched off for this host (exact host or a parent domain listed). */
export function isSiteDisabled(hostname: string, disabledSites: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return disabledSites.some((d) => {
    const site = d.toLowerCase().replace(/^\*\./, '');
    return host === site || host.endsWith(`.${site}`);
  });
}
