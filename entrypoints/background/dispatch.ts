import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import type { TabState } from '@/lib/page-report';
import { PREVIEW_MAX_BLOCKS } from '@/lib/preview-blocks';
import { blockGuard, LIMITS, num, obj, pageInfoGuard, type ValidSender } from '@/lib/message-guards';
import { readTabReport, tabKey, tabReports } from './tab-reports';
import { classifyPreview, clauseDetails, pageExtracted, readPage, wake } from './page-reading';
import { createRouter, perSender, type RouteTable } from '@/lib/message-router';
import { createRateLimit } from '@/lib/rate-limit';
import { httpUrl as historyUrlGuard } from '@/lib/message-guards';
import {
  diffVersions,
  getHistory,
  HISTORY_PAGE_MAX,
  getVersions,
  removeDocument,
  tabHistoryState,
} from './history';
import {
  arr,
  bool,
  checkoutPolicyLinks,
  httpUrl,
  oneOf,
  optional,
  senderPageUrl,
  str,
} from '@/lib/message-guards';
import {
  checkoutDialogHandler,
  checkoutFoundHandler,
  checkoutReadFromPopup,
  getCheckoutHandler,
} from './checkout';
import { grantOriginsHandler } from './grants';
import { DIALOG_MAX_CHARS } from '@/lib/checkout/dialog-terms';
import { getComparisonHandler } from './compare';

/**
 * "Open in Fineprint" from a page: one tab per 2 s and at most 5 a minute for each tab. The buttons act only on
 * the user's own clicks (lib/highlight/ui-host.ts); this holds even if a page found a way around that.
 */

/** Tab ids as Chrome and Firefox issue them (non-negative 32-bit). */
export const tabIdGuard = num({ min: 0, max: 2 ** 31 - 1, integer: true });
/** Stored version ids (IndexedDB auto-increment keys). */
const countGuard = num({ min: 0, max: LIMITS.clauses, integer: true });
const versionIdGuard = num({ min: 1, max: Number.MAX_SAFE_INTEGER, integer: true });
/** The id of a kept page reading (`crypto.randomUUID`, lib/kept-readings.ts). */
const readIdGuard = str({
  max: 36,
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
});
/** How often a tab's page may have Fineprint open a new tab (its "Open in Fineprint" buttons). */
export const OPEN_REPORT_INTERVAL_MS = 5_000;
const openReportLimit = createRateLimit({
  max: 5,
  windowMs: 60_000,
  minGapMs: OPEN_REPORT_INTERVAL_MS,
  now: () => Date.now(),
});
/** Exact origins named in one grant (a checkout's links, or every tracked policy when re-check is turned on). */
const MAX_GRANT_ORIGINS = 2_000;
/** JSON size of a preview: its blocks at their longest real length with a generous margin. */
const PREVIEW_MAX_BYTES = 1024 * 1024;

/** Records how many labelled clauses the content script could place, for the popup. */
async function placementReported(
  { url, unplaced }: { url: string; placed: number; unplaced: number },
  sender: ValidSender,
): Promise<{ ok: boolean }> {
  if (sender.kind !== 'content') return { ok: false };
  // The usual case: the report is still held, and is stored now, with its placement.
  let matched = false;
  const held = tabReports.update(sender.tabId, (report) => {
    matched = report.url === url;
    return matched ? { ...report, unplaced } : report;
  });
  if (held) {
    await tabReports.flush(sender.tabId);
    return { ok: matched };
  }
  // Already stored (held past its delay, or the worker restarted since): the stored copy is updated.
  const report = await readTabReport(sender.tabId);
  if (!report || report.url !== url) return { ok: false };
  await browser.storage.session.set({ [tabKey(sender.tabId)]: { ...report, unplaced } });
  return { ok: true };
}

/** Drops a tab's report when it closes or loads another page, so session storage does not fill up. */
export function registerTabReportCleanup(): void {
  const clear = (tabId: number) => {
    // A report still held is written first, so the removal cannot land before it.
    void tabReports.flush(tabId).then(() => browser.storage.session.remove(tabKey(tabId)));
  };
  browser.tabs.onRemoved.addListener(clear);
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url !== undefined) clear(tabId);
  });
}

async function getTabState({ tabId }: { tabId: number }): Promise<TabState> {
  return {
    tabId,
    report: await readTabReport(tabId),
    ...(await tabHistoryState(tabId)),
  };
}

/**
 * Every message the background accepts: name → payload guard + handler (see lib/message-router.ts).
 * A name missing here is refused. To add one: a line with its guard (built from lib/message-guards.ts
 * combinators) and a handler `(payload, sender) => Promise<res>` from your own module.
 */
