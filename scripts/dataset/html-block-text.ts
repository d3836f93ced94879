/**
 * Extractor "v1": deterministic block text of an HTML page, the text that label offsets of `.html` documents
 * index into. Deliberately independent of lib/extract (which may change as the product evolves): a label's
 * offsets must keep meaning the same characters for as long as the record says `extractor: "v1"`.
 * Any change to the output of this function needs a new extractor version, never an edit in place.
 *
 * Output shape (Markdown-like, so one segmenter serves `.md` and `.html` sources):
 * one block per line, blocks separated by a blank line; headings as `#`×level + space, list items as `- `,
 * table cells as `| `, everything else as plain paragraphs. Whitespace inside a block collapses to one space.
 * @module
 */
import { NON_TEXT_ELEMENTS } from '../../lib/dom-text';
import { parseHtml } from '../parse-html';

export const HTML_EXTRACTOR_VERSION = 'v1';

// Page furniture and non-text content: never part of the policy text.
const DROP = new Set<string>([
  ...NON_TEXT_ELEMENTS,
  'HEAD',
  'NAV',
  'FOOTER',
  'HEADER',
  'BUTTON',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'INPUT',
]);

// Elements that end the current block and start a new one.
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

type Kind = 'p' | 'li' | 'cell' | `h${1 | 2 | 3 | 4 | 5 | 6}`;

function kindOf(tag: string): Kind | null {
  if (/^H[1-6]$/.test(tag)) return `h${tag[1]}` as Kind;
  if (tag === 'LI') return 'li';
  if (tag === 'TD' || tag === 'TH') return 'cell';
  return null;
}

function prefix(kind: Kind): string {
  if (kind === 'li') return '- ';
  if (kind === 'cell') return '| ';
  if (kind === 'p') return '';
  return '#'.repeat(Number(kind[1])) + ' ';
}

/**
 * The v1 block text of an HTML document string. Pure and deterministic for a given input and linkedom version
 * (pinned in package.json overrides).
 */
export function htmlBlockText(html: string): string {
  const doc = parseHtml(html);
  const blocks: string[] = [];
  let buf = '';
  let kind: Kind = 'p';

  const flush = (): void => {
    const text = buf.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(prefix(kind) + text);
    buf = '';
  };

  const walk = (node: Node, current: Kind): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (!buf) kind = current;
        buf += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (DROP.has(tag) || el.hasAttribute('hidden')) continue;
      if (tag === 'BR') {
        flush();
        continue;
      }
      if (BLOCK.has(tag)) {
        flush();
        walk(el, kindOf(tag) ?? (current === 'cell' || current === 'li' ? current : 'p'));
        flush();
        continue;
      }
      walk(el, current);
    }
  };

  walk(doc.body ?? doc.documentElement, 'p');
  flush();
  return blocks.join('\n\n');
}
