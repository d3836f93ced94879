// No remote code and no hard-coded remote endpoints in what ships: every script is bundled, nothing is
// evaluated from strings, and the only absolute http(s) URLs in the code are inert constants.
import { describe, expect, it } from 'vitest';
import { buildFiles, readBuildFile, TARGETS } from '../support/build';

/** Code that turns strings into code, or loads code from elsewhere. */
const DYNAMIC_CODE: [string, RegExp][] = [
  ['eval()', /(?<![\w$.])eval\s*\(/],
  ['new Function()', /\bnew\s+Function\s*\(/],
  ['Function() constructor', /(?<![\w$.])Function\s*\(\s*["'`]/],
  ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['importScripts()', /\bimportScripts\s*\(/],
  // Allowed: relative specifiers, and a packaged file by its extension URL (`runtime.getURL('/page-analysis.js')`).
  [
    'dynamic import() of anything but a packaged file',
    /\bimport\s*\(\s*(?!["'`](?:\.{1,2})?\/)(?![\w$.]+\.runtime\.getURL\(\s*["'`]\/)/,
  ],
  ['script element with src assigned in code', /\.src\s*=\s*["'`]https?:/],
];

/**
 * Absolute URLs that may appear in shipped code because they are not fetched: XML namespaces, an MDN link
 * inside a library's error message, match patterns (`http://*\/*`), and the `https://${host}` used to
 * parse a hostname the user typed into the options page.
 */
const INERT_URL = [
  /^http:\/\/www\.w3\.org\//,
  /^https:\/\/developer\.mozilla\.org\//,
  /^https?:\/\/\*\/?\*?$/,
  /^https?:\/\/\*$/,
  /^https:\/\/\$\{\w+\}$/,
];

/** URLs written literally in the source, including template-literal heads. */
function urlsIn(code: string): string[] {
  return [...code.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`<>)\\,]*(?:\$\{\w+\})?/g)].map((m) => m[0]);
}

describe.each(TARGETS)('%s: no remote code', (target) => {
  const files = () => buildFiles(target);
  const scripts = () => files().filter((f) => f.endsWith('.js'));

  it('bundles JavaScript', () => {
    expect(scripts().length).toBeGreaterThan(2);
  });

  it.each(DYNAMIC_CODE)('no %s in shipped JavaScript', (_name, pattern) => {
    const hits = scripts().flatMap((file) => {
      const code = readBuildFile(target, file);
      const m = pattern.exec(code);
      return m ? [`${file}: …${code.slice(Math.max(0, m.index - 40), m.index + 60)}…`] : [];
    });
    expect(hits).toEqual([]);
  });

  it('no absolute URL in shipped JavaScript except inert constants', () => {
    const found = scripts().flatMap((file) =>
      urlsIn(readBuildFile(target, file))
        .filter((u) => !INERT_URL.some((ok) => ok.test(u)))
        .map((u) => `${file}: ${u}`),
    );
    expect(found).toEqual([]);
  });

  it('HTML pages load only bundled scripts and styles, with no inline script', () => {
    for (const file of files().filter((f) => f.endsWith('.html'))) {
      const html = readBuildFile(target, file);
      for (const [, attrs] of html.matchAll(/<script\b([^>]*)>/gi)) {
        const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attrs!)?.[1];
        expect(src, `${file}: inline <script>`).toBeTruthy();
        expect(src, `${file}: ${src}`).not.toMatch(/^(?:[a-z]+:)?\/\//i);
      }
      for (const [, href] of html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']([^"']+)["']/gi)) {
        expect(href, `${file}: ${href}`).not.toMatch(/^(?:[a-z]+:)?\/\//i);
      }
    }
  });
});
