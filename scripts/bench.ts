/**
 * `npm run bench`: the performance figures of docs/performance.md, measured on this machine.
 *  - Node: the classifier (scripts/bench-classifier.ts): sentences/s, ms per 15,000-word policy.
 *  - Headless Chromium with the built extension, real corpus pages from 127.0.0.1, median of N runs:
 *    main-thread time the extension adds (CDP Performance.getMetrics ScriptDuration / TaskDuration, with
 *    minus without the extension), tasks over 50 ms (trace), page idle → highlights shown (the content script's
 *    `fineprint:` marks), the ratio of our main-thread pass to a bare Readability parse of the same page,
 *    popup and history first render with 0, 1,000 and 10,000 tracked documents (generated histories,
 *    scripts/history-generator.ts, imported in the service worker — no test hook ships in the build),
 *    bundle sizes per entrypoint (raw, gzip).
 *  - Appendices: scripts/bench-triage.ts (triage alone, first run in a fresh isolated world) and
 *    scripts/bench-pipeline.ts (the page pipeline in Node), their output kept verbatim.
 * Writes docs/performance.md (with the machine described) unless `--no-write` or `--pages-only` (only the
 * in-browser page costs, for iterating on the content script) or `--news-only` (only the page that is not a
 * policy). `BENCH_RUNS` sets N. `BENCH_BASELINE=<dir>` also loads another chrome-mv3 build (e.g. the previous
 * commit's) on every page, interleaved.
 * Loads the bench build (`wxt build --mode bench` → .output/chrome-mv3-bench, or `BENCH_EXTENSION=<dir>`): the
 * release build makes no performance entries a page could read (lib/bench-marks.ts), and the page timings
 * here are read from those entries. Bundle sizes are the release build's. The npm script builds both first.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { benchClassifier } from './bench-classifier';
import { POLICY_15K_PATH, policyPage15k } from './policy-15k';
import { median } from './stats';
import { seedHistory } from './history-seeder';
import { corpusAvailable, corpusDir } from './corpus';
import {
  leafTimes,
  ownCpuTime,
  profileSawScript,
  scriptTimeFromTrace,
  tasksRunningOurCode,
  threadTasks,
  type CpuProfile,
  type OurTask,
  type TraceEvent,
} from './main-thread-tasks';
import {
  assertBuilt,
  CHROME_BUILD,
  CHROMIUM_PATH,
  CORPUS_PAGES,
  HAS_CHROMIUM,
  launchExtension,
  openPopup,
  serve,
  tabIdOf,
  waitForPopupReady,
  type LaunchedBrowser,
  type TestServer,
} from '../tests/support/harness';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BASELINE = process.env.BENCH_BASELINE ?? '';
/** The build whose page timings are measured: the bench build, with its `fineprint:` timing marks. */
const BENCH_BUILD = resolve(process.env.BENCH_EXTENSION ?? join(ROOT, '.output/chrome-mv3-bench'));
/** How the baseline is named in the report (`BENCH_BASELINE_NAME`, e.g. its commit), else its path. */
const BASELINE_NAME = process.env.BENCH_BASELINE_NAME ?? BASELINE;

