/**
 * Real-browser check of the README's headline example (issue 22): a policy whose list of uses of data gains
 * "machine learning / AI training" is announced as an AI-training change. One URL serves the team-written
 * fixture pair tests/fixtures/changes/uses-list-{before,after}.html in turn; the built extension analyses
 * each visit in Chromium, stores both versions, raises the change notification, and the tab's change
 * summary (what the popup shows) names an AI-training clause, not another category.
 */
import { expect, it } from 'vitest';
import { describeE2E, notificationIds, storedVersions, tabIdOf, waitFor } from '../support/harness';
import { extensionSuite } from '../support/extension-suite';

describeE2E('a use-of-data list gains AI training (Chromium)', () => {
  const ext = extensionSuite({ '/privacy': { fixture: 'changes/uses-list-before.html' } });
  const versionCount = async (url: string) => (await storedVersions(ext.browser.serviceWorker!, url)).length;

  it('is announced as an AI-training change and notified', async () => {
    const { browser, server } = ext;
    const url = server.url('/privacy');
    const sw = browser.serviceWorker!;
    const page = await browser.context.newPage();

    await page.goto(url);
    await waitFor(async () => ((await versionCount(url)) === 1 ? true : null), 30_000);
    expect(await notificationIds(sw)).toEqual([]);

    server.set('/privacy', { fixture: 'changes/uses-list-after.html' });
    await page.goto(url);
    await waitFor(async () => ((await versionCount(url)) === 2 ? true : null), 30_000);
    const ids = await waitFor(async () => {
      const n = await notificationIds(sw);
      return n.length > 0 ? n : null;
    }, 15_000);
    expect(ids).toEqual([`fineprint-change:${url}`]);

    const tabId = await tabIdOf(sw, page);
    const headline = await waitFor(
      () =>
        sw.evaluate(async (key) => {
          const { chrome } = globalThis as unknown as {
            chrome: { storage: { session: { get: (k: string) => Promise<Record<string, unknown>> } } };
          };
          const got = await chrome.storage.session.get(key);
          return (got[key] as { headline?: string } | null)?.headline ?? null;
        }, `change:${tabId}`),
      15_000,
    );
    expect(headline).toMatch(/: AI-training clause (?:added|changed) since /);
    expect(headline).not.toMatch(/Automated decisions/);
  });
});
