/**
 * Reaching into a closed shadow root from a test, the way only the browser itself can: through the DevTools
 * protocol's DOM domain (`pierce: true`), which page script has no access to. Clicks land as real mouse input
 * at the element's on-screen box, so they are trusted events, like a user's.
 * @module
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const root of node.shadowRoots ?? []) yield* walk(root);
  for (const child of node.children ?? []) yield* walk(child);
}

const attr = (node: DomNode, name: string): string | null => {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1]!;
  return null;
};

export interface ClosedShadow {
  /** Whether an element with this attribute exists anywhere, shadow trees included. */
  has: (attribute: string) => Promise<boolean>;
  /** The text inside the (first) element carrying `attribute`, shadow trees included. */
  text: (attribute: string) => Promise<string>;
  /** A real mouse click at the centre of the element carrying `attribute`. */
  click: (attribute: string) => Promise<void>;
  /** Chrome's accessibility role and name for the element carrying `attribute` (what assistive tech gets). */
  axRoleName: (attribute: string) => Promise<[string, string]>;
  /**
   * Copies the closed shadow root holding `attribute` (its style and markup) into an open one on a new element
   * `#id` at the end of the body, so axe, which cannot enter closed roots, can check the same markup and CSS.
   */
  copyToOpenRoot: (attribute: string, id: string) => Promise<void>;
  /** The mode of every shadow root whose host is the element right after `selector`'s match. */
  rootTypesAfter: (selector: string) => Promise<string[]>;
  detach: () => Promise<void>;
}

export async function closedShadow(page: Page): Promise<ClosedShadow> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  const tree = async () =>
    ((await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode }).root;
  const find = async (attribute: string) => {
    for (const node of walk(await tree())) if (attr(node, attribute) !== null) return node;
    return null;
  };
  const texts = (node: DomNode): string[] =>
    node.nodeName === 'STYLE'
      ? []
      : node.nodeType === 3
        ? [node.nodeValue ?? '']
        : [...(node.shadowRoots ?? []), ...(node.children ?? [])].flatMap(texts);
  const textOf = (node: DomNode): string => texts(node).join(' ').replace(/\s+/g, ' ').trim();
  return {
    has: async (attribute) => (await find(attribute)) !== null,
    text: async (attribute) => {
      const node = await find(attribute);
      if (!node) throw new Error(`no element with ${attribute}`);
      return textOf(node);
    },
    click: async (attribute) => {
      const node = await find(attribute);
      if (!node) throw new Error(`no element with ${attribute}`);
      await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
      const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as {
        model: { content: number[] };
      };
      const [x1, y1, , , x3, y3] = model.content;
      await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
    },
    axRoleName: async (attribute) => {
      const node = await find(attribute);
      if (!node) throw new Error(`no element with ${attribute}`);
      const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
        backendNodeId: node.backendNodeId,
        fetchRelatives: false,
      })) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
      return [nodes[0]?.role?.value ?? '', nodes[0]?.name?.value ?? ''];
    },
    copyToOpenRoot: async (attribute, id) => {
      let shadowRoot: DomNode | null = null;
      for (const node of walk(await tree()))
        for (const root of node.shadowRoots ?? [])
          if ([...walk(root)].some((n) => attr(n, attribute) !== null)) shadowRoot = root;
      if (!shadowRoot) throw new Error(`no shadow root holds ${attribute}`);
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadowRoot.backendNodeId })) as {
        object: { objectId: string };
      };
      await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        arguments: [{ value: id }],
        functionDeclaration: `function (id) {
          const host = document.createElement('div');
          host.id = id;
          const open = host.attachShadow({ mode: 'open' });
          for (const child of this.childNodes) open.append(child.cloneNode(true));
          document.body.append(host);
        }`,
      });
    },
    rootTypesAfter: async (selector) => {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
      const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })) as {
        nodeId: number;
      };
      for (const node of walk(root)) {
        const index = node.children?.findIndex((c) => c.nodeId === nodeId) ?? -1;
        if (index >= 0) {
          const next = node.children![index + 1];
          return (next?.shadowRoots ?? []).map((r) => r.shadowRootType ?? 'unknown');
        }
      }
      return [];
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}
