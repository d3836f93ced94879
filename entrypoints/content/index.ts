import { defineContentScript } from 'wxt/utils/define-content-script';
import { Session } from './session';
import { runCheckout } from './checkout';

// Light by design: every page gets a triage of a few native DOM queries (lib/detect/triage.ts); only pages it
// lets through pay for settings, the full detector, extraction and highlighting. Classification runs in the
// background (the model never ships here).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const session = new Session(ctx, {
      // Checkout hook: the checkout badge wires in here (its code lives in ./checkout.ts).
      onCheckout: () => runCheckout(ctx),
    });
    session.start();
  },
});
