/**
 * DOM → ordered text blocks (paragraphs, list items, table cells, headings) with their heading path and,
 * for list items, the sentence that introduces the list. Iterative walk: a 2,000-deep DOM cannot overflow
 * the stack. Reads `textContent`/`nodeValue` only, never markup.
 * @module
 */

import type { Clause } from '../types';
import { NON_TEXT_ELEMENTS } from '../dom-text';
import { runToEnd } from '../scheduler';
import { isListTitle } from './statement';

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'cell';

export interface Block {
  kind: BlockKind;
  text: string;
  /**
   * Heading level 1–6 (`aria-level` up to 9), 7 for a bold-only pseudo-heading ("<p><b>4. Sharing</b></p>"),
   * 8 for a title-like paragraph.
   */
  level?: number;
  /** Headings above this block (for a heading: its ancestors, not itself). */
  headingPath: string[];
  /**
   * For list items: the sentence introducing the list, or the parent item for nested lists. For table rows
   * and cells: the table's header row ("Category | Purpose | Shared with").
   */
  leadIn?: string;
  /** A table row read whole: its cells' texts joined by " | " in `text` (kind `cell`). */
  row?: boolean;
  /** Link text only (a contents or navigation line read from Markdown): kept for versions, never a statement. */
  linkOnly?: true;
}

export interface BlockOptions {
  /** Stop after this many characters of block text (bounded work on huge pages). */
  maxChars?: number;
  /** Stop after this many blocks. */
  maxBlocks?: number;
  /** Whether the text an element directly holds can be seen (lib/detect/visible.ts in a page); default all. */
  isVisible?: (el: Element) => boolean;
}

export interface BlockResult {
  blocks: Block[];
  truncated: boolean;
}

const SKIP = new Set<string>([
  ...NON_TEXT_ELEMENTS,
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'NAV',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'IMG',
  'VIDEO',
  'AUDIO',
  'MATH',
]);
const HEADINGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
const BLOCK_KIND: Record<string, BlockKind> = {
  LI: 'list-item',
  TD: 'cell',
  TH: 'cell',
  DD: 'paragraph',
  DT: 'paragraph',
};
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'UL',
  'OL',
  'DL',
  'LI',
  'DD',
  'DT',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'CAPTION',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'ADDRESS',
  'FORM',
  'FIELDSET',
  'DETAILS',
  'SUMMARY',
  'BODY',
  'HTML',
  'CENTER',
  'HR',
  'BR',
  'DIALOG',
  'MENU',
]);
const LISTS = new Set(['UL', 'OL', 'MENU']);
const EMPHASIS = new Set(['B', 'STRONG']);
/** Headings are labels; 8 levels × 200 chars keeps a section path well under the message limit (2,000). */
const MAX_HEADING = 200;
/** Lead-ins are context, not content: the tail of the introducing text is enough. */
const LEAD_IN_MAX = 400;
/**
 * Heading level of a list item that titles its nested list: below every real heading (1–6) and the
 * paragraph-made ones (7–9), so the next real heading closes it too; one level deeper per open list.
 */
export const LIST_TITLE_LEVEL = 10;

interface ListState {
  leadIn: string | undefined;
  /** The heading level of the item that titles this list, while the list is open. */
  title?: number;
}

/** A table being read: its header row, once seen, is the context of every later row. */
interface TableState {
  header: string | undefined;
  rows: number;
}

/** A row being read: where its blocks start, and whether it is the table's header row. */
interface RowState {
  start: number;
  header: boolean;
}

type Frame =
  | { type: 'enter'; node: Node }
  /**
   * Leaving a link or button: its text no longer counts as link text. `start`: where the outermost one's
   * text began in the buffer (and the block count then), to drop it when it is a sentence of its own.
   */
  | { type: 'leave-link'; start?: { buffer: number; textChars: number; linkChars: number; blocks: number } }
  | {
      type: 'exit';
      el: Element;
      kind: BlockKind;
      list?: ListState;
      table?: TableState;
      row?: RowState;
    };

/** Rows longer than this are read cell by cell (each cell with its column's header as context). */
const MAX_ROW = 600;

