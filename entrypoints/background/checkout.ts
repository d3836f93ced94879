/**
 * Background handlers for checkout / sign-up pages: remember the policy links a tab reported, and read
 * (fetch + analyse + store) only those links, only with the user's host permission.
 */
import { browser } from 'wxt/browser';
import { canonicalUrl } from '@/lib/canonical-url';
import { decodePolicyBytes, fetchPolicy } from '@/lib/checkout/fetch-policy';
import { initialCheckoutState, readLinks, type LinkedPolicyDeps } from '@/lib/checkout/linked-policies';
import { selectReportedLinks } from '@/lib/checkout/reported-links';
import { fingerprintClauses } from '@/lib/diff';
import type { ValidSender } from '@/lib/message-guards';
import { envelope, type CheckoutState, type Req, type Res } from '@/lib/messages';
import type { PageAnalysis } from '@/lib/types';
import { getVersion, isDocumentRecord, recordSnapshot } from '@/lib/store';
import { historyDb } from './export';
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

function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Checkout reading throws on a page it cannot parse (the link is then reported as unreadable). */
async function analyzeHtml(html: string, url: string): Promise<PageAnalysis> {
  const result = await analyzeFetchedHtml(html, url);
  if ('error' in result) throw new Error(result.error);
  return result;
}

function deps(): LinkedPolicyDeps {
  return {
    hasPermission: (url) => browser.permissions.contains({ origins: [originPattern(url)] }),
    lookup: async (url) => {
      const db = await historyDb();
      const doc: unknown = await db.get('documents', canonicalUrl(url) ?? url);
      if (!isDocumentRecord(doc)) return null;
      const { version } = await getVersion(db, doc.latestVersionId);
      return version ? { title: version.title, clauses: version.clauses, seenAt: version.lastSeen } : null;
    },
    fetch: (url) => fetchPolicy(url, { fetch: (input, init) => fetch(input, init) }),
    analyze: async (bytes, contentType, url) => analyzeHtml(decodePolicyBytes(bytes, contentType), url),
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

/** `content→bg:checkout-found`: the links are already checked against the sender's site by the route guard. */
export async function checkoutFoundHandler(
  found: Req<'content→bg:checkout-found'>,
  sender: ValidSender,
): Promise<Res<'content→bg:checkout-found'>> {
  if (sender.kind !== 'content') throw new Error('checkout reports come from tabs');
  const state = await initialCheckoutState(found, deps());
  await saveState(sender.tabId, state);
  return state;
}

async function readFor(tabId: number, urls: string[]): Promise<CheckoutState | null> {
  const state = await loadState(tabId);
  if (!state) return null;
  // Only links this tab reported: anything else in `urls` is dropped, never fetched.
  const { allowed } = selectReportedLinks(state.policies, urls);
  const next = await readLinks(state, allowed, deps());
  await saveState(tabId, next);
  // The badge on the page shows the result too (it may not be there any more: then nobody answers).
  void browser.tabs.sendMessage(tabId, envelope('bg→content:checkout-updated', next)).catch(() => undefined);
  return next;
}

export async function checkoutReadFromContent(
  { urls }: Req<'content→bg:checkout-read'>,
  sender: ValidSender,
): Promise<Res<'content→bg:checkout-read'>> {
  if (sender.kind !== 'content') return null;
  return readFor(sender.tabId, urls);
}

export async function checkoutReadFromPopup({
  tabId,
  urls,
}: Req<'popup→bg:checkout-read'>): Promise<Res<'popup→bg:checkout-read'>> {
  return readFor(tabId, urls);
}

export async function getCheckoutHandler({
  tabId,
}: Req<'popup→bg:get-checkout'>): Promise<Res<'popup→bg:get-checkout'>> {
  const state = await loadState(tabId);
  if (!state) return null;
  // Permissions may have been granted since (popup prompt): refresh "needs-permission" entries.
  const policies = await Promise.all(
    state.policies.map(async (p) =>
      p.status === 'needs-permission' &&
      (await browser.permissions.contains({ origins: [originPattern(p.url)] }))
        ? { ...p, status: 'not-read' as const }
        : p,
    ),
  );
  return { ...state, policies };
}
