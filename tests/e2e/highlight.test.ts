/**
 * Highlights in Chromium with the built extension, on team-written fixture pages:
 * - toggling off from the popup leaves the page's DOM exactly as it was (serialised before/after);
 * - a page whose script owns its DOM (framework-style re-render, node references, listeners) keeps
 *   working with highlights on, and the highlights follow its re-render;
 * - a screenshot of a marked clause and its open card shows the category colour (pixel check). The README's
 *   screenshots are made by `npm run screenshots` (scripts/screenshots.ts), never by a test run.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TAXONOMY } from '../../lib/classify/taxonomy';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import {
  describeE2E,
  highlightsOf,
  launchExtension,
  serve,
  setStoredSettings,
  waitFor,
  type LaunchedBrowser,
  type TestServer,
} from '../support/harness';
import { domSnapshot, paintedTexts, reportOf, toContent } from '../support/inline-page';
import { highlightNames, OurWorld } from '../support/our-world';

const FRAMEWORK = '/notes/privacy';

/** Sum of ranges in our category highlights. */
async function paintedCount(page: Page): Promise<number> {
  return Object.values(await paintedTexts(page)).reduce((s, list) => s + list.length, 0);
}

/**
 * Share of pixels in a screenshot clip close to `rgb` (within `tolerance` per channel). The PNG is decoded
 * by the browser itself (canvas), so no image library is needed.
 */
export async function colourShare(
  page: Page,
  png: Buffer,
  rgb: [number, number, number],
  tolerance = 40,
): Promise<number> {
  return page.evaluate(
    async ({ data, rgb, tolerance }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      let hits = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (
          Math.abs(px[i]! - rgb[0]) <= tolerance &&
          Math.abs(px[i + 1]! - rgb[1]) <= tolerance &&
          Math.abs(px[i + 2]! - rgb[2]) <= tolerance
        )
          hits++;
      }
      return hits / (px.length / 4);
    },
    { data: png.toString('base64'), rgb, tolerance },
  );
}

function hexToRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

