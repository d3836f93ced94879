/**
 * Chrome MV3 offscreen document (reason DOM_PARSER): the service worker has no DOMParser, so fetched policy HTML
 * (scheduled re-check, checkout-linked policies) is parsed and extracted here; the background classifies.
 * DOMParser documents run no scripts and load nothing. Only this extension's own background is answered.
 */
import { browser } from 'wxt/browser';
import { extractPage } from '@/lib/pipeline-extract';
import { fromOwnExtension, type Req, type Res } from '@/lib/messages';

const MAX_HTML_CHARS = 6_000_000;

type Reply = Res<'bg→offscreen:extract-html'>;

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const msg = message as { type?: unknown; payload?: Partial<Req<'bg→offscreen:extract-html'>> } | null;
  if (!msg || msg.type !== 'bg→offscreen:extract-html') return undefined;
  // The background (service worker) is this extension and has no tab.
  if (!fromOwnExtension(sender, browser.runtime.id)) return undefined;
  const { html, url } = msg.payload ?? {};
  if (typeof html !== 'string' || typeof url !== 'string' || html.length > MAX_HTML_CHARS) {
    return Promise.resolve<Reply>({ error: 'invalid parse request' });
  }
  try {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return Promise.resolve<Reply>(extractPage(doc, url, { assumePolicy: true }));
  } catch (error) {
    return Promise.resolve<Reply>({ error: error instanceof Error ? error.message : String(error) });
  }
});
