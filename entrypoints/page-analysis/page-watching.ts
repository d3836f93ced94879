/**
 * Watching the page after the first analysis: a single-page app moving to another address starts a new
 * analysis; text added late (a policy rendered after load) or revealed (accordions, tabs) is looked at, and
 * lib/page-watch decides whether to re-detect, re-analyse, place the marks again, or do nothing. Our own DOM
 * work runs through `quietly`, so the watcher never takes it for a page change.
 */
import { isCssHidden, type OwnNodes } from '@/lib/highlight';
import { normaliseForMatch } from '@/lib/locate';
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
import type { PageMarks } from '@/lib/page-report';
import type { PageContext } from '@/lib/page-context';
import type { PageState } from './page-state';

export interface PageWatchingDeps {
  ctx: PageContext;
  state: PageState;
  own: OwnNodes;
  /** The address changed to another document of the same app. */
  onNavigation: () => void;
  reanalyse: () => void;
  relocate: () => void;
}

export interface PageWatching {
  /**
   * (Re)starts the mutation watcher. Ordinary pages only need added text (a policy rendered late); on a
   * policy page we also watch visibility attributes (accordions, tabs), which fire far more often.
   */
  observe(reveals: boolean): void;
  /** Runs our own DOM work without our observer treating it as page changes. */
  quietly(fn: () => void): void;
  stop(): void;
}

export function watchPage(deps: PageWatchingDeps): PageWatching {
  const { ctx, state, own } = deps;
  let observer: { flush(): void; stop(): void } | null = null;
  let reveals: boolean | null = null;
  let coveredText: { report: PageMarks; text: string } | null = null;

  const onMutations = (summary: MutationSummary) => {
    if (!ctx.isValid || state.isCheckout) return;
    const stale = state.marked.filter((m) => isRangeStale(m.range, document)).length;
    let uncoveredChars = 0;
    // A revealed element that already holds painted clauses is a container we have read (e.g. a class
    // flipped on <body> while scrolling), not a section that just opened.
    const opened = summary.revealed.filter(
      (el) => !state.marked.some((m) => el.contains(m.range.startContainer)),
    );
    const candidates = [...opened, ...summary.added];
    if (state.isPolicy && candidates.length) {
      const report = state.report;
      if (report && coveredText?.report !== report)
        coveredText = { report, text: report.clauses.map((c) => normaliseForMatch(c.text)).join('') };
      uncoveredChars = uncoveredRevealedChars(
        candidates
          .filter((el) => el.isConnected && !own.has(el))
          .map((el) => ({ text: el.textContent ?? '', visible: !isCssHidden(el) })),
        coveredText?.text ?? '',
        normaliseForMatch,
      );
    }
    // Too many insertions to check one by one: treat the added text as new.
    if (summary.addedOverflow) uncoveredChars = Math.max(uncoveredChars, summary.addedChars);
    const action = planForMutations(
      {
        isPolicy: state.isPolicy,
        unplaced: state.unplaced,
        staleRanges: stale,
        reanalyses: state.reanalyses,
      },
      { addedChars: summary.addedChars, uncoveredChars },
    );
    if (action === 'redetect' || action === 'reanalyse') deps.reanalyse();
    else if (action === 'relocate') deps.relocate();
  };

  const observe = (watchReveals: boolean) => {
    if (reveals === watchReveals || !ctx.isValid) return;
    observer?.stop();
    observer = watchMutations(
      document.documentElement,
      mutationWatchEnv(window, ctx),
      { isOwn: (node) => own.has(node), debounceMs: 500, maxWaitMs: 3000, watchReveals },
      onMutations,
    );
    reveals = watchReveals;
  };

  const stopUrl = watchUrl(urlWatchEnv(window, ctx), (href, previous) => {
    if (!sameDocument(href, previous)) deps.onNavigation();
  });
  observe(false);

  return {
    observe,
    quietly(fn) {
      try {
        fn();
      } finally {
        observer?.flush();
      }
    },
    stop() {
      stopUrl();
      observer?.stop();
      observer = null;
      reveals = null;
    },
  };
}