interface Row {
  group: string;
  name: string;
  value: string;
  note?: string;
}
const rows: Row[] = [];
const add = (group: string, name: string, value: string, note?: string) => {
  rows.push({ group, name, value, note });
  console.log(`  ${name}: ${value}${note ? `  (${note})` : ''}`);
};

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
/** Spread of a set of runs, shown next to medians so noise is visible. */
const range = (xs: number[]) => `runs ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------------------------------------------
// Machine

function machine(): Record<string, string> {
  const cpu = cpus()[0]?.model ?? 'unknown';
  let chromium = 'not installed';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // Reported as not installed.
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout.
  }
  return {
    CPU: `${cpu} × ${cpus().length} (nproc)`,
    RAM: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    Node: process.version,
    Chromium: chromium,
    OS: readOsName(),
    Commit: commit,
    Date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    Runs: `median of ${RUNS} (browser), see each row`,
  };
}

function readOsName(): string {
  try {
    const m = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    return m?.[1] ?? 'Linux';
  } catch {
    return process.platform;
  }
}

// ---------------------------------------------------------------------------------------------------
// Bundle sizes

function bundleSizes(): void {
  console.log('\n== bundle sizes (.output/chrome-mv3) ==');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const f = join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else files.push(relative(CHROME_BUILD, f));
    }
  };
  walk(CHROME_BUILD);
  const size = (f: string) => {
    const buf = readFileSync(join(CHROME_BUILD, f));
    return { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
  };
  /** An HTML entry with the scripts and styles it loads (shared chunks counted in each entry). */
  const htmlEntry = (html: string): string[] => {
    const text = readFileSync(join(CHROME_BUILD, html), 'utf8');
    const refs = [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    return [html, ...new Set(refs)];
  };
  const entries: [string, string[]][] = [
    ['background (service worker)', ['background.js']],
    ['every-page content script', ['every-page.js']],
    ['page analysis (imported on pages triage lets through)', ['page-analysis.js']],
    ...files
      .filter((f) => f.endsWith('.html'))
      .map((f): [string, string[]] => [`${f.replace('.html', '')} page`, htmlEntry(f)]),
  ];
  for (const [name, parts] of entries) {
    const t = parts.reduce(
      (acc, f) => {
        const s = size(f);
        return { raw: acc.raw + s.raw, gz: acc.gz + s.gz };
      },
      { raw: 0, gz: 0 },
    );
    add('Bundle', name, `${kb(t.raw)} raw / ${kb(t.gz)} gzip`, parts.join(', '));
  }
  const total = files.reduce(
    (acc, f) => {
      const s = size(f);
      return { raw: acc.raw + s.raw, gz: acc.gz + s.gz };
    },
    { raw: 0, gz: 0 },
  );
  add('Bundle', 'whole extension', `${kb(total.raw)} raw / ${kb(total.gz)} gzip`, `${files.length} files`);
}

// ---------------------------------------------------------------------------------------------------
// Browser: page costs

interface PageRun {
  /** Main-thread time in code of our extension (trace events attributed to its scripts), when traced. */
  ownMs: number;
  /** Longest single main-thread slice of our code, when traced. */
  ownLongestMs: number;
  scriptMs: number;
  taskMs: number;
  /** Main-thread tasks over 50 ms (ms), from a trace of the load. */
  longTasks: number[];
  /** Main-thread tasks over 50 ms that ran our code, when profiled. */
  ourLongTasks: OurTask[];
  /**
   * Tasks that ran our code and took over 50 ms of the page thread's CPU (the trace's `tdur`), when profiled:
   * the same line without the time another process held the core, which on this shared machine made wall
   * times 2–10× the CPU times (load average 16, 2026-12-07).
   */
  ourLongTasksCpu: OurTask[];
  /** The same tasks with the leaf functions their time went to (profiled loads). */
  longTaskLeaves: { ms: number; cpuMs?: number; leaves: { name: string; ms: number }[] }[];
  /** Navigation start → the page's load event ended. */
  loadMs: number;
  marks: Record<string, number>;
  measures: Record<string, number>;
  /** Profiled loads re-run because their profile saw no script (see `profileSawScript`). */
  lostProfiles: number;
  /** Main-thread time in extension scripts from trace events (`traceScripts` loads), else NaN. */
  scriptTraceMs: number;
  /** The same in the thread's CPU time: without the time another process held the core. */
  scriptThreadMs: number;
}

/** Ms from the content script's start (`fineprint:start`) to one of its marks in a load; NaN when missing. */
const sinceStart = (run: PageRun, mark: string): number =>
  (run.marks[`fineprint:${mark}`] ?? NaN) - (run.marks['fineprint:start'] ?? NaN);

/** How many profiled loads were taken again because their profile saw no script. */
const lostLoads = (runs: PageRun[]): string =>
  `${runs.reduce((n, r) => n + r.lostProfiles, 0)} loads re-run (their profile saw no script)`;

/** Tasks over the 50 ms long-task line that ran our code, over all the loads. */
const ourLongTaskCount = (runs: PageRun[]): number => runs.flatMap((r) => r.ourLongTasks).length;

/** A mark at document start: its trace event names the page's main thread. */
const PAGE_INIT = `performance.mark('bench:init');`;
const LONG_TASK_MS = 50;
/** How much the slowed-page loads slow the page's CPU (CDP `Emulation.setCPUThrottlingRate`). */
const SLOWDOWN = 4;
/**
 * The CPU profile's sampling interval (µs). At 200 µs the profiler slowed the page's script down enough to
 * lengthen its tasks by half or more on this kind of machine; 1 ms is still 50 samples in a 50 ms task.
 */
const SAMPLING_US = 1_000;
/** Finer sampling on the page that is not a policy, where all of our work is a couple of short calls. */
const NOT_POLICY_SAMPLING_US = 100;
/** How many times `BENCH_RUNS` the page that is not a policy is loaded. */
const NOT_POLICY_RUNS_FACTOR = 3;
/** Issue 4's budget for the every-page script on a page that is not a policy (main-thread time). */
const NOT_POLICY_BUDGET_MS = 1;

/** Traces the page's renderer (task events and user timing) until the returned function is called. */
async function startTrace(cdp: CDPSession, scripts: boolean): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  // devtools.timeline names the script of each evaluation and call (scriptTimeFromTrace); it costs some
  // overhead, so only the loads that read it ask for it.
  const categories = `toplevel,blink.user_timing${scripts ? ',devtools.timeline' : ''}`;
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/**
 * Polls `expression` in the page's main world over CDP until it is truthy. Not Playwright's `waitForFunction`:
 * that first injects Playwright's ~330 KB script into the page, one 17–35 ms task on this kind of machine,
 * which landed inside the very window measured (it delayed the preview's reply by that much).
 */
async function pollUntil(cdp: CDPSession, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { result } = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as {
      result: { value?: unknown };
    };
    if (result.value) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const HIGHLIGHTED = "performance.getEntriesByName('fineprint:highlighted').length > 0";

interface LoadOptions {
  /** Wait for the highlights to be shown (a policy page). */
  waitHighlights: boolean;
  /** How long to let the page settle after the load (and the highlights). */
  quietMs: number;
  /** Profile our scripts (CPU profile attributed to this extension); none without it. */
  extensionId?: string;
  /** Stop the extension's service worker before the load (a cold background). */
  stopWorker?: boolean;
  /** Slow the page's CPU by this factor. */
  cpuSlowdown?: number;
  /** The profile's sampling interval (µs). */
  samplingUs?: number;
  /** Also time extension scripts from the trace (`scriptTraceMs`); best without the profiler. */
  traceScripts?: boolean;
}

/** Tries of a profiled load whose profile saw no script before the benchmark gives up. */
const PROFILE_TRIES = 4;

/**
 * One load of `url`; a profiled load whose profile saw no script at all (the page ran in a renderer the
 * profiler was not started in) is loaded again, since it measured nothing: counted as zero, such loads pulled
 * the news page's median down.
 */
async function loadOnce(context: BrowserContext, url: string, options: LoadOptions): Promise<PageRun> {
  for (let lost = 0; ; lost++) {
    const run = await loadPage(context, url, options);
    if (run.lostProfiles === 0) return { ...run, lostProfiles: lost };
    if (lost + 1 >= PROFILE_TRIES)
      throw new Error(`${url}: ${PROFILE_TRIES} loads in a row whose CPU profile saw no script`);
  }
}

/**
 * The timeline of the extension's service worker as it restarted for the last load: how long its first model
 * decode took and when its script had been evaluated (both undefined when the worker did not mark them).
 */
async function coldWorkerTimeline(
  context: BrowserContext,
): Promise<{ decodeMs: number | undefined; mainMs: number | undefined }> {
  const worker = context.serviceWorkers().findLast((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) return { decodeMs: undefined, mainMs: undefined };
  return worker
    .evaluate(() => ({
      decodeMs: performance.getEntriesByName('fineprint:model-decode')[0]?.duration,
      mainMs: performance.getEntriesByName('fineprint:bg-main')[0]?.startTime,
    }))
    .catch(() => ({ decodeMs: undefined, mainMs: undefined }));
}

async function loadPage(
  context: BrowserContext,
  url: string,
  {
    waitHighlights,
    quietMs,
    extensionId = '',
    stopWorker = false,
    cpuSlowdown = 1,
    samplingUs = SAMPLING_US,
    traceScripts = false,
  }: LoadOptions,
): Promise<PageRun> {
  const page = await context.newPage();
  await page.addInitScript(PAGE_INIT);
  const cdp = await context.newCDPSession(page);
  if (stopWorker) {
    await page.goto(new URL('/__blank', url).href);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(300);
  }
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  // Same site first, so the renderer (and its V8 isolate, content-script worlds included) stays the same
  // across the navigation we measure: loads that time our scripts compare like with like.
  if (extensionId || traceScripts) await page.goto(new URL('/__blank', url).href);
  if (extensionId) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: samplingUs });
    await cdp.send('Profiler.start');
  }
  const stopTrace = await startTrace(cdp, traceScripts);
  await page.goto(url, { waitUntil: 'load' });
  if (waitHighlights) await pollUntil(cdp, HIGHLIGHTED, 60_000);
  await page.waitForTimeout(quietMs);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const metric = (n: string) => (metrics.find((m) => m.name === n)?.value ?? NaN) * 1000;
  const timeline = await page.evaluate(() => {
    const marks: Record<string, number> = {};
    const measures: Record<string, number> = {};
    for (const e of performance.getEntriesByType('mark'))
      if (e.name.startsWith('fineprint:')) marks[e.name] = e.startTime;
    for (const e of performance.getEntriesByType('measure'))
      if (e.name.startsWith('fineprint:')) measures[e.name] = (measures[e.name] ?? 0) + e.duration;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { marks, measures, loadMs: nav ? nav.loadEventEnd : NaN };
  });
  const profile = extensionId ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : null;
  const own = profile ? ownCpuTime(profile, extensionId) : { total: NaN, longest: NaN, samples: [] };
  const events = await stopTrace();
  const init = events.filter((e) => e.name === 'bench:init').pop();
  const tasks = init ? threadTasks(events, init.pid, init.tid) : [];
  const longTasks = tasks.map((t) => (t.end - t.start) / 1000).filter((d) => d > LONG_TASK_MS);
  const ourTasks = tasksRunningOurCode(tasks, own.samples);
  const ourLongTasks = ourTasks.filter((t) => t.ms > LONG_TASK_MS);
  const ourLongTasksCpu = ourTasks.filter((t) => (t.cpuMs ?? 0) > LONG_TASK_MS);
  const longTaskLeaves = profile
    ? tasks
        .filter((t) => (t.end - t.start) / 1000 > LONG_TASK_MS)
        .map((t) => ({
          ms: (t.end - t.start) / 1000,
          ...(t.cpu === undefined ? {} : { cpuMs: t.cpu / 1000 }),
          leaves: leafTimes(profile, own.samples, t),
        }))
        .filter((t) => t.leaves.length > 0)
    : [];
  await cdp.detach().catch(() => undefined);
  await page.close();
  return {
    ownMs: own.total,
    ownLongestMs: own.longest,
    scriptMs: metric('ScriptDuration'),
    taskMs: metric('TaskDuration'),
    longTasks,
    ourLongTasks,
    ourLongTasksCpu,
    longTaskLeaves,
    ...timeline,
    scriptTraceMs:
      traceScripts && init
        ? scriptTimeFromTrace(
            events.filter((e) => e.pid === init.pid && e.tid === init.tid),
            'chrome-extension://',
          )
        : NaN,
    scriptThreadMs:
      traceScripts && init
        ? scriptTimeFromTrace(
            events.filter((e) => e.pid === init.pid && e.tid === init.tid),
            'chrome-extension://',
            'thread',
          )
        : NaN,
    // Read by loadOnce: 1 when this load's profile has to be thrown away.
    lostProfiles: profile && !profileSawScript(profile) ? 1 : 0,
  };
}

/**
 * Minimal extensions whose only content script does one thing, loaded like ours on the news page: what any
 * script costs there, so our time can be read against the browser's. `title` reads `document.title` (the first
 * touch of the page's DOM from an isolated world sets that world up); `element` reads one element's text (the
 * first element a world touches makes the browser build its element bindings for that world).
 */
const FLOORS = {
  title: {
    script: 'void document.title;\n',
    label: 'a content script that only reads document.title (the floor of any script that looks at the page)',
  },
  element: {
    script: "void document.getElementsByTagName('h1').item(0)?.textContent;\n",
    label:
      'a content script that only reads the first h1’s text (the floor of any script that reads an element)',
  },
} as const;

/** Writes the `FLOORS[kind]` extension to a temporary directory; the caller removes it. */
function writeFloorExtension(kind: keyof typeof FLOORS): string {
  const dir = mkdtempSync(join(tmpdir(), `fineprint-floor-${kind}-`));
  const manifest = {
    manifest_version: 3,
    name: `content-script floor (${kind})`,
    version: '1.0',
    background: { service_worker: 'sw.js' },
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['floor.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'sw.js'), '// the harness waits for a service worker\n');
  writeFileSync(join(dir, 'floor.js'), FLOORS[kind].script);
  return dir;
}

async function pageCosts(server: TestServer, newsOnly: boolean): Promise<void> {
  const pages = [
    { label: 'news page', ...CORPUS_PAGES.news, policy: false },
    { label: 'long policy page', ...CORPUS_PAGES.longPolicy, policy: true },
    { label: '15,000-word policy page', doc: '', path: POLICY_15K_PATH, policy: true },
  ].filter((p) => !newsOnly || !p.policy);
  const words = (doc: string) => {
    const html = doc ? readFileSync(join(corpusDir(), doc), 'utf8') : policyPage15k();
    const text = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');
    return text.split(/\s+/).filter(Boolean).length;
  };
  const bare = await launchExtension({ withoutExtension: true });
  const withExt = await launchExtension({ extensionDir: BENCH_BUILD });
  // BENCH_BASELINE=<another chrome-mv3 build>: loads it too, interleaved, so a change is measured against the
  // code before it in the same session (machines differ, and one machine's load drifts over minutes).
  const baseline = BASELINE ? await launchExtension({ extensionDir: BASELINE }) : null;
  const floorDirs = { title: writeFloorExtension('title'), element: writeFloorExtension('element') };
  const floor = await launchExtension({ extensionDir: floorDirs.title });
  const elementFloor = await launchExtension({ extensionDir: floorDirs.element });
  try {
    for (const p of pages) {
      // The page that is not a policy: a few milliseconds measured on a machine whose speed varies 3×, so three
      // times the loads (each is short).
      const runs = p.policy ? RUNS : RUNS * NOT_POLICY_RUNS_FACTOR;
      // On a page that is not a policy our code runs for about a millisecond: 1 ms samples would count 0–3.
      const samplingUs = p.policy ? SAMPLING_US : NOT_POLICY_SAMPLING_US;
      const source = p.doc || 'corpus versions/ sentences, as in the Node benchmark';
      console.log(`\n== ${p.label}: ${source} (~${words(p.doc)} words incl. page chrome) ==`);
      const base: PageRun[] = [];
      const ext: PageRun[] = [];
      const before: PageRun[] = [];
      // Wall-clock timings come from loads without the CPU profiler, which slows the page's script down (the
      // first highlights of the 15,000-word page: ~205 ms profiled against ~150–160 ms not, 2026-12-02).
      const timed: PageRun[] = [];
      const timedBefore: PageRun[] = [];
      // Not a policy: our scripts' time from trace events too (not sampled), ours, the baseline's and the floor's.
      const traced: PageRun[] = [];
      const tracedBefore: PageRun[] = [];
      const tracedFloor: PageRun[] = [];
      const tracedElementFloor: PageRun[] = [];
      for (let i = 0; i < runs; i++) {
        // Interleaved so drift in machine load hits both sides alike.
        const url = server.url(p.path);
        const profiled = { waitHighlights: p.policy, quietMs: 1_500, samplingUs };
        base.push(await loadOnce(bare.context, url, { waitHighlights: false, quietMs: 1_500 }));
        ext.push(await loadOnce(withExt.context, url, { ...profiled, extensionId: withExt.extensionId }));
        if (baseline)
          before.push(
            await loadOnce(baseline.context, url, { ...profiled, extensionId: baseline.extensionId }),
          );
        if (!p.policy) {
          const scripts = { waitHighlights: false, quietMs: 1_500, traceScripts: true };
          traced.push(await loadOnce(withExt.context, url, scripts));
          if (baseline) tracedBefore.push(await loadOnce(baseline.context, url, scripts));
          tracedFloor.push(await loadOnce(floor.context, url, scripts));
          tracedElementFloor.push(await loadOnce(elementFloor.context, url, scripts));
        }
        if (p.policy) {
          timed.push(await loadOnce(withExt.context, url, { waitHighlights: true, quietMs: 500 }));
          if (baseline)
            timedBefore.push(await loadOnce(baseline.context, url, { waitHighlights: true, quietMs: 500 }));
        }
      }
      const group = `Browser: ${p.label}`;
      const own = median(ext.map((r) => r.ownMs));
      add(
        group,
        'main-thread time in the extension’s code',
        ms(own),
        `V8 CPU profile samples (every ${samplingUs} µs) with our scripts on the stack, median of ${runs}; ${range(ext.map((r) => r.ownMs))}; ${lostLoads(ext)}${p.policy ? '' : ` — goal ≤ ${NOT_POLICY_BUDGET_MS} ms: ${own <= NOT_POLICY_BUDGET_MS ? 'met' : 'NOT met'}`}`,
      );
      if (traced.length) {
        const ours = median(traced.map((r) => r.scriptTraceMs));
        add(
          group,
          'main-thread time in the extension’s scripts, from trace events (not sampled)',
          ms(ours),
          `outermost EvaluateScript / FunctionCall events naming our scripts, loads without the profiler, median of ${runs}; ${range(traced.map((r) => r.scriptTraceMs))}${tracedBefore.length ? `; baseline build ${ms(median(tracedBefore.map((r) => r.scriptTraceMs)))} (ratio ${(ours / median(tracedBefore.map((r) => r.scriptTraceMs))).toFixed(2)})` : ''} — goal ≤ ${NOT_POLICY_BUDGET_MS} ms: ${ours <= NOT_POLICY_BUDGET_MS ? 'met' : 'NOT met'}`,
        );
        for (const [kind, runsOfFloor] of [
          ['title', tracedFloor],
          ['element', tracedElementFloor],
        ] as const) {
          const least = median(runsOfFloor.map((r) => r.scriptTraceMs));
          add(
            group,
            `the same for ${FLOORS[kind].label}`,
            ms(least),
            `a minimal extension written by the benchmark, same loads; ${range(runsOfFloor.map((r) => r.scriptTraceMs))}; ours above it: ${ms(ours - least)}`,
          );
        }
      }
      if (before.length)
        add(
          group,
          'baseline build (BENCH_BASELINE): main-thread time in the extension’s code',
          `${ms(median(before.map((r) => r.ownMs)))} (this build ${ms(own)}, ratio ${(own / median(before.map((r) => r.ownMs))).toFixed(2)})`,
          `interleaved profiled loads, median of ${runs}; ${range(before.map((r) => r.ownMs))}; ${lostLoads(before)}; baseline ${BASELINE_NAME}`,
        );
      add(
        group,
        'longest run of consecutive profile samples in our code (may span adjacent tasks)',
        ms(Math.max(...ext.map((r) => r.ownLongestMs))),
        `upper bound on our longest task, max over ${runs} loads`,
      );
      const dScript = median(ext.map((r) => r.scriptMs)) - median(base.map((r) => r.scriptMs));
      const dTask = median(ext.map((r) => r.taskMs)) - median(base.map((r) => r.taskMs));
      add(
        group,
        'main-thread script time added by the extension',
        ms(dScript),
        `ScriptDuration with − without, medians of ${runs}; with: ${range(ext.map((r) => r.scriptMs))}, without: ${range(base.map((r) => r.scriptMs))}`,
      );
      add(
        group,
        'main-thread task time added by the extension (noisier: includes style, layout, paint)',
        ms(dTask),
        `TaskDuration with − without, medians of ${runs}; with: ${range(ext.map((r) => r.taskMs))}, without: ${range(base.map((r) => r.taskMs))}`,
      );
      const longest = (runs: PageRun[]) => Math.max(0, ...runs.flatMap((r) => r.longTasks));
      const ourLongest = ext.flatMap((r) => r.ourLongTasks).sort((a, b) => b.ms - a.ms)[0];
      add(
        group,
        'main-thread tasks over 50 ms that ran our code',
        `${ourLongTaskCount(ext)} in ${runs} loads`,
        ourLongest
          ? `longest ${ms(ourLongest.ms)}, our code ${ms(ourLongest.ourMs)} of it by profile samples; from a trace of each load`
          : 'from a trace of each load',
      );
      add(
        group,
        'all main-thread tasks over 50 ms (the page’s own included), with / without extension',
        `${ext.flatMap((r) => r.longTasks).length} / ${base.flatMap((r) => r.longTasks).length} in ${runs} loads; longest ${ms(longest(ext))} / ${ms(longest(base))}`,
        'from a trace of each load',
      );
      const loadTimes = (runs: PageRun[]) => ms(median(runs.map((r) => r.loadMs)));
      add(
        group,
        'the page’s own load (navigation → load event), without / with the extension',
        `${loadTimes(base)} / ${loadTimes(ext)}${before.length ? ` (baseline build ${loadTimes(before)})` : ''}`,
        `medians of ${runs}; work of ours that runs before the load event delays it`,
      );
      // Wall-clock measures from the loads without the profiler, where there are some.
      const wall = timed.length ? timed : ext;
      const loaded = ext.filter((r) => r.marks['fineprint:import-start'] !== undefined).length;
      add(
        group,
        'page analysis imported (triage let the page through)',
        `${loaded} of ${runs} loads`,
        'fineprint:import-start mark; on the other loads only the every-page script ran',
      );
      if (loaded) {
        const detect = median(wall.map((r) => r.measures['fineprint:detect'] ?? NaN));
        add(
          group,
          'full detector in the analysis (wall, incl. yields)',
          ms(detect),
          'fineprint:detect measure, median',
        );
      }
      if (p.policy) {
        const idleToHighlights = median(timed.map((r) => sinceStart(r, 'highlighted')));
        const idleToPreview = median(timed.map((r) => sinceStart(r, 'preview-highlighted')));
        add(
          group,
          'page idle → first highlights shown (the first clauses, classified ahead of the rest)',
          ms(idleToPreview),
          `fineprint:start → fineprint:preview-highlighted, median of ${runs} loads without the profiler; ${timed.filter((r) => r.marks['fineprint:preview-highlighted'] !== undefined).length} of ${runs} painted a preview; ${range(timed.map((r) => sinceStart(r, 'preview-highlighted')))}`,
        );
        add(
          group,
          'page idle → all highlights shown',
          ms(idleToHighlights),
          `fineprint:start (content script at document_idle) → fineprint:highlighted, median of ${runs} loads without the profiler; includes importing the analysis`,
        );
        if (before.length) {
          add(
            group,
            'baseline build (BENCH_BASELINE): page idle → first / all highlights shown',
            `${ms(median(timedBefore.map((r) => sinceStart(r, 'preview-highlighted'))))} / ${ms(median(timedBefore.map((r) => sinceStart(r, 'highlighted'))))} (this build ${ms(idleToPreview)} / ${ms(idleToHighlights)})`,
            `interleaved loads without the profiler, median of ${runs}; tasks over 50 ms that ran its code (profiled loads): ${ourLongTaskCount(before)} in ${runs} loads (this build ${ourLongTaskCount(ext)}); baseline ${BASELINE_NAME}`,
          );
        }
        if (p.label === 'long policy page') {
          const cold: number[] = [];
          const decode: number[] = [];
          const evaluated: number[] = [];
          for (let i = 0; i < runs; i++) {
            const r = await loadOnce(withExt.context, server.url(p.path), {
              waitHighlights: true,
              quietMs: 500,
              stopWorker: true,
            });
            cold.push(sinceStart(r, 'highlighted'));
            const worker = await coldWorkerTimeline(withExt.context);
            if (worker.decodeMs !== undefined) decode.push(worker.decodeMs);
            if (worker.mainMs !== undefined) evaluated.push(worker.mainMs);
          }
          add(
            group,
            'page idle → all highlights shown, service worker stopped before each load',
            ms(median(cold)),
            `median of ${runs}; ${range(cold)}`,
          );
          add(
            'Service worker (cold)',
            'model decode in a cold service worker',
            decode.length ? ms(median(decode)) : 'not measured',
            `fineprint:model-decode (the worker's first bundledModel()) read from the restarted worker after each of the loads above, ${decode.length} of ${runs}; ${range(decode)} — budget 50 ms: ${decode.length && median(decode) <= 50 ? 'met' : 'NOT met'}`,
          );
          add(
            'Service worker (cold)',
            'worker start → background script evaluated (the model literal included)',
            evaluated.length ? ms(median(evaluated)) : 'not measured',
            `startTime of fineprint:bg-main in the restarted worker, ${evaluated.length} of ${runs}; ${range(evaluated)}`,
          );
        }
        // A slower machine's page thread: Chromium slows this page's renderer, our content script with it. The
        // extension's service worker and offscreen document are not slowed, so only the task count compares.
        const slowed: PageRun[] = [];
        const slowedBefore: PageRun[] = [];
        for (let i = 0; i < runs; i++) {
          const url = server.url(p.path);
          const slow = { waitHighlights: true, quietMs: 1_500, cpuSlowdown: SLOWDOWN };
          slowed.push(await loadOnce(withExt.context, url, { ...slow, extensionId: withExt.extensionId }));
          if (baseline)
            slowedBefore.push(
              await loadOnce(baseline.context, url, { ...slow, extensionId: baseline.extensionId }),
            );
        }
        const slowedLongest = slowed.flatMap((r) => r.ourLongTasks).sort((a, b) => b.ms - a.ms)[0];
        add(
          group,
          `main-thread tasks over 50 ms that ran our code, the page’s CPU slowed ${SLOWDOWN}×`,
          `${ourLongTaskCount(slowed)} in ${runs} loads${baseline ? ` (baseline build ${ourLongTaskCount(slowedBefore)})` : ''}`,
          `${slowedLongest ? `longest ${ms(slowedLongest.ms)}; ` : ''}CDP Emulation.setCPUThrottlingRate on the page only (the extension's background runs at full speed): a stand-in for a slower machine's page thread`,
        );
        const spans: [string, string][] = [
          ['markup', 'page markup span (serialized in slices, wall)'],
          [
            'extract',
            'page reading span (markup, then the background reads it: Readability, off the page; wall)',
          ],
          ['classify', 'classify span (wall, incl. yields and the background round trip)'],
          ['locate', 'locate span (wall, incl. yields)'],
        ];
        for (const [m, label] of spans) {
          add(group, label, ms(median(wall.map((r) => r.measures[`fineprint:${m}`] ?? NaN))));
        }
        const readability = await readabilityParse(bare.context, server.url(p.path));
        add(
          group,
          'bare Readability parse of the same page (clone + parse)',
          ms(readability),
          `median of ${runs}`,
        );
        const ratio = own / readability;
        add(
          group,
          'our main-thread time ÷ bare Readability parse',
          `${ratio.toFixed(2)}×`,
          `goal ≤ 1.5 — ${ratio <= 1.5 ? 'met' : 'NOT met'}`,
        );
        const wallRatio = idleToHighlights / readability;
        add(
          group,
          'page idle → highlights ÷ bare Readability parse (wall)',
          `${wallRatio.toFixed(2)}×`,
          'includes yields and background classification',
        );
      }
    }
  } finally {
    await bare.close();
    await withExt.close();
    await baseline?.close();
    await floor.close();
    await elementFloor.close();
    for (const dir of Object.values(floorDirs)) rmSync(dir, { recursive: true, force: true });
  }
}

