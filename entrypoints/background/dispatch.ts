import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import type { ExtractedPage, PageReport, Res, TabState } from '@/lib/messages';
import type { Clause } from '@/lib/types';
import { bundledModel, classifyClauses } from '@/lib/classify';
import { analysesOf, PREVIEW_MAX_CLAUSES } from '@/lib/clause-analyses';
import { clauseGuard, extractedPageGuard, LIMITS, num, obj, type ValidSender } from '@/lib/message-guards';
import { createRouter, perSender, type RouteTable } from '@/lib/message-router';
import { httpUrl as historyUrlGuard } from '@/lib/message-guards';
import {
  diffVersions,
  getHistory,
  getVersions,
  recordPageReport,
  removeDocument,
  tabHistoryState,
} from './history';
import { arr, empty, httpUrl, oneOf, senderPageUrl, sitePolicyLinks, str } from '@/lib/message-guards';
import {
  checkoutFoundHandler,
  checkoutReadFromContent,
  checkoutReadFromPopup,
  getCheckoutHandler,
} from './checkout';
import { getComparisonHandler } from './compare';
import { deleteHistoryHandler, exportHistoryHandler, importHistoryHandler } from './export';

const tabKey = (tabId: number) => `tab:${tabId}`;

/** Tab ids as Chrome and Firefox issue them (non-negative 32-bit). */
export const tabIdGuard = num({ min: 0, max: 2 ** 31 - 1, integer: true });
/** Stored version ids (IndexedDB auto-increment keys). */
const countGuard = num({ min: 0, max: LIMITS.clauses, integer: true });
const versionIdGuard = num({ min: 1, max: Number.MAX_SAFE_INTEGER, integer: true });
/** JSON size of a preview: its clauses at their longest real length with a generous margin. */
const PREVIEW_MAX_BYTES = 1024 * 1024;

/** The tab report still being written, so the placement report that follows lands on it, not before it. */
const reportWrites = new Map<number, Promise<unknown>>();

/** Resolves in a later task: after the reply this handler returns has been sent. */
const afterReply = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function pageExtracted(
  extracted: ExtractedPage,
  sender: ValidSender,
): Promise<Res<'content→bg:page-extracted'>> {
  if (sender.kind !== 'content') throw new Error('page reports come from tabs');
  const started = performance.now();
  const report: PageReport = { ...extracted, clauses: classifyClauses(extracted.clauses) };
  measureSince('bg-classify', started);
  // The page waits for its highlights, nothing else. The tab's report for the popup (session storage: its
  // serialisation alone takes 20–40 ms for a long policy, synchronously in `set`) and the history (IndexedDB,
  // the clause diff, perhaps a notification) are written in a later task, once the reply is on its way. The
  // write is registered now, so the popup's read and the placement report wait for it. A full session store
  // (10 MB quota) must not cost the page its highlights, and the history store reports its own errors.
  const write = afterReply().then(() =>
    browser.storage.session.set({ [tabKey(sender.tabId)]: report }).catch(() => undefined),
  );
  reportWrites.set(sender.tabId, write);
  void write.then(() =>
    recordPageReport(report, sender.tabId).catch((error: unknown) =>
      console.warn('[fineprint] could not record the page:', error),
    ),
  );
  return { analyses: analysesOf(report.clauses) };
}

/** The first clauses of a long policy (lib/clause-analyses.ts): classified, nothing stored. */
function classifyPreview({ clauses }: { clauses: Clause[] }): Res<'content→bg:classify-preview'> {
  const started = performance.now();
  const analyses = analysesOf(classifyClauses(clauses));
  measureSince('bg-classify-preview', started);
  return { analyses };
}

/** The service worker is running once this runs; decoding the model now spares the first classification. */
function wake(): Res<'content→bg:wake'> {
  return { ok: bundledModel() !== null };
}

/** A timing entry for `npm run bench` (it reads the worker's timeline; nothing else does). */
function measureSince(name: string, start: number): void {
  try {
    performance.measure(`fineprint:${name}`, { start });
  } catch {
    // Diagnostics only.
  }
}

