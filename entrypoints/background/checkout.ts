/**
 * Background handlers for checkout / sign-up pages: remember the policy links a tab reported (and tell the page
 * nothing back), show Fineprint's own pages what is known about them, read (fetch + analyse + store) only
 * those links, only from origins the user granted, never through a redirect, and read the policies the page
 * itself shows in a dialog (attached to the checkout, never stored in the history).
 */
import { browser } from 'wxt/browser';
import { canonicalUrl } from '@/lib/canonical-url';
import { cappedFetch } from '@/lib/fetch/capped-fetch';
import { pageAllowsNonPublic } from '@/lib/fetch/hop-policy';
import {
  attachDialogPolicy,
  checkoutView,
  foundCheckoutState,
  mergeResults,
  readLinks,
  type LinkedPolicyDeps,
} from '@/lib/checkout/linked-policies';
import { selectReportedLinks } from '@/lib/checkout/reported-links';
import { classifyClauses } from '@/lib/classify';
import type { ValidSender } from '@/lib/message-guards';
import type { Req, Res } from '@/lib/messages';
import type { CheckoutState } from '@/lib/checkout/linked-policies';
import { pageFromBlocks } from '@/lib/pipeline-extract';
import { createRateLimit } from '@/lib/rate-limit';
import type { PageAnalysis } from '@/lib/types';
import { getLatestVersion, observePage } from '@/lib/store';
import { historyDb } from './export';
import { isGranted } from './grants';
import { isPrivateTab } from './history';
import { analyzeFetchedHtml, readPageMarkup } from './parse-fetched';
import { uiLanguage } from '@/adapters/i18n';

const stateKey = (tabId: number) => `checkout:${tabId}`;

/** The same page whatever its fragment: a terms control with `href="#"` changes only that. */
const samePage = (a: string, b: string) => a.replace(/#.*$/, '') === b.replace(/#.*$/, '');

async function loadState(tabId: number): Promise<CheckoutState | null> {
  const got = await browser.storage.session.get(stateKey(tabId));
  return (got[stateKey(tabId)] as CheckoutState | undefined) ?? null;
}

// One change to a tab's state at a time: a dialog read while the links are fetched must not be lost.
const queues = new Map<number, Promise<unknown>>();
function updateState(
  tabId: number,
  change: (state: CheckoutState | null) => CheckoutState | null,
): Promise<CheckoutState | null> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(async () => {
    const state = change(await loadState(tabId));
    if (state) await browser.storage.session.set({ [stateKey(tabId)]: state });
    return state;
  });
  const settled = next.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return next;
}

/**
 * Forget a tab's checkout state when it navigates or closes. Registered at background start (index.ts), so
 * the listeners also wake a stopped service worker and no stale state outlives its page.
 */
export function registerCheckoutCleanup(): void {
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading') void browser.storage.session.remove(stateKey(tabId));
  });
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(stateKey(tabId)));
}

/** Checkout reading throws on a page it cannot parse (the link is then reported as unreadable). */
async function analyzeHtml(html: string, url: string): Promise<PageAnalysis> {
  const result = await analyzeFetchedHtml(html, url);
  if ('error' in result) throw new Error(result.error);
  return result;
}

function deps(privateTab: Promise<boolean>): LinkedPolicyDeps {
  return {
    isGranted,
    lookup: async (url) => {
      const version = await getLatestVersion(await historyDb(), canonicalUrl(url) ?? url);
      return version ? { title: version.title, clauses: version.clauses, seenAt: version.lastSeen } : null;
    },
    fetch: (url, pageUrl) =>
      cappedFetch(url, {
        fetch: (input, init) => fetch(input, init),
        policy: { allowNonPublic: pageAllowsNonPublic(pageUrl), isGranted },
      }),
    analyze: analyzeHtml,
    // The one version path (capture-error guard, size limits, change detection), as read from a checkout: the
    // user saw a summary, not the page, so later visits still compare against what they read. A private
    // window leaves no trace. No notification: the report the user is looking at says what changed.
    record: async (url, analysis) => {
      if (await privateTab) return;
      const result = await observePage(
        await historyDb(),
        { url, page: analysis.page, clauses: analysis.clauses },
        {
          now: Date.now(),
          locale: uiLanguage(),
          source: 'checkout',
          notify: { enabled: false, categories: [] },
        },
      );
      if (result.error) throw new Error(result.error);
      return result.change ? { change: result.change.headline } : {};
    },
    now: () => Date.now(),
  };
}

