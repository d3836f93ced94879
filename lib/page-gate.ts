/**
 * The every-page gate. The content script that runs on every page holds only this and triage; the page
 * analysis (full detector, the page's markup, highlighting, cards — and Preact) is a separate script
 * loaded into the same isolated world when triage lets the page through. On the pages that end at triage
 * nothing of that is even parsed.
 *
 * Until the analysis is loaded the gate keeps watching for the two ways a page can become a policy later: a
 * single-page navigation, and a burst of added text (a client-rendered policy). Either re-runs triage. Once
 * the analysis is loaded it follows the page itself, so the gate stops.
 *
 * The watchers (the Navigation API and a MutationObserver) start only once the page shows signs of being an
 * app: it is still thin when triage reads it (a shell whose content renders later), or the user clicks, or
 * its history moves (popstate, hashchange). Until then the gate only listens for those three events on the
 * window. On most pages the watchers never start: each interface a script first touches costs its isolated
 * world a one-time binding setup, and the mutation callbacks ran for every change the page made to itself
 * (docs/every-page-budget.md).
 * @module
 */
import type { TriageVerdict } from './detect/triage';
import type { PageReport } from './page-report';
import {
  REDETECT_MIN_CHARS,
  sameDocument,
  watchMutations,
  watchUrl,
  type MutationWatchEnv,
  type UrlWatchEnv,
} from './page-watch';
import type { Detection } from './types';

export interface GateEnv {
  /** Triage of the page as it is now. */
  triage: () => TriageVerdict;
  /** Loads the page analysis (once). */
  load: () => Promise<unknown>;
  /**
   * Whether the extension is still there. A script left on a page after the extension was updated or
   * reloaded must not act on its old extension: the gate stops at the first change it sees after that.
   */
  alive: () => boolean;
  /**
   * The watchers' environments, asked for only when the watching starts: reading `window.navigation` or
   * `window.MutationObserver` already makes a fresh isolated world set up that interface.
   */
  watchers: () => { url: UrlWatchEnv; mutations: { root: Node; env: MutationWatchEnv } };
  /** The page's address now (`document.URL`). */
  href: () => string;
  /** Where the signs of an app are heard (the window: click, popstate, hashchange). */
  signs: EventTarget;
  /** Where a failed load is reported (the page must keep working). */
  onLoadError: (error: unknown) => void;
}

export interface PageGate {
  /** The latest triage verdict. */
  verdict(): TriageVerdict;
  /** Whether the analysis has been asked for (it then answers for the page). */
  handedOver(): boolean;
  stop(): void;
}

/** Below this many characters of text triage sampled, a page is taken for an app still rendering. */
export const UNFINISHED_PAGE_CHARS = 2_000;
/** The events that show a page moves by itself: a click (an app's link), and its history moving. */
export const APP_SIGNS = ['click', 'popstate', 'hashchange'] as const;

export function startPageGate(env: GateEnv): PageGate {
  let verdict = env.triage();
  let handedOver = false;
  let watching = false;
  const stops: (() => void)[] = [];
  const stop = () => {
    for (const s of stops.splice(0)) s();
  };
  const handOver = () => {
    if (handedOver) return;
    handedOver = true;
    stop();
    env.load().catch(env.onLoadError);
  };
  const recheck = () => {
    if (!env.alive()) return stop();
    verdict = env.triage();
    if (verdict.inspect) handOver();
  };
  const watch = () => {
    if (watching || handedOver) return;
    watching = true;
    const { url, mutations: watched } = env.watchers();
    stops.push(
      watchUrl(url, (href, previous) => {
        if (!sameDocument(href, previous)) recheck();
      }),
    );
    const mutations = watchMutations(
      watched.root,
      watched.env,
      // Nothing of ours is in the page yet; attributes are not watched (reveals only matter on policies).
      { isOwn: () => false, watchReveals: false, debounceMs: 500, maxWaitMs: 3000 },
      (summary) => {
        if (summary.addedChars >= REDETECT_MIN_CHARS) recheck();
      },
    );
    stops.push(() => mutations.stop());
  };
  if (verdict.inspect) {
    handOver();
  } else if ((verdict.textChars ?? 0) < UNFINISHED_PAGE_CHARS) {
    watch();
  } else {
    const seen = env.href();
    const onSign = () => {
      for (const type of APP_SIGNS) env.signs.removeEventListener(type, onSign, true);
      // The sign may itself be the navigation (popstate, or a router acting before the click reaches us).
      if (!sameDocument(env.href(), seen)) recheck();
      watch();
    };
    for (const type of APP_SIGNS) env.signs.addEventListener(type, onSign, true);
    stops.push(() => {
      for (const type of APP_SIGNS) env.signs.removeEventListener(type, onSign, true);
    });
  }
  return { verdict: () => verdict, handedOver: () => handedOver, stop };
}

/** The report of a page that is not analysed (not a policy, or a checkout page whose badge says the rest). */
export function notPolicyReport(detection: Detection, url: string, title: string): PageReport {
  return {
    url,
    page: {
      kind: detection.kind,
      confidence: detection.confidence,
      language: 'und',
      title,
      url,
      reasons: detection.reasons,
    },
    clauses: [],
    unsupported: { reason: 'not-a-policy', message: 'This page is not a privacy policy or terms.' },
    unplaced: 0,
  };
}
