/**
 * Where the time goes between page idle and all highlights on the 15,000-word page (issue 26): one browser-wide
 * Chromium trace per load covers the page's main thread (content script), the extension's service worker
 * (classification) and its offscreen document (Readability). Between each two consecutive `fineprint:` marks of
 * the content script it prints the wall time, how long each of the three threads ran a task, and how long
 * none of them did (idle: waiting on IPC, a fetch, a timer or another process).
 *
 *   npx wxt build --mode bench && npx tsx scripts/bench-phases.ts [loads=7] [extension dir …]
 *
 * Several builds (bench builds: they make the marks) are loaded in browsers of their own, their loads
 * interleaved round by round. The first round warms the workers and offscreen documents up and is not
 * counted; medians over the rest.
 * On a machine shared with other work, a thread's busy time includes moments another process held the core.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { median } from './stats';
import { corpusAvailable } from './corpus';
import { POLICY_15K_PATH, policyPage15k } from './policy-15k';
import { assertBuilt, launchExtension, REPO_ROOT, serve, type TestServer } from '../tests/support/harness';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Top-level task events: a thread is busy while one of these runs. The service worker runs promise
 * continuations (a handler's work after an `await`) as `RunMicrotasks` outside any task event.
 */
const TASKS = new Set([
  'ThreadControllerImpl::RunTask',
  'RunTask',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
  'RunMicrotasks',
]);

/** The content script's marks, in the order a load passes them. */
const MARKS = [
  'start',
  'import-start',
  'analysis-start',
  'detect-start',
  'detect-end',
  'preview-highlighted',
  'extract-start',
  'markup-end',
  'extract-end',
  'classify-start',
  'classify-end',
  'locate-start',
  'locate-end',
  'highlighted',
];

const THREADS = ['page', 'worker', 'offscreen'] as const;
type Thread = (typeof THREADS)[number];

/** A build's directory as the table names it: relative to the repository when inside it. */
function shown(dir: string): string {
  const rel = relative(REPO_ROOT, resolve(dir));
  return rel && !rel.startsWith('..') ? rel : resolve(dir);
}

/** Total length (ms) of the union of `spans` (µs) clipped to [from, to]. */
function covered(spans: readonly { s: number; e: number }[], from: number, to: number): number {
  const clipped = spans
    .map((x) => ({ s: Math.max(x.s, from), e: Math.min(x.e, to) }))
    .filter((x) => x.e > x.s)
    .sort((a, b) => a.s - b.s);
  let total = 0;
  let reached = -Infinity;
  for (const x of clipped) {
    if (x.e <= reached) continue;
    total += x.e - Math.max(x.s, reached);
    reached = x.e;
  }
  return total / 1000;
}

/** The phases of one load: per pair of marks, wall, busy per thread and idle (ms); null without its marks. */
function phasesOf(
  events: readonly TraceEvent[],
): Map<string, Record<Thread | 'wall' | 'idle', number>> | null {
  const firstMark = new Map<string, TraceEvent>();
  for (const e of events)
    if (e.cat?.includes('user_timing') && e.name.startsWith('fineprint:') && !firstMark.has(e.name))
      firstMark.set(e.name, e);
  const start = firstMark.get('fineprint:start');
  const worker = firstMark.get('fineprint:bg-classify');
  if (!start || !worker || !firstMark.has('fineprint:highlighted')) return null;
  // The offscreen document is the main thread of the worker's renderer process.
  const offscreen = events.find(
    (e) =>
      e.ph === 'M' && e.name === 'thread_name' && e.pid === worker.pid && e.args?.name === 'CrRendererMain',
  );
  const threadKey: Record<Thread, string> = {
    page: `${start.pid}:${start.tid}`,
    worker: `${worker.pid}:${worker.tid}`,
    offscreen: offscreen ? `${offscreen.pid}:${offscreen.tid}` : '',
  };
  const busy = Object.fromEntries(
    THREADS.map((t) => [
      t,
      events
        .filter((e) => e.ph === 'X' && TASKS.has(e.name) && `${e.pid}:${e.tid}` === threadKey[t])
        .map((e) => ({ s: e.ts, e: e.ts + (e.dur ?? 0) })),
    ]),
  ) as Record<Thread, { s: number; e: number }[]>;
  const anyBusy = THREADS.flatMap((t) => busy[t]);
  const out = new Map<string, Record<Thread | 'wall' | 'idle', number>>();
  const present = MARKS.filter((m) => firstMark.has(`fineprint:${m}`));
  for (let i = 0; i + 1 < present.length; i++) {
    const from = firstMark.get(`fineprint:${present[i]}`)!.ts;
    const to = firstMark.get(`fineprint:${present[i + 1]}`)!.ts;
    const wall = (to - from) / 1000;
    out.set(`${present[i]} → ${present[i + 1]}`, {
      wall,
      page: covered(busy.page, from, to),
      worker: covered(busy.worker, from, to),
      offscreen: covered(busy.offscreen, from, to),
      idle: wall - covered(anyBusy, from, to),
    });
  }
  const end = firstMark.get('fineprint:highlighted')!.ts;
  const whole = (end - start.ts) / 1000;
  out.set('start → highlighted (whole)', {
    wall: whole,
    page: covered(busy.page, start.ts, end),
    worker: covered(busy.worker, start.ts, end),
    offscreen: covered(busy.offscreen, start.ts, end),
    idle: whole - covered(anyBusy, start.ts, end),
  });
  return out;
}

