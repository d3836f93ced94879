// The benchmark's main-thread tasks and their attribution to our code (scripts/main-thread-tasks.ts).
import { describe, expect, it } from 'vitest';
import {
  profileSawScript,
  scriptTimeFromTrace,
  leafTimes,
  ownCpuTime,
  tasksRunningOurCode,
  threadTasks,
  type CpuProfile,
  type TraceEvent,
} from '../../scripts/main-thread-tasks';

const X = (name: string, ts: number, dur: number, tid = 1): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  pid: 7,
  tid,
});

describe('threadTasks', () => {
  it('joins a task with the microtask checkpoint right after it, and keeps others apart', () => {
    const tasks = threadTasks(
      [
        X('ThreadControllerImpl::RunTask', 1_000, 10_000),
        X('RunTask', 1_000, 10_000), // the same task, recorded twice
        X('BlinkScheduler_PerformMicrotaskCheckpoint', 11_010, 45_000), // its checkpoint: one 55 ms stretch
        X('BlinkScheduler_PerformMicrotaskCheckpoint', 5_000, 1_000), // inside the task
        X('RunTask', 60_000, 2_000),
        X('BlinkScheduler_PerformMicrotaskCheckpoint', 70_000, 3_000), // after a gap: on its own
        X('RunTask', 80_000, 70_000, 2), // another thread
        { name: 'RunTask', ph: 'B', ts: 90_000, pid: 7, tid: 1 },
      ],
      7,
      1,
    );
    expect(tasks).toEqual([
      { start: 1_000, end: 56_010 },
      { start: 60_000, end: 62_000 },
      { start: 70_000, end: 73_000 },
    ]);
  });
});

describe('threadTasks: CPU time', () => {
  it("sums the thread's CPU time of a task and its checkpoint, not of a task nested in it", () => {
    const T = (name: string, ts: number, dur: number, tdur: number): TraceEvent => ({
      ...X(name, ts, dur),
      tdur,
    });
    const tasks = threadTasks(
      [
        T('ThreadControllerImpl::RunTask', 0, 200_000, 40_000), // 200 ms of wall, 40 ms of CPU
        T('RunTask', 10_000, 5_000, 5_000), // nested: its CPU time is in the outer one's
        T('BlinkScheduler_PerformMicrotaskCheckpoint', 200_010, 30_000, 12_000),
        X('RunTask', 300_000, 60_000), // no CPU time recorded
      ],
      7,
      1,
    );
    expect(tasks).toEqual([
      { start: 0, end: 230_010, cpu: 52_000 },
      { start: 300_000, end: 360_000 },
    ]);
    expect(tasksRunningOurCode(tasks, [{ ts: 1_000, dur: 100 }])).toEqual([
      { ms: 230.01, ourMs: 0.1, cpuMs: 52 },
    ]);
  });
});

describe('tasksRunningOurCode', () => {
  it('attributes each sample to the task holding it, and leaves out tasks with none', () => {
    const tasks = [
      { start: 0, end: 60_000 },
      { start: 70_000, end: 75_000 },
      { start: 80_000, end: 200_000 },
    ];
    const samples = [
      { ts: 10_000, dur: 200 },
      { ts: 59_999, dur: 200 },
      { ts: 65_000, dur: 200 }, // between tasks (idle): no task
      { ts: 100_000, dur: 400 },
    ];
    expect(tasksRunningOurCode(tasks, samples)).toEqual([
      { ms: 60, ourMs: 0.4 },
      { ms: 120, ourMs: 0.4 },
    ]);
  });
});

