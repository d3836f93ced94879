/**
 * One page's Fineprint session: detect → (policy) the page's markup in slices → background reads and
 * classifies → locate → highlight → summary bar and cards; answers the popup; follows SPA navigations and
 * late-rendered text.
 * Wiring only: every decision of substance lives in lib/ (detect, extract, locate, highlight, page-watch).
 */
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { benchMark as mark, benchMeasure as measure } from '@/lib/bench-marks';
import { detectPageInSteps, triageDetection, triagePage } from '@/lib/detect';
import type { TriageVerdict } from '@/lib/detect/triage';
import { textVisibility } from '@/lib/detect/visible';
import type { Block, ExtractedBlocks } from '@/lib/extract';
import { pageMarkupInSteps } from '@/lib/extract/page-markup';
import { readingFromReply } from '@/lib/extract/reading';
import type { CategoryId } from '@/lib/classify/taxonomy';
import { categoryNameKey, unsupportedLanguageText } from '@/lib/i18n';
import { barEdge, pageIsDark, uiTheme } from '@/lib/bar-placement';
import {
  caretAt,
  createHighlighter,
  createOwnNodes,
  createUiHost,
  drawSessionNames,
  isCssHidden,
  placeCard,
  pointOnBoxes,
  primaryLabel,
  stepIndex,
  type Highlighter,
  type HighlightItem,
  type UiHost,
} from '@/lib/highlight';
import {
  createLocator,
  indexTextSliced,
  normaliseForMatch,
  rangeFor,
  type IndexOptions,
  type Locator,
  type TextIndex,
} from '@/lib/locate';
import {
  isRangeStale,
  mutationWatchEnv,
  planForMutations,
  sameDocument,
  uncoveredRevealedChars,
  urlWatchEnv,
  watchMutations,
  watchUrl,
  type MutationSummary,
} from '@/lib/page-watch';
import type { PageContext } from '@/lib/page-context';
import { AbortedError, mapChunked, runSliced, schedulerEnvFor } from '@/lib/scheduler';
import { notPolicyReport } from '@/lib/page-gate';
import { fromOwnExtension, type Res } from '@/lib/messages';
import { ask, ownExtension } from '@/adapters/messaging';
import { t, uiLanguage } from '@/adapters/i18n';
import type { PageBlocks } from '@/lib/pipeline-extract';
import type { PageReport } from '@/lib/page-report';
import { clausesFromReply } from '@/lib/clause-analyses';
import { findingCounts } from '@/lib/counts';
import { isSiteDisabled, pageSettingsFrom, readPageSettings } from '@/lib/page-settings';
import { earlyPreviewBlocksInSteps, previewBlocks } from '@/lib/preview-blocks';
import type { AnalysedClause, Detection, Label, PageInfo } from '@/lib/types';
import type { ClauseCardProps } from '@/components/ClauseCard';
import { Overlay, shortcutOf, type OverlayProps } from './Overlay';
import { UI_CSS } from './ui-css';

/**
 * Characters of the page's visible text indexed for the early preview (the index keeps letters and digits
 * only): the top of the page, with room for a long header before the policy.
 */
const EARLY_INDEX_CHARS = 15_000;
/**
 * Per-task budget for our slices. A slice ends at the first pause point after it, so it runs over by up to
 * one step: at 8 ms a slice stays under a frame (16 ms) here, and under the 50 ms long-task line on a page
 * whose CPU is 4× slower (issue 26). Smaller slices cost little: a yield is `scheduler.yield()`.
 */
const BUDGET_MS = 8;
const HOVER_OPEN_MS = 250;
const HOVER_CLOSE_MS = 500;
const POINTER_THROTTLE_MS = 80;
const CARD_WIDTH = 360;
const CARD_HEIGHT_GUESS = 280;
/** The bar's box at most (ui-css.ts): expanded, two rows of counts; collapsed, one line. */
const BAR_SIZE = { width: 720, height: 96 };
const BAR_COLLAPSED_SIZE = { width: 420, height: 36 };
const BAR_COLLAPSED_KEY = 'barCollapsed';

/** Whether the user left the bar collapsed (remembered across pages in the extension's storage). */
async function readBarCollapsed(): Promise<boolean> {
  try {
    const got = await browser.storage.local.get(BAR_COLLAPSED_KEY);
    return got[BAR_COLLAPSED_KEY] === true;
  } catch {
    return false;
  }
}

interface Marked extends HighlightItem {
  clause: AnalysedClause;
  label: Label;
}

interface CardState {
  index: number;
  pinned: boolean;
  focus: boolean;
}

/** Hooks other content-script features attach to (the checkout badge). */
export interface SessionHooks {
  /** Called when detection says the page is a checkout / sign-up page. */
  onCheckout?: (detection: Detection) => void;
}

