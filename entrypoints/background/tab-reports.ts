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

/** Reports being completed (their explanations, after the page's reply), by tab: readers wait for them. */
const completing = new Map<number, Promise<unknown>>();

/** The tab's report is being completed and put in `tabReports` when `done` settles. */
export function completingTabReport(tabId: number, done: Promise<unknown>): void {
  const settled = done.catch(() => undefined);
  completing.set(tabId, settled);
  void settled.then(() => {
    if (completing.get(tabId) === settled) completing.delete(tabId);
  });
}

/** The tab's report, completed and written first if it is still held. */
export async function readTabReport(tabId: number): Promise<PageReport | null> {
  await completing.get(tabId);
  await tabReports.flush(tabId);
  const key = tabKey(tabId);
  return ((await browser.storage.session.get(key))[key] as PageReport | undefined) ?? null;
}
