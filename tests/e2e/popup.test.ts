/**
 * The popup against real corpus pages in Chromium: page kind, clauses grouped by category, reveal and
 * highlight toggle reaching the page, the cross-site comparison over the local history, and a clear
 * "not a policy" for a news page.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { corpusDir } from '../../scripts/corpus';
import type { Page } from 'playwright-core';
import { describeCorpus } from '../support/corpus';
import {
  CORPUS_PAGES,
  describeE2E,
  findInExtensionDb,
  highlightsOf,
  openPopup,
  tabIdOf,
  waitFor,
  waitForPopupReady,
} from '../support/harness';
import { extensionSuite } from '../support/extension-suite';

const SETTLE_MS = 20_000;

describeE2E('popup (Chromium + built extension)', () => {
  describeCorpus('real pages', () => {
    const ext = extensionSuite(() =>
      Object.fromEntries(Object.values(CORPUS_PAGES).map(({ doc, path }) => [path, { corpus: doc }])),
    );

    /**
     * Waits until the history holds the page's document: a policy is recorded once it has stood still for a
     * few seconds (lib/store/stable-hold.ts), so a page closed sooner leaves nothing to compare or diff with.
     */
    async function recorded(url: string): Promise<void> {
      const hit = await waitFor(
        async () =>
          (await findInExtensionDb(ext.browser.serviceWorker!, `"url":"${url}"`)).some(
            (h) => h.store === 'documents',
          ),
        SETTLE_MS,
        500,
      );
      expect(hit, `${url} recorded`).toBe(true);
    }

    /** Loads a page and waits until the background has a report for its tab (the popup shows it). */
    async function visit(path: string): Promise<{ page: Page; popup: Page }> {
      const page = await ext.browser.context.newPage();
      await page.goto(ext.server.url(path));
      const tabId = await tabIdOf(ext.browser.serviceWorker!, page);
      let popup: Page | null = null;
      await waitFor(
        async () => {
          await popup?.close();
          popup = await openPopup(ext.browser.context, ext.browser.extensionId, tabId);
          await waitForPopupReady(popup);
          return (await popup.locator('[data-page-kind]').getAttribute('data-page-kind')) !== 'other' ||
            (await popup.locator('[data-verdict="not-a-policy"]').count()) > 0
            ? true
            : null;
        },
        SETTLE_MS,
        1000,
      );
      return { page, popup: popup! };
    }

    it('shows the policy’s clauses by category; reveal and the highlight toggle reach the page', async () => {
      // Two other policies first, so the comparison has something to compare with.
      for (const p of [CORPUS_PAGES.terms.path, CORPUS_PAGES.longPolicy.path]) {
        const { page, popup } = await visit(p);
        await recorded(ext.server.url(p));
        await Promise.all([page.close(), popup.close()]);
      }
      const { page, popup } = await visit(CORPUS_PAGES.policy.path);
      expect(await popup.locator('[data-page-kind]').getAttribute('data-page-kind')).toBe('privacy-policy');
      const groups = popup.locator('[data-category]');
      expect(await groups.count()).toBeGreaterThan(0);
      const first = groups.first();
      expect(await first.locator('button[aria-expanded]').getAttribute('aria-expanded')).toBe('true');
      const clause = first.locator('[data-clause-id]').first();
      const clauseId = await clause.getAttribute('data-clause-id');
      expect(clauseId).toBeTruthy();

      await page.bringToFront();
      await clause.locator('button.reveal').click();
      // The page did find it: no "could not be found" note.
      await popup.waitForTimeout(500);
      expect(await clause.locator('.note').count()).toBe(0);

      await waitFor(async () => Object.values(await highlightsOf(page)).some((n) => n > 0), SETTLE_MS);
      await popup.locator('.toolbar input[type="checkbox"]').uncheck();
      const off = await waitFor(
        async () => Object.values(await highlightsOf(page)).every((n) => n === 0),
        5000,
      );
      expect(off).toBe(true);
      await popup.locator('.toolbar input[type="checkbox"]').check();
      const on = await waitFor(async () => Object.values(await highlightsOf(page)).some((n) => n > 0), 5000);
      expect(on).toBe(true);

      await popup.locator('[role="tab"]', { hasText: 'How others compare' }).click();
      const basis = popup.locator('[data-view="compare"] .basis');
      await basis.waitFor({ timeout: 10_000 });
      expect(await basis.textContent()).toMatch(
        /Compared with (1 other policy|[2-9]\d* other policies|[1-9]\d+ other policies) /,
      );
      expect(await popup.locator('[data-compare-category]').count()).toBeGreaterThan(0);

      // Keyboard: tabs move with the arrow keys.
      await popup.locator('[role="tab"][aria-selected="true"]').press('ArrowLeft');
      expect(await popup.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('What changed');
      await Promise.all([page.close(), popup.close()]);
    });

    it('"What changed" shows the change since the last visit with the history’s DiffView', async () => {
      const series = 'html/changes/Tinder__Privacy_Policy';
      const capture = (suffix: string) =>
        `${series}/${readdirSync(join(corpusDir(), series)).find((f) => f.endsWith(suffix))!}`;
      ext.server.set('/tinder/privacy', { corpus: capture('before_text_change.html') });
      const first = await visit('/tinder/privacy');
      await recorded(ext.server.url('/tinder/privacy'));
      await Promise.all([first.page.close(), first.popup.close()]);
      ext.server.set('/tinder/privacy', { corpus: capture('after_text_change.html') });
      const page = await ext.browser.context.newPage();
      await page.goto(ext.server.url('/tinder/privacy'));
      const tabId = await tabIdOf(ext.browser.serviceWorker!, page);
      let popup: Page | null = null;
      const changed = await waitFor(
        async () => {
          await popup?.close();
          popup = await openPopup(ext.browser.context, ext.browser.extensionId, tabId);
          await waitForPopupReady(popup);
          const tab = popup.locator('[role="tab"]', { hasText: 'What changed' });
          if ((await tab.count()) === 0) return null;
          await tab.click();
          return (await popup.locator('[data-view="changes"] .diff-view').count()) > 0 ? true : null;
        },
        SETTLE_MS,
        1000,
      );
      expect(changed).toBe(true);
      const view = popup!.locator('[data-view="changes"]');
      expect(await view.textContent()).toMatch(/Changed since you last saw it on/);
      expect(await view.locator('.dv-headline').textContent()).toMatch(/Privacy Policy: .+ since/);
      await Promise.all([page.close(), popup!.close()]);
    });

    it('says clearly that a news page is not a policy', async () => {
      const page = await ext.browser.context.newPage();
      await page.goto(ext.server.url(CORPUS_PAGES.news.path));
      await page.waitForTimeout(1500);
      const popup = await openPopup(
        ext.browser.context,
        ext.browser.extensionId,
        await tabIdOf(ext.browser.serviceWorker!, page),
      );
      await waitForPopupReady(popup);
      expect(await popup.locator('[data-page-kind]').getAttribute('data-page-kind')).toBe('other');
      expect(await popup.locator('[data-verdict]').textContent()).toMatch(
        /not a privacy policy|has not analysed/,
      );
      expect(await popup.locator('[data-category]').count()).toBe(0);
      await Promise.all([page.close(), popup.close()]);
    });
  });
});