export class Session {
  private readonly env = schedulerEnvFor(window as never);
  private run: AbortController | null = null;
  private ui: UiHost | null = null;
  /** This session's random names for what it puts in the page's reach (lib/highlight/session-names.ts). */
  private readonly names = drawSessionNames((bytes) => crypto.getRandomValues(bytes));
  /** Our nodes in the page, known by reference (lib/highlight/own-nodes.ts). */
  private readonly own = createOwnNodes();
  private report: PageReport | null = null;
  private marked: Marked[] = [];
  private unplaced = 0;
  private isPolicy = false;
  /**
   * Detection called this document a checkout: it stays one until the user navigates. Terms it shows in a
   * dialog are that checkout's terms (./checkout.ts reads them); the page is never re-detected as a policy.
   */
  private isCheckout = false;
  private reanalyses = 0;
  private highlightsOn: boolean;
  private barDismissed = false;
  private barCollapsed = false;
  private card: CardState | null = null;
  private announce = '';
  private hoverTimer = 0;
  private closeTimer = 0;
  private lastPointer = 0;
  private hoverCandidate: number | null = null;
  private scrollQueued = false;
  private stopWatches: (() => void)[] = [];
  private returnFocus: Element | null = null;
  private shown: Set<CategoryId>;

  /**
   * The session exists only on pages triage let through (see lib/page-gate.ts); it starts with the defaults
   * and applies the user's settings before anything is shown.
   */
  constructor(
    private readonly ctx: PageContext,
    private readonly hooks: SessionHooks = {},
  ) {
    const defaults = pageSettingsFrom(undefined);
    this.highlightsOn = defaults.highlights;
    this.shown = new Set(defaults.shownCategories);
  }

  /** Starts the first analysis and the watchers. */
  start(): void {
    this.listenForMessages();
    this.watchPage();
    // The extension is gone (updated or reloaded): nothing of ours stays on the page.
    this.ctx.onInvalidated(() => this.teardown());
    void this.analyse('initial');
  }

  /**
   * The every-page gate loads this script only for a page its triage let through (lib/page-gate.ts): the
   * first analysis takes that verdict instead of reading the page's headings, forms and text again.
   */
  private gateVerdict: TriageVerdict | null = { inspect: true, reason: 'let through by the every-page gate' };

  private settingsLoaded = false;
  /** Read from the start, while the detector runs (this script is only loaded on pages triage let through). */
  private readonly settingsRead = readPageSettings(browser.storage.local);

  /** Loads the user's settings the first time a page is worth analysing; false when the site is switched off. */
  private async loadSettings(): Promise<boolean> {
    if (this.settingsLoaded) return !this.disposed;
    this.settingsLoaded = true;
    const settings = await this.settingsRead;
    if (isSiteDisabled(location.hostname, settings.disabledSites)) {
      this.teardown();
      return false;
    }
    this.highlightsOn = settings.highlights;
    this.shown = new Set(settings.shownCategories);
    this.barCollapsed = await readBarCollapsed();
    this.listenForSettings();
    return !this.disposed;
  }

  private highlighterInstance: Highlighter | null = null;

  /** Created on first use: pages that are not policies never need one. */
  private get highlighter(): Highlighter {
    this.highlighterInstance ??= createHighlighter(document, {
      win: window as never,
      names: this.names,
      own: this.own,
    });
    return this.highlighterInstance;
  }

  // ───────────────────────────── analysis ─────────────────────────────

