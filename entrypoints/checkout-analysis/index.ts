import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { PageContext } from '@/lib/page-context';
import { runCheckout } from './checkout';

// The checkout badge's code (./checkout.ts, with the Public Suffix List of tldts), imported by the page analysis
// only on a page its detector calls a checkout. Kept out of page-analysis.js, which every policy page waits for:
// there it was 150 of 265 KB to fetch and compile before the analysis could start. Built as an ES module of
// its own (wxt.config.ts), whose default export is `main`'s result: the analysis calls it with its context.
export default defineUnlistedScript((): ((ctx: PageContext) => void) => (ctx) => runCheckout(ctx));
