/**
 * Finding the analysed clauses in the live page and marking them: the page's visible text indexed in slices,
 * each clause located in document order, the labelled ones painted, then the bar. The early preview's clauses
 * are marked the same way before the whole page is classified.
 */
import { benchMark as mark, benchMeasure as measure } from '@/lib/bench-marks';
import { textVisibility } from '@/lib/detect/visible';
import { clausesFromReplyInSteps, type ClauseCut, type MarkedClause } from '@/lib/clause-analyses';
import type { Block, ExtractedBlocks } from '@/lib/extract';
import { primaryLabel, type OwnNodes } from '@/lib/highlight';
import {
  createLocator,
  indexTextSliced,
  rangeFor,
  type IndexOptions,
  type Locator,
  type Placement,
  type TextIndex,
} from '@/lib/locate';
import type { Res } from '@/lib/messages';
import { mapChunked, runSliced, type SchedulerEnv } from '@/lib/scheduler';
import { ask } from '@/adapters/messaging';
import type { OverlayController } from './overlay-controller';
import { BUDGET_MS, type Marked, type PageState } from './page-state';

export type PreviewReply = Promise<Res<'content→bg:classify-preview'> | undefined>;

/** The background's reading of the page's markup: its blocks, its id, the clauses cut from it if it cut them. */
export interface PageRead {
  reading: ExtractedBlocks;
  readId: string | null;
  cuts: ClauseCut[] | null;
}

/** The background's cut clauses (before their labels), each located in the page's visible text or not. */
export interface LocatedCuts {
  clauses: { id: string; text: string }[];
  placements: (Placement | null)[];
}

export interface PlacingDeps {
  state: PageState;
  env: SchedulerEnv;
  own: OwnNodes;
  overlay: OverlayController;
  /** Paints `state.marked` (when highlights are on). */
  paint: () => void;
}

export interface Placing {
  /** The text index of the page's visible text (in slices), with a snapshot of its top if asked. */
  indexVisible(
    signal: AbortSignal,
    snapshot?: Pick<IndexOptions, 'snapshotAt' | 'onSnapshot'>,
  ): Promise<TextIndex>;
  /**
   * Marks the preview's labelled clauses in the visible text, before the whole page is classified. The full
   * pass (`placeAndPaint`) then replaces them; nothing else (bar, cards, the popup's report) sees the preview.
   */
  paintPreview(
    signal: AbortSignal,
    preview: Block[],
    previewing: PreviewReply,
    visible: Promise<TextIndex>,
  ): Promise<void>;
  /**
   * Locates the clauses the background cut from its reading in the page's visible text, in document order, while
   * the background labels them: `placeAndPaint` then only marks the labelled ones.
   */
  locateCuts(
    signal: AbortSignal,
    blocks: Block[],
    cuts: ClauseCut[],
    visible: Promise<TextIndex>,
  ): Promise<LocatedCuts>;
  /**
   * Locates the labelled clauses of the report in the live DOM (in slices), paints them and reports placement.
   * @param visibleIndex an index of the visible text built moments ago (while classifying), or none.
   * @param located the report's clauses located in that index already (`locateCuts`); used only when its clauses
   * are the report's, in the same order.
   */
  placeAndPaint(signal: AbortSignal, visibleIndex?: TextIndex, located?: LocatedCuts): Promise<void>;
}

