import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishAnalysis } from '@/lib/analysis-handoff';
import { runCheckout } from './checkout';
import { Session } from './session';

// Imported into the content scripts' isolated world, by the every-page script once triage lets a page through or
// earlier by the preload script. Evaluating it only publishes the entry point; the every-page script runs it
// (lib/analysis-handoff.ts). The entry point stays inside `main`: WXT strips `main` when it reads the options.
export default defineUnlistedScript(() => {
  performance.mark('fineprint:analysis-loaded');
  publishAnalysis(globalThis, () => {
    performance.mark('fineprint:analysis-start');
    // No window.postMessage announcing us to the page (see entrypoints/content).
    const ctx = new ContentScriptContext('page-analysis', { noScriptStartedPostMessage: true });
    const session = new Session(ctx, {
      // Checkout hook: the checkout badge wires in here (its code lives in ./checkout.ts).
      onCheckout: () => runCheckout(ctx),
    });
    session.start();
  });
});
