/**
 * `npm run bench:triage`: what the every-page script's triage costs on its first run in a fresh isolated world,
 * the way it runs on every page that is not a policy. Each load of a corpus news page gets a new isolated
 * world (CDP `Page.createIsolatedWorld`, like a content script's), where one bundle is evaluated once and
 * times its `triagePage` call with `performance.now()`. The page is served cross-origin isolated, so the timer
 * has 5 µs steps instead of 100 µs: a page-load benchmark (`npm run bench`) measures the whole script in
 * milliseconds with noise of the same size, this one measures triage alone, finely enough to compare
 * two versions of it.
 *
 * Bundles, loaded in turn on every round (so drift in the machine's speed hits all alike):
 *  - `this tree`: lib/detect/triage.ts as it is;
 *  - `baseline`: the same file at `TRIAGE_BASELINE=<git ref>` (from `git archive`), when set;
 *  - two floors: reading `document.title`, and reading the first h1's text (the first element a world
 *    touches makes the browser set up its element bindings there, a one-time cost any script that reads an
 *    element pays).
 *  - `TRIAGE_SCRIPTS=<build dir>[,<build dir>…]`: the whole every-page script of those chrome-mv3 builds (e.g.
 *    .output/chrome-mv3 and a copy of an earlier build), triage, gate and watchers, evaluated the same way with
 *    a stand-in `browser.runtime` (no extension API exists in a world made over CDP). On a page triage lets
 *    through, that includes asking for the page analysis (a file this server does not have; only the
 *    synchronous part is timed).
 * `TRIAGE_RUNS` sets the rounds (default 31). Needs Debian's Chromium and the corpus.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { corpusAvailable, corpusDir } from './corpus';
import { median, quantile } from './stats';
import { CHROMIUM_PATH, CORPUS_PAGES, HAS_CHROMIUM, serve } from '../tests/support/harness';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const RUNS = Number(process.env.TRIAGE_RUNS ?? 31);
const BASELINE = process.env.TRIAGE_BASELINE ?? '';
const PAGES = [CORPUS_PAGES.news, CORPUS_PAGES.news2];

/** Each bundle leaves `[ms, let through]` here. */
const RESULT = '__fineprintTriageBench';

/** A bundle timing `triagePage` from the lib/ folder under `root`. */
function triageBundle(root: string): string {
  const entry = join(root, 'bench-triage-entry.ts');
  writeFileSync(
    entry,
    `import { triagePage } from ${JSON.stringify(join(root, 'lib/detect/triage'))};
     const t0 = performance.now();
     const verdict = triagePage(document, location.href);
     (globalThis as Record<string, unknown>).${RESULT} = [performance.now() - t0, verdict.inspect];`,
  );
  const out = buildSync({ entryPoints: [entry], bundle: true, minify: true, format: 'iife', write: false });
  rmSync(entry);
  return out.outputFiles[0]!.text;
}

/**
 * A built every-page script, timed whole. The stand-in runtime only lets it start: the gate registers its
 * listener and nothing calls it.
 */
function everyPageBundle(buildDir: string): string {
  const script = readFileSync(join(buildDir, 'every-page.js'), 'utf8');
  const runtime = `{ id: 'bench', onMessage: { addListener() {} }, sendMessage: () => Promise.resolve(), getURL: (p) => p }`;
  return `globalThis.browser = { runtime: ${runtime} };
    (() => { const t0 = performance.now(); ${script}
      globalThis.${RESULT} = [performance.now() - t0, false]; })();`;
}

const floor = (read: string) =>
  `(() => { const t0 = performance.now(); void ${read}; globalThis.${RESULT} = [performance.now() - t0, false]; })();`;

const quartiles = (xs: number[]) => `${quantile(xs, 0.25).toFixed(2)}–${quantile(xs, 0.75).toFixed(2)}`;

