import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** The every-page content script (entrypoints/every-page): declared here, built as an unlisted script. */
const EVERY_PAGE = 'every-page';
/**
 * The checkout badge's script (entrypoints/checkout-analysis), imported by the page analysis on checkout pages
 * only: in page-analysis.js its code (the badge, policy links, dialogs, tldts's Public Suffix List) was 150 of
 * 265 KB that every policy page fetched and compiled before its analysis started. An ES module, so the analysis
 * gets its one export; one file (no chunks: a chunk's relative import would name the extension's fixed URL,
 * which Chrome refuses for these per-session resources).
 */
const CHECKOUT_SCRIPT = 'checkout-analysis';
/**
 * The scripts that run in web pages use the browser's own extension API, not webextension-polyfill (see the
 * `vite:build:extendConfig` hook). The page analysis (and the checkout script it imports) too: the polyfill's set-up (it reads every `chrome.*`
 * namespace) would sit in its largest task, loading the script and starting the session; 10 KB smaller. No speed
 * gain was measurable on the shared 2-core machine (38 vs 45 tasks over 50 ms at 4×, within the noise).
 */
const NATIVE_API_SCRIPTS = [EVERY_PAGE, 'page-analysis', CHECKOUT_SCRIPT];
const WEB_PAGES = ['http://*/*', 'https://*/*'];
const WEB_ACCESSIBLE = ['page-analysis.js', `${CHECKOUT_SCRIPT}.js`];

// Why: WXT ≥0.20 uses the native `browser`; the polyfill module restores Promise-returning listeners
// on Chrome so one message dispatcher serves both browsers.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'notifications', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Re-check (opt-in) fetches tracked policies: the user grants their sites when enabling it. Nothing broad is
    // required at install. MV2 (Firefox build) spells optional host permissions as optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    action: { default_title: '__MSG_extName__' },
    // Declared by hand, not through WXT's defineContentScript: WXT's wrapper gives each content script a
    // context object (an AbortController, a DOM event announcing the script, listeners) whose setup on every
    // page cost more than triage itself. The page analysis makes its own context where it is needed.
    content_scripts: [{ matches: WEB_PAGES, js: [`${EVERY_PAGE}.js`], run_at: 'document_idle' }],
    // The page analysis, imported by the every-page content script only on pages triage lets through. Chrome
    // serves it at a per-session URL only (use_dynamic_url), so no page can probe for it to fingerprint users;
    // Firefox's moz-extension:// host is a random per-install id.
    web_accessible_resources:
      browser === 'firefox'
        ? WEB_ACCESSIBLE
        : [
            {
              resources: WEB_ACCESSIBLE,
              matches: WEB_PAGES,
              use_dynamic_url: true,
            },
          ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'fineprint@fineprint.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The every-page script and the page analysis (NATIVE_API_SCRIPTS) go without webextension-polyfill: set up
    // on every page, the polyfill was about a fifth of our main-thread time on a page that is not a policy (it
    // reads every `chrome.*` namespace, so the browser builds each one). The every-page script only sends one
    // message and answers another synchronously, the page analysis answers through `sendResponse`; Chrome MV3's
    // own API returns promises, as Firefox's does. Every other entrypoint keeps the polyfill. Scripts are built
    // one per Vite build, so this touches only those two.
    'vite:build:extendConfig': (entrypoints, config) => {
      const name = entrypoints.length === 1 ? entrypoints[0]!.name : '';
      if (name !== EVERY_PAGE) {
        // Rolldown's cross-module constant inlining copies a long exported string into every place that reads
        // it: tldts's Public Suffix List (one ~70 KB string read in three places) came out three times, +276 KB
        // in page-analysis.js and background.js instead of +135 KB. The every-page script keeps the default.
        const rolldown = ((config.build ??= {}).rolldownOptions ??= {});
        rolldown.optimization = { ...rolldown.optimization, inlineConst: false };
      }
      if (name === EVERY_PAGE) {
        // V8's explicit compile hint (Chromium 136+; a plain comment elsewhere): compile every function with
        // the script, not each on its first call. On a page triage stops nearly all of them run at once, and a
        // lazily compiled function is parsed twice (once skimmed with the script, once in full when called).
        // Paired loads of the news page, 40 rounds: 0.14 ms less page-thread CPU on its own, 0.22 ms with the
        // triage tables written out (docs/every-page-budget.md). Added last, to the finished file: minification
        // would drop it, and WXT's own last step (unnaming the script's IIFE) looks for the IIFE at the start.
        (config.plugins ??= []).push({
          name: 'fineprint:compile-hint',
          generateBundle: {
            order: 'post',
            handler(_options, bundle) {
              for (const chunk of Object.values(bundle))
                if (chunk.type === 'chunk' && chunk.isEntry)
                  chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
            },
          },
        });
      }
      if (name === CHECKOUT_SCRIPT) {
        const lib = config.build?.lib;
        if (lib) lib.formats = ['es'];
        const output = config.build?.rollupOptions?.output;
        for (const o of Array.isArray(output) ? output : output ? [output] : []) {
          o.codeSplitting = false;
          // Vite leaves an ES library's whitespace (for the library's consumers); this one has none but the
          // browser, which would fetch and parse a third more.
          o.minify = true;
        }
      }
      if (!NATIVE_API_SCRIPTS.includes(name)) return;
      const resolve = (config.resolve ??= {});
      const alias = resolve.alias ?? [];
      const list = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: replacement as string }));
      resolve.alias = [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...list];
    },
  },
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'scripts/**',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
    ],
    excludeSources: ['**/node_modules/**', '.output/**', 'tests/**'],
  },
});
