import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { benchMark } from '@/lib/bench-marks';
import { createPageContext } from '@/lib/page-context';
import { runCheckout } from './checkout';
import { Session } from './session';

// Imported by the every-page content script (entrypoints/every-page) into its isolated world once triage lets a
// page through. Its context is our own (lib/page-context.ts): WXT's ends on an event any page can dispatch.
export default defineUnlistedScript(() => {
  benchMark('analysis-start');
  const ctx = createPageContext({ win: window, alive: () => browser.runtime?.id !== undefined });
  const session = new Session(ctx, {
    // Checkout hook: the checkout badge wires in here (its code lives in ./checkout.ts).
    onCheckout: () => runCheckout(ctx),
  });
  session.start();
});
