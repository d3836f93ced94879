/**
 * One page's Fineprint session: the parts, each in its own module, wired together around one shared state
 * (./page-state.ts):
 *  - the analysis run (./analysis-run.ts) and the placing of its clauses (./placing.ts);
 *  - the bar and cards (./overlay-controller.ts);
 *  - the user's pointer and keys (./pointer-keys.ts);
 *  - messages from the popup and settings changes (./popup-channel.ts);
 *  - page watching: SPA navigations, late-rendered and revealed text (./page-watching.ts);
 *  - the checkout badge, through `SessionHooks` (./checkout.ts).
 * What is left here is what ties them: the settings, highlights on and off, navigation and teardown.
 */
import { browser } from 'wxt/browser';
import { createHighlighter, createOwnNodes, drawSessionNames, type Highlighter } from '@/lib/highlight';
import type { PageContext } from '@/lib/page-context';
import { isRangeStale } from '@/lib/page-watch';
import { isSiteDisabled, pageSettingsFrom, readPageSettings, settingsChange } from '@/lib/page-settings';
import { schedulerEnvFor } from '@/lib/scheduler';
import type { Detection } from '@/lib/types';
import { createAnalysisRun, type AnalysisRun } from './analysis-run';
import { readBarCollapsed } from './extension-api';
import { createOverlayController, type OverlayController } from './overlay-controller';
import { forgetPage, initialState, type PageState } from './page-state';
import { watchPage, type PageWatching } from './page-watching';
import { createPlacing } from './placing';
import { listenForPointerAndKeys } from './pointer-keys';
import { listenForSettings, listenToPopup } from './popup-channel';

/** Hooks other content-script features attach to (the checkout badge). */
export interface SessionHooks {
  /** Called when detection says the page is a checkout / sign-up page. */
  onCheckout?: (detection: Detection) => void;
}

export class Session {
  private readonly state: PageState = initialState();
  /** This session's random names for what it puts in the page's reach (lib/highlight/session-names.ts). */
  private readonly names = drawSessionNames((bytes) => crypto.getRandomValues(bytes));
  /** Our nodes in the page, known by reference (lib/highlight/own-nodes.ts). */
  private readonly own = createOwnNodes();
  private readonly stops: (() => void)[] = [];
  private highlighterInstance: Highlighter | null = null;
  private watching: PageWatching | null = null;
  private readonly overlay: OverlayController;
  private readonly run: AnalysisRun;
  private settingsLoaded = false;
  private listening = false;

  /**
   * The session exists only on pages triage let through (see lib/page-gate.ts); it starts with the defaults
   * and applies the user's settings before anything is shown.
   */
  constructor(
    private readonly ctx: PageContext,
    private readonly hooks: SessionHooks = {},
  ) {
    const quietly = (fn: () => void) => this.quietly(fn);
    const env = schedulerEnvFor(window as never);
    const highlighter = () => this.highlighter;
    this.overlay = createOverlayController({
      ctx,
      state: this.state,
      names: this.names,
      own: this.own,
      highlighter,
      quietly,
      setHighlights: (on, everything) => this.setHighlights(on, everything),
    });
    const placing = createPlacing({
      state: this.state,
      env,
      own: this.own,
      overlay: this.overlay,
      paint: () => this.paint(),
    });
    this.run = createAnalysisRun({
      ctx,
      state: this.state,
      env,
      own: this.own,
      placing,
      // The every-page gate loads this script only for a page its triage let through (lib/page-gate.ts).
      gateVerdict: { inspect: true, reason: 'let through by the every-page gate' },
      loadSettings: () => this.loadSettings(),
      onPolicy: () => this.onPolicy(),
      onCheckout: (detection) => this.hooks.onCheckout?.(detection),
    });
  }

  /** Starts the first analysis and the watchers. */
  start(): void {
    listenToPopup(this.ctx, {
      setHighlights: (on) => this.setHighlights(on, true),
      reveal: (clauseId) => this.reveal(clauseId),
      report: () => this.state.report,
    });
    this.watching = watchPage({
      ctx: this.ctx,
      state: this.state,
      own: this.own,
      onNavigation: () => {
        this.resetForNavigation();
        void this.run.analyse('navigation');
      },
      reanalyse: () => void this.run.analyse('mutation'),
      relocate: () => void this.run.relocate(),
    });
    // The extension is gone (updated or reloaded): nothing of ours stays on the page.
    this.ctx.onInvalidated(() => this.teardown());
    void this.run.analyse('initial');
  }