/**
 * A zero-width space between two letters or digits stays in the text: it breaks a long word or address for
 * line wrapping ("Trans\u200bparent"), or hides a word from the classifier ("tr\u200bain"), and the classifier
 * folds it away (lib/classify/fold-text.ts). Elsewhere it separates words, as it always did here.
 */
const LOOSE_ZWSP = /(?<![\p{L}\p{N}])\u200b|\u200b(?![\p{L}\p{N}])/gu;

function clean(s: string): string {
  const spaced = s.includes('\u200b') ? s.replace(LOOSE_ZWSP, ' ') : s;
  return spaced.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Last sentence-ish part of a paragraph, used as the lead-in of the list that follows it. */
function lastSentence(text: string): string {
  const parts = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  return (parts[parts.length - 1] ?? text).slice(-LEAD_IN_MAX);
}

/** "<p><strong>2. How we use data</strong></p>": a short paragraph whose text is all bold. */
function isPseudoHeading(el: Element, text: string): boolean {
  if (text.length > 120 || text.length < 3 || (/[.;,:]$/.test(text) && !/^\d+(\.\d+)*\.?\s/.test(text)))
    return false;
  let boldText = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      if (/\S/.test(c.nodeValue ?? '')) return false;
    } else if (c.nodeType === 1) {
      const tag = (c as Element).tagName.toUpperCase();
      if (!EMPHASIS.has(tag)) return false;
      boldText += c.textContent ?? '';
    }
  }
  return clean(boldText) === text;
}

/**
 * A short title-like line on its own ("Eligibility", "Information We Collect"): sites that draw headings
 * with CSS on a `<div>` (which Readability turns into `<p>`). Sentences end with punctuation; dates
 * ("Published: January 1, 2015") are excluded by the year.
 */
function isTitleLike(text: string): boolean {
  // A numbered title ("3. Sharing Your Information", "IV. Security") is judged without its number.
  const bare = text.replace(ENUMERATOR, '');
  const numbered = bare !== text;
  return (
    bare.length <= (numbered ? 80 : 50) &&
    bare.split(' ').length <= (numbered ? 10 : 7) &&
    /^\p{Lu}/u.test(bare) &&
    !/[.,;:!?)]$/.test(bare) &&
    !/\d{4}/.test(bare)
  );
}

/** A leading section number: "3.", "2.1", "IV.", "(a)", "Section 4 –". */
const ENUMERATOR =
  /^(?:(?:section|article|part)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[ivxlc]{1,6}\.|\(?[a-z]\)|\([ivx]{1,5}\))\s*[-\u2013\u2014:.]?\s+/i;

/**
 * A paragraph that is one short question ("How do we share your information?"): a heading in the form of a
 * question. It names the section; it states nothing.
 */