/**
 * `content→bg:checkout-found`: the links are already checked against the sender by the route guard. The reply
 * is the same whatever the history or the grants hold, and nothing is looked up before it, so neither its
 * content nor its timing tells the page anything.
 */
export async function checkoutFoundHandler(
  found: Req<'content→bg:checkout-found'>,
  sender: ValidSender,
): Promise<Res<'content→bg:checkout-found'>> {
  if (sender.kind !== 'content') throw new Error('checkout reports come from tabs');
  await updateState(sender.tabId, () => foundCheckoutState(found)).catch((error: unknown) =>
    console.warn('[fineprint] could not keep the checkout links:', error),
  );
  return { ok: true };
}

/** Dialog readings a tab may ask for: a page opening dialogs in a loop gets a few, then nothing. */
const dialogLimit = createRateLimit({ max: 8, windowMs: 60_000, minGapMs: 0, now: () => Date.now() });

/**
 * `content→bg:checkout-dialog`: a policy shown in a dialog on the tab's checkout page. Read from the dialog's
 * markup, classified, and attached to that checkout; not stored in the history (it has no address of its
 * own, and the checkout's address is not a policy's). The reply is constant; what it took depends only on the
 * text the page sent.
 */
export async function checkoutDialogHandler(
  dialog: Req<'content→bg:checkout-dialog'>,
  sender: ValidSender,
): Promise<Res<'content→bg:checkout-dialog'>> {
  if (sender.kind !== 'content') throw new Error('checkout dialogs come from tabs');
  const state = await loadState(sender.tabId).catch(() => null);
  if (!state || !samePage(state.url, dialog.url) || !dialogLimit.allow(sender.tabId)) return { ok: true };
  try {
    const read = await readPageMarkup(dialog.html);
    const analysis: PageAnalysis =
      'error' in read
        ? {
            page: { kind: dialog.kind, confidence: 1, language: 'und', title: dialog.title },
            clauses: [],
            unsupported: { reason: 'unreadable', message: read.error },
          }
        : (() => {
            const page = pageFromBlocks({
              url: dialog.url,
              page: {
                kind: dialog.kind,
                confidence: 1,
                language: read.language,
                title: dialog.title || read.title,
              },
              blocks: read.blocks,
              truncated: dialog.truncated || read.truncated,
            });
            return {
              page: page.page,
              clauses: page.unsupported ? [] : classifyClauses(page.clauses),
              ...(page.unsupported ? { unsupported: page.unsupported } : {}),
            };
          })();
    await updateState(sender.tabId, (current) =>
      current && samePage(current.url, dialog.url)
        ? attachDialogPolicy(
            current,
            { kind: dialog.kind, title: dialog.title, ...(dialog.opener ? { opener: dialog.opener } : {}) },
            analysis,
            Date.now(),
          )
        : current,
    );
  } catch (error) {
    console.warn('[fineprint] could not read the checkout dialog:', error);
  }
  return { ok: true };
}

/** `popup→bg:checkout-read`: the user pressed "Read the terms" in Fineprint's own page. */
export async function checkoutReadFromPopup({
  tabId,
  urls,
}: Req<'popup→bg:checkout-read'>): Promise<Res<'popup→bg:checkout-read'>> {
  const state = await loadState(tabId);
  if (!state) return null;
  // Only links this tab reported, and never one the page shows itself: anything else is dropped, never fetched.
  const { allowed } = selectReportedLinks(
    state.policies.filter((p) => p.opens !== 'dialog'),
    urls,
  );
  const d = deps(isPrivateTab(tabId));
  const results = await readLinks(state, allowed, d);
  const next = await updateState(tabId, (current) =>
    current && current.url === state.url ? mergeResults(current, results) : current,
  );
  return next ? checkoutView(next, d) : null;
}

/** `popup→bg:get-checkout`: only Fineprint's own pages see what the history and the grants say. */
export async function getCheckoutHandler({
  tabId,
}: Req<'popup→bg:get-checkout'>): Promise<Res<'popup→bg:get-checkout'>> {
  const state = await loadState(tabId);
  return state ? checkoutView(state, deps(Promise.resolve(false))) : null;
}
