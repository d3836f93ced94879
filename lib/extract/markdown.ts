/**
 * Markdown / plain text → blocks, for CLI input that is already an extracted policy (e.g. Open Terms
 * Archive versions). Headings `#`, lists `-`/`*`/`+`/`1.` (indentation = nesting), tables `|`, paragraphs
 * separated by blank lines. Inline markup is reduced to its text.
 * Kept hand-written (docs/libraries.md): micromark + mdast parse the corpus's Markdown 60–90× slower, before
 * any of the block rules here.
 * @module
 */
import { LIST_TITLE_LEVEL, type Block } from './blocks';
import { isListTitle } from './statement';

function inline(s: string): string {
  return (
    s
      // Link text may hold escaped brackets ("third parties\\[72\\]"): a link is read whole, never cut there.
      .replace(/!\[((?:\\.|[^\]\\])*)\]\([^)]*\)/g, '$1')
      .replace(/\[((?:\\.|[^\]\\])*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]{1,200}>/g, ' ')
      .replace(/(\*\*|__)(.*?)\1/g, '$2')
      .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * A last word, in lower case, that leaves its sentence open: an article, a conjunction, a possessive or a modal.
 * Not a preposition: a title may end on one ("Third parties that we work with").
 */
const OPEN_ENDING =
  /\s(?:the|a|an|and|or|nor|neither|either|your|our|their|its|such|than|may|will|shall|must|would|should|been|including)$/;

const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}/;
/** A paragraph that is one link (and perhaps its list marker). */
const LINK_ONLY = /^(?:\*\*|__)?\[[^\]]+\]\([^)]*\)(?:\*\*|__)?$/;

/** A short paragraph in capitals or all in bold, without a closing stop: a heading without "#". */
function isPlainHeading(raw: string, text: string): boolean {
  if (text.length > 120 || /[.;,:!?]$/.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 4 && letters === letters.toUpperCase()) return true;
  return /^(?:\*\*|__)[^*_]+(?:\*\*|__)$/.test(raw);
}
/** Rows longer than this are read cell by cell (as in lib/extract/blocks.ts). */
const MAX_ROW = 600;

/** The raw cells of a Markdown table row (an escaped "\\|" stays inside its cell), without the outer pipes. */
function rawCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/);
}

/**
 * A heading drawn inside a cell ("##### Service Providers<br><br>To offer…"): converted pages put a
 * section's title in the first cell of its row. Its marks go; its words stay as the cell's title, closed by
 * a colon so that the sentence after it is read on its own terms.
 */
const CELL_HEADING = /(^|<br\s*\/?>)\s*#{1,6}\s+(\S(?:(?!<br)[^])*?)\s*#*\s*(?=<br|$)/gi;

function cellText(raw: string): string {
  return inline(
    raw
      .replace(CELL_HEADING, (_, before: string, title: string) => {
        const t = title.trim();
        return `${before}${t}${t && !/[.:;!?]$/.test(t) ? ':' : ''}<br>`;
      })
      .replace(/<br\s*\/?>/gi, ' '),
  );
}

/** The non-empty cells of a Markdown table row, as text. */
function splitRow(line: string): string[] {
  return rawCells(line).map(cellText).filter(Boolean);
}

/**
 * A row whose every filled cell is wholly bold is a header row ("| **Purpose** | **Legal basis** |"), as
 * converters write a table whose first HTML row held the headers under an empty Markdown header row.
 */
function isBoldHeaderRow(line: string): boolean {
  const cells = rawCells(line)
    .map((c) => c.trim())
    .filter(Boolean);
  // Wholly bold: nothing but a footnote mark is left once the bold runs are taken out
  // ("**Who We Share It With****1**" is two runs).
  return (
    cells.length >= 2 &&
    cells.every(
      (c) =>
        /^(?:\*\*|__)/.test(c) &&
        /^[\s\d*†‡,.]*$/.test(c.replace(/(\*\*|__)(?:(?!\1).)+\1/g, '')) &&
        inline(c).length <= 200,
    )
  );
}