  /** Created on first use: pages that are not policies never need one. */
  private get highlighter(): Highlighter {
    this.highlighterInstance ??= createHighlighter(document, {
      win: window as never,
      names: this.names,
      own: this.own,
    });
    return this.highlighterInstance;
  }

  private quietly(fn: () => void): void {
    if (this.watching) this.watching.quietly(fn);
    else fn();
  }

  private paint(): void {
    this.quietly(() => this.highlighter.apply(this.state.marked));
  }

  /** Loads the user's settings the first time a page is worth analysing; false when the site is switched off. */
  private async loadSettings(): Promise<boolean> {
    if (this.settingsLoaded) return !this.state.disposed;
    this.settingsLoaded = true;
    // Read here, in the first analysis's first task, not while this script is evaluated: the first touch of
    // `storage` in this world sets up its bindings, which made that evaluation's task longer (10–40 ms of it
    // with the page's CPU slowed 4×, traced).
    const settings = await readPageSettings(browser.storage.local);
    if (isSiteDisabled(location.hostname, settings.disabledSites)) {
      this.teardown();
      return false;
    }
    this.state.highlightsOn = settings.highlights;
    this.state.shown = new Set(settings.shownCategories);
    this.state.barCollapsed = await readBarCollapsed();
    this.stops.push(listenForSettings(this.ctx, (stored) => this.onSettings(stored)));
    return !this.state.disposed;
  }

  private onSettings(stored: unknown): void {
    const next = pageSettingsFrom(stored);
    const change = settingsChange(
      { highlights: this.state.highlightsOn, shown: this.state.shown, hasReport: !!this.state.report },
      next,
      location.hostname,
    );
    // Switched off for this site: leave the page exactly as it was.
    if (change.action === 'switch-off') return this.teardown();
    this.state.shown = new Set(next.shownCategories);
    if (change.action === 'highlights') void this.setHighlights(change.on, !change.on);
    else if (change.action === 'relocate') void this.run.relocate();
  }

  /** Pointer, keyboard and reveal watching only on policy pages: nothing of ours runs per event elsewhere. */
  private onPolicy(): void {
    this.watching?.observe(true);
    if (!this.listening) {
      this.listening = true;
      listenForPointerAndKeys({
        ctx: this.ctx,
        state: this.state,
        own: this.own,
        highlighter: () => this.highlighter,
        overlay: this.overlay,
      });
    }
    if (this.state.highlightsOn) this.quietly(() => this.highlighter.prepare());
  }

  /**
   * Highlights on/off. From the popup (`everything`), off removes every trace including our UI host, so the
   * page's DOM is exactly as before; from the bar, the bar stays so the user can turn them back on.
   */
  private async setHighlights(on: boolean, everything: boolean): Promise<boolean> {
    const state = this.state;
    if (state.disposed) return false;
    state.highlightsOn = on;
    if (on) {
      if (!state.report && state.isPolicy) await this.run.analyse('initial');
      else if (state.marked.some((m) => isRangeStale(m.range, document))) await this.run.relocate();
      else this.paint();
      state.barDismissed = false;
      await this.overlay.render();
    } else {
      state.card = null;
      this.quietly(() => this.highlighter.clear());
      if (everything) this.overlay.remove();
      else await this.overlay.render();
    }
    return state.highlightsOn;
  }

  private reveal(clauseId: string): boolean {
    const m = this.state.marked.find((x) => x.id === clauseId);
    if (!m || isRangeStale(m.range, document)) return false;
    this.overlay.scrollTo(m);
    this.quietly(() =>
      this.highlighter.flash(m, (fn, ms) => void this.ctx.setTimeout(() => this.quietly(fn), ms)),
    );
    return true;
  }

  private resetForNavigation(): void {
    this.run.abort();
    this.quietly(() => this.highlighterInstance?.clear());
    this.overlay.remove();
    forgetPage(this.state);
    this.watching?.observe(false);
  }

  private teardown(): void {
    const state = this.state;
    state.disposed = true;
    this.run.abort();
    for (const stop of this.stops.splice(0)) stop();
    this.watching?.stop();
    this.highlighterInstance?.clear();
    this.overlay.remove();
    state.card = null;
    state.marked = [];
    state.report = null;
    state.details.clear();
  }
}
