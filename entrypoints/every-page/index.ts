import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BENCH_BUILD, benchMark } from '@/lib/bench-marks';
import { triageDetection, triagePage } from '@/lib/detect/triage';
import { textVisibility } from '@/lib/detect/visible';
import { fromOwnExtension } from '@/lib/messages';
import { ask, ownExtension } from '@/adapters/messaging';
import type { PageReport } from '@/lib/page-report';
import { notPolicyReport, startPageGate } from '@/lib/page-gate';
import { mutationWatchEnv, urlWatchEnv, windowTimers } from '@/lib/page-watch/window-env';

// The only script on every page, so it costs as little as we can make it: triage and the gate
// (lib/page-gate.ts). Declared in the manifest by wxt.config.ts rather than through WXT's content-script
// wrapper, and built without webextension-polyfill: on a page that is not a policy, the wrapper's context
// object (an AbortController, a DOM event announcing the script, listeners) and the polyfill's setup together
// cost more than triage itself (docs/performance.md). The analysis (entrypoints/page-analysis) is imported
// from the extension only when triage lets the page through, and makes its own context (lib/page-context.ts);
// it is a web-accessible resource with a per-session URL in Chrome (pages cannot probe for it), see
// docs/permissions.md.
/** Resolves in a later task. */
const nextTask = () => new Promise<void>((resolve) => void setTimeout(resolve, 0));

export default defineUnlistedScript(() => {
  // Where "page idle → highlights" starts in the benchmark (the analysis adds its own marks). The bench build
  // only: a page can read performance entries (lib/bench-marks.ts). `Date.now()`, a JavaScript built-in, and
  // turned into the page's timeline only once the page is handed over: a first touch of `performance` sets
  // up that interface in this isolated world, which the release build never pays on a page triage stops, so
  // the benchmark measured more than ships. The start mark is then off by up to 1 ms of clock resolution.
  const startedAt = BENCH_BUILD ? Date.now() : 0;
  // `document.URL`, not `location.href`: the document's bindings are set up anyway, a first touch of
  // `location` would set up the Location interface's in this world too.
  const href = () => document.URL;
  const gate = startPageGate({
    // Text the user cannot see does not count (lib/detect/visible.ts); checked only where triage would let
    // the page through on it, so ordinary pages read no layout.
    triage: () => triagePage(document, href(), textVisibility(window)),
    load: async () => {
      // Triage, the wake-up message and the import each take a task of their own: in one, they made a task
      // of 50–80 ms with the page's CPU slowed 4× (the first message sets up the extension's messaging in
      // this world). `setTimeout`, not lib/yield.ts: this script touches no interface it does not need.
      await nextTask();
      // Wakes the background now, so it is ready (sentence rules loaded, model decoded) by the time the
      // page's text has been read.
      ask('content→bg:wake', {}).catch(() => undefined);
      await nextTask();
      if (BENCH_BUILD) benchMark('start', performance.now() - (Date.now() - startedAt));
      benchMark('import-start');
      return import(/* @vite-ignore */ browser.runtime.getURL('/page-analysis.js'));
    },
    // After an update or a reload of the extension, a script left on an open page has lost its extension
    // (Chrome clears `runtime.id`): the gate then stops instead of acting on it.
    alive: () => browser.runtime?.id !== undefined,
    href,
    watchers: () => {
      const timers = windowTimers(window);
      return {
        url: { ...urlWatchEnv(window, timers), href },
        mutations: { root: document.documentElement, env: mutationWatchEnv(window, timers) },
      };
    },
    signs: window,
    onLoadError: (error) => console.warn('[fineprint] could not load the page analysis:', error),
  });
  // Triage runs at once, in the script's own evaluation. Deferred to an idle callback (issue 26's idea) it
  // cost more, not less: 4.0 ms of the page thread's CPU against 3.6 ms run at once (median of 12
  // interleaved loads of the news page, 2026-12-07; a second entry into the isolated world and the idle
  // callback's own interface), and no load event measurably sooner.

  // Until the analysis takes over, the popup asks this script what the page is. Answered with `sendResponse`,
  // synchronously: this script has the native API, and Chrome's ignores a returned promise.
  browser.runtime.onMessage.addListener(
    (
      message: unknown,
      sender: { id?: string; url?: string },
      sendResponse: (report: PageReport) => void,
    ): undefined => {
      if (gate.handedOver() || !fromOwnExtension(sender, ownExtension())) return;
      if ((message as { type?: unknown } | null)?.type !== 'bg→content:get-report') return;
      sendResponse(notPolicyReport(triageDetection(gate.verdict()), href(), document.title));
    },
  );
});
