/**
 * In-browser performance probes for the content script, reusable by benchmarks (`scripts/bench.ts`) and
 * browser suites: long tasks (PerformanceObserver in the page), the content script's own `fineprint:`
 * marks and measures, and main-thread script time from the DevTools protocol.
 *
 * Run directly for the inline figures of issue 4:
 *   npx wxt build && npx tsx tests/e2e/perf.ts            (RUNS=5 by default; PERF_RUNS overrides)
 * @module
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Installs a long-task recorder in every page of `context` (before any page script runs). */
export async function installLongTaskProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __fpLongTasks: { start: number; duration: number }[] };
    w.__fpLongTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__fpLongTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task support: the list stays empty and callers report "n/a".
    }
  });
}

export interface FineprintTimings {
  /** `fineprint:<name>` measures (ms), e.g. detect, extract, classify, locate. */
  measures: Record<string, number>;
  /** `fineprint:<name>` marks (ms since navigation start), e.g. detect-start, highlighted. */
  marks: Record<string, number>;
  /** Every long task in the page so far. */
  longTasks: { start: number; duration: number }[];
  /** `load` event end, ms since navigation start. */
  loadEnd: number;
}

/** Reads the content script's marks and the recorded long tasks from the page. */
export async function fineprintTimings(page: Page): Promise<FineprintTimings> {
  return page.evaluate(() => {
    const measures: Record<string, number> = {};
    const marks: Record<string, number> = {};
    for (const m of performance.getEntriesByType('measure'))
      if (m.name.startsWith('fineprint:')) measures[m.name.slice(10)] = m.duration;
    for (const m of performance.getEntriesByType('mark'))
      if (m.name.startsWith('fineprint:')) marks[m.name.slice(10)] = m.startTime;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      measures,
      marks,
      longTasks:
        (window as unknown as { __fpLongTasks?: { start: number; duration: number }[] }).__fpLongTasks ?? [],
      loadEnd: nav?.loadEventEnd ?? 0,
    };
  });
}

/** Long tasks overlapping [from, to] (ms since navigation start). */
export function longTasksBetween(t: FineprintTimings, from: number, to: number) {
  return t.longTasks.filter((l) => l.start + l.duration >= from && l.start <= to);
}

/**
 * Starts counting main-thread script and task time of a page (DevTools protocol `Performance` domain;
 * counters start at `enable`, so call this before navigating). The returned function reads them, in ms.
 */
export async function startMainThreadMeter(
  page: Page,
): Promise<() => Promise<{ script: number; task: number }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000;
    return { script: get('ScriptDuration'), task: get('TaskDuration') };
  };
}

/**
 * A long synthetic policy written by the Fineprint team (invented company; sentences from a small bank,
 * numbered so none repeats), for timing the content script on a ~`words`-word page with no page scripts:
 * every long task on it is ours or the browser's work for us.
 */
export function syntheticPolicy(words = 15_000): string {
  const bank = [
    'We collect the information you provide when you create an account, such as your name and e-mail address',
    'We may use the content you upload to train and improve our machine learning models',
    'We share personal information with service providers who process it on our behalf',
    'We do not sell your personal information to third parties',
    'You can opt out of personalised advertising in your account settings at any time',
    'We keep your data for as long as your account is active and for 30 days afterwards',
    'Your information may be transferred to and processed in countries other than your own',
    'We use cookies and similar technologies to show you targeted advertising on other websites',
    'Any dispute will be resolved by binding arbitration and you waive the right to a class action',
    'We may update this policy from time to time and will post the new version on this page',
    'Aggregated or de-identified information may be used for research and product analytics',
    'We may make automated decisions about eligibility for certain features based on your activity',
  ];
  const parts: string[] = ['<h1>Privacy Policy</h1>'];
  let count = 0;
  let section = 0;
  while (count < words) {
    section++;
    parts.push(`<h2>Section ${section}</h2>`);
    for (let p = 0; p < 4 && count < words; p++) {
      const sentences: string[] = [];
      for (let s = 0; s < 4; s++) {
        const base = bank[(section * 7 + p * 3 + s) % bank.length]!;
        const sentence = `${base} (clause ${section}.${p}.${s}).`;
        count += sentence.split(/\s+/).length;
        sentences.push(sentence);
      }
      parts.push(`<p>${sentences.join(' ')}</p>`);
    }
  }
  return `<!DOCTYPE html><!-- Provenance: generated by tests/e2e/perf.ts (Fineprint team), invented text. -->
<html lang="en"><head><meta charset="utf-8"><title>Privacy Policy — Example Co</title></head>
<body><main>${parts.join('\n')}</main></body></html>`;
}