const LIST = /^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/;
/** A heading; indented ones occur inside list items of converted pages ("    ### We disclose…"). */
const HEADING = /^\s{0,8}(#{1,6})\s+(.*?)\s*#*\s*$/;
/** The underline of a Setext heading ("Title" over "=====" or "-----"). */
const SETEXT = /^\s{0,3}(?:=+|-+)\s*$/;
/** A list item that is one link: a contents or navigation line ("* [Cross-Border Transfers](#…)"). */
const LINK_ITEM = /^(?:\*\*|__)?\[[^\]]+\]\([^)]*\)(?:\*\*|__)?[.;,]?$/;

/** In plain text, a short line without final punctuation followed by a blank line reads as a heading. */
function looksLikeTextHeading(line: string): boolean {
  const t = line.trim();
  return t.length >= 3 && t.length <= 80 && !/[.,;:!?]$/.test(t) && /\p{Lu}/u.test(t[0] ?? '');
}

/**
 * Parse Markdown (or, with `format: 'text'`, plain text with heading-like lines) into blocks.
 * @param maxChars stop after this many characters of input (bounded work).
 */
export function blocksFromMarkdown(
  source: string,
  format: 'markdown' | 'text' = 'markdown',
  maxChars = 1_000_000,
): { blocks: Block[]; truncated: boolean } {
  const truncated = source.length > maxChars;
  const lines = (truncated ? source.slice(0, maxChars) : source).replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const headings: { level: number; text: string }[] = [];
  /** Open lists; `title` is the heading level of the item that titles a nested one (see blocks.ts). */
  const listStack: { indent: number; leadIn: string | undefined; title?: number }[] = [];
  /** Close open lists down to `depth`, and the titles they opened. */
  const closeLists = (depth: number) => {
    while (listStack.length > depth) {
      const title = listStack.pop()!.title;
      if (title !== undefined && headings[headings.length - 1]?.level === title) headings.pop();
    }
  };
  let para: string[] = [];
  let tableHeader: string | undefined;
  const path = () => headings.map((h) => h.text);
  const flushPara = () => {
    const raw = para.join(' ');
    const text = inline(raw);
    para = [];
    if (!text) return;
    // A line that is only a link ("[Delete your account](…)") states nothing, as on a page.
    if (LINK_ONLY.test(raw.trim())) return;
    // A short line in capitals, or bold alone, is a heading drawn without "#": "I. CHANGES TO THIS POLICY".
    if (isPlainHeading(raw.trim(), text)) {
      heading(headings.length ? Math.min(6, headings[headings.length - 1]!.level + 1) : 2, text);
      return;
    }
    // A sentence hard-wrapped with blank lines between its lines (converted PDFs): the previous paragraph
    // stops without a stop and this one goes on in lower case, or in capitals after a word no sentence or
    // title ends on ("… neither" + "You nor your apps may …"): cut there, the second half loses its negation.
    const last = blocks[blocks.length - 1];
    if (
      last?.kind === 'paragraph' &&
      !/[.!?:;]["'\u201d\u2019)\]]*$/.test(last.text) &&
      (/^\p{Ll}/u.test(text) || (OPEN_ENDING.test(last.text) && /^\p{Lu}/u.test(text)))
    ) {
      last.text = `${last.text} ${text}`;
      return;
    }
    blocks.push({ kind: 'paragraph', text, headingPath: path() });
  };
  /** A heading block at `level`, closing the headings at or below it (a list title opens one too). */
  const openHeading = (level: number, full: string) => {
    const text = full.slice(0, 200);
    while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
    blocks.push({ kind: 'heading', text, level, headingPath: path() });
    headings.push({ level, text });
  };
  const heading = (level: number, full: string) => {
    flushPara();
    listStack.length = 0;
    openHeading(level, full);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      flushPara();
      continue;
    }
    const h = format === 'markdown' ? HEADING.exec(line) : null;
    if (h) {
      heading(h[1]!.length, inline(h[2] ?? ''));
      continue;
    }
    // "4 How We Disclose Your Information" over a line of "=": a heading, not a paragraph ending in "===".
    if (
      format === 'markdown' &&
      para.length === 0 &&
      !/^\s*\|/.test(line) &&
      SETEXT.test(lines[i + 1] ?? '')
    ) {
      const text = inline(line);
      if (text && !/^\s*(?:[-*_]\s*){3,}$/.test(line)) {
        heading(/^\s*=/.test(lines[i + 1]!) ? 1 : 2, text);
        i++;
        continue;
      }
    }
    if (format === 'markdown' && /^\s*(?:[-*_]\s*){3,}$/.test(line)) {
      flushPara();
      continue;
    }
    if (/^\s*\|/.test(line)) {
      flushPara();
      if (TABLE_SEPARATOR.test(line)) continue;
      const cells = splitRow(line);
      // A new table: the last table's header is no context for it, even when its own header row is empty.
      if (!/^\s*\|/.test(lines[i - 1] ?? '')) tableHeader = undefined;
      if (!cells.length) continue;
      // The row above a separator row is the table's header: context for the rows below, not a clause; so is
      // a row of bold cells (the header under an empty header row, or a header again further down).
      if (TABLE_SEPARATOR.test(lines[i + 1] ?? '') || isBoldHeaderRow(line)) {
        tableHeader = cells.join(' | ').slice(0, 400);
        continue;
      }
      const header = tableHeader ? { leadIn: tableHeader } : {};
      const text = cells.join(' | ');
      if (cells.length >= 2 && text.length <= MAX_ROW)
        blocks.push({ kind: 'cell', text, headingPath: path(), row: true, ...header });
      else
        for (const cell of cells) blocks.push({ kind: 'cell', text: cell, headingPath: path(), ...header });
      continue;
    }
    const li = LIST.exec(line);
    if (li && (para.length === 0 || listStack.length)) {
      const indent = li[1]!.replace(/\t/g, '    ').length;
      const prev = blocks[blocks.length - 1];
      flushPara();
      let depth = listStack.length;
      while (depth && listStack[depth - 1]!.indent > indent) depth--;
      closeLists(depth);
      const top = listStack[listStack.length - 1];
      if (!top || top.indent < indent) {
        const last = blocks[blocks.length - 1] ?? prev;
        const leadIn = !last
          ? undefined
          : last.kind === 'list-item'
            ? last.text.slice(-400)
            : last.kind === 'paragraph'
              ? last.text.slice(-400)
              : undefined;
        const list: (typeof listStack)[number] = { indent, leadIn };
        // The enclosing item titles this nested list ("8. Prohibited and restricted use" over its numbered
        // clauses): a heading over the items, not a statement to mark (issue 23), until the list ends.
        if (
          top &&
          last &&
          last === blocks[blocks.length - 1] &&
          last.kind === 'list-item' &&
          !last.linkOnly &&
          isListTitle(last.text, last.leadIn)
        ) {
          blocks.pop();
          list.title = LIST_TITLE_LEVEL + listStack.length;
          openHeading(list.title, last.text);
        }
        listStack.push(list);
      }
      const text = inline(li[2] ?? '');
      const lead = listStack[listStack.length - 1]!.leadIn;
      // A link-only item (a contents or navigation line) stays a block: the statement filter keeps it from being
      // painted, and a version that adds or drops one is still a change of the document.
      if (text)
        blocks.push({
          kind: 'list-item',
          text,
          headingPath: path(),
          ...(lead ? { leadIn: lead } : {}),
          ...(LINK_ITEM.test((li[2] ?? '').trim()) ? { linkOnly: true as const } : {}),
        });
      continue;
    }
    if (listStack.length && /^\s{2,}\S/.test(line) && blocks[blocks.length - 1]?.kind === 'list-item') {
      // Continuation line of a list item.
      const last = blocks[blocks.length - 1]!;
      last.text = inline(`${last.text} ${line}`);
      continue;
    }
    closeLists(0);
    if (format === 'text' && para.length === 0 && looksLikeTextHeading(line) && !lines[i + 1]?.trim()) {
      heading(2, inline(line));
      continue;
    }
    para.push(line.trim());
  }
  flushPara();
  return { blocks, truncated };
}
