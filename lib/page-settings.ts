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

/** What an open page does when the user changes the settings (in the popup or the options page). */
export type SettingsChange =
  | { action: 'switch-off' }
  | { action: 'highlights'; on: boolean }
  | { action: 'relocate' }
  | { action: 'none' };

/**
 * The page's answer to new settings: switched off for this site, the page is left as it was; highlights turned
 * on or off, they follow; other categories shown, the marks are placed again (only when there is a report).
 */
export function settingsChange(
  current: { highlights: boolean; shown: ReadonlySet<string>; hasReport: boolean },
  next: PageSettings,
  hostname: string,
): SettingsChange {
  if (isSiteDisabled(hostname, next.disabledSites)) return { action: 'switch-off' };
  if (next.highlights !== current.highlights) return { action: 'highlights', on: next.highlights };
  const shownChanged =
    next.shownCategories.length !== current.shown.size ||
    next.shownCategories.some((c) => !current.shown.has(c));
  return shownChanged && current.hasReport ? { action: 'relocate' } : { action: 'none' };
}
