/**
 * Accessibility in real Chromium with axe-core: no serious or critical violations in the popup (policy
 * and checkout views), the options page, the checkout badge and the in-page card, in light and dark themes.
 * axe's source is injected into each page under test; nothing is fetched from the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeCorpus } from '../support/corpus';
import {
  CORPUS_PAGES,
  FIXTURES_DIR,
  describeE2E,
  openPopup,
  tabIdOf,
  waitFor,
  waitForPopupReady,
} from '../support/harness';
import { extensionSuite } from '../support/extension-suite';
import { OurWorld } from '../support/our-world';
import { closedShadow } from '../support/closed-shadow';
import { seedHistory } from '../../scripts/history-seeder';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe on `page` (optionally only inside `include`) and returns its violations. Extension pages have a
 * strict CSP that blocks inline <script>, so there axe is evaluated through the DevTools protocol instead.
 */
async function axe(page: Page, include?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) {
    if (page.url().startsWith('chrome-extension://')) await page.evaluate(AXE_SOURCE);
    else await page.addScriptTag({ content: AXE_SOURCE });
  }
  return page.evaluate(async (include) => {
    const api = (
      globalThis as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const context = include ? { include: [[include]] } : document;
    const result = await api.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, include);
}

/** axe in both colour schemes; returns the serious / critical violations (all are logged for the report). */
async function seriousViolations(page: Page, label: string, include?: string): Promise<AxeViolation[]> {
  const out: AxeViolation[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await axe(page, include);
    console.log(
      `[a11y] ${label} (${colorScheme}): ${violations.length} violation(s)` +
        violations
          .map((v) => ` ${v.id}/${v.impact}×${v.nodes.length} ${JSON.stringify(v.nodes[0]?.target)}`)
          .join(','),
    );
    out.push(...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'));
  }
  return out;
}

describeE2E('accessibility (axe-core)', () => {
  describeCorpus('popup, options, badge, in-page card', () => {
    const ext = extensionSuite(() => ({
      [CORPUS_PAGES.policy.path]: { corpus: CORPUS_PAGES.policy.doc },
      '/legal/privacy': { corpus: CORPUS_PAGES.policy.doc },
      '/legal/terms-of-sale': { corpus: CORPUS_PAGES.terms.doc },
      '/checkout': {
        body: readFileSync(`${FIXTURES_DIR}/checkout/cart-checkout.html`, 'utf8').replaceAll(
          '{{PROVIDER_ORIGIN}}',
          'https://www.klarna.com',
        ),
      },
    }));

    it('popup on a policy page and the in-page card', async () => {
      const page = await ext.browser.context.newPage();
      await page.goto(ext.server.url(CORPUS_PAGES.policy.path));
      const tabId = await tabIdOf(ext.browser.serviceWorker!, page);
      let popup: Page | null = null;
      await waitFor(
        async () => {
          await popup?.close();
          popup = await openPopup(ext.browser.context, ext.browser.extensionId, tabId);
          await waitForPopupReady(popup);
          return (await popup.locator('[data-category]').count()) > 0;
        },
        20_000,
        1000,
      );
      // Open every group and every evidence disclosure so axe sees all content.
      const closed = popup!.locator('button[aria-expanded="false"]');
      while ((await closed.count()) > 0) await closed.first().click();
      for (const details of await popup!.locator('details').all())
        await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
      expect(await seriousViolations(popup!, 'popup (policy)')).toEqual([]);

      // The in-page card: the summary bar's "Next" opens the first clause's card. Our UI is in a closed shadow
      // root under a random tag: axe reaches it from the extension's side (our-world.ts), not the page's.
      await page.bringToFront();
      const world = await OurWorld.attach(page, ext.browser.extensionId);
      expect(await world.clickButton(/Next/, 20_000)).toBe(true);
      expect(await world.waitForUi('.fp-card')).not.toBeNull();
      const inPage: AxeViolation[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const { violations, passed } = await world.axe(AXE_SOURCE);
        // An axe that saw nothing would pass too: it must have checked our UI's buttons.
        expect(passed).toContain('button-name');
        console.log(
          `[a11y] in-page bar + card (${colorScheme}): ${violations.length} violation(s)` +
            violations.map((v) => ` ${v.id}/${v.impact}×${v.nodes.length}`).join(','),
        );
        inPage.push(
          ...violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => ({ ...v, help: '' })),
        );
      }
      // On a page that paints itself dark the bar and card go dark too; axe checks that theme as well.
      await page.emulateMedia({ colorScheme: 'light' });
      await page.addStyleTag({
        content: 'html, body { background: #0d1117 !important; color: #e6edf3 !important; }',
      });
      expect(await world.clickButton(/Next/, 10_000)).toBe(true);
      expect(await world.waitForUi('.fp-dark .fp-card')).not.toBeNull();
      const dark = await world.axe(AXE_SOURCE);
      expect(dark.passed).toContain('color-contrast');
      console.log(
        `[a11y] in-page bar + card (dark page): ${dark.violations.length} violation(s)` +
          dark.violations.map((v) => ` ${v.id}/${v.impact}×${v.nodes.length}`).join(','),
      );
      inPage.push(
        ...dark.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ ...v, help: '' })),
      );
      await world.detach();
      expect(inPage).toEqual([]);
      await Promise.all([page.close(), popup!.close()]);
    });

    it('checkout badge and the popup’s linked-terms view', async () => {
      const page = await ext.browser.context.newPage();
      await page.goto(ext.server.url('/checkout'));
      // The badge's shadow root is closed (page script must not read it), and so axe cannot enter it: the
      // test copies its markup and CSS into an open root through DevTools and checks that copy, and asks
      // Chrome what assistive technology gets from the real one.
      await page.waitForSelector('button[type="submit"] + *', { state: 'attached', timeout: 15_000 });
      const shadow = await closedShadow(page);
      await waitFor(() => shadow.has('data-fineprint-badge'), 10_000);
      await shadow.copyToOpenRoot('data-fineprint-badge', 'a11y-badge-copy');
      expect(await seriousViolations(page, 'checkout badge', '#a11y-badge-copy')).toEqual([]);
      expect(await shadow.axRoleName('data-fineprint-badge')).toEqual([
        'region',
        'Fineprint: terms linked from this form',
      ]);
      expect(await shadow.axRoleName('data-fineprint-review')).toEqual(['button', 'Read the terms']);
      expect(await shadow.axRoleName('data-fineprint-dismiss')).toEqual(['button', 'Dismiss']);
      await shadow.detach();
      const popup = await openPopup(
        ext.browser.context,
        ext.browser.extensionId,
        await tabIdOf(ext.browser.serviceWorker!, page),
      );
      await waitForPopupReady(popup);
      await popup.locator('[data-linked-policy]').first().waitFor();
      expect(await seriousViolations(popup, 'popup (checkout)')).toEqual([]);
      await Promise.all([page.close(), popup.close()]);
    });

    it('options page', async () => {
      const options = await ext.browser.context.newPage();
      await options.goto(`chrome-extension://${ext.browser.extensionId}/options.html`);
      await options.locator('main[data-ready="true"]').waitFor();
      expect(await seriousViolations(options, 'options')).toEqual([]);
      await options.locator('#delete').click();
      expect(await seriousViolations(options, 'options (delete confirmation)')).toEqual([]);
      await options.close();
    });
  });
  describe('history page with many documents', () => {
    const hist = extensionSuite({});

    it('history page with 400 documents: a virtualised list that keyboard and screen reader still walk', async () => {
      // A browser of its own: the list holds exactly the generated history.
      expect(await seedHistory(hist.browser.serviceWorker!, 400)).toBe(400);
      const total = '400';
      const page = await hist.browser.context.newPage();
      await page.goto(`chrome-extension://${hist.browser.extensionId}/policy-history.html`);
      await page.locator('main[data-ready="true"] li[data-url]').first().waitFor();
      const rows = page.locator('.doc-list > li');
      // One screen and a margin is in the page, not 400 rows; each says where it stands in the whole list.
      expect(await rows.count()).toBeLessThan(60);
      expect(await rows.first().getAttribute('aria-setsize')).toBe(total);
      expect(await rows.first().getAttribute('aria-posinset')).toBe('1');
      expect(await seriousViolations(page, 'history (virtualised list)')).toEqual([]);

      const focusedRow = () =>
        page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset') ?? null);
      // The background answers slower than keys are pressed (as on a loaded machine): rows still being read
      // must take the focus too, or Tab leaves the list and wraps round to its top.
      await page.evaluate(() => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: unknown } } }).chrome
          .runtime;
        const real = (runtime.sendMessage as (...a: unknown[]) => Promise<unknown>).bind(runtime);
        runtime.sendMessage = (...a: unknown[]) =>
          new Promise((resolve) => setTimeout(resolve, 1500)).then(() => real(...a));
      });
      await page.locator('.doc-list > li .doc-open').first().focus();
      // Tab walks the list row by row, past the first screen: the window follows the focus.
      // One row per key, each landing before the next key (polled for less than the background's 1.5 s, so a
      // row still being read must take the focus). Keys fired back to back faster than a loaded machine
      // renders lost their place in two full-suite runs (focus on row 30 after 45 presses): left as an open
      // question in the closing note of 2026-12-07, not asserted away.
      for (let i = 0; i < 45; i++) {
        await page.keyboard.press('Tab');
        await expect.poll(focusedRow, { timeout: 1_000 }).toBe(String(i + 2));
      }
      await page.keyboard.press('Shift+Tab');
      await expect.poll(focusedRow).toBe('45');
      // End and Home reach the last and first rows; the arrows move by one.
      await page.keyboard.press('End');
      await expect.poll(focusedRow).toBe(total);
      await expect
        .poll(() => page.locator('.doc-list > li[data-url]').last().getAttribute('aria-posinset'))
        .toBe(total);
      await page.keyboard.press('ArrowUp');
      await expect.poll(focusedRow).toBe(String(Number(total) - 1));
      await page.keyboard.press('Home');
      await expect.poll(focusedRow).toBe('1');
      expect(await rows.count()).toBeLessThan(60);
      // Enter opens the focused document.
      await page.keyboard.press('ArrowDown');
      await expect.poll(focusedRow).toBe('2');
      const url = await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-url'));
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash.slice(1)))).toBe(url);
      await page.locator('#detail-heading').waitFor();
      expect(await seriousViolations(page, 'history (a document open)')).toEqual([]);
      await page.close();
    });
  });
});
