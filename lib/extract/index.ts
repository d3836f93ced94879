/**
 * Policy extraction: readable container (Readability on a clone, with fallback) → blocks with heading
 * paths → language check → clauses (sentences; list items kept whole with their lead-in; table cells)
 * with stable ids. Non-English pages are reported `unsupported` with no clauses, never misclassified.
 *
 * Two steps: `extractBlocks` reads the DOM (the content script runs it on the live page), `clausesFromBlocks`
 * cuts the blocks into clauses (the background runs it, off the page's main thread); `extractPolicy` does both.
 * @module
 */
import type { Clause, UnsupportedReason } from '../types';
import { detectLanguage } from '../language';
import { clauseOf, collectBlocks, type Block } from './blocks';
import { ClauseIdAssigner } from './clause-id';
import { blocksFromMarkdown } from './markdown';
import { findReadableContent } from './readable';
import { noReading, type ExtractedBlocks, type ReadingSource } from './reading';
import { splitSentences } from './segment';
import { isStatement } from './statement';

export type { Block } from './blocks';
export type { ExtractedBlocks, ReadPageReply } from './reading';
export { clauseOf } from './blocks';
export { splitSentences, warmSentenceSegmenter } from './segment';
export { normaliseForId, hashText } from './clause-id';

/** Languages the classifier understands. */
export const SUPPORTED_LANGUAGES: readonly string[] = ['en'];

export interface Extracted {
  title: string;
  language: string;
  clauses: Clause[];
  unsupported?: { reason: UnsupportedReason; message: string };
  /** True when the page exceeded the size budget and only its beginning was read. */
  truncated?: boolean;
  source?: ReadingSource;
}

export interface ExtractOptions {
  /** Readability aborts above this many elements (the fallback then runs). Default 40,000. */
  maxElemsToParse?: number;
  /** Characters of block text read at most. Default 1,000,000 (real policies stay under ~300k). */
  maxChars?: number;
  /** Read collapsed sections too (see `ReadableOptions.includeCollapsed`). Default false. */
  includeCollapsed?: boolean;
  /** Emit headings as clauses (`unit: 'heading'`) too. Default false: headings live in `section`. */
  includeHeadings?: boolean;
}

const LANGUAGE_NAMES: Record<string, string> = {
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  pt: 'Portuguese',
  sv: 'Swedish',
  da: 'Danish',
  nb: 'Norwegian',
  pl: 'Polish',
  ar: 'Arabic',
  he: 'Hebrew',
  ru: 'Russian',
  el: 'Greek',
  ja: 'Japanese',
  ko: 'Korean',
  zh: 'Chinese',
  th: 'Thai',
  hi: 'Hindi',
};

function checkLanguage(
  blocks: Block[],
  hint: string | null,
): { language: string; unsupported?: Extracted['unsupported'] } {
  // Prose first: table cells are often cookie names, domains and durations.
  let sample = '';
  for (const kinds of [['paragraph', 'list-item'], ['cell']]) {
    for (const b of blocks) {
      if (!kinds.includes(b.kind)) continue;
      sample += `${b.text} `;
      if (sample.length > 20_000) break;
    }
    if (sample.length > 2_000) break;
  }
  if (!sample.trim()) {
    return {
      language: 'und',
      unsupported: { reason: 'empty', message: 'No readable policy text was found on this page.' },
    };
  }
  const { language } = detectLanguage(sample, hint);
  // Plenty of words yet no known function words: a language we do not recognise. Not English, so
  // classifying it would only produce noise.
  if (language === 'und' && sample.split(/\s+/).length >= 200) {
    return {
      language,
      unsupported: {
        reason: 'language',
        message:
          'This policy does not appear to be in English; Fineprint only analyses English policies for now.',
      },
    };
  }
  if (language !== 'und' && !SUPPORTED_LANGUAGES.includes(language)) {
    const name = LANGUAGE_NAMES[language] ?? language;
    return {
      language,
      unsupported: {
        reason: 'language',
        message: `This policy is in ${name}; Fineprint only analyses English policies for now.`,
      },
    };
  }
  return { language };
}

/**
 * Step 1 (touches the DOM, on a clone): find the readable content and cut it into blocks, and identify
 * the language.
 */
export function extractBlocks(doc: Document, options: ExtractOptions = {}): ExtractedBlocks {
  const readable = findReadableContent(doc, {
    maxElemsToParse: options.maxElemsToParse,
    includeCollapsed: options.includeCollapsed,
  });
  const title = readable?.title ?? (doc.title ?? '').trim();
  if (!readable) return noReading(title, { reason: 'empty', message: 'The page has no body to read.' });
  const { blocks, truncated } = collectBlocks(readable.root, { maxChars: options.maxChars });
  const hint = doc.documentElement?.getAttribute('lang') ?? readable.lang ?? null;
  const lang = checkLanguage(blocks, hint);
  return {
    title,
    language: lang.language,
    blocks,
    truncated,
    source: readable.source,
    unsupported: lang.unsupported,
  };
}

