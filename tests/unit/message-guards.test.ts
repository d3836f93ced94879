// Team-written payloads only (no corpus text): the shapes a content script sends, and forgeries of them.
import { describe, expect, it } from 'vitest';
import {
  arr,
  bool,
  checkoutPolicyLinks,
  checkSender,
  blockGuard,
  empty,
  expectedSender,
  pageInfoGuard,
  httpUrl,
  jsonSize,
  LIMITS,
  num,
  obj,
  oneOf,
  optional,
  nullable,
  senderPageUrl,
  str,
  type ValidSender,
} from '@/lib/message-guards';

const reason = (check: { ok: boolean; reason?: string }) => (check.ok ? null : check.reason);

describe('combinators', () => {
  it('str enforces type, length, pattern and control characters', () => {
    const g = str({ max: 5, min: 1, pattern: /^[a-z]+$/ });
    expect(g('abc')).toEqual({ ok: true, value: 'abc' });
    expect(reason(g(5, 'x'))).toBe('x: expected string, got number');
    expect(reason(g('abcdef'))).toMatch(/longer than 5/);
    expect(reason(g(''))).toMatch(/shorter than 1/);
    expect(reason(g('ABC'))).toMatch(/does not match/);
    expect(reason(str({ max: 10 })('a\u0000b'))).toMatch(/control/);
    expect(str({ max: 10 })('a\nb\tc').ok).toBe(true);
  });

  it('num rejects NaN, Infinity, fractions for integers and out-of-range values', () => {
    const g = num({ min: 0, max: 10, integer: true });
    expect(g(3).ok).toBe(true);
    expect(g(NaN).ok).toBe(false);
    expect(g(Infinity).ok).toBe(false);
    expect(g(1.5).ok).toBe(false);
    expect(g(-1).ok).toBe(false);
    expect(g('3').ok).toBe(false);
  });

  it('bool, oneOf, nullable', () => {
    expect(bool(true).ok).toBe(true);
    expect(bool('true').ok).toBe(false);
    expect(oneOf(['a', 'b'] as const)('b').ok).toBe(true);
    expect(oneOf(['a', 'b'] as const)('c').ok).toBe(false);
    expect(nullable(bool)(null)).toEqual({ ok: true, value: null });
    expect(nullable(bool)(undefined).ok).toBe(false);
  });

  it('arr caps length and reports the failing index', () => {
    const g = arr(num({ min: 0, max: 9 }), { max: 3 });
    expect(g([1, 2, 3]).ok).toBe(true);
    expect(reason(g([1, 2, 3, 4]))).toMatch(/more than 3/);
    expect(reason(g([1, 'x'], 'list'))).toMatch(/^list\[1\]: expected number/);
    expect(g({ length: 1, 0: 1 }).ok).toBe(false);
  });

  it('obj rebuilds the value, rejects unknown fields and non-plain objects, handles optional fields', () => {
    const g = obj({ a: num({ min: 0, max: 9 }), b: optional(str({ max: 3 })) });
    const input = { a: 1 };
    const out = g(input);
    expect(out).toEqual({ ok: true, value: { a: 1 } });
    expect(out.ok && out.value).not.toBe(input);
    expect(g({ a: 1, b: 'xy' })).toEqual({ ok: true, value: { a: 1, b: 'xy' } });
    expect(reason(g({ a: 1, c: 2 }, 'p'))).toBe('p.c: unknown field');
    expect(reason(g({ b: 'x' }, 'p'))).toMatch(/^p\.a: expected number/);
    expect(reason(g(JSON.parse('{"a":1,"__proto__":{"polluted":true}}'), 'p'))).toBe(
      'p.__proto__: unknown field',
    );
    expect(g(new Date()).ok).toBe(false);
    expect(g([1]).ok).toBe(false);
    expect(g(Object.assign(Object.create(null), { a: 2 })).ok).toBe(true);
    expect(empty({}).ok).toBe(true);
    expect(empty({ x: 1 }).ok).toBe(false);
  });
});

