/**
 * Chrome MV3 offscreen document (reason DOM_PARSER): the service worker has no DOMParser, so re-fetched policy
 * HTML is parsed and analysed here. DOMParser documents run no scripts and load nothing. Only messages from this
 * extension's own background are answered.
 */
import { browser } from 'wxt/browser';
import { analyzeDocument } from '@/lib/pipeline';
import type { Req, Res } from '@/lib/messages';

const MAX_HTML_CHARS = 6_000_000;

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const msg = message as { type?: unknown; payload?: Partial<Req<'bg→offscreen:analyze'>> } | null;
  if (!msg || msg.type !== 'bg→offscreen:analyze') return undefined;
  // The background (service worker) has no tab and our own origin.
  if (sender.id !== browser.runtime.id || sender.tab) return undefined;
  const { html, url } = msg.payload ?? {};
  if (typeof html !== 'string' || typeof url !== 'string' || html.length > MAX_HTML_CHARS) {
    return Promise.resolve<Res<'bg→offscreen:analyze'>>({ error: 'invalid parse request' });
  }
  try {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return Promise.resolve<Res<'bg→offscreen:analyze'>>(analyzeDocument(doc, { url, assumePolicy: true }));
  } catch (error) {
    return Promise.resolve<Res<'bg→offscreen:analyze'>>({
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
