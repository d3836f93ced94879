/**
 * The policy version the background stores in IndexedDB survives a browser restart: visit a real policy
 * page (corpus, served from 127.0.0.1), close Chromium, relaunch it on the same profile and read the
 * background's IndexedDB through its service worker.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCorpus } from '../support/corpus';
import {
  CORPUS_PAGES,
  describeE2E,
  findInExtensionDb,
  launchExtension,
  serve,
  tempProfile,
  waitFor,
  type IdbHit,
  type TestServer,
} from '../support/harness';

const { doc: POLICY_DOC, path: POLICY_PATH } = CORPUS_PAGES.policy;

describeE2E('restart (Chromium + built extension)', () => {
  describeCorpus('IndexedDB persists', () => {
    let server: TestServer;
    const profile = tempProfile();

    beforeAll(async () => {
      server = await serve({ [POLICY_PATH]: { corpus: POLICY_DOC } });
    });
    afterAll(async () => {
      await server?.close();
      rmSync(profile, { recursive: true, force: true });
    });

    it('the stored policy version is still in IndexedDB after closing and relaunching the browser', async () => {
      const first = await launchExtension({ userDataDir: profile });
      let before: IdbHit[];
      try {
        const page = await first.context.newPage();
        await page.goto(server.url(POLICY_PATH));
        before =
          (await waitFor(async () => {
            const hits = await findInExtensionDb(first.serviceWorker!, server.url(POLICY_PATH));
            return hits.length > 0 ? hits : null;
          }, 30_000)) ?? [];
      } finally {
        await first.close();
      }
      expect(before, 'the background stored nothing in IndexedDB for the policy page').not.toEqual([]);

      const second = await launchExtension({ userDataDir: profile });
      try {
        const after = await findInExtensionDb(second.serviceWorker!, server.url(POLICY_PATH));
        expect(after).toEqual(before);
      } finally {
        await second.close();
      }
    });
  });
});
