/**
 * Keyboard access to the inline explanations (Chromium, built extension, team-written fixture):
 * Alt+Shift+N / Alt+Shift+P move between marked clauses, focus lands on the card (role=dialog) inside our
 * shadow root, Escape closes it and gives focus back; the summary bar's buttons do the same.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, launchExtension, serve, type LaunchedBrowser, type TestServer } from './harness';
import { reportOf } from './inline-page';

const PAGE = '/notes/privacy';

/** What has keyboard focus, looking through our shadow root. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const host = document.activeElement;
    const inner = host?.shadowRoot?.activeElement ?? null;
    return {
      host: host?.tagName.toLowerCase() ?? null,
      role: inner?.getAttribute('role') ?? null,
      label: inner?.getAttribute('aria-labelledby')
        ? (host!.shadowRoot!.getElementById(inner.getAttribute('aria-labelledby')!)?.textContent ?? null)
        : null,
      position: inner?.querySelector('.fp-pos')?.textContent ?? null,
      clauseId: inner?.getAttribute('data-clause-id') ?? null,
    };
  });
}

async function cardOpen(page: Page): Promise<boolean> {
  return page.locator('fineprint-ui').locator('[role="dialog"]').isVisible();
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

    await page.focus('#count');
    await page.keyboard.press('Alt+Shift+KeyN');
    // Focus moves after a render; poll rather than read once (the machine may be loaded).
    await expect
      .poll(() => focused(page))
      .toMatchObject({ host: 'fineprint-ui', role: 'dialog', position: `1 of ${total}` });
    const first = await focused(page);
    expect(first.label).toBeTruthy();

    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(async () => (await focused(page)).position).toBe(`2 of ${total}`);
    const second = await focused(page);
    expect(second.clauseId).not.toBe(first.clauseId);

    await page.keyboard.press('Alt+Shift+KeyP');
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(async () => (await focused(page)).position).toBe(`${total} of ${total}`);

    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(page)).toBe(false);
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
    const placed = report!.clauses.filter((c) => c.labels.length > 0).length - report!.unplaced!;
    const bar = page.locator('fineprint-ui').locator('[role="region"]');
    await bar.waitFor({ state: 'visible' });
    const counts = await bar.locator('.fp-count').allTextContents();
    expect(counts.some((c) => /^AI training: \d+$/.test(c))).toBe(true);
    // The per-category counts add up to the clauses painted on the page.
    expect(counts.reduce((sum, c) => sum + Number(/(\d+)$/.exec(c)![1]), 0)).toBe(placed);
    await bar.getByRole('button', { name: 'Next ›' }).click();
    expect(await cardOpen(page)).toBe(true);
    expect((await focused(page)).position).toMatch(/^1 of \d+$/);
    await page.keyboard.press('Escape');
    expect(await cardOpen(page)).toBe(false);
    // Dismissing the bar removes it; the highlights stay.
    await bar.getByRole('button', { name: 'Dismiss Fineprint bar' }).click();
    expect(await bar.count()).toBe(0);
    await page.close();
  });
});
