/**
 * The page analysis's own nodes in the page, known by reference rather than by a name the page could also
 * look for: the UI host (left out of the page's markup and text), the fallback's style element (left out) and
 * `<mark>` wrappers (unwrapped: the page's text is inside them). Our mutation watcher ignores all of them.
 * @module
 */

export type OwnKind = 'omit' | 'unwrap';

export interface OwnNodes {
  add(el: Element, kind: OwnKind): void;
  /** How the page's markup treats `el` (lib/extract/page-markup.ts `own`), or null for the page's own. */
  kind(el: Element): OwnKind | null;
  /** Whether `node` is one of ours. */
  has(node: Node): boolean;
}

export function createOwnNodes(): OwnNodes {
  const kinds = new WeakMap<Node, OwnKind>();
  return {
    add: (el, kind) => void kinds.set(el, kind),
    kind: (el) => kinds.get(el) ?? null,
    has: (node) => kinds.has(node),
  };
}
