/**
 * One parser for every page the background reads: policy pages it fetches (checkout links, scheduled
 * re-checks) and the markup a content script sends (`read-page`, so Readability runs off the page's main
 * thread). Extraction needs a DOM, which Firefox's background page has and Chrome's MV3 service worker does
 * not, so on Chrome it runs in the offscreen document. Classification always happens here, next to the model.
 */
import { browser, type Browser } from 'wxt/browser';
import { extractBlocks } from '@/lib/extract';
import { envelope, type ReadPageReply, type Res } from '@/lib/messages';
import { createOffscreenClient } from '@/lib/offscreen-client';
import { classifyExtracted, extractPage } from '@/lib/pipeline';
import type { PageAnalysis } from '@/lib/types';

// One client for every caller: only one offscreen document may exist.
const offscreen = createOffscreenClient({
  count: async () =>
    (
      await browser.runtime.getContexts({
        contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
      })
    ).length,
  create: () =>
    browser.offscreen.createDocument({
      url: '/offscreen.html',
      reasons: ['DOM_PARSER' as Browser.offscreen.Reason],
      justification:
        'Parse the policy pages you read, away from the page itself, and those Fineprint fetches for you (checkout links, re-checks), to explain them.',
    }),
  send: (message) => browser.runtime.sendMessage(message),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

/** Chrome: the offscreen document exists once this resolves (the first one takes ~50–100 ms to start). */
export const ensureOffscreen = offscreen.ensure;

/** Parse + extract a fetched policy page, then classify it; `{error}` when it could not be parsed. */
export async function analyzeFetchedHtml(
  html: string,
  url: string,
): Promise<PageAnalysis | { error: string }> {
  if (typeof DOMParser !== 'undefined') {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return classifyExtracted(extractPage(doc, url, { assumePolicy: true }));
  }
  if (!browser.offscreen) return { error: 'No HTML parser is available in this browser.' };
  const reply = (await offscreen.ask(envelope('bg→offscreen:extract-html', { html, url }))) as
    Res<'bg→offscreen:extract-html'> | undefined;
  if (!reply) return { error: 'The parser page did not answer.' };
  return 'error' in reply ? reply : classifyExtracted(reply);
}

/** A content script's page markup (lib/extract/page-markup.ts) read into blocks; `{error}` when it cannot be. */
export async function readPageMarkup(html: string): Promise<ReadPageReply> {
  if (typeof DOMParser !== 'undefined')
    return extractBlocks(new DOMParser().parseFromString(html, 'text/html'));
  if (!browser.offscreen) return { error: 'No HTML parser is available in this browser.' };
  const reply = (await offscreen.ask(envelope('bg→offscreen:read-page', { html }))) as
    Res<'bg→offscreen:read-page'> | undefined;
  return reply ?? { error: 'The parser page did not answer.' };
}
