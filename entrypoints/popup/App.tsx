import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send, sendToTab } from '@/adapters/messaging';
import { t, uiLanguage } from '@/adapters/i18n';
import { loadSettings } from '@/adapters/settings';
import type { CheckoutState } from '@/lib/checkout/linked-policies';
import type { ComparisonState } from '@/lib/compare';
import type { TabState } from '@/lib/page-report';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { fetchTargetOf, originPatterns, originsOf } from '@/lib/fetch/origins';
import { PopupView, type PopupData } from '@/components/PopupView';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The report page: popup.html?tabId=N in a tab of its own (the checkout badge opens it; so do tests). */
const reportParam = new URLSearchParams(location.search).get('tabId');
const isReportPage = reportParam !== null && /^\d+$/.test(reportParam);
if (isReportPage) document.documentElement.classList.add('report-page');

/** The report page names its tab; the toolbar popup uses the active tab. */
async function targetTabId(): Promise<number | null> {
  const param = reportParam;
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** What the first render needs: the tab, the user's settings, the tab's analysis and checkout state. */
export interface FirstRound {
  tabId: number | null;
  settings: Settings;
  tab: TabState | { error: string } | null;
  checkout: CheckoutState | null;
}

/**
 * Starts the first round of requests. main.tsx calls it before rendering, so the requests are in flight
 * while the page renders its skeleton (an effect would only start them after the first paint).
 */
export async function loadFirstRound(): Promise<FirstRound> {
  const tabId = await targetTabId().catch(() => null);
  if (tabId === null) return { tabId, settings: DEFAULT_SETTINGS, tab: null, checkout: null };
  // One round of requests in parallel: the first render waits for the slowest, not for their sum.
  const [settings, tab, checkout] = await Promise.all([
    loadSettings(),
    send('popup→bg:get-tab-state', { tabId }).catch((e: unknown) => ({ error: errorText(e) })),
    send('popup→bg:get-checkout', { tabId }).catch(() => null),
  ]);
  return { tabId, settings, tab: tab ?? null, checkout };
}

export function App({ first }: { first: Promise<FirstRound> }) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [data, setData] = useState<PopupData>({ tab: null });
  const patch = (p: Partial<PopupData>) => setData((d) => ({ ...d, ...p }));

  useEffect(() => {
    void (async () => {
      const { tabId: id, settings, tab, checkout } = await first;
      if (id === null) return patch({ error: t('popup_no_tab') });
      setTabId(id);
      patch({ shownCategories: settings.shownCategories, highlightsOn: settings.highlights });
      if (!tab || 'error' in tab) return patch({ error: tab ? tab.error : 'no answer', tab: null, checkout });
      patch({ tab, checkout });
      // Opened from a checkout (the report page): links on origins the user already allowed are read at once;
      // anything else waits for "Read the terms" (and the browser's prompt).
      if (isReportPage && checkout) {
        const ready = checkout.policies.filter((p) => p.status === 'not-read' && p.opens !== 'dialog');
        if (ready.length > 0) {
          patch({ checkoutBusy: true });
          const read = await send('popup→bg:checkout-read', {
            tabId: id,
            urls: ready.map((p) => p.url),
          }).catch(() => null);
          patch({ checkoutBusy: false, ...(read ? { checkout: read } : {}) });
        }
      }
      if (tab.report?.clauses.length) {
        const comparison: ComparisonState = await send('popup→bg:get-comparison', { tabId: id }).catch(
          (e: unknown) => ({
            comparison: null,
            error: errorText(e),
          }),
        );
        patch({ comparison });
      }
    })();
  }, [first]);

  const handlers = useMemo(
    () => ({
      onReveal: (clauseId: string) => {
        if (tabId === null) return;
        void sendToTab(tabId, 'popup→content:reveal-clause', { clauseId })
          .then((res) => res?.found === true)
          .catch(() => false)
          .then((found) =>
            setData((d) => {
              const missing = new Set(d.missingClauses ?? []);
              if (found) missing.delete(clauseId);
              else missing.add(clauseId);
              return { ...d, missingClauses: missing };
            }),
          );
      },
      onToggleHighlights: (on: boolean) => {
        if (tabId === null) return;
        patch({ highlightsOn: on, highlightsError: false });
        void sendToTab(tabId, 'popup→content:toggle-highlights', { on })
          .then((res) => patch({ highlightsOn: res?.on ?? on }))
          .catch(() => patch({ highlightsError: true }));
      },
      onReadTerms: (urls: string[]) => {
        if (tabId === null) return;
        const pageUrl = data.checkout?.url ?? '';
        // What is fetched (a plain-http link from an https page is read over https) is what the user grants.
        const targets = (data.checkout?.policies ?? [])
          .filter((p) => urls.includes(p.url))
          .map((p) => fetchTargetOf(p.url, pageUrl));
        const patterns = originPatterns(targets);
        patch({ checkoutBusy: true, checkoutNote: null });
        // Firefox only shows the prompt when request() is called directly in the click handler, before any await.
        const asked = patterns.length
          ? browser.permissions.request({ origins: patterns })
          : Promise.resolve(true);
        void asked
          .catch(() => false)
          .then(async (granted) => {
            if (!granted) return patch({ checkoutBusy: false, checkoutNote: t('popup_checkout_denied') });
            // The browser's permission covers a host on every port; Fineprint records the exact origins.
            await send('ui→bg:grant-origins', { origins: originsOf(targets) }).catch(() => null);
            const checkout = await send('popup→bg:checkout-read', { tabId, urls }).catch(() => null);
            patch({ checkoutBusy: false, ...(checkout ? { checkout: checkout as CheckoutState } : {}) });
          });
      },
      // The shopper goes back to the checkout they came from; this report tab has done its job.
      onBackToCheckout: () => {
        if (tabId === null) return;
        void (async () => {
          const tab = await browser.tabs.update(tabId, { active: true }).catch(() => null);
          if (tab?.windowId !== undefined)
            await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
          const self = await browser.tabs.getCurrent().catch(() => undefined);
          if (self?.id !== undefined && tab) await browser.tabs.remove(self.id).catch(() => undefined);
        })();
      },
    }),
    [tabId, data.checkout],
  );

  return (
    <PopupView
      t={t}
      data={data}
      {...handlers}
      optionsUrl={browser.runtime.getURL('/options.html')}
      historyUrl={(browser.runtime.getURL as (path: string) => string)('/policy-history.html')}
      locale={uiLanguage()}
      full={isReportPage}
    />
  );
}
