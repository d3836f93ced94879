/**
 * One analysis of the page, start to finish, aborted by the next: triage or the gate's verdict → (policy) an
 * early preview of the page's top → the full detector → the page's markup read by the background → its
 * blocks classified there → clauses placed and painted (./placing.ts). At most one run at a time.
 */
import { benchMark as mark, benchMeasure as measure } from '@/lib/bench-marks';
import { detectPageInSteps, triageDetection, triagePage } from '@/lib/detect';
import type { TriageVerdict } from '@/lib/detect/triage';
import { textVisibility } from '@/lib/detect/visible';
import { clausesFromReplyInSteps } from '@/lib/clause-analyses';
import type { Block } from '@/lib/extract';
import { pageMarkupInSteps } from '@/lib/extract/page-markup';
import { readingFromReply } from '@/lib/extract/reading';
import { pageBlocksOf } from '@/lib/page-blocks';
import type { OwnNodes } from '@/lib/highlight';
import type { TextIndex } from '@/lib/locate';
import type { PageContext } from '@/lib/page-context';
import { notPolicyReport } from '@/lib/page-gate';
import { earlyPreviewBlocksInSteps, previewBlocks } from '@/lib/preview-blocks';
import { AbortedError, runSliced, type SchedulerEnv } from '@/lib/scheduler';
import type { Detection, PageInfo } from '@/lib/types';
import { ask } from '@/adapters/messaging';
import { BUDGET_MS, type PageState } from './page-state';
import type { PageRead, Placing, PreviewReply } from './placing';

/**
 * Characters of the page's visible text indexed for the early preview (the index keeps letters and digits
 * only): the top of the page, with room for a long header before the policy.
 */
const EARLY_INDEX_CHARS = 15_000;

export type RunReason = 'initial' | 'navigation' | 'mutation';

export interface AnalysisRunDeps {
  ctx: PageContext;
  state: PageState;
  env: SchedulerEnv;
  own: OwnNodes;
  placing: Placing;
  /**
   * The verdict of the every-page gate that loaded this script (lib/page-gate.ts): the first run takes it
   * instead of reading the page's headings, forms and text again.
   */
  gateVerdict: TriageVerdict;
  /** Loads the user's settings once; false when the site is switched off. */
  loadSettings: () => Promise<boolean>;
  /** The page is a policy: pointer, keys and reveal watching start, the highlights' stylesheet is adopted. */
  onPolicy: () => void;
  onCheckout: (detection: Detection) => void;
}

export interface AnalysisRun {
  analyse(reason: RunReason): Promise<void>;
  /** Places the current report again (shown categories changed, marks went stale). */
  relocate(): Promise<void>;
  abort(): void;
}