/** Records how many labelled clauses the content script could place, for the popup. */
async function placementReported(
  { url, unplaced }: { url: string; placed: number; unplaced: number },
  sender: ValidSender,
): Promise<{ ok: boolean }> {
  if (sender.kind !== 'content') return { ok: false };
  const key = tabKey(sender.tabId);
  await reportWrites.get(sender.tabId);
  reportWrites.delete(sender.tabId);
  const report = (await browser.storage.session.get(key))[key] as PageReport | undefined;
  if (!report || report.url !== url) return { ok: false };
  await browser.storage.session.set({ [key]: { ...report, unplaced } });
  return { ok: true };
}

/** Drops a tab's report when it closes or loads another page, so session storage does not fill up. */
export function registerTabReportCleanup(): void {
  const clear = (tabId: number) => {
    reportWrites.delete(tabId);
    void browser.storage.session.remove(tabKey(tabId));
  };
  browser.tabs.onRemoved.addListener(clear);
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url !== undefined) clear(tabId);
  });
}

async function getTabState({ tabId }: { tabId: number }): Promise<TabState> {
  await reportWrites.get(tabId);
  const got = await browser.storage.session.get(tabKey(tabId));
  return {
    tabId,
    report: (got[tabKey(tabId)] as PageReport | undefined) ?? null,
    ...(await tabHistoryState(tabId)),
  };
}

/**
 * Every message the background accepts: name → payload guard + handler (see lib/message-router.ts).
 * A name missing here is refused. To add one: a line with its guard (built from lib/message-guards.ts
 * combinators) and a handler `(payload, sender) => Promise<res>` from your own module.
 */
export const routes: RouteTable = {
  'content→bg:page-extracted': {
    guard: perSender((sender) => extractedPageGuard(sender)),
    handle: pageExtracted,
    maxBytes: LIMITS.extractedBytes,
  },
  'content→bg:classify-preview': {
    guard: perSender((sender) =>
      obj({ url: senderPageUrl(sender), clauses: arr(clauseGuard, { max: PREVIEW_MAX_CLAUSES }) }),
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
  'popup→bg:get-history': { guard: obj({}), handle: getHistory },
  'popup→bg:get-versions': { guard: obj({ url: historyUrlGuard }), handle: getVersions },
  'popup→bg:diff-versions': {
    guard: obj({ url: historyUrlGuard, from: versionIdGuard, to: versionIdGuard }),
    handle: diffVersions,
  },
  'popup→bg:delete-document': { guard: obj({ url: historyUrlGuard }), handle: removeDocument },
  // The in-page card's "Open in Fineprint": a popup can't be opened programmatically everywhere, so the
  // report for the sender's tab opens in a new tab instead.
  'content→bg:open-report': {
    guard: obj({}),
    handle: async (_payload, sender) => {
      if (sender.kind !== 'content') return { opened: false };
      await browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?tabId=${sender.tabId}` });
      return { opened: true };
    },
  },
  'content→bg:checkout-found': {
    guard: perSender((sender) =>
      obj({
        url: senderPageUrl(sender),
        flavour: oneOf(['checkout', 'sign-up', 'consent'] as const),
        signals: arr(str({ max: 200 }), { max: 40 }),
        policyLinks: sitePolicyLinks(sender),
      }),
    ),
    handle: checkoutFoundHandler,
  },
  'content→bg:checkout-read': {
    guard: obj({ urls: arr(httpUrl, { max: LIMITS.policyLinks }) }),
    handle: checkoutReadFromContent,
  },
  'popup→bg:get-checkout': { guard: obj({ tabId: tabIdGuard }), handle: getCheckoutHandler },
  'popup→bg:checkout-read': {
    guard: obj({ tabId: tabIdGuard, urls: arr(httpUrl, { max: LIMITS.policyLinks }) }),
    handle: checkoutReadFromPopup,
  },
  'popup→bg:get-comparison': { guard: obj({ tabId: tabIdGuard }), handle: getComparisonHandler },
  'options→bg:export-history': { guard: empty, handle: exportHistoryHandler },
  // The file is validated record by record in the handler (lib/export-import.ts); here only its size is capped.
  'options→bg:import-history': {
    guard: obj({ data: (value: unknown) => ({ ok: true as const, value }) }),
    handle: importHistoryHandler,
    maxBytes: 256 * 1024 * 1024,
  },
  'options→bg:delete-history': {
    guard: obj({ confirm: oneOf(['delete-everything'] as const) }),
    handle: deleteHistoryHandler,
  },
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
