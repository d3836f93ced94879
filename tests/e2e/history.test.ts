/**
 * Real-browser check of policy history: one URL serves three real captures of the same policy in turn
 * (Open Terms Archive snapshots, read in place from the corpus): the first visit stores a version, a
 * markup-only capture changes nothing and raises no notification, the capture with a real text change raises
 * a system notification and the history page shows the clause diff that the stored versions produce.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { diffClauses } from '../../lib/diff';
import type { AnalysedClause } from '../../lib/types';
import { corpusAvailable, corpusDir } from '../../scripts/corpus';
import { describeCorpus } from '../support/corpus';
import { describeE2E, notificationIds, storedVersions, tabIdOf, waitFor } from '../support/harness';
import { extensionSuite } from '../support/extension-suite';

const SERIES = 'html/changes/Tinder__Privacy_Policy';
const capture = (suffix: string): string => {
  const name = readdirSync(join(corpusDir(), SERIES)).find((f) => f.endsWith(suffix));
  if (!name) throw new Error(`no *${suffix} in ${SERIES}`);
  return `${SERIES}/${name}`;
};

interface StoredVersion {
  id: number;
  hash: string;
  lastSeen: number;
  clauses: AnalysedClause[];
}

/** When the user last saw the document (the visit record), or 0. */
function seenAt(sw: Worker, url: string): Promise<number> {
  return sw.evaluate(async (url) => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'fineprint')) return 0;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('fineprint');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    try {
      if (!db.objectStoreNames.contains('visits')) return 0;
      const v = await new Promise<{ seenAt?: number } | undefined>((ok, fail) => {
        const r = db.transaction('visits').objectStore('visits').get(url);
        r.onsuccess = () => ok(r.result as { seenAt?: number } | undefined);
        r.onerror = () => fail(r.error);
      });
      return v?.seenAt ?? 0;
    } finally {
      db.close();
    }
  }, url);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on an extension page, in light and dark schemes. */
async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Extension pages' CSP blocks inline scripts: evaluate axe's source through the DevTools protocol.
  await page.evaluate(AXE_SOURCE);
  const out: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const found = await page.evaluate(async () => {
      const { axe } = globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string | null }[] }>;
        };
      };
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    out.push(...found.map((id) => `${colorScheme}:${id}`));
  }
  return out;
}

// Without the corpus this suite is skipped with a message (and fails under CI), like the corpus suites.
const suite = corpusAvailable() ? describeE2E : describeCorpus;

suite('policy history in Chromium', () => {
  const ext = extensionSuite(() => {
    if (!corpusAvailable()) throw new Error(`corpus not found at ${corpusDir()}`);
    return { '/privacy': { corpus: capture('earlier_snapshot.html') } };
  });
  let url: string;
  beforeAll(() => {
    url = ext.server.url('/privacy');
  });

  it('stores the first visit, ignores markup churn, and notifies on a real text change', async () => {
    const sw = ext.browser.serviceWorker!;
    const page = await ext.browser.context.newPage();

    await page.goto(url);
    const first = await waitFor(async () => {
      const v = await storedVersions<StoredVersion>(sw, url);
      return v.length === 1 ? v : null;
    }, 30_000);
    const firstSeen = await seenAt(sw, url);
    expect(first?.[0]?.clauses.length).toBeGreaterThan(50);

    // Markup-only capture: the visit is recorded (seenAt moves on), but no new version and no notification.
    ext.server.set('/privacy', { corpus: capture('before_text_change.html') });
    await page.goto(url);
    await waitFor(async () => ((await seenAt(sw, url)) > firstSeen ? true : null), 30_000);
    const afterChurn = await storedVersions<StoredVersion>(sw, url);
    expect(afterChurn.map((v) => v.id)).toEqual([first![0]!.id]);
    expect(await notificationIds(sw)).toEqual([]);

    // Real change: a second version and a notification naming the document.
    ext.server.set('/privacy', { corpus: capture('after_text_change.html') });
    await page.goto(url);
    const both = await waitFor(async () => {
      const v = await storedVersions<StoredVersion>(sw, url);
      return v.length === 2 ? v : null;
    }, 30_000);
    const ids = await waitFor(async () => {
      const n = await notificationIds(sw);
      return n.length > 0 ? n : null;
    }, 15_000);
    expect(ids).toEqual([`fineprint-change:${url}`]);

    // The tab's change summary (what the popup's get-tab-state returns) names the change.
    const tabId = await tabIdOf(sw, page);
    const headline = await sw.evaluate(async (key) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { session: { get: (k: string) => Promise<Record<string, unknown>> } } };
      };
      const got = await chrome.storage.session.get(key);
      return (got[key] as { headline?: string } | null)?.headline ?? null;
    }, `change:${tabId}`);
    // The date as lib/format writes it for the browser's language (en-US here): "Dec 6, 2026".
    expect(headline).toMatch(/^Privacy Policy: .+ since [A-Z][a-z]{2} \d{1,2}, \d{4}/);

    // The history page shows the diff of exactly these stored versions.
    expect(both).toHaveLength(2);
    const [a, b] = both!.sort((x, y) => x.id - y.id);
    const expected = diffClauses(a!.clauses, b!.clauses);
    expect(expected.added.length).toBeGreaterThan(0);
    const history = await ext.browser.context.newPage();
    await history.goto(
      `chrome-extension://${ext.browser.extensionId}/policy-history.html#${encodeURIComponent(url)}`,
    );
    await history.waitForSelector('[data-testid="diff"]', { timeout: 15_000 });
    const count = async (section: string) => {
      const text = await history
        .locator(`[data-section="${section}"] .dv-count`)
        .textContent()
        .catch(() => null);
      return text ? Number(text.replace(/\D/g, '')) : 0;
    };
    expect(await count('added')).toBe(expected.added.length);
    expect(await count('removed')).toBe(expected.removed.length);
    expect(await count('modified')).toBe(expected.modified.length);
    // One added clause, verbatim, is on the page as inserted text.
    const sample = expected.added[0]!.text;
    expect(
      await history.locator('[data-section="added"] ins', { hasText: sample.slice(0, 60) }).count(),
    ).toBeGreaterThan(0);
    expect(await seriousA11yViolations(history)).toEqual([]);
    // The list shows the document with its latest change headline.
    await expect
      .poll(() => history.locator(`li.doc[data-url="${url}"] [data-change="true"]`).textContent(), {
        timeout: 5000,
      })
      .toMatch(/since/);
  });
});
