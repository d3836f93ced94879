/**
 * Bounded sampling of a page's visible text for detection. It runs on every page, so it reads no layout
 * (no innerText, no computed style) and stops after a fixed budget of characters and visited nodes.
 * @module
 */

/** Elements whose text is never what the reader sees, or is site chrome repeated on every page. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'SELECT',
  'TEXTAREA',
  'NAV',
  'FOOTER',
  'HEADER',
  'ASIDE',
]);

export interface TextSample {
  /** Visible text, whitespace-collapsed, at most `maxChars` long. */
  text: string;
  /** Whether the budget ran out before the end of the document. */
  truncated: boolean;
  /** Elements visited. */
  visited: number;
}

export interface SampleOptions {
  maxChars?: number;
  maxNodes?: number;
  /** Called for each element visited (within the budget), for cheap side observations. */
  onElement?: (el: Element) => void;
}

/**
 * Collect visible text from `root` in document order, skipping scripts, styles and site chrome
 * (nav/header/footer/aside; not forms: some sites wrap the whole page in one), within a character and node budget. Iterative, so a 2,000-deep DOM
 * cannot overflow the stack.
 */
export function sampleText(root: Element | null, options: SampleOptions = {}): TextSample {
  const maxChars = options.maxChars ?? 24_000;
  const maxNodes = options.maxNodes ?? 6_000;
  if (!root) return { text: '', truncated: false, visited: 0 };
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const t = node.nodeValue;
      if (t && /\S/.test(t)) {
        parts.push(t);
        length += t.length;
        if (length >= maxChars)
          return { text: collapse(parts.join(' ')).slice(0, maxChars), truncated: true, visited };
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    if (++visited > maxNodes) return { text: collapse(parts.join(' ')), truncated: true, visited };
    const el = node as Element;
    if (
      SKIP.has(el.tagName.toUpperCase()) ||
      el.hasAttribute('hidden') ||
      el.getAttribute('aria-hidden') === 'true'
    )
      continue;
    // Push children in reverse so they pop in document order.
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return { text: collapse(parts.join(' ')), truncated: false, visited };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
