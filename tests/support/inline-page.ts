/**
 * Helpers for the inline-highlight browser suites: ask the content script for its report (as the popup
 * does), read what is painted on the page, and compare the two.
 * @module
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { PageReport } from '../../lib/page-report';
import { tabIdOf, waitFor, waitForServiceWorker } from './harness';
import { highlightNames } from './our-world';

interface ChromeTabs {
  chrome: { tabs: { sendMessage: (tabId: number, message: unknown) => Promise<unknown> } };
}

/** Sends a `popup→content:*` message to the page's content script from the extension's service worker. */
export async function sendToContent<T>(
  sw: Worker,
  tabId: number,
  type: string,
  payload: unknown,
): Promise<T> {
  return sw.evaluate(
    async ({ tabId, type, payload }) => {
      const { chrome } = globalThis as unknown as ChromeTabs;
      return chrome.tabs.sendMessage(tabId, { type, payload });
    },
    { tabId, type, payload },
  ) as Promise<T>;
}

/**
 * Waits until the content script has a report with placement done (`unplaced` set), or null on timeout.
 * The MV3 worker may be stopped and restarted between pages, so the live one is looked up each time.
 */
export async function reportOf(
  context: BrowserContext,
  page: Page,
  timeout = 30_000,
): Promise<PageReport | null> {
  const tabId = await tabIdOf(await waitForServiceWorker(context), page);
  return waitFor(async () => {
    const sw = await waitForServiceWorker(context);
    const r = await sendToContent<PageReport | null>(sw, tabId, 'bg→content:get-report', {}).catch(
      () => null,
    );
    return r && typeof r.unplaced === 'number' ? r : null;
  }, timeout);
}

/** Sends a `popup→content:*` message through the live service worker. */
export async function toContent<T>(
  context: BrowserContext,
  page: Page,
  type: string,
  payload: unknown,
): Promise<T> {
  const tabId = await tabIdOf(await waitForServiceWorker(context), page);
  return sendToContent<T>(await waitForServiceWorker(context), tabId, type, payload);
}

/** The text of every range in the page's category highlights (not flash/active), by category id. */
export async function paintedTexts(page: Page): Promise<Record<string, string[]>> {
  const names = await highlightNames(page);
  return page.evaluate((names) => {
    const out: Record<string, string[]> = {};
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return out;
    for (const [key, name] of Object.entries(names)) {
      if (key === 'flash' || key === 'active') continue;
      const h = CSS.highlights.get(name) as unknown as Set<Range> | undefined;
      if (h) out[key] = [...h].map((r) => r.toString());
    }
    return out;
  }, names);
}

/** Same normalisation as lib/locate (letters and digits, lower case), for comparing texts in tests. */
export function norm(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Serialises the page's DOM with text-node boundaries and attributes, for before/after comparisons. */
export async function domSnapshot(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (n: Node) => {
      if (n.nodeType === 3) out.push(`#text(${(n as Text).data})`);
      else if (n.nodeType === 8) out.push(`<!--${(n as Comment).data}-->`);
      else if (n.nodeType === 1) {
        const el = n as Element;
        out.push(`<${el.tagName}${[...el.attributes].map((a) => ` ${a.name}="${a.value}"`).join('')}>`);
        el.childNodes.forEach(walk);
        if (el.shadowRoot) out.push('#shadow-root');
        out.push(`</${el.tagName}>`);
      }
    };
    walk(document.documentElement);
    return out.join('');
  });
}
