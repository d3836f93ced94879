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
}

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

/** Starts observing `root` (childList + characterData, subtree). */
export function watchMutations(
  root: Node,
  env: MutationWatchEnv,
  options: MutationWatchOptions,
  onSettled: (summary: MutationSummary) => void,
): MutationWatch {
  const debounceMs = options.debounceMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 3000;
  const cap = options.measureCap ?? 200_000;
  let summary: MutationSummary = { addedChars: 0, removedNodes: 0, records: 0 };
  let timer: unknown = null;
  let firstAt = 0;

  const ownAncestor = (node: Node | null): boolean => {
    for (let n = node; n; n = n.parentNode) if (options.isOwn(n)) return true;
    return false;
  };

  const fire = () => {
    timer = null;
    const s = summary;
    summary = { addedChars: 0, removedNodes: 0, records: 0 };
    if (s.addedChars > 0 || s.removedNodes > 0) onSettled(s);
  };

  const take = (records: MutationRecord[]) => {
    let relevant = false;
    for (const r of records) {
      summary.records++;
      if (ownAncestor(r.target)) continue;
      if (r.type === 'characterData') {
        summary.addedChars += Math.min(cap, ((r.target as Text).data ?? '').trim().length);
        relevant = true;
        continue;
      }
      r.addedNodes.forEach((n) => {
        if (options.isOwn(n)) return;
        summary.addedChars += textLength(n, cap);
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
  observer.observe(root, { childList: true, characterData: true, subtree: true });

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
