/**
 * One parser for every page the background reads: policy pages it fetches (checkout links, scheduled
 * re-checks) and the markup a content script sends (`read-page`, so Readability runs off the page's main
 * thread). Extraction needs a DOM, which Firefox's background page has and Chrome's MV3 service worker does
 * not, so on Chrome it runs in the offscreen document. Classification always happens here, next to the model.
 */
import { hasOffscreen, offscreen } from '@/adapters/offscreen';
import { extractBlocks } from '@/lib/extract';
import { envelope, type Envelope } from '@/lib/messages';
import type { ReadPageReply } from '@/lib/extract/reading';
import { classifyExtracted, extractPage } from '@/lib/pipeline';
import type { PageAnalysis } from '@/lib/types';

/** Whether HTML is parsed here (Firefox's background page) rather than in an offscreen document (Chrome). */
const parsesHere = () => typeof DOMParser !== 'undefined';

/**
 * `read` applied to `html` parsed: here when this context has a DOM, else by the offscreen document, which
 * answers `message` with what `read` would return there; `{error}` when neither can.
 */
async function parsed<T>(
  html: string,
  read: (doc: Document) => T,
  message: Envelope<'bg→offscreen:extract-html' | 'bg→offscreen:read-page'>,
): Promise<T | { error: string }> {
  if (parsesHere()) return read(new DOMParser().parseFromString(html, 'text/html'));
  if (!hasOffscreen()) return { error: 'No HTML parser is available in this browser.' };
  const reply = (await offscreen.ask(message)) as T | { error: string } | undefined;
  return reply ?? { error: 'The parser page did not answer.' };
}

/** Starts what reads pages ahead of the first one (Chrome's offscreen document takes ~50–100 ms to start). */
export function warmPageReader(): void {
  if (parsesHere() || !hasOffscreen()) return;
  offscreen.ensure().catch((error: unknown) => console.warn('[fineprint] offscreen document:', error));
}

/** Parse + extract a fetched policy page, then classify it; `{error}` when it could not be parsed. */
export async function analyzeFetchedHtml(
  html: string,
  url: string,
): Promise<PageAnalysis | { error: string }> {
  const read = await parsed(
    html,
    (doc) => extractPage(doc, url, { assumePolicy: true }),
    envelope('bg→offscreen:extract-html', { html, url }),
  );
  return 'error' in read ? read : classifyExtracted(read);
}

/** A content script's page markup (lib/extract/page-markup.ts) read into blocks; `{error}` when it cannot be. */
export function readPageMarkup(html: string): Promise<ReadPageReply> {
  return parsed(html, extractBlocks, envelope('bg→offscreen:read-page', { html }));
}
