/**
 * Notices single-page navigations (pushState / replaceState / popstate / hash changes). Page scripts call
 * `history.pushState` in their own world, where a content script cannot intercept it, so this listens to
 * the Navigation API where it exists and otherwise polls `location.href` (a string compare: negligible cost).
 * @module
 */

export interface UrlWatchEnv {
  /** Current URL (`() => location.href`). */
  href: () => string;
  /** `window.navigation`, when the browser has the Navigation API. */
  navigation?: EventTarget | null;
  /** The window, for `popstate` / `hashchange`. */
  target: EventTarget;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (id: unknown) => void;
}

/** Default poll period; pages rarely navigate faster, and a late notice only delays re-detection. */
export const URL_POLL_MS = 750;

/**
 * Calls `onChange(newHref, oldHref)` once per URL change, whatever signalled it. Returns a stop function.
 * Same-document changes that only differ in the fragment are reported too; the caller decides what matters.
 */
export function watchUrl(
  env: UrlWatchEnv,
  onChange: (href: string, previous: string) => void,
  pollMs = URL_POLL_MS,
): () => void {
  let last = env.href();
  const check = () => {
    const now = env.href();
    if (now === last) return;
    const previous = last;
    last = now;
    onChange(now, previous);
  };
  const events: [EventTarget, string][] = [
    [env.target, 'popstate'],
    [env.target, 'hashchange'],
  ];
  if (env.navigation) events.push([env.navigation, 'navigatesuccess']);
  for (const [t, type] of events) t.addEventListener(type, check);
  // Polling stays on even with the Navigation API: some pages swap URLs with replaceState in ways that fire
  // no event in every browser, and a string comparison costs nothing.
  const timer = env.setInterval(check, pollMs);
  return () => {
    for (const [t, type] of events) t.removeEventListener(type, check);
    env.clearInterval(timer);
  };
}

/** Whether two URLs are the same document (only the fragment differs). */
export function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
