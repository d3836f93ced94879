/**
 * The extension's main-thread time in a V8 CPU profile of the page, the page's main-thread tasks from a
 * Chromium trace, and which of them ran the extension's code (profile and trace use the same monotonic
 * clock, in microseconds).
 *
 * Why not the Long Tasks API: it did not report tasks that ran only the content script's isolated world, e.g.
 * Readability's 100 ms parse run in a promise continuation, so a page with such tasks showed none (measured
 * 2026-12-02 against this trace-based count, 15,000-word page).
 * @module
 */

/** The fields of a Chromium trace event used here. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs), where the trace records it: time the thread was descheduled
   * (another process had the core) is not in it. */
  tdur?: number;
  pid: number;
  tid: number;
  /** `devtools.timeline` events name their script: `EvaluateScript`, `FunctionCall` (`args.data.url`). */
  args?: { data?: { url?: string } };
}

/** One uninterrupted stretch of the main thread, in µs. */
export interface Task {
  start: number;
  end: number;
  /**
   * The thread's CPU time in it (µs), where the trace records it (`tdur`): on a machine shared with other
   * work, a task's wall time also counts the moments another process held the core.
   */
  cpu?: number;
}

const RUN_TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** A microtask checkpoint this close after a task (µs) is that task's own, as the event loop runs it. */
const CHECKPOINT_GAP = 50;

/**
 * The tasks of one thread: top-level task events, each with the microtask checkpoint that follows it (the
 * trace records that checkpoint as a sibling, but nothing else can run in between).
 */