const LONG_LIST_ITEM = 600;

/**
 * Step 2 (pure, no DOM): blocks → clauses. Sentences come from ICU's rules (./segment): in the extension this
 * runs in the background, so the page never loads ICU's sentence data (see lib/messages `page-extracted`).
 */
export function blocksToClauses(blocks: Block[], options: { includeHeadings?: boolean } = {}): Clause[] {
  const ids = new ClauseIdAssigner();
  const clauses: Clause[] = [];
  const emit = (text: string, block: Block, index: number, unit: Clause['unit'], statement: boolean) => {
    if (!/\p{L}.*\p{L}/su.test(text)) return; // bullets, numbers, stray punctuation
    const clause = clauseOf(ids.next(text), text, block, index, unit);
    // Kept for the record of the text (versions, diffs), never marked: see ./statement.ts.
    if (!statement) clause.statement = false;
    clauses.push(clause);
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'heading') {
      if (options.includeHeadings) emit(block.text, block, i, 'heading', true);
    } else if (block.kind === 'cell' && block.row) {
      emit(block.text, block, i, 'cell', isStatement(block.text, 'row'));
    } else if (block.kind === 'list-item' && block.text.length <= LONG_LIST_ITEM) {
      emit(
        block.text,
        block,
        i,
        'list-item',
        !block.linkOnly && isStatement(block.text, 'list-item', block.leadIn),
      );
    } else {
      const unit = block.kind === 'cell' ? 'cell' : block.kind === 'list-item' ? 'list-item' : 'sentence';
      for (const s of splitSentences(block.text))
        emit(
          s,
          block,
          i,
          unit,
          isStatement(s, unit === 'list-item' ? 'list-item' : 'sentence', block.leadIn),
        );
    }
  }
  return clauses;
}

/**
 * Caps that keep one page's clauses inside what the background accepts in a single message
 * (lib/message-guards LIMITS: 20,000 clauses, 8 MB of JSON); real policies stay far below.
 */
export const MAX_CLAUSES = 10_000;
const MAX_PAYLOAD_CHARS = 5_000_000;

/** Clauses up to the caps above, in order. */
function capClauses(clauses: Clause[]): { kept: Clause[]; cut: boolean } {
  let chars = 0;
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    // Approximate JSON size: text, section twice (section + headingPath), lead-in, fixed overhead.
    chars += c.text.length + 2 * c.section.length + (c.leadIn?.length ?? 0) + 120;
    if (i >= MAX_CLAUSES || chars > MAX_PAYLOAD_CHARS) return { kept: clauses.slice(0, i), cut: true };
  }
  return { kept: clauses, cut: false };
}

/**
 * Blocks read elsewhere → the extraction: clauses within the caps, `unsupported` when none is left. The
 * background runs this on the blocks a content script sends; `extractPolicy` on the blocks it read itself.
 */
export function clausesFromBlocks(
  b: Omit<ExtractedBlocks, 'unsupported'>,
  options: { includeHeadings?: boolean } = {},
): Extracted {
  return finish(b, blocksToClauses(b.blocks, options));
}

function finish(b: Omit<ExtractedBlocks, 'unsupported'>, all: Clause[]): Extracted {
  const { kept: clauses, cut } = capClauses(all);
  const out: Extracted = { title: b.title, language: b.language, clauses, source: b.source };
  if (b.truncated || cut) out.truncated = true;
  if (!clauses.length)
    out.unsupported = { reason: 'empty', message: 'No policy clauses were found in the readable text.' };
  return out;
}

/**
 * Extract the clauses of a policy page (synchronous). The document is cloned, never modified.
 */
export function extractPolicy(doc: Document, options: ExtractOptions = {}): Extracted {
  const b = extractBlocks(doc, options);
  if (b.unsupported)
    return {
      title: b.title,
      language: b.language,
      clauses: [],
      unsupported: b.unsupported,
      source: b.source,
    };
  return clausesFromBlocks(b, options);
}

/**
 * Extract clauses from Markdown or plain text that is already a policy (CLI input).
 */
export function extractText(
  text: string,
  format: 'markdown' | 'text' = 'markdown',
  options: ExtractOptions = {},
): Extracted {
  const { blocks, truncated } = blocksFromMarkdown(text, format, options.maxChars);
  const title = blocks.find((b) => b.kind === 'heading')?.text ?? '';
  const lang = checkLanguage(blocks, null);
  const b: ExtractedBlocks = {
    title,
    language: lang.language,
    blocks,
    truncated,
    source: format,
    unsupported: lang.unsupported,
  };
  if (b.unsupported)
    return { title, language: b.language, clauses: [], unsupported: b.unsupported, source: format };
  return clausesFromBlocks(b, options);
}
