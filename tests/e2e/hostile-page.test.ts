/**
 * Hostile pages (issue 27), team-written, in real Chromium with the release build:
 *  - a page that dispatches every "content script started" event and message WXT's context listens for, with
 *    the real extension id, and presses our controls from script: highlights, bar and popup answer stay, new
 *    text is still analysed, and nothing of ours moves;
 *  - AI-training clauses disguised with zero-width characters, a soft hyphen and Cyrillic look-alikes are
 *    still classified and painted;
 *  - a page whose policy text is hidden (display:none, visibility:hidden, opacity:0, off-screen, clipped,
 *    zero-size) gets nothing: no element, no highlight, no style, no timing entry, no message to the background;
 *  - on a visible policy, nothing page script can read carries a `fineprint` or any fixed name: performance
 *    entries, elements, attributes, open shadow roots, highlight names, style rules, events, window messages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeE2E,
  highlightsOf,
  launchExtension,
  serve,
  waitFor,
  waitForServiceWorker,
  type LaunchedBrowser,
  type TestServer,
} from '../support/harness';
import { norm, paintedTexts, reportOf } from '../support/inline-page';
import { OurWorld } from '../support/our-world';

const POLICY = '/notes/privacy';
const DISGUISED = '/photos/privacy';
const HIDDEN = '/weekend/notes';
const SETTLE_MS = 20_000;
const QUIET_MS = 3_000;

/** Records, from the page's start, what page script can observe of an extension (read with `observed`). */
async function observePage(page: Page, extensionId: string): Promise<void> {
  await page.addInitScript((id) => {
    const seen = { messages: [] as unknown[], events: [] as string[], added: [] as string[] };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    window.addEventListener('message', (e) => seen.messages.push(e.data));
    for (const entry of ['content', 'every-page', 'page-analysis'])
      for (const target of [document, window])
        target.addEventListener(`${id}:${entry}:wxt:content-script-started`, (e) => seen.events.push(e.type));
    // Elements that appear without the page's own scripts having made them (they are all created before load).
    addEventListener('load', () => {
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes) if (n.nodeType === 1) seen.added.push((n as Element).tagName);
      }).observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    });
  }, extensionId);
}

interface PageView {
  messages: unknown[];
  events: string[];
  added: string[];
  entries: string[];
  highlightNames: string[];
  styleRules: string[];
  fixedNames: string[];
  openRoots: number;
}

/** Everything page script can see that might be ours. */
async function observed(page: Page): Promise<PageView> {
  return page.evaluate(() => {
    const seen = (window as unknown as { __seen: Omit<PageView, 'entries'> }).__seen;
    const fixedNames: string[] = [];
    const all = [...document.querySelectorAll('*')];
    for (const el of all) {
      if (/fineprint|wxt/i.test(el.tagName)) fixedNames.push(el.tagName);
      for (const a of el.getAttributeNames()) if (/fineprint|wxt/i.test(a)) fixedNames.push(a);
    }
    const highlightNames: string[] = [];
    CSS.highlights.forEach((_, name) => highlightNames.push(name));
    const styleRules = [...document.adoptedStyleSheets, ...document.styleSheets].flatMap((s) => {
      try {
        return [...s.cssRules].map((r) => r.cssText);
      } catch {
        return [];
      }
    });
    return {
      ...seen,
      entries: performance
        .getEntries()
        .filter((e) => e.entryType === 'mark' || e.entryType === 'measure' || /extension/.test(e.name))
        .map((e) => e.name),
      highlightNames,
      styleRules,
      fixedNames,
      openRoots: all.filter((el) => el.shadowRoot).length,
    };
  });
}