  private async analyse(reason: 'initial' | 'navigation' | 'mutation'): Promise<void> {
    if (this.disposed) return;
    this.run?.abort();
    const run = new AbortController();
    this.run = run;
    const signal = run.signal;
    const url = location.href;
    try {
      // A task boundary between loading this script (compile, evaluate) and the detector, so neither adds up
      // to a long task with the other.
      await this.env.yieldToHost();
      if (signal.aborted || this.disposed) return;
      // Most pages end here, after a few native queries; only the rest pay for the full detector.
      const first =
        (reason === 'initial' && this.gateVerdict) || triagePage(document, url, textVisibility(window));
      this.gateVerdict = null;
      // A long policy's top, read straight from the page's main element, is classified and marked first, with
      // the first part of the page's index: before the background reads the whole page (Readability, from the
      // page's markup), see lib/preview-blocks `earlyPreviewBlocks`. It is sent before the full detector runs,
      // so the background classifies it meanwhile; if the detector then finds no policy, the reply is dropped
      // (the preview stores nothing). Not on a site the user switched off.
      let early: Block[] = [];
      let earlyReply: ReturnType<Session['sendPreview']> | null = null;
      if (first.inspect) {
        if (!(await this.loadSettings()) || signal.aborted) return;
        early = await runSliced(earlyPreviewBlocksInSteps(document, textVisibility(window)), {
          env: this.env,
          budgetMs: BUDGET_MS,
          signal,
        });
        if (early.length) earlyReply = this.sendPreview(url, early);
        // A task boundary: the read and the detector would be one task when the settings are already in.
        await this.env.yieldToHost();
        if (signal.aborted || this.disposed) return;
      }
      mark('detect-start');
      const detection = first.inspect
        ? await runSliced(detectPageInSteps(document, url, { isVisible: textVisibility(window) }), {
            env: this.env,
            budgetMs: BUDGET_MS,
            signal,
          })
        : triageDetection(first);
      mark('detect-end');
      measure('detect', 'detect-start', 'detect-end');
      if (detection.kind === 'other' || detection.kind === 'checkout') {
        this.isPolicy = false;
        this.report = notPolicyReport(detection, url, document.title);
        if (detection.kind === 'checkout') {
          this.isCheckout = true;
          this.hooks.onCheckout?.(detection);
        }
        return;
      }
      this.isPolicy = true;
      // Pointer, keyboard and reveal watching only on policy pages: nothing of ours runs per event elsewhere.
      this.observe(true);
      this.listenForPointerAndKeys();
      // The highlights' stylesheet now, in a task of its own: adopting it makes the browser restyle the whole
      // page, which the next visibility check would otherwise force inside one of our slices (a 15,000-word
      // page: up to 400 ms with the CPU slowed 4×, traced).
      if (this.highlightsOn) {
        this.withoutObserving(() => this.highlighter.prepare());
        await this.env.yieldToHost();
        if (signal.aborted || this.disposed) return;
      }
      let visible: Promise<TextIndex> | null = null;
      if (earlyReply) {
        // Between the detector and the index's first slice, for the same reason.
        await this.env.yieldToHost();
        if (signal.aborted || this.disposed) return;
        let top: (index: TextIndex) => void = () => undefined;
        const topIndex = new Promise<TextIndex>((resolve) => (top = resolve));
        let painted: () => void = () => undefined;
        const previewPainted = new Promise<void>((resolve) => (painted = resolve));
        // The rest of the page is indexed once the top is marked: our slices would otherwise run ahead of the
        // preview's reply and delay the first highlights.
        const onSnapshot = (index: TextIndex) => {
          top(index);
          return previewPainted;
        };
        visible = this.indexVisible(signal, { snapshotAt: EARLY_INDEX_CHARS, onSnapshot });
        visible.catch(() => undefined); // awaited below; an early return must not leave it unhandled
        await this.paintPreview(signal, early, earlyReply, Promise.race([topIndex, visible])).finally(
          painted,
        );
        if (signal.aborted || !this.ctx.isValid) return;
      }
      // Read once the preview is painted: sent earlier, the page's markup waited in the background behind the
      // preview's classification, and its reading took the CPU the preview needed (first highlights of a real
      // 6,000-word policy 69 → 101 ms, all highlights no sooner; 9 interleaved loads, 2 cores).
      const reading = this.readPage(signal, url);
      // The main thread is free while the background reads and classifies: index the page's visible text.
      if (!visible) {
        visible = this.indexVisible(signal);
        visible.catch(() => undefined); // awaited below; an early return must not leave it unhandled
      }
      const read = await reading;
      if (!read || signal.aborted || !this.ctx.isValid) return;
      const page: PageInfo = {
        kind: detection.kind,
        confidence: detection.confidence,
        language: read.language,
        title: read.title || document.title,
        url,
        reasons: detection.reasons,
      };
      const blocks = read.unsupported ? [] : read.blocks;
      const payload: PageBlocks = { url, page, blocks };
      if (read.truncated) payload.truncated = true;
      if (read.unsupported) payload.unsupported = read.unsupported;
      mark('classify-start');
      // A long policy without an early preview: its first blocks go first, on their own; the background
      // answers them in a few milliseconds and the top of the page is marked while it classifies the rest.
      const preview = early.length ? [] : previewBlocks(blocks);
      const previewing = preview.length ? this.sendPreview(url, preview) : null;
      const classifying = ask('content→bg:page-extracted', payload).finally(() => {
        mark('classify-end');
        measure('classify', 'classify-start', 'classify-end');
      });
      classifying.catch(() => undefined); // awaited below, after the preview
      if (previewing) await this.paintPreview(signal, preview, previewing, visible);
      const res = await classifying;
      if (signal.aborted || !this.ctx.isValid) return;
      const clauses = clausesFromReply(blocks, res);
      this.report = { url, page, clauses, ...(read.unsupported ? { unsupported: read.unsupported } : {}) };
      // The reply (read from the channel) and the clauses rebuilt from it take a task of their own: locating
      // starts in a fresh one.
      const index = await visible;
      await this.env.yieldToHost();
      if (signal.aborted || !this.ctx.isValid) return;
      await this.placeAndPaint(signal, index);
      if (reason === 'mutation') this.reanalyses++;
    } catch (err) {
      if (err instanceof AbortedError || signal.aborted) return;
      // The page must keep working whatever happened to us; the popup shows the background's state.
      console.warn('[fineprint] analysis failed:', err);
    }
  }

