// What the page scripts carry: the every-page content script must stay small (it is parsed on every page),
// and neither page script may pick up libraries nothing of ours calls there.
import { describe, expect, it } from 'vitest';
import { readBuildFile, TARGETS } from '../support/build';

/** A string each library keeps in its minified code. */
const READABILITY = 'DEFAULT_TAGS_TO_SCORE';
// WXT's storage helper: it was bundled into both page scripts when a parameter of ours was named `storage`
// (auto-import despite `imports: false`): 9 KB parsed on every page for nothing.
const WXT_STORAGE = 'migration failed for';
/** tldts (the Public Suffix List, for the checkout's site comparison): an option name it keeps. */
const TLDTS = 'validHosts';
/** webextension-polyfill's guard message. */
const POLYFILL = 'This script should only be loaded in a browser extension';

describe.each(TARGETS)('%s: page script contents', (target) => {
  it('the every-page script holds neither Readability nor WXT storage', () => {
    const code = readBuildFile(target, 'every-page.js');
    expect(code).not.toContain(READABILITY);
    expect(code).not.toContain(WXT_STORAGE);
  });

  // Set up on every page, the polyfill was about a fifth of our time on a page that is not a policy, and
  // 20–80 ms of one task on a policy page with its CPU slowed 4× (wxt.config.ts). The background keeps it: its
  // listeners return promises.
  it('the page scripts go without webextension-polyfill, the background keeps it', () => {
    for (const file of ['every-page.js', 'page-analysis.js', 'checkout-analysis.js'])
      expect(readBuildFile(target, file), file).not.toContain(POLYFILL);
    expect(readBuildFile(target, 'background.js')).toContain(POLYFILL);
  });

  // Readability runs in the background (lib/extract/page-markup.ts): 36 KB the page no longer loads. It was
  // pulled in once by a helper imported through lib/extract's index.
  it('the page analysis holds neither Readability nor WXT storage', () => {
    const code = readBuildFile(target, 'page-analysis.js');
    expect(code).not.toContain(READABILITY);
    expect(code).not.toContain(WXT_STORAGE);
  });

  // Every policy page fetches, compiles and evaluates page-analysis.js before its analysis starts; the checkout
  // analysis (tldts's Public Suffix List with it) was 150 of its 265 KB. It is a script of its own, imported on
  // checkout pages only (wxt.config.ts).
  it('the page analysis leaves the checkout analysis to its own script', () => {
    expect(readBuildFile(target, 'page-analysis.js')).not.toContain(TLDTS);
    expect(readBuildFile(target, 'checkout-analysis.js')).toContain(TLDTS);
  });

  it('the background holds Readability (Firefox’s background page reads pages itself)', () => {
    expect(readBuildFile(target, 'background.js')).toContain(READABILITY);
  });
});
