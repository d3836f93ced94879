// The background dispatcher fed forged messages, as a malicious page's content-script context could send
// them. Payloads are team-written. `wxt/browser` is WXT's fake browser (WxtVitest plugin).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { dispatch, registerTabReportCleanup, routes } from '@/entrypoints/background/dispatch';
import { registerHistoryTabCleanup } from '@/entrypoints/background/history';
import { registerReadingCleanup } from '@/entrypoints/background/page-reading';
import { STABLE_MS } from '@/lib/store';
import { createRouter, isForBackground, MessageRejected, validateIncoming } from '@/lib/message-router';
import { obj, str } from '@/lib/message-guards';
import { DOMParser as LinkedomParser } from 'linkedom';

const ID = fakeBrowser.runtime.id;
const PAGE = 'https://shop.example.com/legal/privacy';
const tabSender = (over: Record<string, unknown> = {}) =>
  ({ id: ID, url: PAGE, tab: { id: 42 }, frameId: 0, ...over }) as Parameters<typeof dispatch>[1];
const popupSender = { id: ID, url: `chrome-extension://${ID}/popup.html` } as Parameters<typeof dispatch>[1];

const block = {
  kind: 'paragraph',
  text: 'We may use the content you share to train our artificial intelligence models.',
  headingPath: ['How we use data'],
};
const other = { ...block, text: 'Contact us with any questions about this policy.' };
/** A page's markup as its content script serializes it (lib/extract/page-markup.ts), from team-written blocks. */
const markupOf = (blocks: { text: string }[]) =>
  `<!doctype html><html lang="en"><head><title>Privacy</title></head><body><main><h1>Privacy</h1>${blocks
    .map((b) => `<p>${b.text}</p>`)
    .join('')}</main></body></html>`;
const detected = { kind: 'privacy-policy', confidence: 0.9, language: 'und', title: 'Privacy' };
/** `page-extracted` naming a reading: what a content script sends once the background has read its markup. */
const extracted = (over: Record<string, unknown> = {}) => ({
  type: 'content→bg:page-extracted',
  payload: { url: PAGE, readId: '00000000-0000-4000-8000-000000000000', page: detected, ...over },
});
type Reading = { readId: string; blocks: { text: string }[]; truncated: boolean; language: string };
/**
 * The background reads `blocks` as a page's markup for `sender` (linkedom's DOMParser stands in for Firefox's
 * background page; Chrome's offscreen path runs in tests/e2e) and keeps the reading.
 */
async function read(
  blocks: { text: string }[],
  sender: Parameters<typeof dispatch>[1] = tabSender(),
  url = PAGE,
): Promise<Reading> {
  vi.stubGlobal('DOMParser', LinkedomParser);
  try {
    return (await dispatch(
      { type: 'content→bg:read-page', payload: { url, html: markupOf(blocks), truncated: false } },
      sender,
    )) as Reading;
  } finally {
    vi.unstubAllGlobals();
  }
}
/**
 * A policy visit as the page analysis makes it: markup read, then the reading classified, and (a task after
 * the reply, unless `explained` is false) explained and held.
 */
async function visit(
  blocks: { text: string }[],
  sender: Parameters<typeof dispatch>[1] = tabSender(),
  url = PAGE,
  explained = true,
): Promise<{ reading: Reading; reply: Reply }> {
  const reading = await read(blocks, sender, url);
  const reply = (await dispatch(extracted({ url, readId: reading.readId }), sender)) as Reply;
  if (explained) await vi.advanceTimersByTimeAsync(0);
  return { reading, reply };
}
type Reply = {
  clauses: { id: string; at: [number, number]; block: number; unit: string }[];
  marks: { id: string; labels: { category: string }[] }[];
};
/** The text a reply's clause stands for, from the blocks sent. */
const textOf = (blocks: { text: string }[], c: Reply['clauses'][number]) =>
  blocks[c.block]!.text.slice(c.at[0], c.at[1]);

async function stored(): Promise<Record<string, unknown>> {
  return browser.storage.session.get(null);
}