  /**
   * The page's reading, done by the background from the page's markup: Readability's parse (35–40 ms that
   * cannot be cut on a 15,000-word policy) runs off this thread, see lib/extract/page-markup.ts. The markup is
   * serialized here in slices. Null when the run was aborted meanwhile.
   */
  private async readPage(signal: AbortSignal, url: string): Promise<ExtractedBlocks | null> {
    await this.env.yieldToHost();
    if (signal.aborted || !this.ctx.isValid) return null;
    mark('extract-start');
    const own = this.own;
    const markup = await runSliced(
      pageMarkupInSteps(document, { own: (el) => own.kind(el), isVisible: textVisibility(window) }),
      {
        env: this.env,
        budgetMs: BUDGET_MS,
        signal,
      },
    );
    mark('markup-end');
    measure('markup', 'extract-start', 'markup-end');
    if (signal.aborted || !this.ctx.isValid) return null;
    const reply = await ask('content→bg:read-page', {
      url,
      html: markup.html,
      truncated: markup.truncated,
    }).catch((error: unknown) => ({ error: String(error) }));
    mark('extract-end');
    measure('extract', 'extract-start', 'extract-end');
    return signal.aborted || !this.ctx.isValid ? null : readingFromReply(reply, document.title);
  }

  /** Asks the background to classify the first blocks of the page on their own (stores nothing). */
  private sendPreview(url: string, blocks: Block[]): Promise<Res<'content→bg:classify-preview'> | undefined> {
    const previewing = ask('content→bg:classify-preview', { url, blocks });
    previewing.catch(() => undefined); // a failed preview only means the page is marked in one go
    return previewing;
  }

  /**
   * Marks the preview's labelled clauses in the visible text, before the whole page is classified. The full
   * pass (`placeAndPaint`) then replaces them; nothing else (bar, cards, the popup's report) sees the preview.
   */
  private async paintPreview(
    signal: AbortSignal,
    preview: Block[],
    previewing: Promise<Res<'content→bg:classify-preview'> | undefined>,
    visible: Promise<TextIndex>,
  ): Promise<void> {
    const clauses = clausesFromReply(preview, await previewing.catch(() => undefined));
    if (!clauses.some((c) => c.labels.length > 0)) return;
    const index = await visible;
    if (signal.aborted || this.disposed || this.report) return;
    const found = await this.locateInOrder(createLocator(index), clauses, signal);
    if (signal.aborted || this.disposed || this.report) return;
    this.marked = found.filter((m): m is Marked => m !== null);
    if (this.highlightsOn && this.marked.length) {
      this.paint();
      mark('preview-highlighted');
    }
  }

  /**
   * Each clause located in document order (unlabelled ones too, so the locator's cursor follows the text
   * closely: short or repeated labelled clauses are then found where they belong); null where a clause is
   * not found or carries no shown label.
   */
  private locateInOrder(
    locator: Locator,
    clauses: AnalysedClause[],
    signal: AbortSignal,
  ): Promise<(Marked | null)[]> {
    return mapChunked(
      clauses,
      (clause): Marked | null => {
        const placement = locator.locate(clause.text);
        if (!placement) return null;
        const label = primaryLabel(clause.labels, this.shown);
        if (!label) return null;
        return {
          id: clause.id,
          category: label.category,
          range: rangeFor(document, placement),
          segments: placement.segments,
          clause,
          label,
        };
      },
      { env: this.env, budgetMs: BUDGET_MS, signal },
    );
  }

  /** The text index of the page's visible text (in slices), with a snapshot of its top if asked. */
  private indexVisible(
    signal: AbortSignal,
    snapshot: Pick<IndexOptions, 'snapshotAt' | 'onSnapshot'> = {},
  ): Promise<TextIndex> {
    const root = document.body ?? document.documentElement;
    const visible = textVisibility(window);
    const own = this.own;
    const options: IndexOptions = { isHidden: (el) => !visible(el), isOwn: (el) => own.has(el), ...snapshot };
    return runSliced(indexTextSliced(root, options), {
      env: this.env,
      budgetMs: BUDGET_MS,
      signal,
    });
  }

