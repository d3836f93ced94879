/**
 * The text a label's offsets index into, per document type. `.md` and `.txt` documents are their raw UTF-8
 * text (extractor "raw"); `.html` documents are the v1 block text (extractor "v1").
 * @module
 */
import { decodeBytes } from '../../lib/fetch/decode';
import { htmlBlockText, HTML_EXTRACTOR_VERSION } from './html-block-text';

export type ExtractorId = 'raw' | typeof HTML_EXTRACTOR_VERSION;

/** The extractor a document of this path is labelled with, or null for an unsupported file type. */
export function extractorFor(docPath: string): ExtractorId | null {
  if (/\.(md|txt)$/i.test(docPath)) return 'raw';
  if (/\.html?$/i.test(docPath)) return HTML_EXTRACTOR_VERSION;
  return null;
}

/**
 * Turn a document's bytes into the text that offsets refer to, with the named extractor.
 * @throws Error for an unknown extractor id.
 */
export function sourceText(bytes: Uint8Array, extractor: string): string {
  if (extractor === 'raw') return new TextDecoder('utf-8').decode(bytes);
  if (extractor === HTML_EXTRACTOR_VERSION) return htmlBlockText(decodeBytes(bytes).text);
  throw new Error(`unknown extractor "${extractor}"`);
}