/** Records in every IndexedDB store (the history store the background writes to). */
async function idbRecords(): Promise<number> {
  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((ok, fail) => {
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
  let n = 0;
  for (const info of await indexedDB.databases()) {
    const db = await req(indexedDB.open(info.name!));
    for (const store of Array.from(db.objectStoreNames)) {
      n += await req(db.transaction(store).objectStore(store).count());
    }
    db.close();
  }
  return n;
}

async function rejection(result: Promise<unknown> | undefined): Promise<string> {
  expect(result).toBeInstanceOf(Promise);
  const error = await (result as Promise<unknown>).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MessageRejected);
  return (error as MessageRejected).reason;
}

beforeEach(() => {
  // The background's clock: the history write waits STABLE_MS on it.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  // Rejections are logged by design; keep the test output readable.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('dispatch: accepted messages', () => {
  it('cuts the reading as it reads it when the page sends its detection: the same clauses the labels come for', async () => {
    vi.stubGlobal('DOMParser', LinkedomParser);
    const markup = { url: PAGE, html: markupOf([block, other]), truncated: false };
    let reading: Reading & { cuts?: Reply['clauses'] };
    let plain: Reading & { cuts?: Reply['clauses'] };
    try {
      plain = (await dispatch(
        { type: 'content→bg:read-page', payload: markup },
        tabSender(),
      )) as typeof plain;
      reading = (await dispatch(
        { type: 'content→bg:read-page', payload: { ...markup, page: detected } },
        tabSender(),
      )) as typeof reading;
    } finally {
      vi.unstubAllGlobals();
    }
    // Without the detection nothing is cut before `page-extracted` asks.
    expect(plain.cuts).toBeUndefined();
    expect(reading.cuts?.map((c) => textOf(reading.blocks, c))).toEqual([block.text, other.text]);
    // The page locates those cuts while the background labels them: the reply names the very same clauses.
    const reply = (await dispatch(extracted({ readId: reading.readId }), tabSender())) as Reply;
    expect(reply.clauses).toEqual(reading.cuts);
    expect(reply.marks.map((m) => m.id)).toEqual([reading.cuts![0]!.id]);
    expect(reply.marks[0]!.labels.map((l) => l.category)).toContain('ai-training');
  });

  it('cuts the reading again when the detection sent with the labels request is not the one sent to read it', async () => {
    vi.stubGlobal('DOMParser', LinkedomParser);
    let reading: Reading;
    try {
      reading = (await dispatch(
        {
          type: 'content→bg:read-page',
          payload: {
            url: PAGE,
            html: markupOf([block, other]),
            truncated: false,
            page: { ...detected, title: 'Another title' },
          },
        },
        tabSender(),
      )) as Reading;
    } finally {
      vi.unstubAllGlobals();
    }
    const reply = (await dispatch(extracted({ readId: reading.readId }), tabSender())) as Reply;
    expect(reply.clauses.map((c) => textOf(reading.blocks, c))).toEqual([block.text, other.text]);
  });

  it('cuts and classifies the page reading it kept, replies, then keeps it for its tab and the history; the popup can read it', async () => {
    const { reading, reply } = await visit([block, other]);
    // Every clause travels back as where it lies in the reading's blocks, which the page has from `read-page`;
    // only labelled ones carry an analysis (lib/clause-analyses.ts), and the first is an AI-training clause.
    expect(reply.clauses.map((c) => [textOf(reading.blocks, c), c.block, c.unit])).toEqual([
      [block.text, 1, 'sentence'],
      [other.text, 2, 'sentence'],
    ]);
    expect(reply.marks.map((c) => c.id)).toEqual([reply.clauses[0]!.id]);
    expect(reply.marks[0]!.labels.map((l) => l.category)).toContain('ai-training');
    // The tab's report is explained once the reply is sent (a task later), then held while the page paints
    // (lib/deferred-writes.ts); the popup's read stores it.
    expect(await stored()).toEqual({});
    const state = (await dispatch(
      { type: 'popup→bg:get-tab-state', payload: { tabId: 42 } },
      popupSender,
    )) as {
      report: { url: string } | null;
    };
    expect(state.report?.url).toBe(PAGE);
    expect(await stored()).toHaveProperty('tab:42');
    // The history waits until the page has stood still (lib/store/stable-hold.ts), by the background's clock.
    expect(await idbRecords()).toBe(0);
    await vi.advanceTimersByTimeAsync(STABLE_MS);
    await vi.waitFor(async () => expect(await idbRecords()).toBeGreaterThan(0));
    expect(Object.keys(await stored()).filter((k) => k.startsWith('storageError'))).toEqual([]);
  });

  it('replies with what painting takes of each label; a card gets the rest from its own page’s report', async () => {
    const { reading, reply } = await visit([block, other], tabSender(), PAGE, false);
    // Category, stance and confidence: no evidence, slots or explanation crosses with the reply.
    for (const m of reply.marks)
      for (const l of m.labels) expect(Object.keys(l).sort()).toEqual(['category', 'confidence', 'stance']);
    const ask = (clauseId: string, sender = tabSender(), url = PAGE) =>
      dispatch({ type: 'content→bg:clause-details', payload: { url, clauseId } }, sender);
    // Asked before the background has explained the page: the answer waits for it.
    const asked = ask(reply.marks[0]!.id) as Promise<{ labels: Record<string, unknown>[]; slots: object }>;
    await vi.advanceTimersByTimeAsync(0);
    const details = await asked;
    expect(details.labels.map((l) => l.category)).toContain('ai-training');
    expect(details.labels[0]).toHaveProperty('evidence');
    expect(typeof details.labels[0]!.explanation).toBe('string');
    expect(details.slots).toHaveProperty('data');
    // No labels, no details; another tab has no report; a page of another site is refused.
    expect(await ask(reply.clauses[1]!.id)).toBeNull();
    expect(await ask(reply.marks[0]!.id, tabSender({ tab: { id: 43 } }))).toBeNull();
    expect(
      await rejection(ask(reply.marks[0]!.id, tabSender(), 'https://elsewhere.example.org/privacy')),
    ).toMatch(/origin/);
    expect(reading.blocks.length).toBeGreaterThan(0);
  });

  it('cuts and classifies a preview of the first blocks and stores nothing', async () => {
    const reply = (await dispatch(
      { type: 'content→bg:classify-preview', payload: { url: PAGE, blocks: [block, other] } },
      tabSender(),
    )) as Reply;
    expect(reply.clauses.map((c) => textOf([block, other], c))).toEqual([block.text, other.text]);
    expect(reply.marks.map((a) => a.id)).toEqual([reply.clauses[0]!.id]);
    expect(await stored()).toEqual({});
    expect(await idbRecords()).toBe(0);
  });

  it('reads a page’s markup into blocks where a DOM parser runs (Firefox’s background page), storing nothing', async () => {
    // linkedom's DOMParser stands in for the background page's; Chrome's offscreen path runs in tests/e2e.
    vi.stubGlobal('DOMParser', LinkedomParser);
    try {
      const html = markupOf([block, other]);
      const read = (await dispatch(
        { type: 'content→bg:read-page', payload: { url: PAGE, html, truncated: false } },
        tabSender(),
      )) as Reading;
      expect(read.blocks.map((b) => b.text)).toEqual(['Privacy', block.text, other.text]);
      expect(read).toMatchObject({ truncated: false, language: 'en' });
      expect(read.readId).toMatch(/^[0-9a-f-]{36}$/);
      const cut = (await dispatch(
        { type: 'content→bg:read-page', payload: { url: PAGE, html, truncated: true } },
        tabSender(),
      )) as { truncated: boolean };
      // Markup cut short on the page: the reading says it covers the first part only.
      expect(cut.truncated).toBe(true);
      expect(await stored()).toEqual({});
      expect(await idbRecords()).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('answers a page’s markup with a reason, not a rejection, when it cannot be read', async () => {
    // No DOMParser here, and the offscreen document cannot be started (the fake browser has no contexts).
    const reply = await dispatch(
      { type: 'content→bg:read-page', payload: { url: PAGE, html: '<p>x</p>', truncated: false } },
      tabSender(),
    );
    expect(reply).toEqual({
      error: expect.stringMatching(/getContexts/) as unknown,
      readId: expect.any(String) as unknown,
    });
  });

  it('wakes for a tab, stores nothing, and refuses the same message from anything but a tab', async () => {
    expect(await dispatch({ type: 'content→bg:wake', payload: {} }, tabSender())).toEqual({ ok: true });
    expect(await stored()).toEqual({});
    expect(await rejection(dispatch({ type: 'content→bg:wake', payload: {} }, popupSender))).toMatch(/tab/);
    expect(await rejection(dispatch({ type: 'content→bg:wake', payload: { evil: 1 } }, tabSender()))).toMatch(
      /unknown field/,
    );
  });

  it('records placement for the reporting tab only, and drops the report when the tab closes', async () => {
    registerTabReportCleanup();
    await visit([block, other]);
    const placement = (over: Record<string, unknown> = {}) => ({
      type: 'content→bg:placement',
      payload: { url: PAGE, placed: 1, unplaced: 0, ...over },
    });
    // The held report is stored with its placement; a second report updates the stored copy.
    expect(await dispatch(placement(), tabSender())).toEqual({ ok: true });
    const key = 'tab:42';
    expect(((await stored())[key] as { unplaced?: number }).unplaced).toBe(0);
    expect(await dispatch(placement({ unplaced: 1 }), tabSender())).toEqual({ ok: true });
    expect(((await stored())[key] as { unplaced?: number }).unplaced).toBe(1);
    // Another tab has no report to annotate; a URL other than the sender's page is refused by the guard.
    expect(await dispatch(placement(), tabSender({ tab: { id: 7 } }))).toEqual({ ok: false });
    await expect(dispatch(placement({ url: 'https://evil.example/' }), tabSender())).rejects.toBeTruthy();
    await (
      fakeBrowser.tabs.onRemoved as unknown as { trigger: (...a: unknown[]) => Promise<unknown> }
    ).trigger(42, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await stored()).not.toHaveProperty(key));
  });

  const documents = async () =>
    (
      (await dispatch({ type: 'ui→bg:get-history', payload: {} }, popupSender)) as {
        documents: { url: string }[];
      }
    ).documents.map((d) => d.url);
  const closeTab = (id: number) =>
    (fakeBrowser.tabs.onRemoved as unknown as { trigger: (...a: unknown[]) => Promise<unknown> }).trigger(
      id,
      {
        windowId: 1,
        isWindowClosing: false,
      },
    );

  it('a tab closed before its page stood still records nothing, whatever the page reported, and leaves no report', async () => {
    registerTabReportCleanup();
    registerHistoryTabCleanup();
    // A page of its own: the history database stays open across tests (one per background lifetime).
    const url = 'https://shop.example.com/legal/cookies';
    const tab = tabSender({ url, tab: { id: 9 } });
    await visit([block, other], tab, url);
    // The page's placement message no longer decides anything about the history.
    await dispatch({ type: 'content→bg:placement', payload: { url, placed: 1, unplaced: 0 } }, tab);
    await vi.advanceTimersByTimeAsync(STABLE_MS - 100);
    await closeTab(9);
    await vi.advanceTimersByTimeAsync(STABLE_MS);
    await vi.waitFor(async () => expect(await stored()).not.toHaveProperty('tab:9'));
    expect(await documents()).not.toContain(url);
  });

  it('a page that changes its text within the delay records only the text it settles on', async () => {
    registerHistoryTabCleanup();
    const url = 'https://shop.example.com/legal/terms';
    const tab = tabSender({ url, tab: { id: 12 } });
    const third = { ...block, text: 'We may sell your personal information to data brokers.' };
    await visit([block, other], tab, url);
    await vi.advanceTimersByTimeAsync(STABLE_MS / 2);
    await visit([block, other, third], tab, url);
    await vi.advanceTimersByTimeAsync(STABLE_MS);
    await vi.waitFor(async () => expect(await documents()).toContain(url));
    const versions = (await dispatch({ type: 'history→bg:get-versions', payload: { url } }, popupSender)) as {
      versions: { clauseCount: number }[];
    };
    expect(versions.versions.map((v) => v.clauseCount)).toEqual([3]);
  });

  it('a tab that moved while its page was held is asked, and recorded only if it is still on the page', async () => {
    registerHistoryTabCleanup();
    const stay = 'https://shop.example.com/legal/stay';
    const leave = 'https://shop.example.com/legal/leave';
    // What our content script in each tab answers: the address of the page it analysed last.
    const on: Record<number, string> = { 21: `${stay}#section-2`, 22: 'https://shop.example.com/cart' };
    const asked: number[] = [];
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async (id: number) => {
      asked.push(id);
      return { url: on[id] };
    }) as never);
    await visit([block, other], tabSender({ url: stay, tab: { id: 21 } }), stay);
    await visit([block, other], tabSender({ url: leave, tab: { id: 22 } }), leave);
    const loading = (id: number) =>
      (fakeBrowser.tabs.onUpdated as unknown as { trigger: (...a: unknown[]) => Promise<unknown> }).trigger(
        id,
        { status: 'loading' },
        { id },
      );
    await loading(21);
    await loading(22);
    await vi.advanceTimersByTimeAsync(STABLE_MS);
    await vi.waitFor(async () => expect(await documents()).toContain(stay));
    expect(asked.sort()).toEqual([21, 22]);
    expect(await documents()).not.toContain(leave);
  });

  it('a private-window tab records nothing, however long its page stands', async () => {
    const url = 'https://shop.example.com/legal/private';
    vi.spyOn(browser.tabs, 'get').mockImplementation(
      async (id) => ({ id, incognito: true }) as unknown as Awaited<ReturnType<typeof browser.tabs.get>>,
    );
    await visit([block, other], tabSender({ url, tab: { id: 11 } }), url);
    await vi.advanceTimersByTimeAsync(STABLE_MS * 2);
    expect(await documents()).not.toContain(url);
  });

  it('ignores messages addressed to other contexts (so they can answer)', () => {
    expect(dispatch({ type: 'bg→content:get-report', payload: {} }, popupSender)).toBeUndefined();
    expect(dispatch({ type: 'bg→offscreen:analyze-html', payload: {} }, popupSender)).toBeUndefined();
  });
});

describe('dispatch: forged messages are rejected with a reason and nothing is stored', () => {
  const cases: [string, unknown, Parameters<typeof dispatch>[1], RegExp][] = [
    [
      'unknown type',
      { type: 'content→bg:store-anything', payload: { key: 'x' } },
      tabSender(),
      /unknown message type/,
    ],
    [
      'prototype key as type',
      { type: 'content→bg:__proto__', payload: {} },
      tabSender(),
      /unknown message type/,
    ],
    ['not an envelope', 'content→bg:page-extracted', tabSender(), /not a message envelope/],
    ['no type', { payload: extracted().payload }, tabSender(), /type missing/],
    ['extra envelope fields', { ...extracted(), then: 1 }, tabSender(), /unexpected envelope fields/],
    ['another extension', extracted(), tabSender({ id: 'evil-extension' }), /not this extension/],
    ['not from a tab', extracted(), tabSender({ tab: undefined }), /not from a tab/],
    [
      'extension page posing as content',
      extracted(),
      tabSender({ url: `chrome-extension://${ID}/x.html` }),
      /posing/,
    ],
    [
      'file: page',
      extracted({ url: 'file:///etc/passwd' }),
      tabSender({ url: 'file:///etc/passwd' }),
      /scheme file:/,
    ],
    [
      'popup message from a page',
      { type: 'popup→bg:get-tab-state', payload: { tabId: 1 } },
      tabSender(),
      /not one of our extension pages/,
    ],
    [
      'blocks sent back with the reading’s id',
      extracted({ blocks: [block] }),
      tabSender(),
      /payload\.blocks: unknown field/,
    ],
    ['clauses instead of an id', extracted({ clauses: [] }), tabSender(), /clauses: unknown field/],
    [
      'an id that is no reading id',
      extracted({ readId: 'tab-42' }),
      tabSender(),
      /payload\.readId: does not match/,
    ],
    ['a page with no detection', extracted({ page: undefined }), tabSender(), /payload\.page: /],
    [
      'URL of another site',
      extracted({ url: 'https://bank.example.org/account' }),
      tabSender(),
      /not the origin/,
    ],
    [
      'policy links (only a checkout reports them)',
      extracted({ policyLinks: [{ url: 'https://attacker.test/collect', text: 'Terms', kind: 'terms' }] }),
      tabSender(),
      /policyLinks: unknown field/,
    ],
    [
      'preview of another site',
      {
        type: 'content→bg:classify-preview',
        payload: { url: 'https://bank.example.org/', blocks: [block] },
      },
      tabSender(),
      /not the origin/,
    ],
    [
      'preview of a whole page',
      {
        type: 'content→bg:classify-preview',
        payload: { url: PAGE, blocks: Array.from({ length: 500 }, () => block) },
      },
      tabSender(),
      /payload\.blocks: /,
    ],
    [
      'markup of another site',
      {
        type: 'content→bg:read-page',
        payload: { url: 'https://bank.example.org/', html: '<p>x</p>', truncated: false },
      },
      tabSender(),
      /not the origin/,
    ],
    [
      'markup over the size limit',
      { type: 'content→bg:read-page', payload: { url: PAGE, html: 'x'.repeat(3_300_000), truncated: false } },
      tabSender(),
      /longer than|too large|bytes/,
    ],
    [
      'markup from an extension page',
      { type: 'content→bg:read-page', payload: { url: PAGE, html: '<p>x</p>', truncated: false } },
      popupSender,
      /not from a tab|posing|content/,
    ],
    [
      'preview from an extension page',
      { type: 'content→bg:classify-preview', payload: { url: PAGE, blocks: [block] } },
      popupSender,
      /not from a tab|posing|content/,
    ],
    [
      'tab id not a number',
      { type: 'popup→bg:get-tab-state', payload: { tabId: '42' } },
      popupSender,
      /tabId: expected number/,
    ],
    [
      'an in-page checkout control naming another site',
      {
        type: 'content→bg:checkout-found',
        payload: {
          url: PAGE,
          flavour: 'checkout',
          signals: [],
          policyLinks: [
            {
              url: 'https://exfil.test/?q=secret#fineprint-terms',
              text: 'Terms',
              kind: 'terms',
              opens: 'dialog',
            },
          ],
        },
      },
      tabSender(),
      /an in-page control names the reporting page only/,
    ],
    [
      'checkout read of a file: URL',
      { type: 'popup→bg:checkout-read', payload: { tabId: 1, urls: ['file:///etc/passwd'] } },
      popupSender,
      /scheme file:/,
    ],
    // Backup, restore and deletion run in the options page against IndexedDB: the background has no such
    // message for anyone to send.
    [
      'a page asking to read its links (only Fineprint’s own pages may)',
      { type: 'content→bg:checkout-read', payload: { urls: [PAGE] } },
      tabSender(),
      /unknown message type/,
    ],
    [
      'a page granting itself an origin',
      { type: 'ui→bg:grant-origins', payload: { origins: [PAGE] } },
      tabSender(),
      /not one of our extension pages/,
    ],
    [
      'history wipe from a page',
      { type: 'options→bg:delete-history', payload: { confirm: 'delete-everything' } },
      tabSender(),
      /unknown message type/,
    ],
    [
      'history import, even from the options page',
      { type: 'options→bg:import-history', payload: { data: {} } },
      { id: ID, url: `chrome-extension://${ID}/options.html` } as Parameters<typeof dispatch>[1],
      /unknown message type/,
    ],
  ];

  it.each(cases)('%s', async (_name, message, sender, why) => {
    expect(await rejection(dispatch(message, sender))).toMatch(why);
    expect(await stored()).toEqual({});
    expect(await idbRecords()).toBe(0);
  });

  it('a cyclic payload (possible through Firefox structured clone) is refused, not crashed on', async () => {
    const payload = extracted().payload as Record<string, unknown>;
    payload.self = payload;
    expect(await rejection(dispatch({ type: 'content→bg:page-extracted', payload }, tabSender()))).toMatch(
      /not serialisable/,
    );
    expect(await stored()).toEqual({});
  });
});

describe('dispatch: a page cannot have text classified or stored that the background did not read for it', () => {
  const triggerTab = (event: unknown, ...args: unknown[]) =>
    (event as { trigger: (...a: unknown[]) => Promise<unknown> }).trigger(...args);
  /** What a page would gain: a report for its tab (popup) or a version in the history. */
  const gained = async (tabId: number) => {
    await vi.advanceTimersByTimeAsync(STABLE_MS * 2);
    return { report: (await stored())[`tab:${tabId}`] ?? null, history: await idbRecords() };
  };

  it('another tab’s reading id, on the same site, is refused and the reading stays its own tab’s', async () => {
    const { readId } = await read([block, other]);
    const thief = tabSender({ tab: { id: 7 } });
    await expect(dispatch(extracted({ readId }), thief)).rejects.toThrow(/no reading of this page/);
    expect(await gained(7)).toEqual({ report: null, history: 0 });
    const reply = (await dispatch(extracted({ readId }), tabSender())) as Reply;
    expect(reply.clauses).toHaveLength(2);
  });

  it('another frame of the same tab cannot use a frame’s reading', async () => {
    const { readId } = await read([block, other]);
    await expect(dispatch(extracted({ readId }), tabSender({ frameId: 3 }))).rejects.toThrow(/no reading/);
    expect(await gained(42)).toEqual({ report: null, history: 0 });
  });

  it('a reading is classified once, at the address it was read at, and only by its own id', async () => {
    const { readId } = await read([block, other]);
    const forged = readId.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    await expect(dispatch(extracted({ readId: forged }), tabSender())).rejects.toThrow(/no reading/);
    await expect(
      dispatch(extracted({ readId, url: 'https://shop.example.com/legal/other' }), tabSender()),
    ).rejects.toThrow(/no reading/);
    // Presented for another address, the reading is gone: the page must read again.
    await expect(dispatch(extracted({ readId }), tabSender())).rejects.toThrow(/no reading/);
    const again = await read([block, other]);
    await dispatch(extracted({ readId: again.readId }), tabSender());
    await expect(dispatch(extracted({ readId: again.readId }), tabSender())).rejects.toThrow(/no reading/);
  });

  it('a tab that closes or loads another page loses its readings', async () => {
    registerReadingCleanup();
    const closing = await read([block, other], tabSender({ tab: { id: 5 } }));
    await triggerTab(fakeBrowser.tabs.onRemoved, 5, { windowId: 1, isWindowClosing: false });
    await expect(
      dispatch(extracted({ readId: closing.readId }), tabSender({ tab: { id: 5 } })),
    ).rejects.toThrow(/no reading/);
    const moving = await read([block, other], tabSender({ tab: { id: 6 } }));
    await triggerTab(fakeBrowser.tabs.onUpdated, 6, { status: 'loading', url: PAGE }, { id: 6 });
    await expect(
      dispatch(extracted({ readId: moving.readId }), tabSender({ tab: { id: 6 } })),
    ).rejects.toThrow(/no reading/);
    expect(await gained(5)).toEqual({ report: null, history: 0 });
    expect(await gained(6)).toEqual({ report: null, history: 0 });
  });
});

describe('route table', () => {
  it('only accepts messages addressed to the background', () => {
    for (const name of Object.keys(routes)) expect(isForBackground(name), name).toBe(true);
  });

  it('runs no handler for a rejected message, and the handler for an accepted one', async () => {
    const calls: unknown[] = [];
    const self = { id: 'me', baseUrl: 'chrome-extension://me/' };
    const router = createRouter(
      {
        'popup→bg:get-tab-state': {
          guard: obj({ tabId: (v) => (v === 1 ? { ok: true, value: 1 } : { ok: false, reason: 'not 1' }) }),
          handle: async (p) => {
            calls.push(p);
            return { tabId: p.tabId, report: null, change: null };
          },
        },
      },
      self,
    );
    const popup = { id: 'me', url: 'chrome-extension://me/popup.html' };
    await expect(router({ type: 'popup→bg:get-tab-state', payload: { tabId: 2 } }, popup)).rejects.toThrow(
      /not 1/,
    );
    expect(calls).toEqual([]);
    await expect(
      router({ type: 'popup→bg:get-tab-state', payload: { tabId: 1 } }, popup),
    ).resolves.toMatchObject({
      tabId: 1,
    });
    expect(calls).toEqual([{ tabId: 1 }]);
  });

  it('validateIncoming reports why without side effects', () => {
    const table = {
      'popup→bg:get-tab-state': { guard: obj({ tabId: str({ max: 1 }) }) as never, handle: () => never() },
    };
    const v = validateIncoming(
      table,
      { type: 'popup→bg:get-tab-state', payload: {} },
      { id: 'a', url: 'x' },
      {
        id: 'a',
        baseUrl: 'chrome-extension://a/',
      },
    );
    expect(v).toEqual({ ok: false, reason: 'sender: not one of our extension pages' });
  });
});

function never(): never {
  throw new Error('handler must not run');
}

describe('content→bg:open-report', () => {
  it('opens one tab for a burst of ten requests from a page, and the tab of another page still opens', async () => {
    const created = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const burst = await Promise.all(
      Array.from({ length: 10 }, () =>
        dispatch({ type: 'content→bg:open-report', payload: {} }, tabSender({ tab: { id: 77 } })),
      ),
    );
    expect(burst.filter((r) => (r as { opened: boolean }).opened)).toHaveLength(1);
    expect(created).toHaveBeenCalledTimes(1);
    const other = await dispatch(
      { type: 'content→bg:open-report', payload: {} },
      tabSender({ tab: { id: 78 } }),
    );
    expect(other).toEqual({ opened: true });
    expect(created).toHaveBeenCalledTimes(2);
  });
});