async function main(): Promise<void> {
  if (!HAS_CHROMIUM || !corpusAvailable()) {
    console.log(`bench:triage needs Chromium (${CHROMIUM_PATH}) and the corpus (${corpusDir()})`);
    process.exit(process.env.CI === 'true' ? 1 : 0);
  }
  const bundles: [string, string][] = [['this tree', triageBundle(ROOT)]];
  let baselineDir = '';
  if (BASELINE) {
    baselineDir = mkdtempSync(join(tmpdir(), 'fineprint-triage-'));
    execFileSync('sh', ['-c', 'git archive "$REF" lib | tar -x -C "$DIR"'], {
      cwd: ROOT,
      env: { ...process.env, REF: BASELINE, DIR: baselineDir },
      stdio: 'inherit',
    });
    bundles.push([`baseline ${BASELINE}`, triageBundle(baselineDir)]);
  }
  for (const dir of (process.env.TRIAGE_SCRIPTS ?? '').split(',').filter(Boolean))
    bundles.push([`every-page.js of ${dir}`, everyPageBundle(resolve(dir))]);
  bundles.push(['floor: document.title', floor('document.title')]);
  bundles.push(['floor: first h1’s text', floor(`document.getElementsByTagName('h1').item(0)?.textContent`)]);

  // Cross-origin isolation: performance.now() steps of 5 µs instead of 100 µs.
  const isolated = {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'credentialless',
  };
  const server = await serve(
    Object.fromEntries(
      PAGES.map((p) => [p.path, { body: readFileSync(join(corpusDir(), p.doc)), headers: isolated }]),
    ),
  );
  const { origin } = server;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  const context = await browser.newContext();
  // Only the page itself: its sites' assets would load differently from one round to the next.
  await context.route(
    (url) => !url.href.startsWith(origin),
    (route) => route.abort(),
  );
  try {
    for (const page of PAGES) {
      const times = new Map<string, number[]>(bundles.map(([name]) => [name, []]));
      const letThrough = new Map<string, number>();
      for (let round = 0; round < RUNS; round++) {
        for (const [name, source] of bundles) {
          const tab = await context.newPage();
          await tab.goto(origin + page.path, { waitUntil: 'load' });
          const cdp = await context.newCDPSession(tab);
          const { frameTree } = await cdp.send('Page.getFrameTree');
          const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
            frameId: frameTree.frame.id,
            worldName: 'fineprint-bench',
          });
          const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
            contextId: executionContextId,
            expression: `${source};globalThis.${RESULT}`,
            returnByValue: true,
          });
          if (exceptionDetails) throw new Error(`${name}: ${JSON.stringify(exceptionDetails)}`);
          const [ms, inspect] = result.value as [number, boolean];
          times.get(name)!.push(ms);
          if (inspect) letThrough.set(name, (letThrough.get(name) ?? 0) + 1);
          await tab.close();
        }
      }
      console.log(`\n${page.doc} (${RUNS} loads each, first run in a fresh isolated world)`);
      const ours = median(times.get('this tree')!);
      // Triage against triage, a whole script against the first whole script; floors are read as they are.
      const firstScript = [...times.keys()].find((n) => n.startsWith('every-page'));
      for (const [name, xs] of times) {
        const ratio = name.startsWith('baseline')
          ? `  this tree / it ${(ours / median(xs)).toFixed(2)}`
          : name.startsWith('every-page') && firstScript && name !== firstScript
            ? `  it / the first script ${(median(xs) / median(times.get(firstScript)!)).toFixed(2)}`
            : '';
        const through =
          name === 'this tree' || name.startsWith('baseline')
            ? `  let through ${letThrough.get(name) ?? 0}/${RUNS}`
            : '';
        console.log(
          `  ${name.padEnd(36)} median ${median(xs).toFixed(2)} ms  (quartiles ${quartiles(xs)})${ratio}${through}`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
    if (baselineDir) rmSync(baselineDir, { recursive: true, force: true });
  }
}

await main();
