import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { triageDetection, triagePage } from '@/lib/detect/triage';
import { envelope, fromOwnExtension } from '@/lib/messages';
import { notPolicyReport, startPageGate } from '@/lib/page-gate';
import { mutationWatchEnv, urlWatchEnv } from '@/lib/page-watch/window-env';

// The only script on every page, so it stays small: triage and the gate (lib/page-gate.ts). The analysis
// (entrypoints/page-analysis) is imported from the extension only when triage lets the page through; it is a
// web-accessible resource with a per-session URL in Chrome (pages cannot probe for it), see docs/permissions.md.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage a "content script started" note that every page script can read:
  // it tells the page an extension is here, and confuses pages with careless message listeners.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Where "page idle → highlights" starts in the benchmark (the analysis adds its own marks).
    performance.mark('fineprint:start');
    const gate = startPageGate({
      triage: () => triagePage(document, location.href),
      load: () => {
        // Wakes the background now, so it is ready (sentence rules loaded, model decoded) by the time the
        // page's text has been read.
        browser.runtime.sendMessage(envelope('content→bg:wake', {})).catch(() => undefined);
        performance.mark('fineprint:import-start');
        return import(/* @vite-ignore */ browser.runtime.getURL('/page-analysis.js'));
      },
      url: urlWatchEnv(window, ctx),
      mutations: { root: document.documentElement, env: mutationWatchEnv(window, ctx) },
      onLoadError: (error) => console.warn('[fineprint] could not load the page analysis:', error),
    });
    // Until the analysis takes over, the popup asks this script what the page is.
    const answer = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (gate.handedOver() || !fromOwnExtension(sender, browser.runtime.id)) return undefined;
      if ((message as { type?: unknown } | null)?.type !== 'popup→content:get-report') return undefined;
      return Promise.resolve(notPolicyReport(triageDetection(gate.verdict()), location.href, document.title));
    };
    browser.runtime.onMessage.addListener(answer as never);
    ctx.onInvalidated(() => {
      gate.stop();
      browser.runtime.onMessage.removeListener(answer as never);
    });
  },
});