/** Median time of `new Readability(document.cloneNode(true)).parse()` in the page, Readability loaded locally. */
async function readabilityParse(context: BrowserContext, url: string): Promise<number> {
  const source = readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: `${source}\nwindow.__Readability = Readability;` });
  const times = await page.evaluate((runs) => {
    const R = (window as unknown as { __Readability: new (d: Document) => { parse(): unknown } })
      .__Readability;
    const out: number[] = [];
    new R(document.cloneNode(true) as Document).parse(); // warm-up
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      new R(document.cloneNode(true) as Document).parse();
      out.push(performance.now() - t0);
    }
    return out;
  }, RUNS);
  await page.close();
  return median(times);
}

// ---------------------------------------------------------------------------------------------------
// Browser: popup / history with 0, 1,000 and 10,000 tracked documents

async function readyTime(context: BrowserContext, url: string, selector: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(
    `(() => { const sel = ${JSON.stringify(selector)}; const check = () => { if (document.querySelector(sel)) { window.__fpReady = performance.now(); return true; } return false; };
      const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
      document.addEventListener('DOMContentLoaded', () => { if (!check()) mo.observe(document, { subtree: true, childList: true, attributes: true }); });
    })();`,
  );
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await pollUntil(cdp, 'window.__fpReady !== undefined', 30_000);
  const t = await page.evaluate(() => (window as unknown as { __fpReady: number }).__fpReady);
  await cdp.detach().catch(() => undefined);
  await page.close();
  return t;
}

