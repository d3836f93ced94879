/**
 * Watches the page for text that appears late (client-rendered policies, accordions, tabs) or for nodes the
 * page replaced under our highlights. Debounced: a burst of mutations produces one callback after the page
 * has been quiet for `debounceMs` (or after `maxWaitMs` of continuous churn), with a small summary of what
 * changed. Our own nodes (UI host, fallback marks, style) are ignored so our work never re-triggers us.
 * @module
 */

export interface MutationSummary {
  /** Characters of (non-whitespace) text added in the page's own nodes since the last callback. */
  addedChars: number;
  /** Page nodes removed since the last callback. */
  removedNodes: number;
  /** Mutation records seen (including ignored ones). */
  records: number;
  /**
   * Page elements whose visibility-related attributes changed (accordion opened, tab switched): their text
   * may have just appeared without any node being added. At most `MAX_REVEALED`, first come first kept.
   */
  revealed: Element[];
  /** Page elements added (at most `MAX_REVEALED`), for the same coverage check as `revealed`. */
  added: Element[];
  /** True when more elements were added than `added` holds (then only `addedChars` is reliable). */
  addedOverflow: boolean;
}

/** Bound on elements remembered per burst (the caller measures each one). */
export const MAX_REVEALED = 32;
/** Attributes through which pages show and hide content. */
export const REVEAL_ATTRIBUTES = ['hidden', 'open', 'class', 'style', 'aria-hidden', 'aria-expanded'];

export interface MutationWatchEnv {
  MutationObserver: typeof MutationObserver;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
  now: () => number;
}

export interface MutationWatchOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  /** True for nodes that are ours (they and their subtrees are ignored). */
  isOwn: (node: Node) => boolean;
  /** Upper bound of added text measured per record, so a giant insertion costs bounded work. */
  measureCap?: number;
  /** Also watch visibility attributes (default true): opened accordions and tabs reveal text. */
  watchReveals?: boolean;
}

export interface MutationWatch {
  stop(): void;
  /** Discards pending records (call after our own DOM work, before the next page change). */
  flush(): void;
}

const TEXT_NODE = 3;

function textLength(node: Node, cap: number): number {
  if (node.nodeType === TEXT_NODE) return (node as Text).data.trim().length;
  const text = node.textContent ?? '';
  return Math.min(cap, text.length > cap ? cap : text.replace(/\s+/g, '').length);
}

/** Starts observing `root` (childList, characterData and visibility attributes, subtree). */
export function watchMutations(
  root: Node,
  env: MutationWatchEnv,
  options: MutationWatchOptions,
  onSettled: (summary: MutationSummary) => void,
): MutationWatch {
  const debounceMs = options.debounceMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 3000;
  const cap = options.measureCap ?? 200_000;
  const empty = (): MutationSummary => ({
    addedChars: 0,
    removedNodes: 0,
    records: 0,
    revealed: [],
    added: [],
    addedOverflow: false,
  });
  let summary = empty();
  let revealedSet = new Set<Element>();
  let timer: unknown = null;
  let firstAt = 0;

  const ownAncestor = (node: Node | null): boolean => {
    for (let n = node; n; n = n.parentNode) if (options.isOwn(n)) return true;
    return false;
  };

  const fire = () => {
    timer = null;
    const s = summary;
    summary = empty();
    revealedSet = new Set();
    if (s.addedChars > 0 || s.removedNodes > 0 || s.revealed.length > 0) onSettled(s);
  };

  const take = (records: MutationRecord[]) => {
    let relevant = false;
    for (const r of records) {
      summary.records++;
      if (ownAncestor(r.target)) continue;
      if (r.type === 'attributes') {
        const el = r.target as Element;
        if (!revealedSet.has(el) && revealedSet.size < MAX_REVEALED) {
          revealedSet.add(el);
          summary.revealed.push(el);
          relevant = true;
        }
        continue;
      }
      if (r.type === 'characterData') {
        summary.addedChars += Math.min(cap, ((r.target as Text).data ?? '').trim().length);
        relevant = true;
        continue;
      }
      r.addedNodes.forEach((n) => {
        if (options.isOwn(n)) return;
        const chars = textLength(n, cap);
        summary.addedChars += chars;
        if (chars > 0) {
          const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
          if (el && !summary.added.includes(el)) {
            if (summary.added.length < MAX_REVEALED) summary.added.push(el);
            else summary.addedOverflow = true;
          }
        }
        relevant = true;
      });
      r.removedNodes.forEach((n) => {
        if (options.isOwn(n)) return;
        summary.removedNodes++;
        relevant = true;
      });
    }
    return relevant;
  };

  const observer = new env.MutationObserver((records) => {
    if (!take(records)) return;
    const now = env.now();
    if (timer === null) firstAt = now;
    else env.clearTimeout(timer);
    const wait = now - firstAt >= maxWaitMs ? 0 : debounceMs;
    timer = env.setTimeout(fire, wait);
  });
  observer.observe(root, {
    childList: true,
    characterData: true,
    subtree: true,
    ...(options.watchReveals === false ? {} : { attributes: true, attributeFilter: REVEAL_ATTRIBUTES }),
  });

  return {
    stop() {
      observer.disconnect();
      if (timer !== null) env.clearTimeout(timer);
      timer = null;
    },
    flush() {
      observer.takeRecords();
    },
  };
}
