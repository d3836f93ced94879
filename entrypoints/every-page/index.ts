import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { triageDetection, triagePage } from '@/lib/detect/triage';
import { envelope, fromOwnExtension, type PageReport } from '@/lib/messages';
import { notPolicyReport, startPageGate } from '@/lib/page-gate';
import { mutationWatchEnv, urlWatchEnv, windowTimers } from '@/lib/page-watch/window-env';

// The only script on every page, so it costs as little as we can make it: triage and the gate
// (lib/page-gate.ts). Declared in the manifest by wxt.config.ts rather than through WXT's content-script
// wrapper, and built without webextension-polyfill: on a page that is not a policy, the wrapper's context
// object (an AbortController, a DOM event announcing the script, listeners) and the polyfill's setup together
// cost more than triage itself (docs/performance.md). The analysis (entrypoints/page-analysis) is imported
// from the extension only when triage lets the page through, and makes its own WXT context; it is a
// web-accessible resource with a per-session URL in Chrome (pages cannot probe for it), see docs/permissions.md.
export default defineUnlistedScript(() => {
  // Where "page idle → highlights" starts in the benchmark (the analysis adds its own marks). Recorded only
  // once the page is handed over: the page can read its performance entries, and on the pages that end at
  // triage nothing of ours should tell it the extension is installed.
  const started = performance.now();
  const gate = startPageGate({
    triage: () => triagePage(document, location.href),
    load: () => {
      // Wakes the background now, so it is ready (sentence rules loaded, model decoded) by the time the
      // page's text has been read.
      browser.runtime.sendMessage(envelope('content→bg:wake', {})).catch(() => undefined);
      performance.mark('fineprint:start', { startTime: started });
      performance.mark('fineprint:import-start');
      return import(/* @vite-ignore */ browser.runtime.getURL('/page-analysis.js'));
    },
    // After an update or a reload of the extension, a script left on an open page has lost its extension
    // (Chrome clears `runtime.id`): the gate then stops instead of acting on it.
    alive: () => browser.runtime?.id !== undefined,
    url: urlWatchEnv(window, windowTimers(window)),
    mutations: { root: document.documentElement, env: mutationWatchEnv(window, windowTimers(window)) },
    onLoadError: (error) => console.warn('[fineprint] could not load the page analysis:', error),
  });
  // Until the analysis takes over, the popup asks this script what the page is. Answered with `sendResponse`,
  // synchronously: this script has the native API, and Chrome's ignores a returned promise.
  browser.runtime.onMessage.addListener(
    (
      message: unknown,
      sender: { id?: string; url?: string },
      sendResponse: (report: PageReport) => void,
    ): undefined => {
      if (
        gate.handedOver() ||
        !fromOwnExtension(sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') })
      )
        return;
      if ((message as { type?: unknown } | null)?.type !== 'popup→content:get-report') return;
      sendResponse(notPolicyReport(triageDetection(gate.verdict()), location.href, document.title));
    },
  );
});