/** A browser with the bench build, `docs` generated documents imported, and the policy page open and stored. */
interface HistoryBrowser {
  docs: number;
  browser: LaunchedBrowser;
  popupUrl: string;
  historyUrl: string;
  clauses: number;
  popup: number[];
  history: number[];
}

async function historyBrowser(server: TestServer, docs: number): Promise<HistoryBrowser> {
  // The bench build: the wait for the highlights reads its `fineprint:` marks (the release build makes none).
  const browser: LaunchedBrowser = await launchExtension({ extensionDir: BENCH_BUILD });
  const sw = browser.serviceWorker!;
  if (docs > 0) {
    const t0 = Date.now();
    const seeded = await seedHistory(sw, docs);
    console.log(`  imported ${seeded} generated documents in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const page: Page = await browser.context.newPage();
  await page.goto(server.url(CORPUS_PAGES.policy.path));
  const cdp = await browser.context.newCDPSession(page);
  await pollUntil(cdp, HIGHLIGHTED, 60_000);
  await cdp.detach().catch(() => undefined);
  const tabId = await tabIdOf(sw, page);
  const base = `chrome-extension://${browser.extensionId}`;
  // The popup really renders the policy's clauses (not an empty shell), and its comparison answers.
  const check = await openPopup(browser.context, browser.extensionId, tabId);
  await waitForPopupReady(check);
  const clauses = await check.locator('[data-clause-id]').count();
  await check.close();
  return {
    docs,
    browser,
    popupUrl: `${base}/popup.html?tabId=${tabId}`,
    historyUrl: `${base}/policy-history.html`,
    clauses,
    popup: [],
    history: [],
  };
}

/**
 * Popup and history page first render with 0, 1,000 and (with `--popup-10k` or a full run) 10,000 tracked
 * documents: one browser per history, open side by side, loads interleaved round by round in a changing order
 * so that each history meets the machine's load alike. Medians of `RUNS`.
 */
async function historyScaling(server: TestServer, sizes: number[]): Promise<HistoryBrowser[]> {
  const sides: HistoryBrowser[] = [];
  try {
    for (const docs of sizes) sides.push(await historyBrowser(server, docs));
    for (let i = 0; i < RUNS; i++) {
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(i + k) % sides.length]!;
        side.popup.push(await readyTime(side.browser.context, side.popupUrl, 'main[data-ready="true"]'));
        side.history.push(
          await readyTime(side.browser.context, side.historyUrl, 'main[data-ready="true"] [data-url]'),
        );
      }
    }
  } finally {
    for (const side of sides) await side.browser.close();
  }
  return sides;
}

