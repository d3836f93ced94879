import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PRELOAD_URL_GLOBS, prefetchSettings, preloadAnalysis } from '@/lib/analysis-handoff';
import { envelope } from '@/lib/messages';

// Injected only on addresses that name a policy (include_globs), at document_start: it starts loading the page
// analysis and reading the user's settings, and wakes the background, while the page is still loading. Whether
// the analysis then runs is still the every-page script's decision at document_idle (lib/analysis-handoff.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  includeGlobs: PRELOAD_URL_GLOBS,
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main() {
    performance.mark('fineprint:preload-start');
    preloadAnalysis(globalThis, () => import(/* @vite-ignore */ browser.runtime.getURL('/page-analysis.js')));
    prefetchSettings(
      globalThis,
      () => browser.storage.local.get('settings').then((got) => got.settings),
      (changed) => {
        const listener = (changes: Record<string, unknown>, area: string) => {
          if (area === 'local' && 'settings' in changes) changed();
        };
        browser.storage.onChanged.addListener(listener);
        return () => browser.storage.onChanged.removeListener(listener);
      },
    );
    browser.runtime.sendMessage(envelope('content→bg:wake', {})).catch(() => undefined);
  },
});