describe('httpUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'chrome://settings',
    'chrome-extension://abc/popup.html',
    'moz-extension://abc/popup.html',
    'data:text/html,hi',
    'about:blank',
    'ftp://example.com/x',
    '/relative/path',
    'https://user:pw@example.com/',
  ])('rejects %s', (url) => {
    expect(httpUrl(url).ok).toBe(false);
  });

  it('accepts http(s) and normalises', () => {
    expect(httpUrl('https://Example.com/privacy')).toEqual({
      ok: true,
      value: 'https://example.com/privacy',
    });
    expect(httpUrl('http://127.0.0.1:8080/terms?x=1').ok).toBe(true);
  });

  it('rejects very long URLs', () => {
    expect(httpUrl(`https://example.com/${'a'.repeat(5000)}`).ok).toBe(false);
  });
});

describe('expectedSender', () => {
  it.each([
    ['content→bg:page-extracted', 'content'],
    ['popup→bg:get-tab-state', 'extension'],
    ['history→bg:get-versions', 'extension'],
    ['ui→bg:get-history', 'extension'],
    ['options→bg:anything', 'extension'],
    ['bg→content:get-report', null],
    ['page→bg:get-history', null],
  ])('%s comes from %s', (name, kind) => {
    expect(expectedSender(name)).toBe(kind);
  });
});

describe('checkSender', () => {
  const self = { id: 'ours', baseUrl: 'chrome-extension://ours/' };

  it('accepts a content script in a tab and returns tab, frame and page URL', () => {
    const s = checkSender(
      'content',
      { id: 'ours', url: 'https://example.com/p', tab: { id: 7 }, frameId: 0 },
      self,
    );
    expect(s).toEqual({
      ok: true,
      value: { kind: 'content', tabId: 7, frameId: 0, url: 'https://example.com/p' },
    });
  });

  it.each([
    [
      'another extension',
      { id: 'theirs', url: 'https://example.com/', tab: { id: 1 } },
      /not this extension/,
    ],
    ['no tab', { id: 'ours', url: 'https://example.com/' }, /not from a tab/],
    ['negative tab id', { id: 'ours', url: 'https://example.com/', tab: { id: -1 } }, /not from a tab/],
    ['extension page', { id: 'ours', url: 'chrome-extension://ours/popup.html', tab: { id: 1 } }, /posing/],
    ['file page', { id: 'ours', url: 'file:///tmp/x.html', tab: { id: 1 } }, /scheme file:/],
    ['no url', { id: 'ours', tab: { id: 1 } }, /sender\.url/],
  ])('rejects content from %s', (_name, sender, why) => {
    expect(reason(checkSender('content', sender, self))).toMatch(why);
  });

  it('accepts only our own pages as extension senders', () => {
    expect(checkSender('extension', { id: 'ours', url: 'chrome-extension://ours/popup.html' }, self).ok).toBe(
      true,
    );
    expect(
      checkSender('extension', { id: 'ours', url: 'https://example.com/', tab: { id: 1 } }, self).ok,
    ).toBe(false);
    expect(
      checkSender('extension', { id: 'ours', url: 'chrome-extension://oursX/popup.html' }, self).ok,
    ).toBe(false);
    expect(checkSender('extension', { id: 'x', url: 'chrome-extension://ours/popup.html' }, self).ok).toBe(
      false,
    );
  });
});

describe('blockGuard and pageInfoGuard (a preview’s blocks, a page’s detection)', () => {
  const block = {
    kind: 'list-item',
    text: 'We may use your posts to improve our models.',
    headingPath: ['Use of data'],
    leadIn: 'We use your data:',
  };
  const page = {
    kind: 'privacy-policy',
    confidence: 0.9,
    language: 'en',
    title: 'Privacy',
    reasons: ['url'],
  };

  it('accepts well-formed values and rebuilds them', () => {
    const out = blockGuard(block);
    expect(out).toEqual({ ok: true, value: block });
    expect(out.ok && out.value).not.toBe(block);
    expect(pageInfoGuard(page)).toEqual({ ok: true, value: page });
  });

  it('rejects wrong field types and out-of-contract values', () => {
    expect(blockGuard({ ...block, kind: 'script' }).ok).toBe(false);
    expect(blockGuard({ ...block, level: 0 }).ok).toBe(false);
    expect(blockGuard({ ...block, level: 2.5 }).ok).toBe(false);
    expect(blockGuard({ ...block, headingPath: 'Use of data' }).ok).toBe(false);
    expect(blockGuard({ ...block, labels: [] }).ok).toBe(false);
    expect(pageInfoGuard({ ...page, kind: 'admin' }).ok).toBe(false);
    expect(pageInfoGuard({ ...page, confidence: 7 }).ok).toBe(false);
    expect(pageInfoGuard({ ...page, extra: true }).ok).toBe(false);
    expect(pageInfoGuard(null).ok).toBe(false);
  });

  it('caps the size of a block', () => {
    expect(blockGuard({ ...block, text: 'x'.repeat(LIMITS.blockText + 1) }).ok).toBe(false);
    expect(blockGuard({ ...block, text: 'x'.repeat(LIMITS.blockText) }).ok).toBe(true);
    expect(blockGuard({ ...block, text: 'a\u0000b' }).ok).toBe(false);
  });
});