  /**
   * Locates the labelled clauses in the live DOM (in slices), paints them and reports placement.
   * @param visibleIndex an index of the visible text built moments ago (while classifying), or none.
   */
  private async placeAndPaint(signal: AbortSignal, visibleIndex?: TextIndex): Promise<void> {
    const report = this.report;
    if (!report || this.disposed) return;
    mark('locate-start');
    const root = document.body ?? document.documentElement;
    const labelled = report.clauses.filter((c) => primaryLabel(c.labels, this.shown));
    // Pass 1: visible text only, so a visible clause wins over a hidden duplicate (mobile/desktop copies).
    const visible = visibleIndex ?? (await this.indexVisible(signal));
    const inOrder = await this.locateInOrder(createLocator(visible), report.clauses, signal);
    const shownIds = new Set(labelled.map((c) => c.id));
    const found = inOrder.filter((_, i) => shownIds.has(report.clauses[i]!.id));
    // Pass 2: clauses in collapsed accordions / inactive tabs. Their ranges paint nothing until the section
    // opens, then show up by themselves (Highlight API ranges are live).
    const missing = labelled.filter((_, i) => !found[i]);
    if (missing.length) {
      const own = this.own;
      const all = await runSliced(
        indexTextSliced(root, { skipHiddenAttribute: false, isOwn: (el) => own.has(el) }),
        {
          env: this.env,
          budgetMs: BUDGET_MS,
          signal,
        },
      );
      const second = await this.locateInOrder(createLocator(all), missing, signal);
      let k = 0;
      for (let i = 0; i < found.length; i++) if (!found[i]) found[i] = second[k++] ?? null;
    }
    mark('locate-end');
    measure('locate', 'locate-start', 'locate-end');
    if (signal.aborted || this.disposed) return;
    this.marked = found.filter((m): m is Marked => m !== null);
    this.unplaced = labelled.length - this.marked.length;
    report.unplaced = this.unplaced;
    this.card = null;
    mark('paint-start');
    if (this.highlightsOn) this.paint();
    mark('paint-end');
    measure('paint', 'paint-start', 'paint-end');
    mark('highlighted');
    // The bar is rendered in a task of its own: with the last locating slice and the paint it made one task
    // of 50–70 ms on the 15,000-word page (slow machine, traced).
    await this.env.yieldToHost();
    if (signal.aborted || this.disposed) return;
    mark('ui-start');
    // Our UI's host and stylesheet in one task, its first render in the next.
    if (!this.barDismissed) {
      this.ensureUi();
      await this.env.yieldToHost();
      if (signal.aborted || this.disposed) return;
    }
    await this.renderUi();
    mark('ui-end');
    measure('ui', 'ui-start', 'ui-end');
    void ask('content→bg:placement', {
      url: report.url,
      placed: this.marked.length,
      unplaced: this.unplaced,
    }).catch(() => undefined);
  }

  private paint(): void {
    this.withoutObserving(() => this.highlighter.apply(this.marked));
  }

  // ───────────────────────────── UI ─────────────────────────────

  /** Our UI's container, mounted on first use (lib/highlight/session-names.ts names its host). */
  private ensureUi(): HTMLElement {
    this.ui ??= createUiHost(document, { tag: this.names.uiTag, css: UI_CSS, own: this.own });
    if (!this.ui.host.isConnected) this.withoutObserving(() => this.ui!.attach());
    return this.ui.container;
  }

  private removeUi(): void {
    const ui = this.ui;
    if (!ui?.host.isConnected) return;
    this.withoutObserving(() => {
      render(null, ui.container);
      ui.host.remove();
    });
  }

  private async renderUi(): Promise<void> {
    if (this.disposed || !this.report || !this.ctx.isValid) return;
    const wantBar = !this.barDismissed;
    if (!wantBar && !this.card) {
      this.removeUi();
      return;
    }
    const container = this.ensureUi();
    this.withoutObserving(() => render(h(Overlay, this.overlayProps()), container));
  }

  private overlayProps(): OverlayProps {
    // The popup's numbers (lib/counts.ts): findings of the report in the categories shown, placed or not.
    const { byCategory: counts, total } = findingCounts(this.report?.clauses ?? [], [...this.shown]);
    const card = this.cardProps();
    const report = this.report;
    const bar = this.barDismissed
      ? null
      : {
          t,
          counts,
          total,
          edge: this.barEdge(card),
          ...(report?.unsupported?.reason === 'language'
            ? { notice: unsupportedLanguageText(t, report.page.language, uiLanguage()) }
            : {}),
          unplaced: this.unplaced,
          highlightsOn: this.highlightsOn,
          collapsed: this.barCollapsed,
          onNext: () => this.step(1),
          onPrev: () => this.step(-1),
          onToggleHighlights: () => void this.setHighlights(!this.highlightsOn, false),
          onToggleCollapsed: () => {
            this.barCollapsed = !this.barCollapsed;
            // Remembered for every page (our own storage: the page cannot read or set it).
            void browser.storage.local.set({ [BAR_COLLAPSED_KEY]: this.barCollapsed }).catch(() => {});
            void this.renderUi();
          },
          onDismiss: () => {
            this.barDismissed = true;
            void this.renderUi();
          },
        };
    return {
      bar,
      card,
      theme: this.theme(),
      announce: this.announce,
      onShortcut: (which) => this.step(which === 'next' ? 1 : -1),
    };
  }

  /** The bar moves to the bottom when the open card, or the clause it explains, is under it at the top. */
  private barEdge(card: ClauseCardProps | null): 'top' | 'bottom' {
    if (!card) return 'top';
    const avoid = [{ top: card.top, left: card.left, width: CARD_WIDTH, height: CARD_HEIGHT_GUESS }];
    const clause = this.marked[this.card?.index ?? -1]?.range.getBoundingClientRect();
    if (clause)
      avoid.push({ top: clause.top, left: clause.left, width: clause.width, height: clause.height });
    const size = this.barCollapsed ? BAR_COLLAPSED_SIZE : BAR_SIZE;
    return barEdge(avoid, { width: innerWidth, height: innerHeight }, size);
  }

