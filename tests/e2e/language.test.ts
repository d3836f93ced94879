/**
 * Policies not in English, in real Chromium: detection still finds the policy, and the page and the popup say
 * plainly which language it is in and that Fineprint reads English policies for now — never an empty result.
 * The French page is a corpus page as served; the German one is the corpus's Open Terms Archive Markdown
 * rendered as a plain page (scripts/markdown-page.ts). Both read in place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { markdownPage } from '../../scripts/markdown-page';
import { CORPUS, describeCorpus } from '../support/corpus';
import { describeE2E, openPopup, tabIdOf, waitFor, waitForPopupReady } from '../support/harness';
import { extensionSuite } from '../support/extension-suite';
import { OurWorld } from '../support/our-world';

const PAGES = [
  {
    path: '/fr/politique-de-confidentialite',
    language: 'French',
    doc: 'html/policy/dating__AdopteUnMec__Privacy_Policy.html',
  },
  { path: '/de/datenschutz', language: 'German', md: 'ota/pga/Telegram/Privacy Policy.md' },
] as const;

describeE2E('policies not in English', () => {
  describeCorpus('French and German corpus pages', () => {
    const ext = extensionSuite(() =>
      Object.fromEntries(
        PAGES.map((p) => [
          p.path,
          'doc' in p
            ? { corpus: p.doc }
            : { body: markdownPage(readFileSync(join(CORPUS, p.md), 'utf8'), 'Telegram') },
        ]),
      ),
    );

    it.each(PAGES)('$language: the bar and the popup say so', async ({ path, language }) => {
      const page = await ext.browser.context.newPage();
      await page.goto(ext.server.url(path));
      const world = await OurWorld.attach(page, ext.browser.extensionId);
      const notice = await world.waitForUi('.fp-notice', 30_000);
      expect(notice?.text).toBe(
        `This policy is in ${language}. Fineprint reads English policies for now, so nothing on this page is marked.`,
      );
      expect(await world.uiElement('.fp-none')).toBeNull();
      await world.detach();

      const tabId = await tabIdOf(ext.browser.serviceWorker!, page);
      const popup = await openPopup(ext.browser.context, ext.browser.extensionId, tabId);
      await waitForPopupReady(popup);
      const verdict = popup.locator('[data-verdict="language"]');
      await waitFor(async () => (await verdict.count()) > 0, 15_000);
      expect(await verdict.textContent()).toContain(`This policy is in ${language}.`);
      // Detection still works: the popup calls it a privacy policy.
      expect(await popup.locator('[data-page-kind]').getAttribute('data-page-kind')).toBe('privacy-policy');
      await Promise.all([popup.close(), page.close()]);
    });
  });
});
