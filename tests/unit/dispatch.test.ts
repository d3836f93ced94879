// The background dispatcher fed forged messages, as a malicious page's content-script context could send
// them. Payloads are team-written. `wxt/browser` is WXT's fake browser (WxtVitest plugin).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { dispatch, registerTabReportCleanup, routes } from '@/entrypoints/background/dispatch';
import { createRouter, isForBackground, MessageRejected, validateIncoming } from '@/lib/message-router';
import { obj, str } from '@/lib/message-guards';

const ID = fakeBrowser.runtime.id;
const PAGE = 'https://shop.example.com/legal/privacy';
const tabSender = (over: Record<string, unknown> = {}) =>
  ({ id: ID, url: PAGE, tab: { id: 42 }, frameId: 0, ...over }) as Parameters<typeof dispatch>[1];
const popupSender = { id: ID, url: `chrome-extension://${ID}/popup.html` } as Parameters<typeof dispatch>[1];

const clause = {
  id: 'k1',
  text: 'We may use the content you share to train our artificial intelligence models.',
  section: 'How we use data',
  headingPath: ['How we use data'],
  block: 0,
  unit: 'sentence',
};
const extracted = (over: Record<string, unknown> = {}) => ({
  type: 'content→bg:page-extracted',
  payload: {
    url: PAGE,
    page: { kind: 'privacy-policy', confidence: 0.9, language: 'en', title: 'Privacy' },
    clauses: [clause],
    ...over,
  },
});

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
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  // Rejections are logged by design; keep the test output readable.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('dispatch: accepted messages', () => {
  it('classifies a valid page extraction, replies, then keeps it for its tab and the history; the popup can read it', async () => {
    const reply = (await dispatch(extracted(), tabSender())) as {
      analyses: { id: string; labels: { category: string }[] }[];
    };
    // Only labelled clauses travel back (lib/clause-analyses.ts); this one is an AI-training clause.
    expect(reply.analyses.map((c) => c.id)).toEqual(['k1']);
    expect(reply.analyses[0]!.labels.map((l) => l.category)).toContain('ai-training');
    // The tab's report is written after the reply, and the popup's read waits for it.
    await vi.waitFor(async () => expect(await stored()).toHaveProperty('tab:42'));
    // The version is stored after the reply (the page does not wait for the history).
    await vi.waitFor(async () => expect(await idbRecords()).toBeGreaterThan(0));
    expect(Object.keys(await stored()).filter((k) => k.startsWith('storageError'))).toEqual([]);
    const state = (await dispatch(
      { type: 'popup→bg:get-tab-state', payload: { tabId: 42 } },
      popupSender,
    )) as {
      report: { url: string } | null;
    };
    expect(state.report?.url).toBe(PAGE);
  });

  it('classifies a preview of the first clauses and stores nothing', async () => {
    const other = { ...clause, id: 'k2', text: 'Contact us with any questions about this policy.' };
    const reply = (await dispatch(
      { type: 'content→bg:classify-preview', payload: { url: PAGE, clauses: [clause, other] } },
      tabSender(),
    )) as { analyses: { id: string }[] };
    expect(reply.analyses.map((a) => a.id)).toEqual(['k1']);
    expect(await stored()).toEqual({});
    expect(await idbRecords()).toBe(0);
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
    await dispatch(extracted(), tabSender());
    const placement = (over: Record<string, unknown> = {}) => ({
      type: 'content→bg:placement',
      payload: { url: PAGE, placed: 1, unplaced: 0, ...over },
    });
    expect(await dispatch(placement(), tabSender())).toEqual({ ok: true });
    const key = 'tab:42';
    expect(((await stored())[key] as { unplaced?: number }).unplaced).toBe(0);
    // Another tab has no report to annotate; a URL other than the sender's page is refused by the guard.
    expect(await dispatch(placement(), tabSender({ tab: { id: 7 } }))).toEqual({ ok: false });
    await expect(dispatch(placement({ url: 'https://evil.example/' }), tabSender())).rejects.toBeTruthy();
    await (
      fakeBrowser.tabs.onRemoved as unknown as { trigger: (...a: unknown[]) => Promise<unknown> }
    ).trigger(42, { windowId: 1, isWindowClosing: false });
    expect(await stored()).not.toHaveProperty(key);
  });

  it('ignores messages addressed to other contexts (so they can answer)', () => {
    expect(dispatch({ type: 'popup→content:get-report', payload: {} }, popupSender)).toBeUndefined();
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
      'oversized payload',
      extracted({
        clauses: Array.from({ length: 2000 }, (_, i) => ({ ...clause, id: `k${i}`, text: 'x'.repeat(5000) })),
      }),
      tabSender(),
      /too large/,
    ],
    [
      'wrong field type',
      extracted({ clauses: [{ ...clause, block: 'zero' }] }),
      tabSender(),
      /payload\.clauses\[0\]\.block: expected number/,
    ],
    [
      'labels smuggled in',
      extracted({ clauses: [{ ...clause, labels: [{ category: 'ai-training' }] }] }),
      tabSender(),
      /labels: unknown field/,
    ],
    [
      'URL of another site',
      extracted({ url: 'https://bank.example.org/account' }),
      tabSender(),
      /not the origin/,
    ],
    [
      'policy link to another site',
      extracted({ policyLinks: [{ url: 'https://attacker.test/collect', text: 'Terms', kind: 'terms' }] }),
      tabSender(),
      /not on the reporting page/,
    ],
    [
      'javascript: link',
      extracted({ policyLinks: [{ url: 'javascript:fetch(1)', text: 'Terms', kind: 'terms' }] }),
      tabSender(),
      /scheme javascript:/,
    ],
    [
      'file: link',
      extracted({ policyLinks: [{ url: 'file:///etc/passwd', text: 'Terms', kind: 'terms' }] }),
      tabSender(),
      /scheme file:/,
    ],
    [
      'chrome: link',
      extracted({ policyLinks: [{ url: 'chrome://settings', text: 'Terms', kind: 'terms' }] }),
      tabSender(),
      /scheme chrome:/,
    ],
    [
      'preview of another site',
      {
        type: 'content→bg:classify-preview',
        payload: { url: 'https://bank.example.org/', clauses: [clause] },
      },
      tabSender(),
      /not the origin/,
    ],
    [
      'preview of a whole page',
      {
        type: 'content→bg:classify-preview',
        payload: { url: PAGE, clauses: Array.from({ length: 500 }, (_, i) => ({ ...clause, id: `k${i}` })) },
      },
      tabSender(),
      /payload\.clauses: /,
    ],
    [
      'preview from an extension page',
      { type: 'content→bg:classify-preview', payload: { url: PAGE, clauses: [clause] } },
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
      'checkout links to a third-party site',
      {
        type: 'content→bg:checkout-found',
        payload: {
          url: PAGE,
          flavour: 'checkout',
          signals: [],
          policyLinks: [{ url: 'https://exfil.test/?q=secret', text: 'Terms', kind: 'terms' }],
        },
      },
      tabSender(),
      /not on the reporting page/,
    ],
    [
      'checkout read of a file: URL',
      { type: 'content→bg:checkout-read', payload: { urls: ['file:///etc/passwd'] } },
      tabSender(),
      /scheme file:/,
    ],
    [
      'history wipe from a page',
      { type: 'options→bg:delete-history', payload: { confirm: 'delete-everything' } },
      tabSender(),
      /not one of our extension pages/,
    ],
    [
      'history import from a page',
      { type: 'options→bg:import-history', payload: { data: {} } },
      tabSender(),
      /not one of our extension pages/,
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