async function popupWithHistory(server: TestServer): Promise<void> {
  const sizes = [0, 1_000, 10_000];
  console.log(`\n== popup and history with ${sizes.join(', ')} tracked documents (interleaved) ==`);
  const sides = await historyScaling(server, sizes);
  const empty = median(sides[0]!.popup);
  for (const side of sides) {
    const p = median(side.popup);
    add(
      'Browser: popup',
      `popup first render (policy tab, ${side.docs.toLocaleString('en')} tracked documents)`,
      ms(p),
      `navigation start → main[data-ready=true], median of ${RUNS}, ${range(side.popup)}; ${(p / empty).toFixed(2)} × the empty history; ${side.clauses} clauses listed`,
    );
  }
  for (const side of sides.slice(1))
    add(
      'Browser: popup',
      `history page first render (${side.docs.toLocaleString('en')} tracked documents)`,
      ms(median(side.history)),
      `navigation start → first [data-url] row, median of ${RUNS}, ${range(side.history)}`,
    );
}

// ---------------------------------------------------------------------------------------------------
// `--quick`: the issue-26 figures only, as medians over interleaved loads in one run (`--json`: one object)

/** The figures of one build (ours, or the `BENCH_BASELINE` build) from the quick run's loads. */
function quickFigures(
  loads: { every: PageRun[]; highlights: PageRun[]; slowed: PageRun[] },
  floor: { wall: number; cpu: number },
  readabilityMs: number,
) {
  const floorMs = floor.wall;
  const ours = median(loads.every.map((r) => r.scriptTraceMs));
  const oursCpu = median(loads.every.map((r) => r.scriptThreadMs));
  const all = median(loads.highlights.map((r) => sinceStart(r, 'highlighted')));
  const longest = loads.slowed.flatMap((r) => r.ourLongTasks).sort((a, b) => b.ms - a.ms)[0];
  const longestCpu = Math.max(0, ...loads.slowed.flatMap((r) => r.ourLongTasksCpu).map((t) => t.cpuMs ?? 0));
  const round = (x: number, digits = 2) => Number(x.toFixed(digits));
  return {
    every_page: {
      ours_ms: round(ours),
      h1_floor_ms: round(floorMs),
      ratio: round(ours / floorMs),
      // The same by the page thread's CPU time: on a machine shared with other work, wall time counts the
      // moments another process held the core, which hit a 1 ms script harder than anything else.
      ours_cpu_ms: round(oursCpu),
      h1_floor_cpu_ms: round(floor.cpu),
      cpu_ratio: round(oursCpu / floor.cpu),
      load_ms: round(median(loads.every.map((r) => r.loadMs)), 1),
    },
    highlights_15k: {
      first_ms: round(median(loads.highlights.map((r) => sinceStart(r, 'preview-highlighted'))), 1),
      all_ms: round(all, 1),
      readability_ms: round(readabilityMs),
      all_over_readability: round(all / readabilityMs),
      // Where the time went: each of the content script's marks, ms since its start (medians).
      marks_ms: markMedians(loads.highlights),
      measures_ms: measureMedians(loads.highlights),
    },
    long_tasks_4x: {
      count: ourLongTaskCount(loads.slowed),
      longest_ms: longest ? round(longest.ms, 1) : 0,
      // By the page thread's CPU time (see PageRun.ourLongTasksCpu): the figure that holds under load.
      count_cpu: loads.slowed.reduce((n, r) => n + r.ourLongTasksCpu.length, 0),
      longest_cpu_ms: round(longestCpu, 1),
      loads: loads.slowed.length,
    },
  };
}