function isQuestionHeading(text: string): boolean {
  return (
    text.length <= 160 &&
    /\?["'\u201d\u2019)]*$/.test(text) &&
    !/[.!?]["'\u201d\u2019)]*\s+\p{Lu}/u.test(text)
  );
}

/** The comparable form of a title: no number, letters and digits only, lower case. */
function titleKey(text: string): string {
  return text
    .replace(ENUMERATOR, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Contents lines: runs of two or more short paragraphs or list items that repeat the document's own
 * headings ("1. Information we collect", "2. How we use it", …). Dropped: they name sections, and a mark on
 * one sends "Next" to the contents instead of the clause.
 */
function dropContentsLines(blocks: Block[]): Block[] {
  const titles = new Set<string>();
  for (const b of blocks) if (b.kind === 'heading') titles.add(titleKey(b.text));
  if (titles.size < 2) return blocks;
  const isEntry = (b: Block | undefined): boolean =>
    b !== undefined &&
    (b.kind === 'paragraph' || b.kind === 'list-item') &&
    b.text.length <= 150 &&
    titles.has(titleKey(b.text));
  return blocks.filter((b, i) => !(isEntry(b) && (isEntry(blocks[i - 1]) || isEntry(blocks[i + 1]))));
}

/** A `role="heading"` element's level: its `aria-level` when that is a whole number from 1 (at most 9), else 2. */
function ariaLevel(el: Element): number {
  const level = Number(el.getAttribute('aria-level'));
  return Number.isInteger(level) && level >= 1 ? Math.min(level, 9) : 2;
}

/**
 * Walk `root` and return its text blocks in document order.
 * Headings update the heading path; text directly inside a block element belongs to the innermost
 * open block, so `<li>Lead <ul><li>a</li></ul></li>` yields "Lead" and then "a" (with lead-in "Lead").
 */
export function collectBlocks(root: Element, options: BlockOptions = {}): BlockResult {
  return runToEnd(collectBlocksInSteps(root, options));
}

/** Nodes walked between two pause points of `collectBlocksInSteps`. */
const NODES_PER_STEP = 8;

/**
 * `collectBlocks` as a job for lib/scheduler.ts `runSliced`, with a pause point every few nodes (a paragraph
 * node of a long policy costs up to ~1 ms here: its visibility, its text cleaned and judged as a heading): the
 * page reads its early preview so (lib/preview-blocks.ts), which in one go made a task of 60–110 ms of thread
 * CPU on a 15,000-word policy with the page's CPU slowed 4× (traced).
 */
export function* collectBlocksInSteps(
  root: Element,
  options: BlockOptions = {},
): Generator<void, BlockResult, void> {
  const maxChars = options.maxChars ?? 1_000_000;
  const maxBlocks = options.maxBlocks ?? 20_000;
  const blocks: Block[] = [];
  const headings: { level: number; text: string }[] = [];
  const openLists: ListState[] = [];
  const tables: TableState[] = [];
  let buffer: string[] = [];
  // Visible characters gathered for the current block, and how many of them are link or button text.
  let textChars = 0;
  let linkChars = 0;
  /** Open links and buttons around the node being read. */
  let linkDepth = 0;
  let chars = 0;
  let truncated = false;

  const path = () => headings.map((h) => h.text);
  const pushHeading = (text: string, level: number) => {
    while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
    blocks.push({ kind: 'heading', text, level, headingPath: path() });
    headings.push({ level, text });
  };
  const flush = (kind: BlockKind, owner: Element | null) => {
    let text = clean(buffer.join(''));
    buffer = [];
    const linkOnly = textChars > 0 && linkChars === textChars;
    textChars = 0;
    linkChars = 0;
    if (!text) return;
    // "Learn more", "Back to top", a contents entry: link or button text on its own states nothing. (A cell
    // stays: its row is read whole.)
    if (linkOnly && kind !== 'cell') return;
    // One enormous block (a megabyte in a single element) stops at the budget like many small ones do.
    if (chars + text.length > maxChars) {
      text = text.slice(0, maxChars - chars);
      truncated = true;
    }
    chars += text.length;
    if (owner && kind === 'paragraph' && isPseudoHeading(owner, text)) {
      pushHeading(text, 7);
      return;
    }
    if (kind === 'paragraph' && isTitleLike(text)) {
      pushHeading(text, 8);
      return;
    }
    // A question usually sits under a title line ("3. Sharing" › "Who do we share it with?").
    if (kind === 'paragraph' && isQuestionHeading(text)) {
      pushHeading(text.slice(0, MAX_HEADING), 9);
      return;
    }
    const block: Block = { kind, text, headingPath: path() };
    const list = openLists[openLists.length - 1];
    if (kind === 'list-item' && list?.leadIn) block.leadIn = list.leadIn;
    blocks.push(block);
  };

  /** A row's cells become one block read whole, or its header; long rows stay cells with the header. */
  const endRow = (row: RowState) => {
    const made = blocks.splice(row.start);
    const table = tables[tables.length - 1];
    if (!made.length || !made.every((b) => b.kind === 'cell') || !table) {
      blocks.push(...made);
      return;
    }
    const texts = made.map((b) => b.text);
    table.rows++;
    if (row.header || (table.rows === 1 && looksLikeHeaderRow(texts))) {
      table.header = texts.join(' | ').slice(0, LEAD_IN_MAX);
      return;
    }
    const text = texts.join(' | ');
    if (made.length >= 2 && text.length <= MAX_ROW) {
      const block: Block = { kind: 'cell', text, headingPath: made[0]!.headingPath, row: true };
      if (table.header) block.leadIn = table.header;
      blocks.push(block);
      return;
    }
    for (const b of made) {
      if (table.header) b.leadIn = table.header;
      blocks.push(b);
    }
  };

  const stack: Frame[] = [{ type: 'enter', node: root }];
  /** Open block elements, with the number of blocks read before each began. */
  const owners: { el: Element; kind: BlockKind; start: number }[] = [];
  const currentOwner = () => owners[owners.length - 1];

  let walked = 0;
  while (stack.length) {
    if (++walked % NODES_PER_STEP === 0) yield;
    if (chars >= maxChars || blocks.length >= maxBlocks) {
      truncated = true;
      break;
    }
    const frame = stack.pop()!;
    if (frame.type === 'leave-link') {
      linkDepth--;
      const start = frame.start;
      // Still in the block it began in: a link whose text is a whole sentence inside a paragraph ("… our
      // partners. <a>Learn more about how we share information with them.</a> By using…") points
      // elsewhere and states nothing here, like a paragraph that is only a link (left out in flush).
      // (A cell keeps it: its row is read whole.)
      if (
        start &&
        start.blocks === blocks.length &&
        start.buffer < buffer.length &&
        currentOwner()?.kind !== 'cell'
      ) {
        const own = clean(buffer.slice(start.buffer).join(''));
        const before = clean(buffer.slice(0, start.buffer).join(''));
        if (isSentenceLink(own, before)) {
          buffer.length = start.buffer;
          textChars = start.textChars;
          linkChars = start.linkChars;
          buffer.push(' ');
        }
      }
      continue;
    }
    if (frame.type === 'exit') {
      flush(frame.kind, frame.el);
      owners.pop();
      if (frame.list) {
        openLists.pop();
        const title = frame.list.title;
        if (title !== undefined && headings[headings.length - 1]?.level === title) headings.pop();
      }
      if (frame.row) endRow(frame.row);
      if (frame.table) tables.pop();
      continue;
    }
    const node = frame.node;
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      if (options.isVisible && parent && !options.isVisible(parent)) continue;
      const value = node.nodeValue ?? '';
      buffer.push(value);
      const visible = value.replace(/\s+/g, '').length;
      if (visible) {
        textChars += visible;
        if (linkDepth > 0) linkChars += visible;
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') continue;
    const level = HEADINGS[tag] ?? (el.getAttribute('role') === 'heading' ? ariaLevel(el) : 0);
    if (level) {
      const owner = currentOwner();
      flush(owner?.kind ?? 'paragraph', owner?.el ?? null);
      // An unclosed <h2> swallows the paragraphs after it: only its leading inline text is the heading,
      // the blocks inside are walked as content.
      let firstBlock: Node | null = null;
      let headingText = '';
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 1 && BLOCK_TAGS.has((c as Element).tagName.toUpperCase())) {
          firstBlock = c;
          break;
        }
        headingText += c.textContent ?? '';
      }
      const text = clean(headingText);
      if (text) pushHeading(text.slice(0, MAX_HEADING), level);
      if (firstBlock) {
        const rest: Node[] = [];
        for (let c: Node | null = firstBlock; c; c = c.nextSibling) rest.push(c);
        for (let i = rest.length - 1; i >= 0; i--) stack.push({ type: 'enter', node: rest[i]! });
      }
      continue;
    }
    if (tag === 'BR' || tag === 'HR') {
      const owner = currentOwner();
      // A line break inside a list item or cell stays inside it; between paragraphs it separates them.
      if (owner && owner.kind !== 'paragraph') buffer.push(' ');
      else flush('paragraph', owner?.el ?? null);
      continue;
    }
    if (isLinkLike(el, tag)) {
      stack.push(
        linkDepth === 0
          ? {
              type: 'leave-link',
              start: { buffer: buffer.length, textChars, linkChars, blocks: blocks.length },
            }
          : { type: 'leave-link' },
      );
      linkDepth++;
    }
    if (!BLOCK_TAGS.has(tag)) {
      for (let c = el.lastChild; c; c = c.previousSibling) stack.push({ type: 'enter', node: c });
      continue;
    }
    // Entering a block: text gathered so far belongs to the enclosing block.
    const outer = currentOwner();
    flush(outer?.kind ?? 'paragraph', outer?.el ?? null);
    const kind = BLOCK_KIND[tag] ?? 'paragraph';
    let list: ListState | undefined;
    if (LISTS.has(tag)) {
      const prev = blocks[blocks.length - 1];
      // A list nested in an item is led in by that item's own text; an item with no text of its own before the
      // list ("<li><ul>…") passes on its own list's lead-in: the block before it is a sibling item, not its
      // introduction.
      const inItem = outer?.kind === 'list-item';
      const own = inItem && blocks.length > outer.start ? prev : undefined;
      const leadIn = !inItem
        ? prev && prev.kind === 'paragraph'
          ? lastSentence(prev.text)
          : undefined
        : own?.kind === 'list-item'
          ? own.text.slice(-LEAD_IN_MAX)
          : own?.kind === 'paragraph'
            ? lastSentence(own.text)
            : own
              ? undefined
              : openLists[openLists.length - 1]?.leadIn;
      list = { leadIn };
      // The item's own text, just read, titles the list nested in it ("8. Prohibited and restricted use"):
      // a heading over its items, not a statement to mark (issue 23), until the list ends.
      // Only the item's first block, read inside it (tight "<li>Title<ol>" or loose "<li><p>Title</p><ol>").
      if (
        outer?.kind === 'list-item' &&
        blocks.length === outer.start + 1 &&
        prev &&
        isListTitle(prev.text, prev.leadIn)
      ) {
        blocks.pop();
        list.title = LIST_TITLE_LEVEL + openLists.length;
        pushHeading(prev.text.slice(0, MAX_HEADING), list.title);
      }
      openLists.push(list);
    }
    let table: TableState | undefined;
    let row: RowState | undefined;
    if (tag === 'TABLE') tables.push((table = { header: undefined, rows: 0 }));
    else if (tag === 'TR') row = { start: blocks.length, header: isHeaderRow(el) };
    owners.push({ el, kind, start: blocks.length });
    stack.push({ type: 'exit', el, kind, list, table, row });
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push({ type: 'enter', node: c });
  }
  if (!truncated) {
    const owner = currentOwner();
    flush(owner?.kind ?? 'paragraph', owner?.el ?? null);
  }
  return { blocks: dropContentsLines(blocks), truncated };
}

/**
 * A link's text that is a sentence of its own: it opens its block or follows a sentence's end, starts with
 * a capital, has at least three words and ends with a stop.
 */
function isSentenceLink(own: string, before: string): boolean {
  return (
    (before === '' || /[.!?:]["'\u201d\u2019)]*$/.test(before)) &&
    /^["'\u201c\u2018(]*\p{Lu}/u.test(own) &&
    /[.!?]["'\u201d\u2019)]*$/.test(own) &&
    own.split(' ').length >= 3
  );
}

const LINK_ROLES = new Set(['button', 'link', 'tab', 'menuitem']);

/** Link and button text is not a statement on its own. */
function isLinkLike(el: Element, tag: string): boolean {
  if (tag === 'A') return true;
  const role = el.getAttribute('role');
  return role !== null && LINK_ROLES.has(role);
}

/**
 * A first row without `<th>` that still reads as column names: two or more short capitalised cells without
 * sentence punctuation ("Category | Examples | Shared with").
 */
function looksLikeHeaderRow(texts: readonly string[]): boolean {
  return (
    texts.length >= 2 &&
    texts.every((t) => t.length <= 40 && /^\p{Lu}/u.test(t) && !/[.;:,]$/.test(t) && !/\d{4}/.test(t))
  );
}

/** A row in `<thead>`, or whose cells are all `<th>`. */
function isHeaderRow(tr: Element): boolean {
  if (tr.parentElement?.tagName.toUpperCase() === 'THEAD') return true;
  let cells = 0;
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
    const tag = c.tagName.toUpperCase();
    if (tag === 'TD') return false;
    if (tag === 'TH') cells++;
  }
  return cells > 0;
}

/** A clause cut from `block` (the `index`-th block): its section, heading path and lead-in are the block's. */
export function clauseOf(
  id: string,
  text: string,
  block: Block,
  index: number,
  unit: Clause['unit'],
): Clause {
  const clause: Clause = {
    id,
    text,
    section: block.headingPath.join(' › '),
    headingPath: block.headingPath,
    block: index,
    unit,
  };
  if (block.leadIn) clause.leadIn = block.leadIn;
  return clause;
}