/** Message types the background receives from now on (a listener added in the service worker). */
async function recordBackgroundMessages(browser: LaunchedBrowser): Promise<() => Promise<string[]>> {
  const sw = await waitForServiceWorker(browser.context);
  await sw.evaluate(() => {
    const g = globalThis as unknown as {
      __heard?: string[];
      chrome: { runtime: { onMessage: { addListener(f: (m: { type?: string }) => void): void } } };
    };
    if (g.__heard) {
      g.__heard.length = 0;
      return;
    }
    g.__heard = [];
    g.chrome.runtime.onMessage.addListener((m) => void g.__heard!.push(String(m?.type)));
  });
  return () => sw.evaluate(() => [...((globalThis as unknown as { __heard: string[] }).__heard ?? [])]);
}

describeE2E('hostile pages', () => {
  let browser: LaunchedBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await serve({
      [POLICY]: { fixture: 'pages/framework-policy.html' },
      [DISGUISED]: { fixture: 'pages/hostile-disguised-policy.html' },
      [HIDDEN]: { fixture: 'pages/hostile-hidden-policy.html' },
    });
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the framework’s "started" event and message, and script clicks and keys, switch nothing off', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(POLICY));
    expect(await reportOf(browser.context, page, SETTLE_MS)).not.toBeNull();
    const world = await OurWorld.attach(page, browser.extensionId);
    expect(await world.waitForUi('[role="region"]')).not.toBeNull();
    const before = await highlightsOf(page);
    expect(Object.keys(before).length).toBeGreaterThan(0);

    // Every form WXT's content-script context announces itself with, for every script name we ever had.
    await page.evaluate((id) => {
      for (const name of ['page-analysis', 'every-page', 'content']) {
        const type = `${id}:${name}:wxt:content-script-started`;
        const detail = { contentScriptName: name, messageId: 'page' };
        document.dispatchEvent(new CustomEvent(type, { detail }));
        window.dispatchEvent(new CustomEvent(type, { detail }));
        window.postMessage({ type, ...detail }, '*');
        window.postMessage({ type, detail }, '*');
      }
    }, browser.extensionId);
    // And our controls pressed from script: the root is closed, so the page finds no button to click; the
    // keyboard shortcut forged on the window must not move either.
    const pressed = await page.evaluate(() => {
      let buttons = 0;
      for (const el of document.querySelectorAll('*'))
        for (const b of el.shadowRoot?.querySelectorAll('button') ?? []) {
          (b as HTMLElement).click();
          buttons++;
        }
      for (const target of [window, document, document.body])
        target.dispatchEvent(
          new KeyboardEvent('keydown', {
            key: 'N',
            code: 'KeyN',
            altKey: true,
            shiftKey: true,
            bubbles: true,
          }),
        );
      return buttons;
    });
    expect(pressed).toBe(0);
    await page.waitForTimeout(1_000);
    expect(await world.uiVisible('[role="dialog"]'), 'a forged shortcut opened a card').toBe(false);

    // Highlights and bar are still there, and the popup still gets an answer.
    expect(await highlightsOf(page)).toEqual(before);
    expect(await world.uiVisible('[role="region"]')).toBe(true);
    expect(await reportOf(browser.context, page, 5_000)).not.toBeNull();
    // New text is still analysed: a late AI-training paragraph is classified and painted.
    const late =
      'We also use the recordings you upload to train the machine learning models behind our dictation feature.';
    await page.evaluate((text) => {
      const section = document.createElement('section');
      for (let i = 0; i < 3; i++) {
        const p = document.createElement('p');
        p.textContent =
          i === 1
            ? text
            : 'We keep a history of the edits you make to each note so you can restore earlier versions of it.';
        section.append(p);
      }
      // Into the policy's own container, where the reading finds the rest of the policy.
      document.getElementById('app')!.append(section);
    }, late);
    const painted = await waitFor(
      async () =>
        Object.values(await paintedTexts(page))
          .flat()
          .some((t) => norm(t).includes(norm(late))),
      15_000,
    );
    expect(painted, 'late text analysed and painted after the forged events').toBe(true);
    await world.detach();
    await page.close();
  });

  it('AI-training clauses disguised with zero-width characters and look-alike letters are still found', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(DISGUISED));
    const report = await reportOf(browser.context, page, SETTLE_MS);
    expect(report?.page.kind).toBe('privacy-policy');
    const texts = await page.evaluate(() =>
      ['zw', 'cy'].map((id) => document.getElementById(id)!.textContent!),
    );
    for (const text of texts) {
      const clause = report!.clauses.find((c) => norm(c.text) === norm(text));
      expect(clause, `clause not extracted: ${text}`).toBeDefined();
      // The clause keeps the page's own characters (it is located and shown as the page has it)...
      expect(clause!.text).toBe(text);
      // ...and is classified as what it says.
      expect(
        clause!.labels.map((l) => l.category),
        text,
      ).toContain('ai-training');
    }
    const painted = (await paintedTexts(page))['ai-training'] ?? [];
    for (const text of texts) expect(painted.map(norm), text).toContain(norm(text));
    await page.close();
  });

  it('a page that hides policy text gets nothing: no element, highlight, style, timing entry or message', async () => {
    const heard = await recordBackgroundMessages(browser);
    const page = await browser.context.newPage();
    await observePage(page, browser.extensionId);
    await page.goto(server.url(HIDDEN));
    await page.waitForLoadState('load');
    await page.waitForTimeout(QUIET_MS);
    const view = await observed(page);
    expect(view.added, 'elements added').toEqual([]);
    expect(view.highlightNames, 'highlights').toEqual([]);
    expect(
      view.styleRules.filter((r) => r.includes('::highlight')),
      'highlight rules',
    ).toEqual([]);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    expect(view.entries, 'performance entries').toEqual([]);
    expect(view.events, 'events').toEqual([]);
    expect(view.messages, 'window messages').toEqual([]);
    // Not even the background was woken: nothing of the hidden text left the page.
    expect(await heard(), 'messages to the background').toEqual([]);
    // The script did run and look (it answers the popup): the page was judged, not missed.
    const report = await reportOf(browser.context, page, 10_000);
    expect(report?.unsupported?.reason).toBe('not-a-policy');
    await page.close();
  });

  it('on a visible policy, page script finds no fixed name of ours, and the names change every session', async () => {
    const names: string[][] = [];
    for (let load = 0; load < 2; load++) {
      const page = await browser.context.newPage();
      await observePage(page, browser.extensionId);
      await page.goto(server.url(POLICY));
      expect(await reportOf(browser.context, page, SETTLE_MS)).not.toBeNull();
      // The bar is up and a card is open: every kind of thing we put in the page is there.
      const world = await OurWorld.attach(page, browser.extensionId);
      expect(await world.clickButton(/^Next ›$/)).toBe(true);
      expect(await world.waitForUi('[role="dialog"]')).not.toBeNull();
      await world.detach();
      const view = await observed(page);
      expect(view.highlightNames.length, 'our highlights are in the registry').toBeGreaterThan(0);
      expect(view.added.length, 'our UI host is in the page').toBeGreaterThan(0);
      expect(view.entries, 'performance entries').toEqual([]);
      expect(view.fixedNames, 'elements or attributes named fineprint / wxt').toEqual([]);
      expect(view.openRoots, 'shadow roots open to the page').toBe(0);
      expect(view.events, 'events').toEqual([]);
      expect(view.messages, 'window messages').toEqual([]);
      for (const name of [...view.highlightNames, ...view.added])
        expect(name, 'a name that says what it is').not.toMatch(/fineprint|fp-|wxt/i);
      expect(view.styleRules.join('\n')).not.toMatch(/fineprint/i);
      names.push([...view.highlightNames, ...view.added.map((t) => t.toLowerCase())]);
      await page.close();
    }
    // Nothing stays the same from one page session to the next.
    expect(names[0]!.filter((n) => names[1]!.includes(n))).toEqual([]);
  });
});
