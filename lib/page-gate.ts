/**
 * The every-page gate. The content script that runs on every page holds only this and triage; the page
 * analysis (full detector, the page's markup, highlighting, cards — and Preact) is a separate script
 * loaded into the same isolated world when triage lets the page through. On the pages that end at triage
 * nothing of that is even parsed.
 *
 * Until the analysis is loaded the gate keeps watching, cheaply, for the two ways a page can become a policy
 * later: a single-page navigation, and a burst of added text (a client-rendered policy). Either re-runs triage.
 * Once the analysis is loaded it follows the page itself, so the gate stops.
 * @module
 */
import type { TriageVerdict } from './detect/triage';
import type { PageReport } from './messages';
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
  url: UrlWatchEnv;
  mutations: { root: Node; env: MutationWatchEnv };
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

export function startPageGate(env: GateEnv): PageGate {
  let verdict = env.triage();
  let handedOver = false;
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
  if (verdict.inspect) {
    handOver();
  } else {
    stops.push(
      watchUrl(env.url, (href, previous) => {
        if (!sameDocument(href, previous)) recheck();
      }),
    );
    const watch = watchMutations(
      env.mutations.root,
      env.mutations.env,
      // Nothing of ours is in the page yet; attributes are not watched (reveals only matter on policies).
      { isOwn: () => false, watchReveals: false, debounceMs: 500, maxWaitMs: 3000 },
      (summary) => {
        if (summary.addedChars >= REDETECT_MIN_CHARS) recheck();
      },
    );
    stops.push(() => watch.stop());
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