/**
 * The background's own timings since the last call (`fineprint:bg-*` measures: reading the markup, classifying),
 * summed by name, then cleared so the next load starts from none.
 */
async function workerMeasures(browser: LaunchedBrowser): Promise<Record<string, number>> {
  const worker = browser.serviceWorker ?? browser.context.serviceWorkers()[0];
  if (!worker) return {};
  return worker
    .evaluate(() => {
      const out: Record<string, number> = {};
      for (const e of performance.getEntriesByType('measure'))
        if (e.name.startsWith('fineprint:bg-')) out[e.name] = (out[e.name] ?? 0) + e.duration;
      performance.clearMeasures();
      return out;
    })
    .catch(() => ({}));
}

/** Median of each `fineprint:` measure over the loads that made it (ms). */
function measureMedians(runs: PageRun[]): Record<string, number> {
  const names = new Set(runs.flatMap((r) => Object.keys(r.measures)));
  return Object.fromEntries(
    [...names].map((name) => [
      name.replace(/^fineprint:/, ''),
      Number(median(runs.map((r) => r.measures[name] ?? NaN).filter(Number.isFinite)).toFixed(1)),
    ]),
  );
}

/** Median ms from the content script's start to each of its marks, in the order they come. */
function markMedians(runs: PageRun[]): Record<string, number> {
  const names = new Set(runs.flatMap((r) => Object.keys(r.marks)));
  const out = [...names]
    .map((name) => name.replace(/^fineprint:/, ''))
    .map((name) => [name, median(runs.map((r) => sinceStart(r, name)).filter(Number.isFinite))] as const)
    .filter(([, ms]) => Number.isFinite(ms))
    .sort((a, b) => a[1] - b[1]);
  return Object.fromEntries(out.map(([name, ms]) => [name, Number(ms.toFixed(1))]));
}

/** `BENCH_PARTS=every,highlights,slowed,popup`: the parts of the quick run to do (all by default). */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'every,highlights,slowed,popup').split(','));

