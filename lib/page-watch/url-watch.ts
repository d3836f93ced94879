/**
 * Notices single-page navigations (pushState / replaceState / popstate / hash changes). Page scripts call
 * `history.pushState` in their own world, where a content script cannot intercept it, so this listens to
 * the Navigation API where it exists and otherwise polls `location.href`.
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
  // `currententrychange` fires for every change of the current history entry, the page's own pushState and
  // replaceState included (the content script's world shares the page's Navigation object; tested in
  // tests/e2e/dynamic.test.ts), so no poll is needed. Only without the API does a timer wake the content
  // script every `pollMs` for as long as the tab is open: on the benchmark's news page those wake-ups were
  // about a quarter of our main-thread time (a trace of 15 loads, 2026-12-03).
  if (env.navigation) events.push([env.navigation, 'currententrychange']);
  for (const [t, type] of events) t.addEventListener(type, check);
  const timer = env.navigation ? null : env.setInterval(check, pollMs);
  return () => {
    for (const [t, type] of events) t.removeEventListener(type, check);
    if (timer !== null) env.clearInterval(timer);
  };
}

/** Whether two URLs are the same document (only the fragment differs). */
export function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