  /** Dark on a page that paints a dark background, or paints none while the user prefers dark. */
  private theme(): 'dark' | 'light' {
    const bg = (el: Element | null) => (el ? getComputedStyle(el).backgroundColor : '');
    const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
    return uiTheme(pageIsDark([bg(document.body), bg(document.documentElement)]), prefersDark);
  }

  private cardProps(): ClauseCardProps | null {
    if (!this.card) return null;
    const m = this.marked[this.card.index];
    if (!m) return null;
    const { top, left } = placeCard(
      m.range.getBoundingClientRect(),
      { width: innerWidth, height: innerHeight },
      { width: CARD_WIDTH, heightGuess: CARD_HEIGHT_GUESS },
    );
    return {
      t,
      clause: m.clause,
      primary: m.label,
      position: this.card.index + 1,
      total: this.marked.length,
      top,
      left,
      focusOnOpen: this.card.focus,
      onClose: () => this.closeCard(true),
      onOpenReport: () => void ask('content→bg:open-report', {}).catch(() => {}),
      onNext: () => this.step(1),
      onPrev: () => this.step(-1),
    };
  }

  private openCard(index: number, how: 'hover' | 'click' | 'keyboard'): void {
    if (this.disposed) return;
    const m = this.marked[index];
    if (!m) return;
    if (how === 'keyboard' && !this.card) this.returnFocus = document.activeElement;
    this.card = { index, pinned: how !== 'hover', focus: how === 'keyboard' };
    this.announce = t('content_announce', [index + 1, this.marked.length, t(categoryNameKey(m.category))]);
    if (this.highlightsOn) this.withoutObserving(() => this.highlighter.setActive(m.id));
    void this.renderUi();
  }

