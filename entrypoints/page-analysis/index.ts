import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runCheckout } from './checkout';
import { Session } from './session';

// Imported by the every-page content script (entrypoints/every-page) into its isolated world once triage lets a page through.
export default defineUnlistedScript(() => {
  performance.mark('fineprint:analysis-start');
  // No window.postMessage announcing us to the page (see entrypoints/every-page).
  const ctx = new ContentScriptContext('page-analysis', { noScriptStartedPostMessage: true });
  const session = new Session(ctx, {
    // Checkout hook: the checkout badge wires in here (its code lives in ./checkout.ts).
    onCheckout: () => runCheckout(ctx),
  });
  session.start();
});