describe('ownCpuTime', () => {
  // root → page.js → ext.js (ours: its children count too); root → (idle)
  const nodes: CpuProfile['nodes'] = [
    { id: 1, children: [2, 4], callFrame: { url: '' } },
    { id: 2, children: [3], callFrame: { url: 'https://page.example/page.js' } },
    { id: 3, callFrame: { url: 'chrome-extension://abc/content.js' } },
    { id: 4, callFrame: { url: '' } },
  ];

  it('counts the samples with our code on the stack, with their times and the longest run', () => {
    const profile: CpuProfile = {
      nodes,
      startTime: 1_000,
      samples: [3, 3, 2, 3, 4, 3],
      timeDeltas: [0, 1_000, 1_000, 1_000, 1_000, 1_000],
    };
    const got = ownCpuTime(profile, 'abc');
    // Each sample stands for the gap to the next one; the last one for none.
    expect(got.total).toBe(3);
    expect(got.longest).toBe(2);
    expect(got.samples).toEqual([
      { ts: 1_000, dur: 1_000, node: 3 },
      { ts: 2_000, dur: 1_000, node: 3 },
      { ts: 4_000, dur: 1_000, node: 3 },
      { ts: 6_000, dur: 0, node: 3 },
    ]);
  });

  it('names where a task’s time went: leaf functions of our samples inside it, longest first', () => {
    const named: CpuProfile['nodes'] = [
      ...nodes.slice(0, 2),
      {
        id: 3,
        children: [5],
        callFrame: { url: 'chrome-extension://abc/content.js', functionName: 'locate' },
      },
      nodes[3]!,
      { id: 5, callFrame: { url: '', functionName: '(garbage collector)' } },
    ];
    const profile: CpuProfile = {
      nodes: named,
      startTime: 0,
      samples: [3, 5, 3, 3, 3],
      timeDeltas: [0, 1_000, 1_000, 1_000, 1_000],
    };
    const own = ownCpuTime(profile, 'abc');
    // The task holds the first four samples; the fifth is after it.
    expect(leafTimes(profile, own.samples, { start: 0, end: 3_500 })).toEqual([
      { name: 'locate content.js', ms: 3 },
      { name: '(garbage collector)', ms: 1 },
    ]);
    expect(leafTimes(profile, own.samples, { start: 0, end: 3_500 }, 1)).toHaveLength(1);
  });

  it('gives a sample recorded out of order (a negative delta) no time, never a negative one', () => {
    const profile: CpuProfile = { nodes, startTime: 0, samples: [3, 3, 3], timeDeltas: [0, -5_000, 1_000] };
    const got = ownCpuTime(profile, 'abc');
    expect(got.total).toBe(1);
    expect(got.samples.every((s) => s.dur >= 0)).toBe(true);
  });
});

describe('profileSawScript', () => {
  const v8 = (name: string, id: number) => ({ id, callFrame: { url: '', functionName: name } });
  const base = { samples: [], timeDeltas: [], startTime: 0 };

  it('is false for a profile of only V8’s own nodes (the page ran in another renderer)', () => {
    const nodes = [v8('(root)', 1), v8('(program)', 2), v8('(idle)', 3), v8('(garbage collector)', 4)];
    expect(profileSawScript({ ...base, nodes })).toBe(false);
  });

  it('is true once any script ran, ours or the page’s, even without a URL (an eval)', () => {
    expect(
      profileSawScript({
        ...base,
        nodes: [
          v8('(root)', 1),
          { id: 2, callFrame: { url: 'https://page.example/a.js', functionName: '' } },
        ],
      }),
    ).toBe(true);
    expect(profileSawScript({ ...base, nodes: [v8('(root)', 1), v8('render', 2)] })).toBe(true);
  });
});

describe('scriptTimeFromTrace', () => {
  const ev = (name: string, ts: number, dur: number, url: string, tid = 1): TraceEvent => ({
    ...X(name, ts, dur, tid),
    args: { data: { url } },
  });
  const ours = 'chrome-extension://abc/every-page.js';

  it('sums the outermost events naming our scripts, per thread, and nothing of the page', () => {
    const events = [
      ev('EvaluateScript', 1_000, 2_000, ours),
      ev('FunctionCall', 1_500, 500, ours), // nested in the evaluation: not counted twice
      ev('FunctionCall', 5_000, 300, ours),
      ev('FunctionCall', 5_100, 100, ours, 2), // another thread, overlapping in time: its own
      ev('EvaluateScript', 9_000, 4_000, 'https://page.example/app.js'),
      X('RunTask', 0, 20_000),
    ];
    expect(scriptTimeFromTrace(events, 'chrome-extension://')).toBeCloseTo(2.4, 6);
    expect(scriptTimeFromTrace(events, 'moz-extension://')).toBe(0);
  });

  it('by the thread clock, counts only the CPU time of those events (wall time where a trace has none)', () => {
    const events = [
      { ...ev('EvaluateScript', 1_000, 2_000, ours), tdur: 800 },
      { ...ev('FunctionCall', 1_500, 500, ours), tdur: 100 }, // nested: not counted
      ev('FunctionCall', 5_000, 300, ours),
    ];
    expect(scriptTimeFromTrace(events, 'chrome-extension://', 'thread')).toBeCloseTo(1.1, 6);
    expect(scriptTimeFromTrace(events, 'chrome-extension://')).toBeCloseTo(2.3, 6);
  });
});
