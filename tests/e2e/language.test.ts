/**
 * Policies not in English, in real Chromium: detection still finds the policy, and the page and the popup say
 * plainly which language it is in and that Fineprint reads English policies for now — never an empty result.
 * The French page is a corpus page as served; the German one is the corpus's Open Terms Archive Markdown
 * rendered as a plain page (scripts/markdown-page.ts). Both read in place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { markdownPage } from '../../scripts/markdown-page';
import { CORPUS, describeCorpus } from '../support/corpus';
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
} from '../support/harness';
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
    let b: LaunchedBrowser;
    let server: TestServer;
    beforeAll(async () => {
      server = await serve(
        Object.fromEntries(
          PAGES.map((p) => [
            p.path,
            'doc' in p
              ? { corpus: p.doc }
              : { body: markdownPage(readFileSync(join(CORPUS, p.md), 'utf8'), 'Telegram') },
          ]),
        ),
      );
      b = await launchExtension();
    });
    afterAll(async () => {
      await b?.close();
      await server?.close();
    });

    it.each(PAGES)('$language: the bar and the popup say so', async ({ path, language }) => {
      const page = await b.context.newPage();
      await page.goto(server.url(path));
      const world = await OurWorld.attach(page, b.extensionId);
      const notice = await world.waitForUi('.fp-notice', 30_000);
      expect(notice?.text).toBe(
        `This policy is in ${language}. Fineprint reads English policies for now, so nothing on this page is marked.`,
      );
      expect(await world.uiElement('.fp-none')).toBeNull();
      await world.detach();

      const tabId = await tabIdOf(b.serviceWorker!, page);
      const popup = await openPopup(b.context, b.extensionId, tabId);
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
