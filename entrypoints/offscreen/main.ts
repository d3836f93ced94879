/**
 * Chrome MV3 offscreen document (reason DOM_PARSER): the service worker has no DOMParser, so HTML is parsed
 * and extracted here, and the background classifies: fetched policy pages (scheduled re-check,
 * checkout-linked policies) and the markup a content script sends so that Readability runs off the page's
 * main thread. DOMParser documents run no scripts and load nothing. Only this extension's own background is
 * answered.
 */
import { browser } from 'wxt/browser';
import { extractBlocks } from '@/lib/extract';
import { extractPage } from '@/lib/pipeline-extract';
import { fromOwnExtension, type Res } from '@/lib/messages';
import { ownExtension } from '@/adapters/messaging';

const MAX_HTML_CHARS = 6_000_000;

type Reply = Res<'bg→offscreen:extract-html'> | Res<'bg→offscreen:read-page'>;

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const msg = message as { type?: unknown; payload?: { html?: unknown; url?: unknown } } | null;
  const type = msg?.type;
  if (type !== 'bg→offscreen:extract-html' && type !== 'bg→offscreen:read-page') return undefined;
  // Only the background (service worker) asks; content scripts reach this document too and are refused.
  if (!fromOwnExtension(sender, ownExtension())) return undefined;
  const { html, url } = msg?.payload ?? {};
  const urlOk = type === 'bg→offscreen:read-page' || typeof url === 'string';
  if (typeof html !== 'string' || !urlOk || html.length > MAX_HTML_CHARS) {
    return Promise.resolve<Reply>({ error: 'invalid parse request' });
  }
  try {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return Promise.resolve<Reply>(
      type === 'bg→offscreen:read-page'
        ? extractBlocks(doc)
        : extractPage(doc, url as string, { assumePolicy: true }),
    );
  } catch (error) {
    return Promise.resolve<Reply>({ error: error instanceof Error ? error.message : String(error) });
  }
});
