/**
 * Background handlers for checkout / sign-up pages: remember the policy links a tab reported (and tell the page
 * nothing back), show Fineprint's own pages what is known about them, and read (fetch + analyse + store) only
 * those links, only from origins the user granted, never through a redirect.
 */
import { browser } from 'wxt/browser';
import { canonicalUrl } from '@/lib/canonical-url';
import { cappedFetch } from '@/lib/fetch/capped-fetch';
import { pageAllowsNonPublic } from '@/lib/fetch/hop-policy';
import {
  checkoutView,
  foundCheckoutState,
  readLinks,
  type LinkedPolicyDeps,
} from '@/lib/checkout/linked-policies';
import { selectReportedLinks } from '@/lib/checkout/reported-links';
import { fingerprintClauses } from '@/lib/diff';
import type { ValidSender } from '@/lib/message-guards';
import type { CheckoutState, Req, Res } from '@/lib/messages';
import type { PageAnalysis } from '@/lib/types';
import { getVersion, isDocumentRecord, recordSnapshot } from '@/lib/store';
import { historyDb } from './export';
import { isGranted } from './grants';
import { analyzeFetchedHtml } from './parse-fetched';

const stateKey = (tabId: number) => `checkout:${tabId}`;

async function loadState(tabId: number): Promise<CheckoutState | null> {
  const got = await browser.storage.session.get(stateKey(tabId));
  return (got[stateKey(tabId)] as CheckoutState | undefined) ?? null;
}

async function saveState(tabId: number, state: CheckoutState): Promise<void> {
  await browser.storage.session.set({ [stateKey(tabId)]: state });
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

function deps(): LinkedPolicyDeps {
  return {
    isGranted,
    lookup: async (url) => {
      const db = await historyDb();
      const doc: unknown = await db.get('documents', canonicalUrl(url) ?? url);
      if (!isDocumentRecord(doc)) return null;
      const { version } = await getVersion(db, doc.latestVersionId);
      return version ? { title: version.title, clauses: version.clauses, seenAt: version.lastSeen } : null;
    },
    fetch: (url, pageUrl) =>
      cappedFetch(url, {
        fetch: (input, init) => fetch(input, init),
        policy: { allowNonPublic: pageAllowsNonPublic(pageUrl), isGranted },
      }),
    analyze: analyzeHtml,
    record: async (url, analysis) => {
      await recordSnapshot(await historyDb(), {
        url: canonicalUrl(url) ?? url,
        title: analysis.page.title,
        kind: analysis.page.kind,
        language: analysis.page.language,
        clauses: analysis.clauses,
        hash: fingerprintClauses(analysis.clauses),
        source: 'visit',
        now: Date.now(),
        // The user saw a summary, not the page: later visits should still diff against what they read.
        markSeen: false,
      });
    },
    now: () => Date.now(),
  };
}

/**
 * `content→bg:checkout-found`: the links are already checked against the sender's site by the route guard.
 * The reply is the same whatever the history or the grants hold, and nothing is looked up before it, so
 * neither its content nor its timing tells the page anything.
 */
export async function checkoutFoundHandler(
  found: Req<'content→bg:checkout-found'>,
  sender: ValidSender,
): Promise<Res<'content→bg:checkout-found'>> {
  if (sender.kind !== 'content') throw new Error('checkout reports come from tabs');
  await saveState(sender.tabId, foundCheckoutState(found)).catch((error: unknown) =>
    console.warn('[fineprint] could not keep the checkout links:', error),
  );
  return { ok: true };
}

/** `popup→bg:checkout-read`: the user pressed "Read the terms" in Fineprint's own page. */
export async function checkoutReadFromPopup({
  tabId,
  urls,
}: Req<'popup→bg:checkout-read'>): Promise<Res<'popup→bg:checkout-read'>> {
  const state = await loadState(tabId);
  if (!state) return null;
  // Only links this tab reported: anything else in `urls` is dropped, never fetched.
  const { allowed } = selectReportedLinks(state.policies, urls);
  const d = deps();
  const next = await readLinks(state, allowed, d);
  await saveState(tabId, next);
  return checkoutView(next, d);
}

/** `popup→bg:get-checkout`: only Fineprint's own pages see what the history and the grants say. */
export async function getCheckoutHandler({
  tabId,
}: Req<'popup→bg:get-checkout'>): Promise<Res<'popup→bg:get-checkout'>> {
  const state = await loadState(tabId);
  return state ? checkoutView(state, deps()) : null;
}
