/**
 * A page's reading as it travels between contexts: the content script serializes the page (page-markup.ts),
 * the background reads it and replies with these blocks, or with why it could not.
 * @module
 */
import type { UnsupportedReason } from '../types';
import type { Block } from './blocks';

/** Which container was read: Readability's article, the main/body fallback, or Markdown/text input. */
export type ReadingSource = 'readability' | 'fallback' | 'markdown' | 'text';

/** Result of the first (DOM) step: blocks ready to be cut into clauses. */
export interface ExtractedBlocks {
  title: string;
  language: string;
  blocks: Block[];
  truncated: boolean;
  source: ReadingSource;
  unsupported?: { reason: UnsupportedReason; message: string };
}

/** A page's markup read by the background: its blocks, or why it could not be read. */
export type ReadPageReply = ExtractedBlocks | { error: string };

/**
 * The page's reading from the background's reply: its blocks, or, when the background could not read the
 * markup (or did not answer), no blocks and a reason the popup shows.
 */
export function readingFromReply(reply: ReadPageReply | undefined, title: string): ExtractedBlocks {
  if (reply && !('error' in reply)) return reply;
  return unreadable(title, reply?.error ?? 'no answer');
}

/** The reading of markup that could not be read, and why (the same words on the page and in the background). */
export function unreadable(title: string, error: string): ExtractedBlocks {
  return noReading(title, {
    reason: 'unreadable',
    message: `Fineprint could not read this page’s text (${error.slice(0, 200)}).`,
  });
}

/** A reading without text, and why (the popup shows `unsupported.message`). */
export function noReading(
  title: string,
  unsupported: NonNullable<ExtractedBlocks['unsupported']>,
): ExtractedBlocks {
  return { title, language: 'und', blocks: [], truncated: false, source: 'fallback', unsupported };
}