async function quickRun(server: TestServer): Promise<Record<string, unknown>> {
  // `--quick` takes several baselines, comma-separated (names likewise in BENCH_BASELINE_NAME).
  const baselines = BASELINE ? BASELINE.split(',') : [];
  const names = BASELINE_NAME.split(',');
  const side = async (name: string, dir: string) => ({
    name,
    browser: await launchExtension({ extensionDir: dir }),
    every: [] as PageRun[],
    highlights: [] as PageRun[],
    slowed: [] as PageRun[],
  });
  const sides = [await side('ours', BENCH_BUILD)];
  for (const [i, dir] of baselines.entries()) sides.push(await side(names[i] ?? dir, dir));
  const floorDir = writeFloorExtension('element');
  const floor = await launchExtension({ extensionDir: floorDir });
  const floorRuns: PageRun[] = [];
  let readability = NaN;
  const slowLeaves: PageRun['longTaskLeaves'] = [];
  try {
    const news = server.url(CORPUS_PAGES.news.path);
    const traced = { waitHighlights: false, quietMs: 1_000, traceScripts: true };
    const rounds = RUNS * NOT_POLICY_RUNS_FACTOR;
    console.log(`\n== every-page: news page, ${rounds} interleaved rounds ==`);
    for (let i = 0; i < (PARTS.has('every') ? rounds : 0); i++) {
      // Each round in another order: the first load of a round found the machine otherwise than the last.
      const loads = [
        ...sides.map(
          (side) => async () => side.every.push(await loadOnce(side.browser.context, news, traced)),
        ),
        async () => floorRuns.push(await loadOnce(floor.context, news, traced)),
      ];
      for (let k = 0; k < loads.length; k++) await loads[(i + k) % loads.length]!();
    }
    const policy15k = server.url(POLICY_15K_PATH);
    console.log(
      `\n== 15,000-word policy: ${RUNS} rounds (wall), then ${RUNS} with the CPU slowed ${SLOWDOWN}× (profiled) ==`,
    );
    // Each round in another order, as above: the side that goes first in a round follows nobody's leftovers.
    const inTurn = (i: number) => sides.map((_, k) => sides[(i + k) % sides.length]!);
    for (let i = 0; i < (PARTS.has('highlights') ? RUNS : 0); i++)
      for (const side of inTurn(i)) {
        const run = await loadOnce(side.browser.context, policy15k, { waitHighlights: true, quietMs: 300 });
        side.highlights.push({
          ...run,
          measures: { ...run.measures, ...(await workerMeasures(side.browser)) },
        });
      }
    if (PARTS.has('highlights')) readability = await readabilityParse(floor.context, policy15k);
    for (const path of [POLICY_15K_PATH, CORPUS_PAGES.longPolicy.path])
      for (let i = 0; i < (PARTS.has('slowed') ? RUNS : 0); i++)
        for (const side of inTurn(i)) {
          const run = await loadOnce(side.browser.context, server.url(path), {
            waitHighlights: true,
            quietMs: 1_000,
            cpuSlowdown: SLOWDOWN,
            extensionId: side.browser.extensionId,
          });
          side.slowed.push(run);
          if (side.name === 'ours') slowLeaves.push(...run.longTaskLeaves);
        }
  } finally {
    for (const side of sides) await side.browser.close();
    await floor.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
  const floorMs = {
    wall: median(floorRuns.map((r) => r.scriptTraceMs)),
    cpu: median(floorRuns.map((r) => r.scriptThreadMs)),
  };
  const result: Record<string, unknown> = {
    ...quickFigures(sides[0]!, floorMs, readability),
    floor_load_ms: Number(median(floorRuns.map((r) => r.loadMs)).toFixed(1)),
  };
  const others = sides.slice(1).map((b) => ({ name: b.name, ...quickFigures(b, floorMs, readability) }));
  if (others.length === 1) result.baseline = others[0];
  else if (others.length > 1) result.baselines = others;
  for (const t of slowLeaves)
    console.log(
      `  long task ${ms(t.ms)}${t.cpuMs === undefined ? '' : `, thread CPU ${ms(t.cpuMs)}`} (CPU slowed ${SLOWDOWN}×): ${t.leaves.map((l) => `${l.name} ${ms(l.ms)}`).join(', ')}`,
    );
  console.log(`\n== popup and history first render (median of ${RUNS}, interleaved) ==`);
  const popup: Record<string, number> = { empty_ms: NaN, docs_1000_ms: NaN, docs_10000_ms: NaN };
  if (PARTS.has('popup')) {
    const sizes = process.argv.includes('--popup-10k') ? [0, 1_000, 10_000] : [0, 1_000];
    const sides = await historyScaling(server, sizes);
    const key = (docs: number) => (docs === 0 ? 'empty' : `docs_${docs}`);
    for (const side of sides) {
      popup[`${key(side.docs)}_ms`] = median(side.popup);
      if (side.docs > 0) popup[`history_${key(side.docs)}_ms`] = median(side.history);
    }
    popup.docs_1000_ratio = popup.docs_1000_ms! / popup.empty_ms!;
    popup.docs_10000_ratio = popup.docs_10000_ms! / popup.empty_ms!;
  }
  result.popup = Object.fromEntries(
    Object.entries(popup).map(([k, v]) => [
      k,
      Number.isFinite(v) ? Number(v.toFixed(k.endsWith('ratio') ? 2 : 1)) : null,
    ]),
  );
  return result;
}

// ---------------------------------------------------------------------------------------------------

/** Output of another benchmark script, run as is and kept verbatim (`--skip-appendices` skips them). */
function appendix(script: string, title: string): string | null {
  if (process.argv.includes('--skip-appendices')) return null;
  console.log(`\n== ${script} (${title}) ==`);
  try {
    const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [script], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    console.log(out);
    return out.trim();
  } catch (error) {
    return `${script} failed: ${String(error).slice(0, 500)}`;
  }
}

interface Appendices {
  /** The pipeline engineer's Node benchmark. */
  pipeline: string | null;
  /** Where the time goes between page idle and all highlights on the 15,000-word page. */
  phases: string | null;
  /** Triage's first run in a fresh isolated world, against its floors. */
  triage: string | null;
}

function markdown(info: Record<string, string>, appendices: Appendices): string {
  const lines = [
    '# Performance',
    '',
    'Measured by `npm run bench` (`scripts/bench.ts`): it builds the extension, then runs the classifier in Node and',
    'the extension in headless Debian Chromium on real corpus pages served from 127.0.0.1. Regenerate this file',
    'with `npm run bench`; `BENCH_RUNS=<n>` changes the number of runs.',
    '',
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    ...Object.entries(info).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '## Results',
    '',
    '| Group | Measure | Value | How |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.group} | ${r.name} | ${r.value} | ${(r.note ?? '').replaceAll('|', '\\|')} |`),
    '',
    '## How to read it',
    '',
    '- *Main-thread time in the extension’s code* comes from a V8 sampling profile (every 1 ms; every 100 µs on the',
    '  news page, where all of it is about a millisecond) of the page’s isolate',
    '  during each load, which includes the content script’s isolated world: samples with one of our scripts on the',
    '  stack (the every-page script’s triage; on pages it lets through, the imported page analysis: detection,',
    "  serializing the page's markup in slices, locating clauses, painting highlights; work resumed after",
    '  `await` included). Compilation and GC are not attributed. Reading the markup (Readability, in the',
    '  offscreen document since 2026-12-02), cutting the blocks into sentences and classifying them run in the',
    '  extension, not on the page. The ratio to a bare Readability parse uses this figure. A load whose profile',
    '  saw no script at all (Chromium ran the page in a renderer the profiler was not started in) is loaded again.',
    '- *Script / task time added* is Chromium’s page metrics (CDP `Performance.getMetrics`: `ScriptDuration`,',
    '  `TaskDuration`), with minus without the extension, same page, interleaved runs; shown for comparison — they',
    '  do not fully attribute the content script’s isolated world and include style/layout noise.',
    '- The news page’s *floors* are minimal extensions the benchmark writes, loaded on the same loads: one whose',
    '  content script reads `document.title`, one whose script reads the first h1’s text. The gap between them is',
    '  what touching a first element costs a fresh isolated world (the browser sets up its element bindings',
    '  there); any script that reads the page’s elements pays it. The first regex, each further regex and the',
    '  first `URL` parse are one-time costs of the same kind (0.1–0.5 ms each on this kind of machine, measured',
    '  with the triage appendix’s method), which is why triage tests names with `indexOf`.',
    '- Wall-clock rows (page idle → highlights, detector and span times) come from loads without the CPU profiler,',
    '  interleaved with the profiled ones: the profiler slows the page’s script down.',
    '- *Page idle → highlights* is the wall time from the every-page content script’s start (`document_idle`) to',
    '  the highlights being registered: triage, importing the page analysis, its deliberate yields and the',
    '  background round trip. *First highlights*: on a long policy the first clauses (about 1,200 words) are',
    "  classified on their own and painted before the rest (read from the page's `main` element before",
    '  the whole page is read, when there is one); *all highlights*: the whole page painted. The',
    '  *stopped service worker* row stops the extension’s worker before each load (MV3 stops it after 30 s idle,',
    '  so this is a user’s usual first policy of a browsing session). The long policy page is a real page',
    '  (~6,000 words of policy text); the 15,000-word page holds the Node classifier benchmark’s corpus',
    '  sentences in plain paragraphs, built at run time.',
    '- *The page’s own load* is the navigation timing’s `loadEventEnd`, with and without the extension: work of',
    '  ours that runs before the load event (the every-page script runs at `document_idle`, which can come first)',
    '  delays it.',
    '- *Tasks over 50 ms* come from a Chromium trace of each load: a task is a top-level task event with the',
    '  microtask checkpoint that follows it (our `await` continuations run there), and it *ran our code* when a',
    '  profile sample inside it had one of our scripts on the stack. The rest of such a task is GC, style, layout',
    '  or compilation our code caused, or the page’s own work when a callback of ours ran inside a task of the',
    '  page’s: compare the two figures of the longest one. The Long Tasks API, used before',
    '  2026-12-02, missed tasks that ran only the content script’s isolated world (Readability’s parse among',
    '  them), so its counts of 0 were wrong.',
    `- *The page’s CPU slowed ${SLOWDOWN}×* rows load the page with Chromium's CPU throttling on the page only: a`,
    "  stand-in for a slower machine's page thread, where a task that takes 15 ms here would take about 60. The",
    "  extension's service worker and offscreen document run at full speed, so only the task count compares.",
    '- The benchmark waits for the highlights by polling over CDP, not with Playwright’s `waitForFunction`, which',
    '  injects a ~330 KB script into the page: a 17–35 ms task that fell inside the measured window.',
    '- Corpus pages reference their sites’ assets; the benchmark browser resolves no host but 127.0.0.1, so those',
    '  requests fail fast in both runs.',
    '- *Popup and history page first render* with 0, 1,000 and 10,000 tracked documents: each history is a',
    '  generated one (`scripts/history-generator.ts`: team-written clauses, 2–4 versions per document, short enough',
    '  that 10,000 documents fit the 200 MB store) imported through the backup import in its own browser, with the',
    '  policy page then visited and stored; the three browsers stay open and their loads are interleaved round by',
    '  round, so the ratios to the empty history are measured under the same load. The popup is ready when its',
    '  clauses are listed (`main[data-ready=true]`); its comparison with the other policies arrives after that, from',
    '  the summary index’s tallies. The history page is ready when its first row is shown.',
    '',
    ...(appendices.triage
      ? [
          '## Appendix: triage on its first run (`npm run bench:triage`)',
          '',
          'Output of `scripts/bench-triage.ts` from the same run: the every-page script’s triage alone, timed inside',
          'a fresh isolated world on each load with 5 µs timer steps (`TRIAGE_BASELINE=<git ref>` adds that',
          'version of it), next to two one-line floors:',
          '',
          '```text',
          appendices.triage,
          '```',
          '',
        ]
      : []),
    ...(appendices.phases
      ? [
          '## Appendix: where the time goes on the 15,000-word page (`npm run bench:phases`)',
          '',
          'Output of `scripts/bench-phases.ts` from the same run: one browser-wide trace per load. Between each two',
          'consecutive marks of the content script: the wall time, how long the page’s main thread (the content',
          'script, and the page’s own rendering), the service worker (cutting and classifying) and the offscreen',
          'document (Readability) each ran a task, and how long none of them did (a fetch, a message on its way, a',
          'timer). Busy times overlap where threads ran side by side; on a machine shared with other work they include',
          'moments another process held the core. After the first highlights the page only serializes its markup,',
          'locates the clauses and paints them; the reading and the classification, one after the other, take most of',
          'the rest.',
          '',
          '```text',
          appendices.phases,
          '```',
          '',
        ]
      : []),
    ...(appendices.pipeline
      ? [
          '## Appendix: page pipeline in Node (`npm run bench:pipeline`)',
          '',
          'Output of `scripts/bench-pipeline.ts` from the same run (Node + linkedom, slower than a browser DOM):',
          '',
          '```text',
          appendices.pipeline,
          '```',
          '',
        ]
      : []),
  ];
  return lines.join('\n');
}

/** The pages every browser measurement visits: the news page, two corpus policies and the 15k-word policy. */
function serveBenchPages(): ReturnType<typeof serve> {
  return serve({
    [CORPUS_PAGES.news.path]: { corpus: CORPUS_PAGES.news.doc },
    [CORPUS_PAGES.longPolicy.path]: { corpus: CORPUS_PAGES.longPolicy.doc },
    [CORPUS_PAGES.policy.path]: { corpus: CORPUS_PAGES.policy.doc },
    [POLICY_15K_PATH]: { body: policyPage15k() },
  });
}

async function main(): Promise<void> {
  const write = !process.argv.includes('--no-write');
  const json = process.argv.includes('--json');
  // `--json`: stdout carries the one result object; progress goes to stderr.
  const print = console.log.bind(console);
  if (json) console.log = console.error.bind(console);
  const info = machine();
  console.log('== machine ==');
  for (const [k, v] of Object.entries(info)) console.log(`  ${k}: ${v}`);

  if (process.argv.includes('--quick')) {
    assertBuilt(BENCH_BUILD);
    if (!HAS_CHROMIUM || !corpusAvailable()) throw new Error('--quick needs Chromium and the corpus');
    const server = await serveBenchPages();
    try {
      const result = { commit: info.Commit, date: info.Date, runs: RUNS, ...(await quickRun(server)) };
      if (json) print(JSON.stringify(result));
      else print(JSON.stringify(result, null, 2));
    } finally {
      await server.close();
    }
    return;
  }

  // `--pages-only`: just the in-browser page costs, for iterating on the content script (writes nothing).
  // `--news-only` (with it): only the page that is not a policy.
  const pagesOnly = process.argv.includes('--pages-only') || process.argv.includes('--news-only');
  console.log('\n== classifier (Node) ==');
  for (const r of pagesOnly ? [] : benchClassifier()) {
    const budget =
      r.budget !== undefined ? ` (budget ${r.budget} ${r.unit}: ${r.pass ? 'met' : 'NOT met'})` : '';
    add('Node: classifier', r.name, `${r.value} ${r.unit}`, `${r.note ?? ''}${budget}`.trim());
  }

  assertBuilt();
  assertBuilt(BENCH_BUILD);
  bundleSizes();

  if (!HAS_CHROMIUM) {
    console.warn(`\nChromium not found at ${CHROMIUM_PATH}: browser measurements skipped.`);
  } else if (!corpusAvailable()) {
    console.warn(`\nCorpus not found at ${corpusDir()}: browser measurements skipped.`);
  } else {
    const server = await serveBenchPages();
    try {
      await pageCosts(server, process.argv.includes('--news-only'));
      if (!pagesOnly) await popupWithHistory(server);
    } finally {
      await server.close();
    }
  }

  // The appendices are for the written report; a run that does not write it skips them.
  const md = markdown(info, {
    triage: pagesOnly ? null : appendix('scripts/bench-triage.ts', 'triage on its first run, in Chromium'),
    phases: pagesOnly ? null : appendix('scripts/bench-phases.ts', 'where the time goes, 15,000-word page'),
    pipeline: pagesOnly ? null : appendix('scripts/bench-pipeline.ts', 'Node + linkedom'),
  });
  console.log(`\n${md}`);
  if (write && !pagesOnly) {
    writeFileSync(join(ROOT, 'docs/performance.md'), md);
    console.log('wrote docs/performance.md');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
