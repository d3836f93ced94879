/**
 * Typed messaging over the browser's runtime and tabs APIs: the one place that turns a message name and
 * payload from lib/messages.ts into a `sendMessage` call, for every context (pages, content scripts, the
 * background).
 * @module
 */
import { browser } from 'wxt/browser';
import { envelope, type MessageName, type OwnExtension, type Req, type Res } from '@/lib/messages';

/**
 * Sends `type` to the extension's other contexts (the background; from the background, the offscreen
 * document) and resolves with the reply the map promises. Rejects when nothing is listening; a content
 * script whose extension was updated gets `undefined`, so content-side callers check the reply.
 */
export function send<N extends MessageName>(type: N, payload: Req<N>): Promise<Res<N>> {
  return browser.runtime.sendMessage(envelope(type, payload)) as Promise<Res<N>>;
}

/**
 * `send` from a content script: once the extension is updated or reloaded, the page's script is left without
 * a listener and the reply is `undefined`, which the type says.
 */
export const ask = send as <N extends MessageName>(type: N, payload: Req<N>) => Promise<Res<N> | undefined>;

/** Sends `type` to our content script in a tab (its top frame unless `frameId` says otherwise). */
export function sendToTab<N extends MessageName>(
  tabId: number,
  type: N,
  payload: Req<N>,
  options?: { frameId?: number },
): Promise<Res<N> | undefined> {
  const message = envelope(type, payload);
  return (
    options ? browser.tabs.sendMessage(tabId, message, options) : browser.tabs.sendMessage(tabId, message)
  ) as Promise<Res<N> | undefined>;
}

/** This extension as a message sender sees it, for lib/messages.ts `fromOwnExtension`. */
export function ownExtension(): OwnExtension {
  return { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
}
