// What the page scripts carry: the every-page content script must stay small (it is parsed on every page),
// and neither page script may pick up libraries nothing of ours calls there.
import { describe, expect, it } from 'vitest';
import { readBuildFile, TARGETS } from '../support/build';

/** A string each library keeps in its minified code. */
const READABILITY = 'DEFAULT_TAGS_TO_SCORE';
// WXT's storage helper: it was bundled into both page scripts when a parameter of ours was named `storage`
// (auto-import despite `imports: false`): 9 KB parsed on every page for nothing.
const WXT_STORAGE = 'migration failed for';
/** webextension-polyfill's guard message. */
const POLYFILL = 'This script should only be loaded in a browser extension';

describe.each(TARGETS)('%s: page script contents', (target) => {
  it('the every-page script holds neither Readability nor WXT storage', () => {
    const code = readBuildFile(target, 'every-page.js');
    expect(code).not.toContain(READABILITY);
    expect(code).not.toContain(WXT_STORAGE);
  });

  // Set up on every page, the polyfill was about a fifth of our time on a page that is not a policy
  // (wxt.config.ts). The analysis and the extension's pages keep it: their listeners return promises.
  it('only the every-page script goes without webextension-polyfill', () => {
    expect(readBuildFile(target, 'every-page.js')).not.toContain(POLYFILL);
    for (const file of ['page-analysis.js', 'background.js'])
      expect(readBuildFile(target, file), file).toContain(POLYFILL);
  });

  // Readability runs in the background (lib/extract/page-markup.ts): 36 KB the page no longer loads. It was
  // pulled in once by a helper imported through lib/extract's index.
  it('the page analysis holds neither Readability nor WXT storage', () => {
    const code = readBuildFile(target, 'page-analysis.js');
    expect(code).not.toContain(READABILITY);
    expect(code).not.toContain(WXT_STORAGE);
  });

  it('the background holds Readability (Firefox’s background page reads pages itself)', () => {
    expect(readBuildFile(target, 'background.js')).toContain(READABILITY);
  });
});
