/**
 * The session's UI in the page: the summary bar and the clause card inside our closed shadow root, opening,
 * closing and stepping through cards, and where the bar sits so it never covers the card or its clause.
 */
import { h, render } from 'preact';
import type { ClauseCardProps } from '@/components/ClauseCard';
import { barEdge, pageIsDark, uiTheme } from '@/lib/bar-placement';
import { withDetails } from '@/lib/clause-analyses';
import { findingCounts } from '@/lib/counts';
import {
  createUiHost,
  placeCard,
  stepIndex,
  type Highlighter,
  type OwnNodes,
  type SessionNames,
  type UiHost,
} from '@/lib/highlight';
import { categoryNameKey, unsupportedLanguageText } from '@/lib/i18n';
import type { PageContext } from '@/lib/page-context';
import { ask } from '@/adapters/messaging';
import { t, uiLanguage } from '@/adapters/i18n';
import { saveBarCollapsed } from './extension-api';
import { Overlay, type OverlayProps } from './Overlay';
import type { Marked, PageState } from './page-state';
import { UI_CSS } from './ui-css';

const CARD_WIDTH = 360;
const CARD_HEIGHT_GUESS = 280;
/** The bar's box at most (ui-css.ts): expanded, two rows of counts; collapsed, one line. */
const BAR_SIZE = { width: 720, height: 96 };
const BAR_COLLAPSED_SIZE = { width: 420, height: 36 };

export interface OverlayDeps {
  ctx: PageContext;
  state: PageState;
  names: SessionNames;
  own: OwnNodes;
  highlighter: () => Highlighter;
  /** Runs our own DOM work without the page watcher taking it for page changes. */
  quietly: (fn: () => void) => void;
  /** Highlights on / off from the bar (`everything` false: the bar stays). */
  setHighlights: (on: boolean, everything: boolean) => Promise<boolean>;
}

export interface OverlayController {
  /** Mounts our UI's host and stylesheet (a task of its own before the first render). */
  ensure(): HTMLElement;
  /**
   * Reads the UI's language, a first text and the page's background (a task of its own before the first
   * render): the first lookups of the extension's messages in this world, and the page's restyle after our
   * highlights, were inside the render's task, which took 60–110 ms of thread CPU with the page's CPU slowed 4×
   * (traced).
   */
  prepare(): void;
  /**
   * Renders the UI's root without the bar (nothing visible; a task of its own before the first full render):
   * the first render of our UI in this world ran Preact's code for the first time and made one task of 52-79 ms
   * of the thread's CPU with the page's CPU slowed 4× (profiled); the shell takes that first run, the bar the
   * next task.
   */
  renderShell(): void;
  remove(): void;
  render(): Promise<void>;
  openCard(index: number, how: 'hover' | 'click' | 'keyboard'): void;
  closeCard(restoreFocus: boolean): void;
  /** Moves to the next / previous marked clause: scrolls to it, opens its card and focuses it. */
  step(delta: 1 | -1): void;
  scrollTo(m: Marked): void;
}