export function createPlacing(deps: PlacingDeps): Placing {
  const { state, env, own, overlay } = deps;
  const sliced = { env, budgetMs: BUDGET_MS };

  /** A clause's mark where it was placed, or null when it was not found or carries no shown label. */
  const markAt = (clause: MarkedClause, placement: Placement | null): Marked | null => {
    if (!placement) return null;
    const label = primaryLabel(clause.labels, state.shown);
    if (!label) return null;
    return {
      id: clause.id,
      category: label.category,
      range: rangeFor(document, placement),
      segments: placement.segments,
      clause,
      label,
    };
  };

  /**
   * Each clause located in document order (unlabelled ones too, so the locator's cursor follows the text
   * closely: short or repeated labelled clauses are then found where they belong); null where a clause is
   * not found or carries no shown label.
   */
  const locateInOrder = (locator: Locator, clauses: MarkedClause[], signal: AbortSignal) =>
    mapChunked(clauses, (clause) => markAt(clause, locator.locate(clause.text)), { ...sliced, signal });

  /** Each clause located in document order (all of them: see `locateInOrder`), null where not found. */
  const placeInOrder = (locator: Locator, clauses: readonly { text: string }[], signal: AbortSignal) =>
    mapChunked(clauses, (clause) => locator.locate(clause.text), { ...sliced, signal });

  /** The shown, labelled clauses marked where they were placed (null for the others), as `locateInOrder`. */
  const markPlaced = (clauses: MarkedClause[], placements: (Placement | null)[], signal: AbortSignal) =>
    mapChunked(clauses, (clause, i) => markAt(clause, placements[i] ?? null), { ...sliced, signal });

  const locateCuts: Placing['locateCuts'] = async (signal, blocks, cuts, visible) => {
    const clauses = await runSliced(clausesFromReplyInSteps(blocks, { clauses: cuts, marks: [] }), {
      ...sliced,
      signal,
    });
    const index = await visible;
    return { clauses, placements: await placeInOrder(createLocator(index), clauses, signal) };
  };

  /** Whether `located` placed exactly these clauses, in this order. */
  const placedThese = (located: LocatedCuts, clauses: MarkedClause[]) =>
    located.clauses.length === clauses.length &&
    clauses.every((c, i) => c.id === located.clauses[i]!.id && c.text === located.clauses[i]!.text);

  const indexVisible: Placing['indexVisible'] = (signal, snapshot = {}) => {
    const root = document.body ?? document.documentElement;
    const visible = textVisibility(window);
    const options: IndexOptions = { isHidden: (el) => !visible(el), isOwn: (el) => own.has(el), ...snapshot };
    return runSliced(indexTextSliced(root, options), { ...sliced, signal });
  };

  const paintPreview: Placing['paintPreview'] = async (signal, preview, previewing, visible) => {
    const reply = await previewing.catch(() => undefined);
    const clauses = await runSliced(clausesFromReplyInSteps(preview, reply), { ...sliced, signal });
    if (!clauses.some((c) => c.labels.length > 0)) return;
    const index = await visible;
    if (signal.aborted || state.disposed || state.report) return;
    const found = await locateInOrder(createLocator(index), clauses, signal);
    if (signal.aborted || state.disposed || state.report) return;
    state.marked = found.filter((m): m is Marked => m !== null);
    if (state.highlightsOn && state.marked.length) {
      deps.paint();
      mark('preview-highlighted');
    }
  };

  const placeAndPaint: Placing['placeAndPaint'] = async (signal, visibleIndex, located) => {
    const report = state.report;
    if (!report || state.disposed) return;
    mark('locate-start');
    const root = document.body ?? document.documentElement;
    const labelled = report.clauses.filter((c) => primaryLabel(c.labels, state.shown));
    // Pass 1: visible text only, so a visible clause wins over a hidden duplicate (mobile/desktop copies).
    const visible = visibleIndex ?? (await indexVisible(signal));
    // Located while the background labelled them, in this very index, when they are the report's clauses.
    const placements =
      located && visibleIndex && placedThese(located, report.clauses)
        ? located.placements
        : await placeInOrder(createLocator(visible), report.clauses, signal);
    const inOrder = await markPlaced(report.clauses, placements, signal);
    const shownIds = new Set(labelled.map((c) => c.id));
    const found = inOrder.filter((_, i) => shownIds.has(report.clauses[i]!.id));
    // Pass 2: clauses in collapsed accordions / inactive tabs. Their ranges paint nothing until the section
    // opens, then show up by themselves (Highlight API ranges are live).
    const missing = labelled.filter((_, i) => !found[i]);
    if (missing.length) {
      const all = await runSliced(
        indexTextSliced(root, { skipHiddenAttribute: false, isOwn: (el) => own.has(el) }),
        { ...sliced, signal },
      );
      const second = await locateInOrder(createLocator(all), missing, signal);
      let k = 0;
      for (let i = 0; i < found.length; i++) if (!found[i]) found[i] = second[k++] ?? null;
    }
    mark('locate-end');
    measure('locate', 'locate-start', 'locate-end');
    if (signal.aborted || state.disposed) return;
    state.marked = found.filter((m): m is Marked => m !== null);
    state.unplaced = labelled.length - state.marked.length;
    report.unplaced = state.unplaced;
    state.card = null;
    mark('paint-start');
    if (state.highlightsOn) deps.paint();
    mark('paint-end');
    measure('paint', 'paint-start', 'paint-end');
    mark('highlighted');
    // The bar is rendered in a task of its own: with the last locating slice and the paint it made one task
    // of 50–70 ms on the 15,000-word page (slow machine, traced).
    await env.yieldToHost();
    if (signal.aborted || state.disposed) return;
    mark('ui-start');
    // Our UI's host and stylesheet in one task, its texts in the next, its empty root in a third, the bar in a
    // fourth.
    if (!state.barDismissed) {
      overlay.ensure();
      await env.yieldToHost();
      if (signal.aborted || state.disposed) return;
      overlay.prepare();
      await env.yieldToHost();
      if (signal.aborted || state.disposed) return;
      overlay.renderShell();
      await env.yieldToHost();
      if (signal.aborted || state.disposed) return;
    }
    await overlay.render();
    mark('ui-end');
    measure('ui', 'ui-start', 'ui-end');
    void ask('content→bg:placement', {
      url: report.url,
      placed: state.marked.length,
      unplaced: state.unplaced,
    }).catch(() => undefined);
  };

  return { indexVisible, paintPreview, locateCuts, placeAndPaint };
}
