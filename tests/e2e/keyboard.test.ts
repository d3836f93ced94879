/**
 * Keyboard access to the inline explanations (Chromium, built extension, team-written fixture):
 * Alt+Shift+N / Alt+Shift+P move between marked clauses, focus lands on the card (role=dialog) inside our
 * shadow root, Escape closes it and gives focus back; the summary bar's buttons do the same.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeE2E,
  launchExtension,
  serve,
  type LaunchedBrowser,
  type TestServer,
} from '../support/harness';
import { reportOf } from '../support/inline-page';
import { OurWorld } from '../support/our-world';
import { findingCounts } from '../../lib/counts';

const PAGE = '/notes/privacy';

/** What has keyboard focus, looking through our (closed) shadow root from the extension's side. */
async function focused(world: OurWorld) {
  return world.focused();
}

async function cardOpen(world: OurWorld): Promise<boolean> {
  return world.uiVisible('[role="dialog"]');
}

describeE2E('keyboard navigation of marked clauses', () => {
  let browser: LaunchedBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await serve({ [PAGE]: { fixture: 'pages/framework-policy.html' } });
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Alt+Shift+N / P walk the clauses with focus on the card; Escape closes and restores focus', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(PAGE));
    const report = await reportOf(browser.context, page);
    const total = report!.clauses.filter((c) => c.labels.length > 0).length - report!.unplaced!;
    expect(total, `unsupported: ${report!.unsupported?.message ?? 'no'}`).toBeGreaterThan(2);
    const world = await OurWorld.attach(page, browser.extensionId);

    await page.focus('#count');
    await page.keyboard.press('Alt+Shift+KeyN');
    // Focus moves after a render; poll rather than read once (the machine may be loaded).
    await expect
      .poll(() => focused(world))
      .toMatchObject({ inUi: true, role: 'dialog', position: `1 of ${total}` });
    const first = await focused(world);
    expect(first.label).toBeTruthy();

    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(async () => (await focused(world)).position).toBe(`2 of ${total}`);
    const second = await focused(world);
    expect(second.clauseId).not.toBe(first.clauseId);

    await page.keyboard.press('Alt+Shift+KeyP');
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(async () => (await focused(world)).position).toBe(`${total} of ${total}`);

    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(world)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('count');
    // The page's own keyboard use is untouched: Enter on its button still works.
    await page.keyboard.press('Enter');
    expect(await page.textContent('#count')).toBe('Clicked 1 times');
    await page.close();
  });

  it('the summary bar shows counts and its Next button opens the first clause', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(PAGE));
    const report = await reportOf(browser.context, page);
    const world = await OurWorld.attach(page, browser.extensionId);
    expect(await world.waitForUi('[role="region"]')).not.toBeNull();
    const counts = await world.uiTexts('[role="region"] .fp-count');
    expect(counts.some((c) => /^AI training: \d+$/.test(c))).toBe(true);
    // One number everywhere (lib/counts): each category's count is the number of the report's clauses with a
    // painted label of that category (a clause with two labels counts in both), the same figures the popup shows.
    const expected = Object.values(findingCounts(report!.clauses).byCategory).sort((a, b) => a - b);
    expect(counts.map((c) => Number(/(\d+)$/.exec(c)![1])).sort((a, b) => a - b)).toEqual(expected);
    expect(await world.clickButton(/^Next ›$/)).toBe(true);
    // The card takes focus once it is painted (an effect after its render), a moment after it opens.
    await expect.poll(async () => (await focused(world)).position).toMatch(/^1 of \d+$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(world)).toBe(false);
    // Dismissing the bar removes it; the highlights stay.
    expect(await world.clickButton(/^Dismiss Fineprint bar$/)).toBe(true);
    await expect.poll(() => world.uiVisible('[role="region"]')).toBe(false);
    await page.close();
  });
});