export function createAnalysisRun(deps: AnalysisRunDeps): AnalysisRun {
  const { ctx, state, env, placing } = deps;
  let run: AbortController | null = null;
  let gateVerdict: TriageVerdict | null = deps.gateVerdict;
  const sliced = (signal: AbortSignal) => ({ env, budgetMs: BUDGET_MS, signal });
  const gone = (signal: AbortSignal) => signal.aborted || !ctx.isValid;

  const start = () => {
    run?.abort();
    run = new AbortController();
    return run.signal;
  };

  /** Asks the background to classify the first blocks of the page on their own (stores nothing). */
  const sendPreview = (url: string, blocks: Block[]): PreviewReply => {
    const previewing = ask('content→bg:classify-preview', { url, blocks });
    previewing.catch(() => undefined); // a failed preview only means the page is marked in one go
    return previewing;
  };

  /**
   * The page's reading, done by the background from the page's markup: Readability's parse (35–40 ms that
   * cannot be cut on a 15,000-word policy) runs off this thread, see lib/extract/page-markup.ts. The markup is
   * serialized here in slices. The background keeps what it read: `readId` names it when the page asks for it to
   * be classified (none when the background did not answer). Null when the run was aborted meanwhile.
   * `onSent` is called once the markup is handed to the browser (or the run is aborted before).
   */
  const readPage = async (
    signal: AbortSignal,
    page: PageInfo & { url: string },
    onSent: () => void,
  ): Promise<PageRead | null> => {
    try {
      return await sendAndRead(signal, page, onSent);
    } finally {
      onSent();
    }
  };

  const sendAndRead = async (
    signal: AbortSignal,
    page: PageInfo & { url: string },
    onSent: () => void,
  ): Promise<PageRead | null> => {
    await env.yieldToHost();
    if (gone(signal)) return null;
    mark('extract-start');
    const markup = await runSliced(
      pageMarkupInSteps(document, { own: (el) => deps.own.kind(el), isVisible: textVisibility(window) }),
      sliced(signal),
    );
    mark('markup-end');
    measure('markup', 'extract-start', 'markup-end');
    // A task boundary: sending serializes the markup in the sender's task (20–50 ms of thread CPU with the
    // page's CPU slowed 4×, traced), which with the walk's last slice made one task over 50 ms.
    await env.yieldToHost();
    if (gone(signal)) return null;
    const asked = ask('content→bg:read-page', {
      url: page.url,
      html: markup.html,
      truncated: markup.truncated,
      page,
    });
    onSent();
    const reply = await asked.catch((error: unknown) => ({ error: String(error) }));
    mark('extract-end');
    measure('extract', 'extract-start', 'extract-end');
    if (gone(signal)) return null;
    const readId = reply && 'readId' in reply ? reply.readId : null;
    const cuts = reply && 'cuts' in reply && Array.isArray(reply.cuts) ? reply.cuts : null;
    return { reading: readingFromReply(reply, document.title), readId, cuts };
  };

  const analyse = async (reason: RunReason): Promise<void> => {
    if (state.disposed) return;
    const signal = start();
    const url = location.href;
    const stopped = () => signal.aborted || state.disposed;
    try {
      // A task boundary between loading this script (compile, evaluate) and the detector, so neither adds up
      // to a long task with the other.
      await env.yieldToHost();
      if (stopped()) return;
      // Most pages end here, after a few native queries; only the rest pay for the full detector.
      const first =
        (reason === 'initial' && gateVerdict) || triagePage(document, url, textVisibility(window));
      gateVerdict = null;
      // A long policy's top, read straight from the page's main element, is classified and marked first, with
      // the first part of the page's index: before the background reads the whole page (Readability, from the
      // page's markup), see lib/preview-blocks `earlyPreviewBlocks`. It is sent before the full detector runs,
      // so the background classifies it meanwhile; if the detector then finds no policy, the reply is dropped
      // (the preview stores nothing). Not on a site the user switched off.
      let early: Block[] = [];
      let earlyReply: PreviewReply | null = null;
      if (first.inspect) {
        if (!(await deps.loadSettings()) || signal.aborted) return;
        early = await runSliced(earlyPreviewBlocksInSteps(document, textVisibility(window)), sliced(signal));
        if (early.length) {
          // A task boundary: the language check's first run (the job's last step) and the first message sent
          // from this world made one task of 42-49 ms of the thread's CPU with the page's CPU slowed 4× (profiled).
          await env.yieldToHost();
          if (stopped()) return;
          earlyReply = sendPreview(url, early);
        }
        // A task boundary: the read and the detector would be one task when the settings are already in.
        await env.yieldToHost();
        if (stopped()) return;
      }
      mark('detect-start');
      const detection = first.inspect
        ? await runSliced(
            detectPageInSteps(document, url, { isVisible: textVisibility(window) }),
            sliced(signal),
          )
        : triageDetection(first);
      mark('detect-end');
      measure('detect', 'detect-start', 'detect-end');
      if (detection.kind === 'other' || detection.kind === 'checkout') {
        state.isPolicy = false;
        state.report = notPolicyReport(detection, url, document.title);
        state.details.clear();
        if (detection.kind === 'checkout') {
          state.isCheckout = true;
          deps.onCheckout(detection);
        }
        return;
      }
      state.isPolicy = true;
      // A task boundary: the detector's last slice and what onPolicy sets up (highlighter, listeners, the
      // highlights' stylesheet) made one task of 55–120 ms of thread CPU with the page's CPU slowed 4× (traced).
      if (first.inspect) {
        await env.yieldToHost();
        if (stopped()) return;
      }
      deps.onPolicy();
      // The highlights' stylesheet is adopted in onPolicy, in a task of its own: adopting it makes the browser
      // restyle the whole page, which the next visibility check would otherwise force inside one of our slices
      // (a 15,000-word page: up to 400 ms with the CPU slowed 4×, traced).
      if (state.highlightsOn) {
        await env.yieldToHost();
        if (stopped()) return;
      }
      let visible: Promise<TextIndex> | null = null;
      // The page's markup is on the way to all highlights, the index of its text is not (it waits for the
      // background's reading and classification): the index's slices wait until the markup is sent, instead of
      // taking turns with the markup's.
      let markupSent: () => void = () => undefined;
      const sent = new Promise<void>((resolve) => (markupSent = resolve));
      signal.addEventListener('abort', markupSent, { once: true });
      if (earlyReply) {
        // Between the detector and the index's first slice, for the same reason.
        await env.yieldToHost();
        if (stopped()) return;
        let top: (index: TextIndex) => void = () => undefined;
        const topIndex = new Promise<TextIndex>((resolve) => (top = resolve));
        let painted: () => void = () => undefined;
        const previewPainted = new Promise<void>((resolve) => (painted = resolve));
        // The rest of the page is indexed once the top is marked (our slices would otherwise run ahead of the
        // preview's reply and delay the first highlights) and the markup sent.
        const onSnapshot = (index: TextIndex) => {
          top(index);
          return previewPainted.then(() => sent);
        };
        visible = placing.indexVisible(signal, { snapshotAt: EARLY_INDEX_CHARS, onSnapshot });
        visible.catch(() => undefined); // awaited below; an early return must not leave it unhandled
        await placing
          .paintPreview(signal, early, earlyReply, Promise.race([topIndex, visible]))
          .finally(painted);
        if (gone(signal)) return;
      }
      // What the page alone knows; the background takes language and title from its own reading.
      const detected: PageInfo & { url: string } = {
        kind: detection.kind,
        confidence: detection.confidence,
        language: 'und',
        title: document.title,
        url,
        reasons: detection.reasons,
      };
      // Read once the preview is painted: sent earlier, the page's markup waited in the background behind the
      // preview's classification, and its reading took the CPU the preview needed (first highlights of a real
      // 6,000-word policy 69 → 101 ms, all highlights no sooner; 9 interleaved loads, 2 cores).
      const reading = readPage(signal, detected, markupSent);
      // The main thread is free while the background reads and classifies: index the page's visible text.
      if (!visible) {
        visible = sent.then(() => placing.indexVisible(signal));
        visible.catch(() => undefined); // awaited below; an early return must not leave it unhandled
      }
      const read = await reading;
      if (!read || gone(signal)) return;
      const { page, blocks, unsupported } = pageBlocksOf(url, detected, read.reading);
      mark('classify-start');
      // A long policy without an early preview: its first blocks go first, on their own; the background
      // answers them in a few milliseconds and the top of the page is marked while it classifies the rest.
      const preview = early.length ? [] : previewBlocks(blocks);
      const previewing = preview.length ? sendPreview(url, preview) : null;
      // The background classifies and stores the reading it kept, named by its id: no text goes back.
      const classifying = (
        read.readId === null
          ? Promise.resolve(undefined)
          : ask('content→bg:page-extracted', { url, readId: read.readId, page: detected })
      ).finally(() => {
        mark('classify-end');
        measure('classify', 'classify-start', 'classify-end');
      });
      classifying.catch(() => undefined); // awaited below, after the preview
      // The clauses the background cut as it read the page are located while it labels them.
      const located = read.cuts && placing.locateCuts(signal, blocks, read.cuts, visible).catch(() => null);
      if (previewing) await placing.paintPreview(signal, preview, previewing, visible);
      const res = await classifying;
      if (gone(signal)) return;
      // The clauses rebuilt from the reply in slices (a 15,000-word policy's 1,500 made one task of 50–60 ms with
      // the page's CPU slowed 4×), then locating starts in a fresh task.
      const clauses = await runSliced(clausesFromReplyInSteps(blocks, res), sliced(signal));
      if (gone(signal)) return;
      state.report = { url, page, clauses, ...(unsupported ? { unsupported } : {}) };
      state.details.clear();
      const index = await visible;
      const cutsPlaced = located ? await located : null;
      await env.yieldToHost();
      if (gone(signal)) return;
      await placing.placeAndPaint(signal, index, cutsPlaced ?? undefined);
      if (reason === 'mutation') state.reanalyses++;
    } catch (err) {
      if (err instanceof AbortedError || signal.aborted) return;
      // The page must keep working whatever happened to us; the popup shows the background's state.
      console.warn('[fineprint] analysis failed:', err);
    }
  };

  const relocate = async (): Promise<void> => {
    if (!state.report) return;
    const signal = start();
    try {
      await placing.placeAndPaint(signal);
    } catch (err) {
      if (!(err instanceof AbortedError)) console.warn('[fineprint] relocate failed:', err);
    }
  };

  return { analyse, relocate, abort: () => run?.abort() };
}
