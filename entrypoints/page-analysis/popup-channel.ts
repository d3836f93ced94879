/**
 * What Fineprint's own pages may ask of the page's session (lib/page-channel.ts checks every message first):
 * turn the highlights on or off, show a clause, tell which page this is. Other extensions, content scripts
 * and malformed messages get no answer.
 */
import { browser } from 'wxt/browser';
import type { PageMarks } from '@/lib/page-report';
import type { PageContext } from '@/lib/page-context';
import { checkPageMessage } from '@/lib/page-channel';

export interface PopupChannelHandlers {
  setHighlights: (on: boolean) => Promise<boolean>;
  reveal: (clauseId: string) => boolean;
  report: () => PageMarks | null;
}

export function listenToPopup(ctx: PageContext, handlers: PopupChannelHandlers): void {
  const answer = (message: unknown, sender: { id?: string; url?: string }): Promise<unknown> | null => {
    const checked = checkPageMessage(message, sender, {
      id: browser.runtime.id,
      baseUrl: browser.runtime.getURL('/'),
    });
    if (!checked.ok) return null;
    const msg = checked.value;
    switch (msg.type) {
      case 'popup→content:toggle-highlights':
        return handlers.setHighlights(msg.payload.on).then((on) => ({ on }));
      case 'popup→content:reveal-clause':
        return Promise.resolve({ found: handlers.reveal(msg.payload.clauseId) });
      case 'bg→content:get-report':
        return Promise.resolve(handlers.report());
    }
  };
  // The browser's own API (no polyfill in page scripts, wxt.config.ts): a reply goes through `sendResponse`,
  // and `true` keeps the channel open for it, the same in Chrome and Firefox.
  const listener = (
    message: unknown,
    sender: { id?: string; url?: string },
    sendResponse: (reply: unknown) => void,
  ): true | undefined => {
    const replying = answer(message, sender);
    if (!replying) return undefined;
    replying.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener as never));
}

/** Follows settings changed in the popup / options page while the page is open. */
export function listenForSettings(ctx: PageContext, onChange: (stored: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !changes.settings || !ctx.isValid) return;
    onChange(changes.settings.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  const stop = () => browser.storage.onChanged.removeListener(listener);
  ctx.onInvalidated(stop);
  return stop;
}