describeE2E('highlights on the live page', () => {
  let browser: LaunchedBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await serve({ [FRAMEWORK]: { fixture: 'pages/framework-policy.html' } });
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('toggling off from the popup leaves the DOM identical; toggling on paints again', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(FRAMEWORK));
    const report = await reportOf(browser.context, page);
    expect(report?.page.kind).toBe('privacy-policy');
    expect(await paintedCount(page)).toBeGreaterThan(0);

    expect(await toContent(browser.context, page, 'popup→content:toggle-highlights', { on: false })).toEqual({
      on: false,
    });
    const off = await domSnapshot(page);
    expect(off).not.toContain('FINEPRINT-UI');
    expect(await highlightsOf(page)).toEqual({});
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);

    await toContent(browser.context, page, 'popup→content:toggle-highlights', { on: true });
    await waitFor(async () => (await paintedCount(page)) > 0);
    const on = await domSnapshot(page);
    expect(on).not.toBe(off);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);

    await toContent(browser.context, page, 'popup→content:toggle-highlights', { on: false });
    expect(await domSnapshot(page)).toBe(off);
    expect(await highlightsOf(page)).toEqual({});
    await page.close();
  });

  it('a page that owns its DOM keeps working with highlights on, and highlights follow its re-render', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url(FRAMEWORK));
    await reportOf(browser.context, page);
    const before = await paintedCount(page);
    expect(before).toBeGreaterThan(0);

    await page.click('#count');
    await page.click('#count');
    expect(await page.textContent('#count')).toBe('Clicked 2 times');
    await page.click('#toggle-own');
    expect(await page.getAttribute('#app', 'data-integrity')).toBe('ok');

    // The page replaces every node it rendered; our old ranges die with them and must be re-placed.
    await page.click('#rerender');
    expect(await page.getAttribute('#app', 'data-renders')).toBe('2');
    expect(await page.getAttribute('#app', 'data-integrity')).toBe('ok');
    const after = await waitFor(async () => {
      const texts = await paintedTexts(page);
      const names = await highlightNames(page);
      const live = await page.evaluate((names) => {
        let n = 0;
        for (const [key, name] of Object.entries(names)) {
          if (key === 'active' || key === 'flash') continue;
          const h = CSS.highlights.get(name) as unknown as Set<Range> | undefined;
          for (const r of h ?? []) if (!r.collapsed && r.startContainer.isConnected) n++;
        }
        return n;
      }, names);
      const total = Object.values(texts).flat().length;
      return live === before && total === before ? live : 0;
    }, 10_000);
    expect(after).toBe(before);
    expect(await page.getAttribute('#app', 'data-integrity')).toBe('ok');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reveal-clause from the popup scrolls to the clause and flashes it; hovering opens its card', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 300 });
    await page.goto(server.url(FRAMEWORK));
    const report = await reportOf(browser.context, page);
    const labelled = report!.clauses.filter((c) => c.labels.length > 0);
    const target = labelled[labelled.length - 1]!;
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const res = await toContent(browser.context, page, 'popup→content:reveal-clause', {
      clauseId: target.id,
    });
    expect(res).toEqual({ found: true });
    const flashName = (await highlightNames(page)).flash!;
    const flash = await page.evaluate((flashName) => {
      const h = CSS.highlights.get(flashName) as unknown as Set<Range> | undefined;
      const r = h ? [...h][0] : undefined;
      if (!r) return null;
      const b = r.getBoundingClientRect();
      return { text: r.toString(), top: b.top, bottom: b.bottom, scrollY };
    }, flashName);
    expect(flash?.text).toBe(target.text);
    expect(flash!.scrollY).toBeGreaterThan(0);
    expect(flash!.top).toBeGreaterThanOrEqual(0);
    expect(flash!.bottom).toBeLessThanOrEqual(300);
    expect(
      await toContent(browser.context, page, 'popup→content:reveal-clause', { clauseId: 'no-such-clause' }),
    ).toEqual({ found: false });

    // Hover (no click) over the revealed clause opens its card without taking focus.
    await page.mouse.move(flash!.top >= 0 ? 60 : 0, flash!.top + 4);
    const box = await page.evaluate((flashName) => {
      const r = [...(CSS.highlights.get(flashName) as unknown as Set<Range>)][0]!;
      const b = r.getClientRects()[0]!;
      return { x: b.x + 5, y: b.y + b.height / 2 };
    }, flashName);
    await page.mouse.move(box.x, box.y);
    await page.mouse.move(box.x + 3, box.y);
    const world = await OurWorld.attach(page, browser.extensionId);
    const card = await world.waitForUi('[role="dialog"]', 5_000);
    expect(card?.clauseId).toBe(target.id);
    expect((await world.focused()).inUi).toBe(false);
    // The card carries the clause's details from the background (lib/clause-analyses.ts), not only its marks:
    // why it was flagged (a rule's phrase or the model's signals) besides the confidence.
    expect((await world.uiTexts('.fp-why p')).length).toBeGreaterThanOrEqual(2);
    await world.detach();
    await page.close();
  });

  it('settings changed elsewhere apply at once: hidden categories unpainted, a disabled site left untouched', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(FRAMEWORK));
    await reportOf(browser.context, page);
    const setSettings = (settings: unknown) => setStoredSettings(browser.context, settings);
    const all = Object.keys(TAXONOMY);
    await setSettings({ ...DEFAULT_SETTINGS, shownCategories: all.filter((c) => c !== 'ai-training') });
    expect(await waitFor(async () => !('ai-training' in (await highlightsOf(page))), 5_000)).toBe(true);
    expect(Object.keys(await highlightsOf(page)).length).toBeGreaterThan(0);

    await setSettings({ ...DEFAULT_SETTINGS, disabledSites: ['127.0.0.1'] });
    expect(await waitFor(async () => Object.keys(await highlightsOf(page)).length === 0, 5_000)).toBe(true);
    const world = await OurWorld.attach(page, browser.extensionId);
    expect(await world.uiHosts()).toBe(0);
    await world.detach();
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await setSettings(DEFAULT_SETTINGS);
    await page.close();
  });

  it('screenshot: a marked clause and its open card show the category colour', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(server.url(FRAMEWORK));
    await reportOf(browser.context, page);
    const texts = await paintedTexts(page);
    expect(texts['ai-training']?.length, 'the fixture has an AI-training clause').toBeGreaterThan(0);
    // The AI-training clause's box on screen.
    const aiName = (await highlightNames(page))['ai-training']!;
    const box = await page.evaluate((aiName) => {
      const h = CSS.highlights.get(aiName) as unknown as Set<Range>;
      const r = [...h][0]!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const b = r.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    }, aiName);
    const clauseShot = await page.screenshot({ clip: box });
    // The highlight tint over a white page: the category colour at 16 % alpha.
    const tinted = hexToRgb(TAXONOMY['ai-training'].colour).map((c) =>
      Math.round(255 + (c - 255) * 0.16),
    ) as [number, number, number];
    expect(await colourShare(page, clauseShot, tinted, 12)).toBeGreaterThan(0.3);

    await page.mouse.click(box.x + Math.min(40, box.width / 2), box.y + 5);
    const world = await OurWorld.attach(page, browser.extensionId);
    const card = await world.waitForUi('[role="dialog"]', 5_000);
    await world.detach();
    expect(card?.text).toContain('AI training');
    const cardBox = card!.box;
    const x0 = Math.min(box.x, cardBox.x) - 8;
    const y0 = Math.min(box.y, cardBox.y) - 8;
    const clip = {
      x: Math.max(0, x0),
      y: Math.max(0, y0),
      width: Math.min(
        1000 - Math.max(0, x0),
        Math.max(box.x + box.width, cardBox.x + cardBox.width) - x0 + 16,
      ),
      height: Math.min(
        700 - Math.max(0, y0),
        Math.max(box.y + box.height, cardBox.y + cardBox.height) - y0 + 16,
      ),
    };
    expect((await page.screenshot({ clip })).length).toBeGreaterThan(1000);
    // The card's top border is the category colour.
    const border = await page.screenshot({
      clip: { x: cardBox.x + 20, y: cardBox.y + 1, width: cardBox.width - 40, height: 2 },
    });
    expect(await colourShare(page, border, hexToRgb(TAXONOMY['ai-training'].colour), 30)).toBeGreaterThan(
      0.8,
    );
    await page.close();
  });
});