  private closeCard(restoreFocus: boolean): void {
    if (!this.card) return;
    this.card = null;
    this.withoutObserving(() => this.highlighter.setActive(null));
    void this.renderUi();
    if (restoreFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = null;
  }

  /** Moves to the next / previous marked clause: scrolls to it, opens its card and focuses it. */
  private step(delta: 1 | -1): void {
    // Clauses in collapsed sections have no boxes: there is nothing on screen to move to.
    const index = stepIndex(
      this.card ? this.card.index : null,
      delta,
      this.marked.length,
      (i) => this.marked[i]!.range.getClientRects().length > 0,
    );
    if (index < 0) return;
    this.scrollTo(this.marked[index]!);
    this.openCard(index, 'keyboard');
  }

  private scrollTo(m: Marked): void {
    const rect = m.range.getBoundingClientRect();
    const target = scrollY + rect.top - innerHeight / 3;
    window.scrollTo({ top: Math.max(0, target), behavior: 'instant' as ScrollBehavior });
  }

  // ─────────────────────────── toggles, popup ───────────────────────────

  /**
   * Highlights on/off. From the popup (`everything`), off removes every trace including our UI host, so the
   * page's DOM is exactly as before; from the bar, the bar stays so the user can turn them back on.
   */
  private async setHighlights(on: boolean, everything: boolean): Promise<boolean> {
    if (this.disposed) return false;
    this.highlightsOn = on;
    if (on) {
      if (!this.report && this.isPolicy) await this.analyse('initial');
      else if (this.marked.some((m) => isRangeStale(m.range, document))) await this.relocate();
      else this.paint();
      this.barDismissed = false;
      await this.renderUi();
    } else {
      this.card = null;
      this.withoutObserving(() => this.highlighter.clear());
      if (everything) this.removeUi();
      else await this.renderUi();
    }
    return this.highlightsOn;
  }

  private reveal(clauseId: string): boolean {
    const m = this.marked.find((x) => x.id === clauseId);
    if (!m || isRangeStale(m.range, document)) return false;
    this.scrollTo(m);
    this.withoutObserving(() =>
      this.highlighter.flash(m, (fn, ms) => void this.ctx.setTimeout(() => this.withoutObserving(fn), ms)),
    );
    return true;
  }

  private listenForMessages(): void {
    const listener = (message: unknown, sender: { id?: string; url?: string }) => {
      // Only our own extension pages (popup) may drive the page: not other extensions, not content scripts.
      if (!fromOwnExtension(sender, ownExtension())) return undefined;
      const msg = message as { type?: unknown; payload?: unknown };
      const payload = (typeof msg?.payload === 'object' && msg.payload !== null ? msg.payload : {}) as Record<
        string,
        unknown
      >;
      switch (msg?.type) {
        case 'popup→content:toggle-highlights':
          if (typeof payload.on !== 'boolean') return undefined;
          return this.setHighlights(payload.on, true).then((on) => ({ on }));
        case 'popup→content:reveal-clause':
          if (typeof payload.clauseId !== 'string') return undefined;
          return Promise.resolve({ found: this.reveal(payload.clauseId) });
        case 'bg→content:get-report':
          return Promise.resolve(this.report);
        default:
          return undefined;
      }
    };
    browser.runtime.onMessage.addListener(listener as never);
    this.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener as never));
  }

  /** Follows settings changed in the popup / options page while the page is open. */
  private listenForSettings(): void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !changes.settings || !this.ctx.isValid) return;
      const next = pageSettingsFrom(changes.settings.newValue);
      if (isSiteDisabled(location.hostname, next.disabledSites)) {
        // Switched off for this site: leave the page exactly as it was.
        this.teardown();
        return;
      }
      const shownChanged =
        next.shownCategories.length !== this.shown.size ||
        next.shownCategories.some((c) => !this.shown.has(c));
      this.shown = new Set(next.shownCategories);
      if (next.highlights !== this.highlightsOn) void this.setHighlights(next.highlights, !next.highlights);
      else if (shownChanged && this.report) void this.relocate();
    };
    browser.storage.onChanged.addListener(listener);
    this.ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
    this.stopWatches.push(() => browser.storage.onChanged.removeListener(listener));
  }

  // ───────────────────────── pointer, keyboard ─────────────────────────

  private itemIndexAt(e: MouseEvent): number {
    if (!this.highlightsOn || !this.marked.length) return -1;
    let item: HighlightItem | null = null;
    if (this.highlighter.mode === 'marks') {
      item = this.highlighter.itemForElement(e.target instanceof Element ? e.target : null);
    } else {
      const pos = caretAt(document, e.clientX, e.clientY);
      if (!pos) return -1;
      item = this.highlighter.itemAtPoint(pos.node, pos.offset);
      // The caret snaps to the nearest text even in margins; require the pointer to be on the clause's boxes.
      if (item && !pointOnBoxes(item.range.getClientRects(), e.clientX, e.clientY)) item = null;
    }
    return item ? this.marked.findIndex((m) => m.id === item.id) : -1;
  }

  /** An event in our UI (its target is retargeted to our host outside the closed shadow root). */
  private isOwnEvent(e: Event): boolean {
    return e.target instanceof Node && this.own.has(e.target);
  }

  private listening = false;

  private listenForPointerAndKeys(): void {
    if (this.listening) return;
    this.listening = true;
    // The user switching the system theme redraws our UI in the theme it now needs.
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (scheme) this.ctx.addEventListener(scheme, 'change', () => void this.renderUi());
    this.ctx.addEventListener(
      document,
      'click',
      (e: MouseEvent) => {
        // Only the user's own clicks, keys and pointer: a page script's synthetic events drive nothing.
        if (!e.isTrusted || this.isOwnEvent(e)) return;
        const index = this.itemIndexAt(e);
        if (index >= 0) this.openCard(index, 'click');
        else if (this.card) this.closeCard(false);
      },
      { passive: true },
    );
    this.ctx.addEventListener(
      document,
      'mousemove',
      (e: MouseEvent) => {
        if (!e.isTrusted) return;
        const now = performance.now();
        if (now - this.lastPointer < POINTER_THROTTLE_MS) {
          // Throttled, but the pointer's resting place must still count: re-check it at the window's end.
          this.pendingPointer = e;
          if (!this.pointerTimer)
            this.pointerTimer = this.ctx.setTimeout(() => {
              this.pointerTimer = 0;
              const last = this.pendingPointer;
              this.pendingPointer = null;
              if (last) this.onPointer(last);
            }, POINTER_THROTTLE_MS);
          return;
        }
        this.pendingPointer = null;
        this.onPointer(e);
      },
      { passive: true },
    );
    this.ctx.addEventListener(
      window,
      'keydown',
      (e: KeyboardEvent) => {
        // Keys inside our shadow root are handled there (the Overlay and the card).
        if (!e.isTrusted || this.isOwnEvent(e)) return;
        const which = shortcutOf(e);
        if (which && this.marked.length && this.highlightsOn) {
          e.preventDefault();
          this.step(which === 'next' ? 1 : -1);
        } else if (e.key === 'Escape' && this.card) {
          this.closeCard(true);
        }
      },
      { capture: true },
    );
    this.ctx.addEventListener(
      window,
      'scroll',
      () => {
        if (!this.card || this.scrollQueued) return;
        this.scrollQueued = true;
        this.ctx.requestAnimationFrame(() => {
          this.scrollQueued = false;
          void this.renderUi();
        });
      },
      { passive: true },
    );
  }

  private pendingPointer: MouseEvent | null = null;
  private pointerTimer = 0;

  /** Hover logic for one (throttled) pointer position. */
  private onPointer(e: MouseEvent): void {
    this.lastPointer = performance.now();
    const keepOpen = () => {
      clearTimeout(this.closeTimer);
      this.closeTimer = 0;
    };
    if (this.isOwnEvent(e)) {
      keepOpen();
      return;
    }
    const index = this.itemIndexAt(e);
    if (index >= 0) {
      keepOpen();
      if (this.card?.index === index || this.hoverCandidate === index) return;
      this.hoverCandidate = index;
      clearTimeout(this.hoverTimer);
      this.hoverTimer = this.ctx.setTimeout(() => {
        this.hoverCandidate = null;
        if (!this.card?.pinned) this.openCard(index, 'hover');
      }, HOVER_OPEN_MS);
    } else {
      this.hoverCandidate = null;
      clearTimeout(this.hoverTimer);
      if (this.card && !this.card.pinned && !this.closeTimer) {
        this.closeTimer = this.ctx.setTimeout(() => {
          this.closeTimer = 0;
          if (this.card && !this.card.pinned) this.closeCard(false);
        }, HOVER_CLOSE_MS);
      }
    }
  }

  // ───────────────────────── dynamic pages ─────────────────────────

  private observer: { flush(): void } | null = null;

  /** Runs our own DOM work without our observer treating it as page changes. */
  private withoutObserving(fn: () => void): void {
    try {
      fn();
    } finally {
      this.observer?.flush();
    }
  }

  private watchPage(): void {
    this.stopWatches.push(
      watchUrl(urlWatchEnv(window, this.ctx), (href, previous) => {
        if (sameDocument(href, previous)) return;
        this.resetForNavigation();
        void this.analyse('navigation');
      }),
    );
    this.observe(false);
  }

  private observing: { reveals: boolean; stop: () => void } | null = null;

  /**
   * (Re)starts the mutation watcher. Ordinary pages only need added text (a policy rendered late); on a
   * policy page we also watch visibility attributes (accordions, tabs), which fire far more often.
   */
  private observe(reveals: boolean): void {
    if (this.observing?.reveals === reveals || !this.ctx.isValid) return;
    this.observing?.stop();
    const watch = watchMutations(
      document.documentElement,
      mutationWatchEnv(window, this.ctx),
      { isOwn: (node) => this.own.has(node), debounceMs: 500, maxWaitMs: 3000, watchReveals: reveals },
      (summary) => this.onMutations(summary),
    );
    this.observer = watch;
    this.observing = { reveals, stop: () => watch.stop() };
  }

  private coveredText: { report: PageReport; text: string } | null = null;

  private onMutations(summary: MutationSummary): void {
    if (!this.ctx.isValid || this.isCheckout) return;
    const stale = this.marked.filter((m) => isRangeStale(m.range, document)).length;
    let uncoveredChars = 0;
    // A revealed element that already holds painted clauses is a container we have read (e.g. a class
    // flipped on <body> while scrolling), not a section that just opened.
    const opened = summary.revealed.filter(
      (el) => !this.marked.some((m) => el.contains(m.range.startContainer)),
    );
    const candidates = [...opened, ...summary.added];
    if (this.isPolicy && candidates.length) {
      const report = this.report;
      if (report && this.coveredText?.report !== report)
        this.coveredText = { report, text: report.clauses.map((c) => normaliseForMatch(c.text)).join('') };
      uncoveredChars = uncoveredRevealedChars(
        candidates
          .filter((el) => el.isConnected && !this.own.has(el))
          .map((el) => ({ text: el.textContent ?? '', visible: !isCssHidden(el) })),
        this.coveredText?.text ?? '',
        normaliseForMatch,
      );
    }
    // Too many insertions to check one by one: treat the added text as new.
    if (summary.addedOverflow) uncoveredChars = Math.max(uncoveredChars, summary.addedChars);
    const action = planForMutations(
      { isPolicy: this.isPolicy, unplaced: this.unplaced, staleRanges: stale, reanalyses: this.reanalyses },
      { addedChars: summary.addedChars, uncoveredChars },
    );
    if (action === 'redetect' || action === 'reanalyse') void this.analyse('mutation');
    else if (action === 'relocate') void this.relocate();
  }

  private async relocate(): Promise<void> {
    if (!this.report) return;
    const run = new AbortController();
    this.run?.abort();
    this.run = run;
    try {
      await this.placeAndPaint(run.signal);
    } catch (err) {
      if (!(err instanceof AbortedError)) console.warn('[fineprint] relocate failed:', err);
    }
  }

  private resetForNavigation(): void {
    this.run?.abort();
    this.withoutObserving(() => this.highlighterInstance?.clear());
    this.removeUi();
    this.report = null;
    this.marked = [];
    this.unplaced = 0;
    this.card = null;
    this.reanalyses = 0;
    this.isPolicy = false;
    this.isCheckout = false;
    this.barDismissed = false;
    this.observe(false);
  }

  private disposed = false;

  private teardown(): void {
    this.disposed = true;
    this.run?.abort();
    for (const stop of this.stopWatches.splice(0)) stop();
    this.observing?.stop();
    this.observing = null;
    this.observer = null;
    this.highlighterInstance?.clear();
    this.removeUi();
    this.card = null;
    this.marked = [];
    this.report = null;
  }
}
