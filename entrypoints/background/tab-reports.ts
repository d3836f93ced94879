/** Each tab's report for the popup, in session storage under `tab:<id>` (see lib/deferred-writes.ts). */
import { browser } from 'wxt/browser';
import { createDeferredWrites } from '@/lib/deferred-writes';
import type { PageReport } from '@/lib/page-report';

export const tabKey = (tabId: number) => `tab:${tabId}`;

/**
 * Stored once the page has painted its highlights, the popup asks, or 3 s have passed. A full session store
 * (10 MB quota) must not cost the page its highlights: a failed write is dropped.
 */
export const tabReports = createDeferredWrites<number, PageReport>({
  write: (tabId, report) => browser.storage.session.set({ [tabKey(tabId)]: report }),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  delayMs: 3_000,
});

/** The tab's report, written first if it is still held. */
export async function readTabReport(tabId: number): Promise<PageReport | null> {
  await tabReports.flush(tabId);
  const key = tabKey(tabId);
  return ((await browser.storage.session.get(key))[key] as PageReport | undefined) ?? null;
}
