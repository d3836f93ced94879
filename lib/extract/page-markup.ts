/**
 * The page as HTML for reading elsewhere: the content script serializes the live document, in slices, and
 * the background (Firefox's background page, Chrome's offscreen document) parses it and runs Readability
 * there. Readability's parse cannot be cut into slices (36–39 ms of one task on a 15,000-word policy on a
 * slow machine); this walk can, and takes 1–8 ms in all on the corpus's long pages.
 *
 * What is left out is what the reading drops anyway, so the message stays small (a real 6,000-word policy
 * page: 84 KB instead of its 1 MB `outerHTML`, most of which is inline script):
 *  - the content of scripts (JSON-LD kept: Readability reads its metadata), styles, `noscript`, `template`,
 *    SVG and MathML; the elements themselves stay, empty;
 *  - the text of comments (each is kept, empty: Readability ends a paragraph at one, so removing them would
 *    change how React-rendered pages, full of `<!-- -->`, are cut, and every clause stored from them);
 *  - the caller's own nodes: its UI hosts (`omit`) and its highlight wrappers (`unwrap`: their text stays);
 *  - text the user cannot see (`isVisible`, lib/detect/visible.ts in a page): hidden, transparent, off-screen,
 *    zero-size or clipped text is not written, so it is never read, classified or stored; its elements stay.
 * Everything else is written as the HTML serialization algorithm writes it, so parsing the result gives the
 * same elements, attributes and text (tests/corpus/page-markup.test.ts checks the reading is identical).
 * @module
 */

/** What to do with an element of the caller's own: leave it and its subtree out, or keep only its children. */
export type OwnElement = 'omit' | 'unwrap' | null;

export interface PageMarkupOptions {
  /** Stop after about this many characters: the open elements are closed and `truncated` is set. */
  maxChars?: number;
  /** Recognises the caller's own elements in the page (see module doc). */
  own?: (el: Element) => OwnElement;
  /** Nodes visited between pauses (for `runSliced`). */
  nodesPerStep?: number;
  /** Whether the text an element directly holds can be seen; text of elements it rejects is left out. */
  isVisible?: (el: Element) => boolean;
}

export interface PageMarkup {
  html: string;
  /** The page was longer than `maxChars`: only its first part is in `html`. */
  truncated: boolean;
}

/** Markup the background accepts from a page (lib/message-guards.ts `LIMITS.pageMarkup`). */
export const MAX_PAGE_MARKUP_CHARS = 3_000_000;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  // Obsolete, but still void to the parser.
  'basefont',
  'bgsound',
  'frame',
  'keygen',
  'param',
]);

/** Written as empty elements: their content is code, styling, graphics or inert. */
const EMPTIED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'plaintext']);

/** Raw-text elements whose text is written unescaped, as the parser read it. */
const RAW_TEXT = new Set(['xmp', 'noembed', 'noframes', 'iframe']);

const escapeText = (s: string) =>
  s.replace(/[&<>\u00a0]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;',
  );
const escapeAttr = (s: string) =>
  s.replace(/[&"\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&nbsp;'));

/**
 * Longer attribute values are written empty: they are inline images and other data (`src="data:…"` can be
 * megabytes), never what the reading looks at (classes, ids, roles, `hidden`, inline styles).
 */
const MAX_ATTR_CHARS = 4_096;

function openTag(el: Element, name: string): string {
  let tag = `<${name}`;
  for (const attr of Array.from(el.attributes)) {
    const value = attr.value.length > MAX_ATTR_CHARS ? '' : escapeAttr(attr.value);
    tag += ` ${attr.name}="${value}"`;
  }
  return `${tag}>`;
}

/** The text of a JSON-LD script, or '' when it is not one (or could end its element early). */
function jsonLd(el: Element): string {
  if ((el.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') return '';
  const text = el.textContent ?? '';
  return /<\/script/i.test(text) ? '' : text;
}

/** Text inside a raw-text element, unless it holds its own end tag (a page script can put anything there). */
function rawText(name: string, text: string): string {
  return text.toLowerCase().includes(`</${name}`) ? '' : text;
}

/**
 * Serializes `doc` (see module doc) as a job for lib/scheduler.ts `runSliced`: it pauses every
 * `nodesPerStep` nodes, so the page gets its thread back between slices.
 */
export function* pageMarkupInSteps(
  doc: Document,
  options: PageMarkupOptions = {},
): Generator<void, PageMarkup, void> {
  const maxChars = options.maxChars ?? MAX_PAGE_MARKUP_CHARS;
  const own = options.own ?? (() => null);
  // 100: at 500 a step of a long policy's markup (each element's visibility judged, its tag and text escaped)
  // took 40–50 ms of thread CPU with the page's CPU slowed 4× (traced), about a whole task.
  const perStep = options.nodesPerStep ?? 100;
  const isVisible = options.isVisible;
  const root = doc.documentElement;
  const out: string[] = ['<!doctype html>'];
  let length = out[0]!.length;
  const write = (s: string) => {
    out.push(s);
    length += s.length;
  };
  if (!root) return { html: out[0]!, truncated: false };

  // Elements whose end tag is still to be written, innermost last (unwrapped ones hold null).
  const open: (string | null)[] = [];
  let truncated = false;
  let visited = 0;
  // Depth-first over the tree through sibling pointers, no recursion: pages nest thousands deep at worst.
  let node: Node | null = root;
  while (node) {
    if (++visited % perStep === 0) yield;
    if (length > maxChars) {
      truncated = true;
      break;
    }
    let descend = false;
    if (node.nodeType === 3 && isVisible && !visibleText(node)) {
      // Hidden text: left out (see module doc).
    } else if (node.nodeType === 3) {
      const parent = open[open.length - 1];
      // One text node can be longer than the whole budget: only what fits is written (and escaped).
      const room = maxChars - length;
      const whole = node.nodeValue ?? '';
      const text = whole.length > room ? whole.slice(0, room) : whole;
      const written = parent && RAW_TEXT.has(parent) ? rawText(parent, text) : escapeText(text);
      write(written.length > room ? written.slice(0, room) : written);
      if (text.length < whole.length || written.length > room) {
        truncated = true;
        break;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const name = el.localName.toLowerCase();
      const mine = own(el);
      if (mine === 'unwrap') {
        open.push(null);
        descend = true;
      } else if (mine !== 'omit') {
        const tag = openTag(el, name);
        // Thousands of attributes can outgrow the budget too.
        if (tag.length > maxChars - length) {
          truncated = true;
          break;
        }
        write(tag);
        if (!VOID.has(name)) {
          if (name === 'script') write(jsonLd(el));
          if (EMPTIED.has(name)) write(`</${name}>`);
          else {
            open.push(name);
            descend = true;
          }
        }
      }
    } else if (node.nodeType === 8) {
      write('<!---->');
    }
    // Processing instructions and the like are left out.
    const first: Node | null = descend ? node.firstChild : null;
    if (first) {
      node = first;
      continue;
    }
    if (descend) closeInnermost();
    // Up to the first ancestor with a next sibling, closing what we leave.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node) closeInnermost();
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  if (truncated) while (open.length) closeInnermost();
  return { html: out.join(''), truncated };

  /**
   * Whitespace is written wherever it is (it only spaces words), and the title (it has no box); other text
   * only where it can be seen.
   */
  function visibleText(text: Node): boolean {
    const parent = text.parentElement;
    if (!parent || parent.localName === 'title' || !/\S/.test(text.nodeValue ?? '')) return true;
    return isVisible!(parent);
  }

  function closeInnermost(): void {
    const name = open.pop();
    if (name) write(`</${name}>`);
  }
}
