import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { benchMark } from '@/lib/bench-marks';
import { createPageContext, type PageContext } from '@/lib/page-context';
import { createYield } from '@/lib/yield';
import { Session } from './session';

// Imported by the every-page content script (entrypoints/every-page) into its isolated world once triage lets a
// page through. Its context is our own (lib/page-context.ts): WXT's ends on an event any page can dispatch.
export default defineUnlistedScript(() => {
  benchMark('analysis-start');
  const ctx = createPageContext({ win: window, alive: () => browser.runtime?.id !== undefined });
  // The session is made and started in a task after this script's evaluation: together they made one task of
  // 50–75 ms of thread CPU with the page's CPU slowed 4× (traced). The every-page script stopped answering the
  // popup when it handed over, before importing this script, so this adds one task to that gap.
  void createYield(window as never)().then(() => startSession(ctx));
});

function startSession(ctx: PageContext): void {
  const session = new Session(ctx, {
    // The checkout badge lives in a script of its own (entrypoints/checkout-analysis), imported from the
    // extension like this one and only on a checkout page: policy pages never need it.
    onCheckout: () => {
      import(/* @vite-ignore */ browser.runtime.getURL('/checkout-analysis.js')).then(
        (checkout: { default: (ctx: PageContext) => void }) => checkout.default(ctx),
        (error: unknown) => console.warn('[fineprint] checkout analysis:', error),
      );
    },
  });
  session.start();
}
