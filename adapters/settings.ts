/**
 * The user's settings in `storage.local` → `settings`, read through the one validator (lib/settings.ts), so
 * older or corrupt values fall back to the defaults field by field wherever they are read.
 * @module
 */
import { browser } from 'wxt/browser';
import { coerceSettings, type Settings } from '@/lib/settings';

/** Current settings; rejects when storage is unreadable (the options page says so). */
export async function readSettings(): Promise<Settings> {
  const got = await browser.storage.local.get('settings');
  return coerceSettings(got.settings);
}

/** Current settings; the defaults when storage is unreadable. */
export function loadSettings(): Promise<Settings> {
  return readSettings().catch(() => coerceSettings(undefined));
}

/** Stores `settings` (rejects when storage refuses, so the caller can say so). */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ settings });
}

/** Calls `listener` with the validated settings whenever they change; returns the unsubscribe. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && 'settings' in changes) listener(coerceSettings(changes.settings?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
