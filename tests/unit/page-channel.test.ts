// What a page's analysis accepts from Fineprint's own pages (lib/page-channel.ts). Team-written messages.
import { describe, expect, it } from 'vitest';
import { checkPageMessage } from '@/lib/page-channel';

const self = { id: 'our-id', baseUrl: 'chrome-extension://our-id/' };
const popup = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };

describe('checkPageMessage', () => {
  it('accepts the three messages from our own pages, with their payloads rebuilt', () => {
    expect(
      checkPageMessage({ type: 'popup→content:toggle-highlights', payload: { on: false } }, popup, self),
    ).toEqual({ ok: true, value: { type: 'popup→content:toggle-highlights', payload: { on: false } } });
    expect(
      checkPageMessage({ type: 'popup→content:reveal-clause', payload: { clauseId: 'c12' } }, popup, self),
    ).toEqual({ ok: true, value: { type: 'popup→content:reveal-clause', payload: { clauseId: 'c12' } } });
    // The background asks too (its worker's address is one of ours).
    const worker = { id: 'our-id', url: 'chrome-extension://our-id/background.js' };
    expect(checkPageMessage({ type: 'bg→content:get-report', payload: {} }, worker, self).ok).toBe(true);
  });

  it('answers nothing from another extension, a content script or a web page', () => {
    const msg = { type: 'bg→content:get-report', payload: {} };
    for (const sender of [
      { id: 'other-id', url: 'chrome-extension://other-id/popup.html' },
      { id: 'our-id', url: 'https://example.com/privacy' },
      { id: 'our-id' },
      { url: 'chrome-extension://our-id/popup.html' },
    ])
      expect(checkPageMessage(msg, sender, self)).toMatchObject({ ok: false, reason: /^sender/ });
  });

  it('refuses payloads of the wrong shape instead of acting on them', () => {
    const bad: unknown[] = [
      { type: 'popup→content:toggle-highlights', payload: { on: 'yes' } },
      { type: 'popup→content:toggle-highlights', payload: {} },
      { type: 'popup→content:toggle-highlights', payload: { on: true, extra: 1 } },
      { type: 'popup→content:toggle-highlights' },
      { type: 'popup→content:reveal-clause', payload: { clauseId: 7 } },
      { type: 'popup→content:reveal-clause', payload: { clauseId: 'x'.repeat(201) } },
      { type: 'popup→content:reveal-clause', payload: { clauseId: 'c1\u0000' } },
      { type: 'bg→content:get-report', payload: { all: true } },
    ];
    for (const message of bad)
      expect(checkPageMessage(message, popup, self).ok, JSON.stringify(message)).toBe(false);
  });

  it('refuses other envelopes and other messages', () => {
    for (const message of [
      null,
      'bg→content:get-report',
      [],
      { type: 'bg→content:get-report', payload: {}, extra: 1 },
      { type: 'ui→bg:get-history', payload: {} },
      { type: 'toString', payload: {} },
      { type: '__proto__', payload: {} },
      { payload: {} },
    ])
      expect(checkPageMessage(message, popup, self).ok).toBe(false);
  });
});
