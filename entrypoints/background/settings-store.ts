/**
 * Settings as the background reads them: `storage.local` → `settings`, coerced so older or corrupt values fall
 * back to defaults (lib/settings.ts).
 */
import { browser } from 'wxt/browser';
import { coerceSettings } from '@/lib/settings';
import type { Settings } from '@/lib/settings';

/** Current settings; defaults when storage is unreadable. */
export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.local.get('settings');
    return coerceSettings(got.settings);
  } catch {
    return coerceSettings(undefined);
  }
}

/** Calls `listener` with the coerced settings whenever they change. */
export function onSettingsChanged(listener: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) listener(coerceSettings(changes.settings?.newValue));
  });
}
