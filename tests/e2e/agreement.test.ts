/**
 * One number everywhere, in Chromium: a team-written policy (tests/fixtures/changes/agreement-*.html) is
 * visited, then visited again after it gained a sharing clause and a plain one, lost a plain one and had one
 * reworded to mention model training (unlabelled clauses in the change, so a surface that counts only
 * labelled ones disagrees). The in-page bar and the popup
 * must show the same findings per category (lib/counts.ts `findingCounts`); the popup, the history page and
 * the system notification must report the same change — the same counts (`changeCounts`), the same headline
 * and the same date written the same way (lib/format.ts: one `Intl.DateTimeFormat`, `Intl.PluralRules`).
 * Each surface is read as the user sees it: the bar through the DevTools protocol (its shadow root is
 * closed), the popup and history pages from their DOM, the notification from the call that shows it.
 */
import type { CDPSession, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { diffClauses } from '../../lib/diff';
import type { AnalysedClause } from '../../lib/types';
import {
  describeE2E,
  launchExtension,
  openPopup,
  serve,
  tabIdOf,
  waitFor,
  waitForPopupReady,
  type LaunchedBrowser,
  type TestServer,
  storedVersions,
} from '../support/harness';

/** The stored versions' clauses for a URL, oldest first. */
const storedClauses = async (sw: Worker, url: string): Promise<AnalysedClause[][]> =>
  (await storedVersions<{ clauses: AnalysedClause[] }>(sw, url)).map((v) => v.clauses);

const BEFORE = 'tests/fixtures/changes/agreement-before.html';
const AFTER = 'tests/fixtures/changes/agreement-after.html';

/** Records every notification the extension shows (what the user reads), keeping the real call. */
function recordNotifications(sw: Worker): Promise<void> {
  return sw.evaluate(() => {
    const g = globalThis as unknown as {
      chrome: { notifications: { create: (...args: unknown[]) => unknown } };
      __shown?: { title: string; message: string }[];
    };
    const real = g.chrome.notifications.create.bind(g.chrome.notifications);
    g.__shown = [];
    g.chrome.notifications.create = (...args: unknown[]) => {
      const options = args.find((a) => typeof a === 'object' && a !== null) as
        { title: string; message: string } | undefined;
      if (options) g.__shown!.push({ title: options.title, message: options.message });
      return real(...args);
    };
  });
}

function shownNotifications(sw: Worker): Promise<{ title: string; message: string }[]> {
  return sw.evaluate(
    () => (globalThis as unknown as { __shown?: { title: string; message: string }[] }).__shown ?? [],
  );
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * The bar's per-category counts as shown ("Data sharing: 3" → {"Data sharing": 3}), read through the
 * DevTools protocol, which enters the closed shadow root the bar lives in.
 */
async function barCounts(cdp: CDPSession): Promise<Record<string, number>> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const out: Record<string, number> = {};
  const text = (n: DomNode): string =>
    n.nodeName === 'STYLE'
      ? ''
      : n.nodeType === 3
        ? (n.nodeValue ?? '')
        : [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(text).join('');
  const walk = (n: DomNode) => {
    const a = n.attributes ?? [];
    const cls = a[a.indexOf('class') + 1] ?? '';
    if (a.includes('class') && /(?:^|\s)fp-count(?:\s|$)/.test(cls)) {
      const m = /^(.*):\s*(\d+)$/.exec(text(n).replace(/\s+/g, ' ').trim());
      if (m) out[m[1]!.trim()] = Number(m[2]);
    }
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
  };
  walk(root);
  return out;
}

/** The popup's per-category counts ("Data sharing" → "3 clauses" → 3). */
async function popupCounts(popup: Page): Promise<Record<string, number>> {
  return popup.evaluate(() => {
    const out: Record<string, number> = {};
    for (const g of document.querySelectorAll('section.group[data-category]')) {
      const name = g.querySelector('.group-name')?.textContent?.trim() ?? '';
      const count = Number((g.querySelector('.group-count')?.textContent ?? '').replace(/\D/g, ''));
      out[name] = count;
    }
    return out;
  });
}

/** Added, removed and reworded as a diff view shows them (sections without changes are not drawn). */
async function sectionCounts(page: Page): Promise<{ added: number; removed: number; modified: number }> {
  return page.evaluate(() => {
    const n = (kind: string) =>
      Number(
        (document.querySelector(`[data-section="${kind}"] .dv-count`)?.textContent ?? '0').replace(/\D/g, ''),
      );
    return { added: n('added'), removed: n('removed'), modified: n('modified') };
  });
}

describeE2E('one number everywhere: bar, popup, history and notification on one change', () => {
  let browser: LaunchedBrowser;
  let server: TestServer;
  let url: string;

  beforeAll(async () => {
    server = await serve({ '/privacy': { file: BEFORE } });
    url = server.url('/privacy');
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the four surfaces report the same counts, headline and date', async () => {
    const sw = browser.serviceWorker!;
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitFor(async () => ((await storedClauses(sw, url)).length === 1 ? true : null), 30_000);

    await recordNotifications(sw);
    server.set('/privacy', { file: AFTER });
    await page.goto(url);
    const versions = await waitFor(async () => {
      const v = await storedClauses(sw, url);
      return v.length === 2 ? v : null;
    }, 30_000);
    const notification = await waitFor(async () => (await shownNotifications(sw))[0] ?? null, 15_000);

    // The change itself, computed here from the stored versions: the reference every surface must match.
    const diff = diffClauses(versions![0]!, versions![1]!);
    const expected = {
      added: diff.added.length,
      removed: diff.removed.length,
      modified: diff.modified.length,
    };
    expect(expected).toEqual({ added: 2, removed: 1, modified: 1 });

    // Bar: its findings per category, once the page's analysis has drawn it.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    const bar = await waitFor(async () => {
      const c = await barCounts(cdp);
      return Object.keys(c).length ? c : null;
    }, 30_000);

    // Popup for the tab: findings per category, and the change.
    const tabId = await tabIdOf(sw, page);
    const popup = await openPopup(browser.context, browser.extensionId, tabId);
    await waitForPopupReady(popup);
    if (!(await popup.locator('section.group[data-category]').count())) await popup.click('#tab-clauses');
    await popup.waitForSelector('section.group[data-category]', { timeout: 15_000 });
    expect(await popupCounts(popup)).toEqual(bar);
    await popup.click('#tab-changes');
    await popup.waitForSelector('.changes .dv-headline', { timeout: 15_000 });
    const popupChange = await popup.evaluate(() => {
      const lines = [...document.querySelectorAll('.changes > p')].map((p) => p.textContent ?? '');
      return {
        since: lines.find((l) => l.startsWith('Changed since')) ?? '',
        counts: lines.find((l) => /\badded\b.*\bremoved\b/.test(l)) ?? '',
        headline: document.querySelector('.changes .dv-headline')?.textContent?.trim() ?? '',
      };
    });
    expect(popupChange.counts).toBe(
      `${expected.added} added, ${expected.removed} removed, ${expected.modified} reworded`,
    );
    expect(await sectionCounts(popup)).toEqual(expected);

    // History page: the same change, its counts and its headline, in the diff and in the list.
    const history = await browser.context.newPage();
    await history.goto(
      `chrome-extension://${browser.extensionId}/policy-history.html#${encodeURIComponent(url)}`,
    );
    await history.waitForSelector('[data-testid="diff"] .dv-headline', { timeout: 15_000 });
    expect(await sectionCounts(history)).toEqual(expected);
    const historyHeadline = (
      await history.locator('[data-testid="diff"] .dv-headline').textContent()
    )?.trim();
    const listHeadline = await waitFor(async () => {
      const t = await history
        .locator(`li.doc[data-url="${url}"] [data-change="true"]`)
        .textContent()
        .catch(() => null);
      return t?.trim() || null;
    }, 5_000);

    // One headline, one date: the notification's message is the popup's and the history page's.
    expect(notification!.message).toBe(popupChange.headline);
    expect(historyHeadline).toBe(popupChange.headline);
    expect(listHeadline).toContain(popupChange.headline);
    const date = /since (.+?)(?: \(|$)/.exec(popupChange.headline)?.[1];
    expect(date).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(popupChange.since).toBe(`Changed since you last saw it on ${date}`);
  });
});
