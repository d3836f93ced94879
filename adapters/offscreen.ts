/**
 * Chrome's offscreen document, where the background parses HTML (its MV3 service worker has no DOMParser):
 * the one client every background caller shares, since only one offscreen document may exist. The start-up
 * and retry logic is lib/offscreen-client.ts; this file supplies the browser.
 * @module
 */
import { browser, type Browser } from 'wxt/browser';
import { createOffscreenClient } from '@/lib/offscreen-client';

/** Whether this browser has offscreen documents at all (Firefox's background page parses HTML itself). */
export const hasOffscreen = (): boolean => Boolean(browser.offscreen);

export const offscreen = createOffscreenClient({
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
