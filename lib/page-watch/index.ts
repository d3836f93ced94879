/**
 * Dynamic pages: late text, accordions, framework re-renders, single-page navigation.
 * @module
 */
export { watchUrl, sameDocument, URL_POLL_MS, type UrlWatchEnv } from './url-watch';
export {
  watchMutations,
  MAX_REVEALED,
  REVEAL_ATTRIBUTES,
  type MutationSummary,
  type MutationWatch,
  type MutationWatchEnv,
  type MutationWatchOptions,
} from './mutation-watch';
export {
  planForMutations,
  uncoveredRevealedChars,
  REANALYSE_MIN_CHARS,
  REDETECT_MIN_CHARS,
  MAX_REANALYSES,
  type PageAction,
  type PageFacts,
} from './plan';
export { isRangeStale } from './stale';
export { mutationWatchEnv, urlWatchEnv, type ScriptTimers } from './window-env';