describe('sender-bound field guards', () => {
  const sender: ValidSender = {
    kind: 'content',
    tabId: 1,
    frameId: 0,
    url: 'https://shop.example.com/checkout',
  };
  it('senderPageUrl accepts the page’s origin only', () => {
    expect(senderPageUrl(sender)('https://shop.example.com/checkout?step=2').ok).toBe(true);
    expect(reason(senderPageUrl(sender)('https://example.net/'))).toMatch(/not the origin/);
    expect(
      senderPageUrl({ kind: 'extension', url: 'chrome-extension://a/' })('https://shop.example.com/').ok,
    ).toBe(false);
  });
  it('checkoutPolicyLinks accepts links to any site, and in-page controls naming the page only', () => {
    const link = (url: string, opens?: 'dialog') => [
      { url, text: 'Terms', kind: 'terms', ...(opens ? { opens } : {}) },
    ];
    expect(checkoutPolicyLinks(sender)(link('https://www.example.com/terms')).ok).toBe(true);
    // A company's legal domain: kept (nothing is fetched before the user grants that exact origin).
    expect(checkoutPolicyLinks(sender)(link('https://legal.example-corp.test/t')).ok).toBe(true);
    expect(checkoutPolicyLinks(sender)(link('javascript:void 0')).ok).toBe(false);
    const page = `${new URL(sender.kind === 'content' ? sender.url : '').origin}/checkout#fineprint-terms`;
    expect(checkoutPolicyLinks(sender)(link(page, 'dialog')).ok).toBe(true);
    expect(
      reason(checkoutPolicyLinks(sender)(link('https://collector.test/#fineprint-terms', 'dialog'), 'l')),
    ).toBe('l[0].url: an in-page control names the reporting page only');
    expect(checkoutPolicyLinks(sender)(link(page.replace('#fineprint-', '#x'), 'dialog')).ok).toBe(false);
  });
});

describe('jsonSize', () => {
  it('measures JSON and returns null for values that cannot be serialised', () => {
    expect(jsonSize({ a: 1 })).toBe(7);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonSize(cyclic)).toBeNull();
    expect(jsonSize({ n: 1n })).toBeNull();
    expect(jsonSize(undefined)).toBeNull();
  });
});

describe('fromOwnExtension', () => {
  const self = { id: 'me', baseUrl: 'moz-extension://1b2c/' };
  it('accepts this extension’s pages and background, in a tab or not', async () => {
    const { fromOwnExtension } = await import('../../lib/messages');
    expect(
      fromOwnExtension({ id: 'me', url: 'moz-extension://1b2c/_generated_background_page.html' }, self),
    ).toBe(true);
    // Firefox gives our own page open in a tab (the popup opened as a page) a `tab`; Chrome does not.
    const popupInTab = { id: 'me', url: 'moz-extension://1b2c/popup.html?tabId=3', tab: { id: 4 } };
    expect(fromOwnExtension(popupInTab, self)).toBe(true);
  });

  it('refuses content scripts, other extensions and senders without a URL', async () => {
    const { fromOwnExtension } = await import('../../lib/messages');
    // A content script is this extension too, but speaks for its web page.
    const contentScript = { id: 'me', url: 'https://shop.example/', tab: { id: 1 } };
    expect(fromOwnExtension(contentScript, self)).toBe(false);
    // A page whose URL merely starts like ours.
    expect(fromOwnExtension({ id: 'me', url: 'moz-extension://1b2c.evil/' }, self)).toBe(false);
    expect(fromOwnExtension({ id: 'other', url: 'moz-extension://1b2c/popup.html' }, self)).toBe(false);
    expect(fromOwnExtension({ id: 'me' }, self)).toBe(false);
    expect(fromOwnExtension({}, self)).toBe(false);
  });
});
