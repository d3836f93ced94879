/**
 * Segmentation of a dataset source text (raw Markdown or v1 block text) into label units: one sentence, or a
 * one-sentence list item, with its heading path and, for list items, the offsets of the sentence that
 * introduces the list. Offsets are UTF-16 indices into the source text, as `String.prototype.slice` uses.
 *
 * This is the annotation tooling's unit finder, not part of what a record means: a record is its offsets and
 * hash, whatever produced them.
 * @module
 */
import { cleanClauseText } from './clause-text';

export interface Span {
  start: number;
  end: number;
}

export interface Unit extends Span {
  kind: 'sentence' | 'list-item' | 'cell' | 'row';
  /** Clean heading texts from the top level down. */
  headingPath: string[];
  /** The last sentence of the paragraph that introduces the list this item belongs to. */
  leadIn?: Span;
}

interface Line extends Span {
  text: string;
}

const ABBREV =
  /(?:\b(?:Sec|Art|No|Nos|Mr|Mrs|Ms|Dr|St|Co|Ltd|Inc|vs|approx|para|paras|cl|ch|fig|e\.g|i\.e|etc|cf|p|pp|U\.S|U\.K)\.)$/i;
const ENUMERATOR = /^\(?(?:\d{1,3}|[ivx]{1,4}|[a-z])[.)]$/i;
const HEADING_ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const LIST = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/;
const TABLE_SEP = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end).replace(/\r$/, '') });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

let segmenter: Intl.Segmenter | null = null;

/** Sentence spans inside `[start, end)` of `text`, trimmed, with abbreviation and enumerator repair. */
export function sentenceSpans(text: string, start: number, end: number): Span[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  // Link targets and bare URLs are masked with same-length filler so "?" or "." inside them never ends a
  // sentence while offsets stay aligned with the original text.
  const slice = text
    .slice(start, end)
    .replace(
      /\]\((?:[^()\s]|\([^()]*\))*\)|https?:\/\/[^\s)]+|www\.[^\s)]+/g,
      (m) => m[0] + 'x'.repeat(m.length - 1),
    );
  const raw: Span[] = [];
  for (const seg of segmenter.segment(slice)) {
    raw.push({ start: start + seg.index, end: start + seg.index + seg.segment.length });
  }
  const merged: Span[] = [];
  for (const s of raw) {
    const prev = merged[merged.length - 1];
    if (prev) {
      const prevText = text.slice(prev.start, prev.end).trim();
      const lastWord = prevText.split(/\s+/).pop() ?? '';
      if (
        ABBREV.test(prevText) ||
        ENUMERATOR.test(prevText) ||
        (ENUMERATOR.test(lastWord) && prevText.length < 6)
      ) {
        prev.end = s.end;
        continue;
      }
    }
    merged.push({ ...s });
  }
  const out: Span[] = [];
  for (const s of merged) {
    let a = s.start;
    let b = s.end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  }
  return out;
}

/** Split a source text into label units, in document order. */
export function segmentUnits(text: string): Unit[] {
  const lines = splitLines(text);
  const units: Unit[] = [];
  const headings: { level: number; text: string }[] = [];
  const path = (): string[] => headings.map((h) => h.text);
  let lastParagraphSentence: Span | undefined;
  let inList = false;
  let listLeadIn: Span | undefined;

  const setHeading = (level: number, raw: string): void => {
    while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
    const clean = cleanClauseText(raw);
    if (clean) headings.push({ level, text: clean.slice(0, 120) });
    lastParagraphSentence = undefined;
    inList = false;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const t = line.text;
    if (!t.trim()) {
      i++;
      continue;
    }
    const atx = HEADING_ATX.exec(t);
    if (atx) {
      setHeading(atx[1]!.length, atx[2]!);
      i++;
      continue;
    }
    const next = lines[i + 1];
    if (next && SETEXT.exec(next.text) && !LIST.test(t) && !t.trim().startsWith('|')) {
      setHeading(SETEXT.exec(next.text)![1]!.startsWith('=') ? 1 : 2, t);
      i += 2;
      continue;
    }
    if (TABLE_SEP.test(t) && t.includes('-')) {
      i++;
      continue;
    }
    if (t.trim().startsWith('|')) {
      // Markdown table row or v1 table cell: each cell, split at <br> runs, then into sentences.
      for (const piece of rowPieces(t, line.start)) {
        for (const s of sentenceSpans(text, piece.start, piece.end))
          units.push({ ...s, kind: 'cell', headingPath: path() });
      }
      i++;
      continue;
    }
    // A block: this line plus following continuation lines (not blank, not a new list item / heading / row).
    const isItem = LIST.test(t);
    let j = i + 1;
    while (
      j < lines.length &&
      lines[j]!.text.trim() &&
      !LIST.test(lines[j]!.text) &&
      !HEADING_ATX.test(lines[j]!.text) &&
      !lines[j]!.text.trim().startsWith('|') &&
      !(lines[j + 1] && SETEXT.test(lines[j + 1]!.text))
    )
      j++;
    const blockStart = line.start + (isItem ? LIST.exec(t)![0].length : 0);
    const blockEnd = lines[j - 1]!.start + lines[j - 1]!.text.length;
    const sentences = sentenceSpans(text, blockStart, blockEnd);
    if (isItem) {
      if (!inList) {
        listLeadIn = lastParagraphSentence;
        inList = true;
      }
      const kind = sentences.length === 1 ? 'list-item' : 'sentence';
      for (const s of sentences) units.push({ ...s, kind, headingPath: path(), leadIn: listLeadIn });
    } else {
      inList = false;
      for (const s of sentences) units.push({ ...s, kind: 'sentence', headingPath: path() });
      lastParagraphSentence = sentences[sentences.length - 1];
    }
    i = j;
  }
  return units;
}

const BR = /<br\s*\/?>/gi;

/** Cell contents of one table line, split at `<br>`, with list markers skipped; offsets into the source. */
function rowPieces(line: string, offset: number): Span[] {
  const out: Span[] = [];
  const cells: Span[] = [];
  let cellStart = 0;
  for (let k = 0; k <= line.length; k++) {
    if (k === line.length || (line[k] === '|' && line[k - 1] !== '\\')) {
      cells.push({ start: cellStart, end: k });
      cellStart = k + 1;
    }
  }
  for (const cell of cells) {
    const body = line.slice(cell.start, cell.end);
    let last = 0;
    const cuts: Span[] = [];
    for (const m of body.matchAll(BR)) {
      cuts.push({ start: last, end: m.index });
      last = m.index + m[0].length;
    }
    cuts.push({ start: last, end: body.length });
    for (const c of cuts) {
      const piece = body.slice(c.start, c.end);
      const marker = /^\s*(?:[-*+•]|\d{1,3}[.)])?\s*/.exec(piece)![0].length;
      if (piece.slice(marker).trim())
        out.push({ start: offset + cell.start + c.start + marker, end: offset + cell.start + c.end });
    }
  }
  return out;
}
