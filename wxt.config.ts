import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
    // The page analysis, imported by the every-page content script only on pages triage lets through. Chrome
    // serves it at a per-session URL only (use_dynamic_url), so no page can probe for it to fingerprint users;
    // Firefox's moz-extension:// host is a random per-install id.
    web_accessible_resources:
      browser === 'firefox'
        ? ['page-analysis.js']
        : [
            {
              resources: ['page-analysis.js'],
              matches: ['http://*/*', 'https://*/*'],
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
