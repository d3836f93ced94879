import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import type { ExtractedPage, PageReport, TabState } from '@/lib/messages';
import { classifyClauses } from '@/lib/classify';

const tabKey = (tabId: number) => `tab:${tabId}`;

// SCAFFOLD: validation and storage are filled in by the foundation work.
export async function dispatch(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const msg = message as { type?: string; payload?: unknown };
  if (msg.type === 'content→bg:page-extracted' && sender.tab?.id !== undefined) {
    const extracted = msg.payload as ExtractedPage;
    const report: PageReport = { ...extracted, clauses: classifyClauses(extracted.clauses) };
    await browser.storage.session.set({ [tabKey(sender.tab.id)]: report });
    return { clauses: report.clauses, stored: false, change: null };
  }
  if (msg.type === 'popup→bg:get-tab-state') {
    const { tabId } = msg.payload as { tabId: number };
    const got = await browser.storage.session.get(tabKey(tabId));
    const state: TabState = { tabId, report: (got[tabKey(tabId)] as PageReport) ?? null, change: null };
    return state;
  }
  return undefined;
}
