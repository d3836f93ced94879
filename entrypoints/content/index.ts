import { defineContentScript } from 'wxt/utils/define-content-script';
import { isSiteDisabled, readPageSettings } from './settings';
import { Session } from './session';
import { runCheckout } from './checkout';

// Light by design: on every page only the cheap `detectPage` runs; extraction and highlighting happen on
// policy / terms pages only, and classification runs in the background (the model never ships here).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const settings = await readPageSettings();
    if (isSiteDisabled(location.hostname, settings.disabledSites)) return;
    const session = new Session(ctx, settings, {
      // Checkout hook: the checkout badge wires in here (its code lives in ./checkout.ts).
      onCheckout: () => runCheckout(ctx),
    });
    session.start();
  },
});
