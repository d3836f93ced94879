/**
 * The user's settings as the page scripts read them (the background owns writes). Anything malformed falls
 * back to the default, field by field (lib/settings.ts): a broken setting must never stop the page from working.
 * @module
 */
import { coerceSettings, type Settings } from './settings';

/** The parts of Settings the page needs. */
export type PageSettings = Pick<Settings, 'disabledSites' | 'highlights' | 'shownCategories'>;

/** The page's part of the stored settings, validated as every reader validates them. */
export function pageSettingsFrom(stored: unknown): PageSettings {
  const { disabledSites, shownCategories, highlights } = coerceSettings(stored);
  return { disabledSites, shownCategories, highlights };
}

/** The part of `storage.local` read here. */
export interface SettingsStorage {
  get(key: 'settings'): Promise<Record<string, unknown>>;
}

/**
 * Current settings from `storage.local`, defaults on any failure. (The parameter is not named `storage`: WXT
 * then bundles its own storage helper into the page scripts, see tests/build/bundle-contents.test.ts.)
 */
export async function readPageSettings(area: SettingsStorage): Promise<PageSettings> {
  try {
    const got = await area.get('settings');
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