/** One browser with one build loaded, traced browser-wide over its debugging port. */
async function openBuild(dir: string) {
  assertBuilt(dir);
  // A browser-wide trace needs the browser's own CDP target, which a persistent context does not expose:
  // connect to it a second time over the debugging port (a free one: Chromium writes which into the profile).
  const launched = await launchExtension({ extensionDir: dir, args: ['--remote-debugging-port=0'] });
  const port = readFileSync(join(launched.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const remote = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const cdp = await remote.newBrowserCDPSession();
  const rows = new Map<string, Record<string, number[]>>();
  const close = async () => {
    await remote.close().catch(() => undefined);
    await launched.close();
  };
  return { dir, launched, cdp, rows, close };
}

async function traceLoad(
  build: Awaited<ReturnType<typeof openBuild>>,
  server: TestServer,
  counted: boolean,
): Promise<void> {
  const { cdp, launched, rows } = build;
  const page = await launched.context.newPage();
  await page.goto(server.url('/__blank'));
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'toplevel,v8.execute,blink.user_timing,__metadata',
    transferMode: 'ReportEvents',
  });
  await page.goto(server.url(POLICY_15K_PATH), { waitUntil: 'load' });
  const deadline = Date.now() + 30_000;
  while (
    !(await page.evaluate(() => performance.getEntriesByName('fineprint:highlighted').length > 0)) &&
    Date.now() < deadline
  )
    await page.waitForTimeout(50);
  await page.waitForTimeout(300);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  await page.close();
  if (!counted) return;
  const phases = phasesOf(events);
  if (!phases) {
    console.warn(`${build.dir}: a load without the marks, not counted`);
    return;
  }
  for (const [name, row] of phases) {
    const acc = rows.get(name) ?? {};
    for (const [k, v] of Object.entries(row)) (acc[k] ??= []).push(v);
    rows.set(name, acc);
  }
}

async function main(): Promise<void> {
  const loads = Number(process.argv[2] ?? 7);
  const dirs = process.argv.slice(3);
  if (dirs.length === 0) dirs.push(join(REPO_ROOT, '.output/chrome-mv3-bench'));
  if (!corpusAvailable()) throw new Error('the 15,000-word page is built from the corpus, which is absent');
  const server = await serve({
    [POLICY_15K_PATH]: { body: policyPage15k() },
    '/__blank': { body: '<p></p>' },
  });
  const builds: Awaited<ReturnType<typeof openBuild>>[] = [];
  try {
    for (const dir of dirs) builds.push(await openBuild(dir));
    // Round by round, each round in another order: the builds share the machine's moments alike.
    for (let round = 0; round <= loads; round++)
      for (let k = 0; k < builds.length; k++)
        await traceLoad(builds[(round + k) % builds.length]!, server, round > 0);
  } finally {
    for (const build of builds) await build.close();
    await server.close();
  }
  const cols = ['wall', ...THREADS, 'idle'];
  for (const { dir, rows } of builds) {
    console.log(
      `\n${shown(dir)}: 15,000-word page, medians of ${rows.get('start → highlighted (whole)')?.wall?.length ?? 0} loads (ms)`,
    );
    console.log(`${'phase'.padEnd(44)}${cols.map((c) => c.padStart(10)).join('')}`);
    for (const [name, acc] of rows)
      console.log(
        `${name.padEnd(44)}${cols
          .map((c) =>
            median(acc[c] ?? [])
              .toFixed(1)
              .padStart(10),
          )
          .join('')}`,
      );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