export function threadTasks(events: readonly TraceEvent[], pid: number, tid: number): Task[] {
  const complete = events.filter(
    (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined,
  );
  const tasks: Task[] = [];
  const cpuOf = (e: TraceEvent) => (e.tdur === undefined ? {} : { cpu: e.tdur });
  for (const e of complete.filter((e) => RUN_TASK.has(e.name)).sort((a, b) => a.ts - b.ts)) {
    const last = tasks[tasks.length - 1];
    // Nested task events (a task run inside another) belong to the outer one, whose CPU time holds theirs.
    if (last && e.ts < last.end) {
      if (e.ts + e.dur! > last.end && e.tdur !== undefined) last.cpu = (last.cpu ?? 0) + e.tdur;
      last.end = Math.max(last.end, e.ts + e.dur!);
    } else tasks.push({ start: e.ts, end: e.ts + e.dur!, ...cpuOf(e) });
  }
  const standalone: Task[] = [];
  for (const c of complete.filter((e) => e.name === CHECKPOINT)) {
    const start = c.ts;
    const end = c.ts + c.dur!;
    const before = lastStartingBy(tasks, start);
    if (before && end <= before.end) continue; // run inside a task
    if (before && start >= before.end && start - before.end <= CHECKPOINT_GAP) {
      before.end = Math.max(before.end, end);
      if (c.tdur !== undefined) before.cpu = (before.cpu ?? 0) + c.tdur;
    } else standalone.push({ start, end, ...cpuOf(c) });
  }
  return [...tasks, ...standalone].sort((a, b) => a.start - b.start);
}

/** The last of `sorted` tasks starting at or before `ts`. */
function lastStartingBy(sorted: readonly Task[], ts: number): Task | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let found: Task | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start <= ts) {
      found = sorted[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A task that ran some of our code: its length and the time our code had in it (both ms). */
export interface OurTask {
  ms: number;
  ourMs: number;
  /** The task's CPU time on the page's thread (ms), where the trace records it. */
  cpuMs?: number;
}

/**
 * The tasks in which at least one profile sample had our code on the stack.
 * @param samples our samples: each one's time and the time it stands for (both µs)
 */
export function tasksRunningOurCode(
  tasks: readonly Task[],
  samples: readonly { ts: number; dur: number }[],
): OurTask[] {
  const ours = new Map<Task, number>();
  for (const s of samples) {
    // Tasks are sorted and do not overlap: the last one starting by the sample holds it, if any does.
    const t = lastStartingBy(tasks, s.ts);
    if (t && s.ts <= t.end) ours.set(t, (ours.get(t) ?? 0) + s.dur);
  }
  return [...ours].map(([t, us]) => ({
    ms: (t.end - t.start) / 1000,
    ourMs: us / 1000,
    ...(t.cpu === undefined ? {} : { cpuMs: t.cpu / 1000 }),
  }));
}

export interface CpuProfile {
  nodes: {
    id: number;
    parent?: number;
    children?: number[];
    callFrame: { url: string; functionName?: string };
  }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** A profile sample with our code on the stack: its time and the time it stands for (µs), its leaf node. */
export interface OwnSample {
  ts: number;
  dur: number;
  node: number;
}

/**
 * Main-thread CPU time in the extension's code, from a V8 sampling profile of the page's isolate (which
 * includes the content script's isolated world): every sample whose stack has a frame from one of our
 * scripts counts, so work resumed after `await` (microtasks) is attributed too. `longest` is the longest
 * run of consecutive such samples.
 */
export function ownCpuTime(
  profile: CpuProfile,
  extensionId: string,
): { total: number; longest: number; samples: OwnSample[] } {
  // Our scripts load from chrome-extension://<id>/ and, for the page analysis (a web-accessible resource with a
  // per-session URL), from chrome-extension://<random uuid>/: in the benchmark browser ours is the only extension.
  const prefix = extensionId ? 'chrome-extension://' : '\0';
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const p = parent.get(id);
    const value = !!node && (node.callFrame.url.startsWith(prefix) || (p !== undefined && isOurs(p)));
    ours.set(id, value);
    return value;
  };
  let total = 0;
  let run = 0;
  let longest = 0;
  const samples: OwnSample[] = [];
  let ts = profile.startTime;
  // timeDeltas[i] is the gap before sample i; the sample's own duration is the gap to the next one.
  for (let i = 0; i < profile.samples.length; i++) {
    ts += profile.timeDeltas[i] ?? 0;
    // V8 sometimes records a sample out of order (a negative delta): it stands for no time.
    const dt = Math.max(0, profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (isOurs(profile.samples[i]!)) {
      total += dt;
      run += dt;
      longest = Math.max(longest, run);
      samples.push({ ts, dur: dt * 1000, node: profile.samples[i]! });
    } else {
      run = 0;
    }
  }
  return { total, longest, samples };
}

/**
 * Whether the profile saw any JavaScript run. A load whose profile holds only V8's own nodes ("(root)",
 * "(program)", "(idle)", "(garbage collector)") profiled a renderer the page did not run in: Chromium moved
 * the navigation to another process, where the profiler was not started (seen in about a third of the news
 * page's loads, 2026-12-03). Such a load measures nothing, not zero.
 */
export function profileSawScript(profile: CpuProfile): boolean {
  return profile.nodes.some(
    (n) => n.callFrame.url !== '' || !/^\(.*\)$/.test(n.callFrame.functionName ?? ''),
  );
}

/**
 * Time in scripts whose URL starts with `prefix` (ms), from a trace with the `devtools.timeline` category:
 * the outermost `EvaluateScript` / `FunctionCall` / … events that name such a script, per thread. Pass the
 * page's main thread only: the trace also holds the extension's own service worker, whose work is not the
 * page's. Unlike the CPU profile it does not sample; it misses work resumed in microtasks without a named
 * caller, so it is a lower bound on pages where ours awaits (the every-page script does not).
 */
export function scriptTimeFromTrace(
  events: readonly TraceEvent[],
  prefix: string,
  clock: 'wall' | 'thread' = 'wall',
): number {
  const ours = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && (e.args?.data?.url ?? '').startsWith(prefix))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  let total = 0;
  const ends = new Map<string, number>();
  for (const e of ours) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ts < (ends.get(thread) ?? -1)) continue; // inside the previous outer event
    ends.set(thread, e.ts + e.dur!);
    total += clock === 'thread' ? (e.tdur ?? e.dur!) : e.dur!;
  }
  return total / 1000;
}

/**
 * Where the time of one task went: the leaf functions of `samples` that fall inside `task`, by time (ms),
 * longest first, at most `limit`. "(program)" and "(garbage collector)" are the browser's own work (style,
 * layout, bindings; GC) under our call. Names what to split when a task of ours runs over the line.
 */
export function leafTimes(
  profile: CpuProfile,
  samples: readonly OwnSample[],
  task: Task,
  limit = 5,
): { name: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const times = new Map<string, number>();
  for (const s of samples) {
    if (s.ts < task.start || s.ts > task.end) continue;
    const frame = byId.get(s.node)?.callFrame;
    const file = frame?.url.split('/').pop() ?? '';
    const name = `${frame?.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
    times.set(name, (times.get(name) ?? 0) + s.dur / 1000);
  }
  return [...times]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit);
}