export function createOverlayController(deps: OverlayDeps): OverlayController {
  const { ctx, state, quietly } = deps;
  let ui: UiHost | null = null;
  let returnFocus: Element | null = null;
  /** The overlay has been rendered since it was last mounted. */
  let rendered = false;
  /** The details asked of the background and not yet answered, by report and clause id. */
  const asking = new WeakMap<object, Map<string, Promise<void>>>();

  const ensure = (): HTMLElement => {
    ui ??= createUiHost(document, { tag: deps.names.uiTag, css: UI_CSS, own: deps.own });
    const host = ui;
    if (!host.host.isConnected) quietly(() => host.attach());
    return host.container;
  };

  const prepare = () => {
    uiLanguage();
    t(categoryNameKey('ai-training'));
    // Reading the page's background makes the browser restyle the page now (our highlights and our host
    // left that pending), in this task rather than the render's.
    theme();
  };

  const renderShell = () => {
    // Only before the first render since the UI was mounted: over a bar it would take it away for a task.
    if (rendered || state.disposed || !state.report || !ctx.isValid || state.barDismissed) return;
    const container = ensure();
    const shell: OverlayProps = { bar: null, card: null, theme: theme(), announce: '', onShortcut: () => {} };
    quietly(() => render(h(Overlay, shell), container));
  };

  const remove = () => {
    const host = ui;
    if (!host?.host.isConnected) return;
    quietly(() => {
      render(null, host.container);
      host.host.remove();
    });
    rendered = false;
  };

  const renderUi = async (): Promise<void> => {
    if (state.disposed || !state.report || !ctx.isValid) return;
    if (state.barDismissed && !state.card) {
      remove();
      return;
    }
    const container = ensure();
    quietly(() => render(h(Overlay, overlayProps()), container));
    rendered = true;
  };

  const scrollTo = (m: Marked) => {
    const rect = m.range.getBoundingClientRect();
    const target = scrollY + rect.top - innerHeight / 3;
    window.scrollTo({ top: Math.max(0, target), behavior: 'instant' as ScrollBehavior });
  };

  const openCard = (index: number, how: 'hover' | 'click' | 'keyboard') => {
    if (state.disposed) return;
    const m = state.marked[index];
    if (!m) return;
    if (how === 'keyboard' && !state.card) returnFocus = document.activeElement;
    state.card = { index, pinned: how !== 'hover', focus: how === 'keyboard' };
    state.announce = t('content_announce', [index + 1, state.marked.length, t(categoryNameKey(m.category))]);
    if (state.highlightsOn) quietly(() => deps.highlighter().setActive(m.id));
    if (state.details.has(m.id)) return void renderUi();
    // The card shows once its clause's details are in: a message to the background, a few milliseconds.
    void loadDetails(m).then(() => {
      if (state.card?.index === index && state.marked[index] === m) void renderUi();
    });
  };

  /** Asks the background for what the clause's card shows besides its marks (see lib/clause-analyses.ts). */
  const loadDetails = (m: Marked): Promise<void> => {
    const report = state.report;
    if (!report) return Promise.resolve();
    const mine = asking.get(report) ?? new Map<string, Promise<void>>();
    asking.set(report, mine);
    const pending = mine.get(m.id);
    if (pending) return pending;
    const asked = ask('content→bg:clause-details', { url: report.url, clauseId: m.id })
      .catch(() => null)
      .then((details) => {
        if (state.report === report) state.details.set(m.id, details ?? null);
      })
      .finally(() => mine.delete(m.id));
    mine.set(m.id, asked);
    return asked;
  };

  const closeCard = (restoreFocus: boolean) => {
    if (!state.card) return;
    state.card = null;
    quietly(() => deps.highlighter().setActive(null));
    void renderUi();
    if (restoreFocus && returnFocus instanceof HTMLElement) returnFocus.focus();
    returnFocus = null;
  };

  const step = (delta: 1 | -1) => {
    // Clauses in collapsed sections have no boxes: there is nothing on screen to move to.
    const index = stepIndex(
      state.card ? state.card.index : null,
      delta,
      state.marked.length,
      (i) => state.marked[i]!.range.getClientRects().length > 0,
    );
    if (index < 0) return;
    scrollTo(state.marked[index]!);
    openCard(index, 'keyboard');
  };

  const cardProps = (): ClauseCardProps | null => {
    if (!state.card) return null;
    const m = state.marked[state.card.index];
    if (!m) return null;
    const details = state.details.get(m.id);
    if (details === undefined) return null;
    // Without details (the background had none) the card says what the marks say.
    const clause = withDetails(m.clause, details);
    const primary = clause.labels.find((l) => l.category === m.label.category) ?? clause.labels[0];
    if (!primary) return null;
    const { top, left } = placeCard(
      m.range.getBoundingClientRect(),
      { width: innerWidth, height: innerHeight },
      { width: CARD_WIDTH, heightGuess: CARD_HEIGHT_GUESS },
    );
    return {
      t,
      clause,
      primary,
      position: state.card.index + 1,
      total: state.marked.length,
      top,
      left,
      focusOnOpen: state.card.focus,
      onClose: () => closeCard(true),
      onOpenReport: () => void ask('content→bg:open-report', {}).catch(() => {}),
      onNext: () => step(1),
      onPrev: () => step(-1),
    };
  };

  /** The bar moves to the bottom when the open card, or the clause it explains, is under it at the top. */
  const edge = (card: ClauseCardProps | null): 'top' | 'bottom' => {
    if (!card) return 'top';
    const avoid = [{ top: card.top, left: card.left, width: CARD_WIDTH, height: CARD_HEIGHT_GUESS }];
    const clause = state.marked[state.card?.index ?? -1]?.range.getBoundingClientRect();
    if (clause)
      avoid.push({ top: clause.top, left: clause.left, width: clause.width, height: clause.height });
    const size = state.barCollapsed ? BAR_COLLAPSED_SIZE : BAR_SIZE;
    return barEdge(avoid, { width: innerWidth, height: innerHeight }, size);
  };

  /** Dark on a page that paints a dark background, or paints none while the user prefers dark. */
  const theme = (): 'dark' | 'light' => {
    const bg = (el: Element | null) => (el ? getComputedStyle(el).backgroundColor : '');
    const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
    return uiTheme(pageIsDark([bg(document.body), bg(document.documentElement)]), prefersDark);
  };

  const overlayProps = (): OverlayProps => {
    // The popup's numbers (lib/counts.ts): findings of the report in the categories shown, placed or not.
    const { byCategory: counts, total } = findingCounts(state.report?.clauses ?? [], [...state.shown]);
    const card = cardProps();
    const report = state.report;
    const bar = state.barDismissed
      ? null
      : {
          t,
          counts,
          total,
          edge: edge(card),
          ...(report?.unsupported?.reason === 'language'
            ? { notice: unsupportedLanguageText(t, report.page.language, uiLanguage()) }
            : {}),
          unplaced: state.unplaced,
          highlightsOn: state.highlightsOn,
          collapsed: state.barCollapsed,
          onNext: () => step(1),
          onPrev: () => step(-1),
          onToggleHighlights: () => void deps.setHighlights(!state.highlightsOn, false),
          onToggleCollapsed: () => {
            state.barCollapsed = !state.barCollapsed;
            saveBarCollapsed(state.barCollapsed);
            void renderUi();
          },
          onDismiss: () => {
            state.barDismissed = true;
            void renderUi();
          },
        };
    return {
      bar,
      card,
      theme: theme(),
      announce: state.announce,
      onShortcut: (which) => step(which === 'next' ? 1 : -1),
    };
  };

  return { ensure, prepare, renderShell, remove, render: renderUi, openCard, closeCard, step, scrollTo };
}