export const routes: RouteTable = {
  // Names the reading the background kept from this frame's `read-page`: the page sends no text of its own.
  'content→bg:page-extracted': {
    guard: perSender((sender) =>
      obj({ url: senderPageUrl(sender), readId: readIdGuard, page: pageInfoGuard }),
    ),
    handle: pageExtracted,
  },
  'content→bg:read-page': {
    guard: perSender((sender) =>
      obj({
        url: senderPageUrl(sender),
        html: str({ max: LIMITS.pageMarkup, allowControl: true }),
        truncated: bool,
        page: optional(pageInfoGuard),
      }),
    ),
    handle: readPage,
    maxBytes: LIMITS.extractedBytes,
  },
  'content→bg:clause-details': {
    guard: perSender((sender) => obj({ url: senderPageUrl(sender), clauseId: str({ max: LIMITS.id }) })),
    handle: clauseDetails,
  },
  'content→bg:classify-preview': {
    guard: perSender((sender) =>
      obj({ url: senderPageUrl(sender), blocks: arr(blockGuard, { max: PREVIEW_MAX_BLOCKS }) }),
    ),
    handle: classifyPreview,
    maxBytes: PREVIEW_MAX_BYTES,
  },
  'content→bg:wake': { guard: obj({}), handle: wake },
  'content→bg:placement': {
    guard: perSender((sender) =>
      obj({ url: senderPageUrl(sender), placed: countGuard, unplaced: countGuard }),
    ),
    handle: placementReported,
  },
  'popup→bg:get-tab-state': { guard: obj({ tabId: tabIdGuard }), handle: getTabState },
  'ui→bg:get-history': {
    guard: obj({
      offset: optional(num({ min: 0, max: 2 ** 31 - 1, integer: true })),
      limit: optional(num({ min: 0, max: HISTORY_PAGE_MAX, integer: true })),
      origins: optional(bool),
    }),
    handle: getHistory,
  },
  'history→bg:get-versions': { guard: obj({ url: historyUrlGuard }), handle: getVersions },
  'history→bg:diff-versions': {
    guard: obj({ url: historyUrlGuard, from: versionIdGuard, to: versionIdGuard }),
    handle: diffVersions,
  },
  'history→bg:delete-document': { guard: obj({ url: historyUrlGuard }), handle: removeDocument },
  // The in-page card's and the checkout badge's "Open in Fineprint": a popup can't be opened programmatically
  // everywhere, so the report for the sender's tab opens in a new tab instead, at most one per tab per
  // OPEN_REPORT_INTERVAL_MS whatever the page does.
  'content→bg:open-report': {
    guard: obj({}),
    handle: async (_payload, sender) => {
      // Rate-limited per tab: the page must never be able to open tabs in bulk through us.
      if (sender.kind !== 'content' || !openReportLimit.allow(sender.tabId)) return { opened: false };
      // Next to the page and opened by it, so closing the report returns the user to that page.
      const tab = await browser.tabs.get(sender.tabId).catch(() => null);
      await browser.tabs.create({
        url: `${browser.runtime.getURL('/popup.html')}?tabId=${sender.tabId}`,
        openerTabId: sender.tabId,
        ...(tab ? { index: tab.index + 1, windowId: tab.windowId } : {}),
      });
      return { opened: true };
    },
  },
  'content→bg:checkout-found': {
    guard: perSender((sender) =>
      obj({
        url: senderPageUrl(sender),
        flavour: oneOf(['checkout', 'sign-up', 'consent'] as const),
        signals: arr(str({ max: 200 }), { max: 40 }),
        policyLinks: checkoutPolicyLinks(sender),
      }),
    ),
    handle: checkoutFoundHandler,
  },
  // A policy a checkout page shows in a dialog: the dialog's markup only (lib/checkout/dialog-terms.ts).
  'content→bg:checkout-dialog': {
    guard: perSender((sender) =>
      obj({
        url: senderPageUrl(sender),
        title: str({ max: LIMITS.title }),
        kind: oneOf(['terms', 'privacy-policy'] as const),
        opener: optional(senderPageUrl(sender)),
        html: str({ max: DIALOG_MAX_CHARS, allowControl: true }),
        truncated: bool,
      }),
    ),
    handle: checkoutDialogHandler,
    maxBytes: DIALOG_MAX_CHARS * 2 + 64 * 1024,
  },
  'popup→bg:get-checkout': { guard: obj({ tabId: tabIdGuard }), handle: getCheckoutHandler },
  'popup→bg:checkout-read': {
    guard: obj({ tabId: tabIdGuard, urls: arr(httpUrl, { max: LIMITS.policyLinks }) }),
    handle: checkoutReadFromPopup,
  },
  'ui→bg:grant-origins': {
    guard: obj({ origins: arr(httpUrl, { max: MAX_GRANT_ORIGINS }) }),
    handle: grantOriginsHandler,
    maxBytes: 256 * 1024,
  },
  'popup→bg:get-comparison': { guard: obj({ tabId: tabIdGuard }), handle: getComparisonHandler },
};

let router: ReturnType<typeof createRouter> | null = null;

/** The `runtime.onMessage` listener body: validated, allow-listed dispatch (undefined = not for us). */
export function dispatch(
  message: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<unknown> | undefined {
  router ??= createRouter(
    routes,
    { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
    (reason, type) => console.warn(`[fineprint] rejected ${type}: ${reason}`),
  );
  return router(message, sender);
}
