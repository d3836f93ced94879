/**
 * Opt-in scheduled re-check of tracked policies (off by default). An hourly alarm wakes the background; the
 * documents whose own schedule is due (lib/recheck.ts: one request per document per period, backoff on errors)
 * are fetched without cookies or credentials, under a size cap and a timeout, never through a redirect, and only
 * from origins the user granted through Fineprint (entrypoints/background/grants.ts).
 * Parsing happens in the Firefox background page directly, or in an offscreen document on Chrome MV3.
 */
import { browser } from 'wxt/browser';
import { cappedFetch } from '@/lib/fetch/capped-fetch';
import { pageAllowsNonPublic } from '@/lib/fetch/hop-policy';
import { runRecheckPass, type RecheckOutcome } from '@/lib/recheck-run';
import type { Settings } from '@/lib/settings';
import { isGranted } from './grants';
import { historyDB } from './history';
import { notifyChange } from './notify';
import { loadSettings } from '@/adapters/settings';
import { analyzeFetchedHtml } from './parse-fetched';

export const RECHECK_ALARM = 'fineprint-recheck';

/** Create or clear the alarm to match the settings. */
export async function syncRecheckAlarm(settings?: Settings): Promise<void> {
  const s = settings ?? (await loadSettings());
  if (!s.recheck.enabled) {
    await browser.alarms.clear(RECHECK_ALARM);
    return;
  }
  const existing = await browser.alarms.get(RECHECK_ALARM);
  // Hourly wake-ups; each document keeps its own period and backoff, so this never means hourly requests.
  if (!existing) await browser.alarms.create(RECHECK_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
}

/** `alarms.onAlarm` listener. */
export async function onRecheckAlarm(alarm: { name: string }): Promise<void> {
  if (alarm.name === RECHECK_ALARM) await runRecheck();
}

/** One re-check pass with the browser's APIs (see lib/recheck-run.ts). */
export async function runRecheck(now = Date.now()): Promise<RecheckOutcome[]> {
  const settings = await loadSettings();
  if (!settings.recheck.enabled) return [];
  return runRecheckPass({
    db: await historyDB(),
    now,
    settings,
    isGranted,
    // The tracked page is the page here: one the user visited on their own network may be re-read there.
    fetchPage: (url) =>
      cappedFetch(url, {
        fetch: (input, init) => fetch(input, init),
        policy: { allowNonPublic: pageAllowsNonPublic(url), isGranted },
      }),
    analyzeHtml: analyzeFetchedHtml,
    notify: notifyChange,
  });
}