/** A plain non-policy page (team-written) for the every-page cost. */
export function plainPage(): string {
  const p = Array.from(
    { length: 40 },
    (_, i) =>
      `<p>Paragraph ${i + 1} of a long article about mountain walks, trail maps and picnic spots.</p>`,
  );
  return `<!DOCTYPE html><!-- Provenance: generated by tests/e2e/perf.ts (Fineprint team). -->
<html lang="en"><head><meta charset="utf-8"><title>Weekend walks</title></head>
<body><article><h1>Weekend walks</h1>${p.join('')}</article></body></html>`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

async function main(): Promise<void> {
  const { launchExtension, serve, waitFor, CORPUS_PAGES } = await import('./harness');
  const { corpusAvailable } = await import('../../scripts/corpus');
  const runs = Number(process.env.PERF_RUNS ?? 5);
  const server = await serve({
    '/walks': { body: plainPage() },
    '/privacy': { body: syntheticPolicy(15_000) },
    ...(corpusAvailable() ? { [CORPUS_PAGES.news.path]: { corpus: CORPUS_PAGES.news.doc } } : {}),
  });
  const withExt = await launchExtension();
  const without = await launchExtension({ withoutExtension: true });
  await installLongTaskProbe(withExt.context);
  await installLongTaskProbe(without.context);
  const out: string[] = [];
  try {
    for (const path of ['/walks', ...(corpusAvailable() ? [CORPUS_PAGES.news.path] : [])]) {
      const detect: number[] = [];
      const extra: number[] = [];
      for (let i = 0; i < runs; i++) {
        const a = await withExt.context.newPage();
        const meterA = await startMainThreadMeter(a);
        await a.goto(server.url(path), { waitUntil: 'load' });
        await waitFor(async () => (await fineprintTimings(a)).measures.detect !== undefined, 10_000);
        await a.waitForTimeout(300);
        const t = await fineprintTimings(a);
        detect.push(t.measures.detect ?? NaN);
        const ta = await meterA();
        await a.close();
        const b = await without.context.newPage();
        const meterB = await startMainThreadMeter(b);
        await b.goto(server.url(path), { waitUntil: 'load' });
        await b.waitForTimeout(300);
        const tb = await meterB();
        await b.close();
        extra.push(ta.script - tb.script);
      }
      out.push(
        `non-policy ${path}: detectPage median ${median(detect).toFixed(2)} ms (runs ${detect.map((x) => x.toFixed(2)).join(', ')}); ` +
          `script time with − without extension median ${median(extra).toFixed(2)} ms (includes evaluating content.js)`,
      );
    }
    const idle: number[] = [];
    const longest: number[] = [];
    const ours: string[] = [];
    // One tab for every run (the background keeps one report per tab in session storage).
    const page = await withExt.context.newPage();
    for (let i = 0; i < runs; i++) {
      await page.goto(server.url(`/privacy?run=${i}`), { waitUntil: 'load' });
      await waitFor(async () => (await fineprintTimings(page)).marks.highlighted !== undefined, 30_000);
      const t = await fineprintTimings(page);
      const from = t.marks['detect-start']!;
      const to = t.marks.highlighted!;
      idle.push(to - from);
      const lt = longTasksBetween(t, from, to);
      longest.push(Math.max(0, ...lt.map((l) => l.duration)));
      const phase = (l: { start: number; duration: number }) => {
        const mid = l.start + l.duration / 2;
        const names = ['detect', 'extract', 'classify', 'locate', 'paint', 'ui'];
        for (const n of names) {
          const a = t.marks[`${n}-start`];
          const b = t.marks[`${n}-end`];
          if (a !== undefined && b !== undefined && l.start <= b && l.start + l.duration >= a && mid >= a - 1)
            return n;
        }
        return 'other';
      };
      ours.push(
        `run ${i + 1}: detect ${t.measures.detect?.toFixed(1)} ms, extract ${t.measures.extract?.toFixed(0)} ms (wall, sliced), ` +
          `classify round-trip ${t.measures.classify?.toFixed(0)} ms, locate ${t.measures.locate?.toFixed(0)} ms (wall, sliced); ` +
          `long tasks during our work: ${lt.map((l) => `${l.duration.toFixed(0)} ms (${phase(l)})`).join(', ') || 'none'}; paint ${t.measures.paint?.toFixed(0)} ms, ui ${t.measures.ui?.toFixed(0)} ms`,
      );
    }
    await page.close();
    out.push(
      `15,000-word policy: page idle → highlights median ${median(idle).toFixed(0)} ms (runs ${idle.map((x) => x.toFixed(0)).join(', ')}); ` +
        `longest task during our work median ${median(longest).toFixed(0)} ms`,
      ...ours.map((s) => `  ${s}`),
    );
  } finally {
    await withExt.close();
    await without.close();
    await server.close();
  }
  console.log(out.join('\n'));
}

if (process.argv[1] && /perf\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
