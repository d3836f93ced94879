/**
 * Hostile pages against the policy history, in Chromium with the built extension (issue 27, items 3, 4 and 7).
 *
 * 1. A flood, for a full minute of real time: one tab pushStates to a new address every 10 s with 150 KB of
 *    policy text; another flips between two texts of one policy every 2.5 s (the probe's attack); a third flips
 *    every 12 s, slower than the stability delay, so its changes do reach the history. The store is first
 *    filled to 4 MiB under its cap with other sites' history, and a real corpus policy with two versions is
 *    read on another origin. Nothing is shortened or faked: the real content script, background, stability
 *    delay, limits and notifications run on the real clock. Afterwards no other origin's stored version has
 *    changed and at most one notification was shown, naming the host first.
 * 2. Damaged records (a title that is a number, an unknown category, a bidi override in a title) leave the
 *    history page working: valid records render, the bad one is flagged, the comparison notes what it left out.
 *
 * Both fail on the code before this change (see docs/security.md for the run against it).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { corpusAvailable, corpusDir } from '../../scripts/corpus';
import { describeCorpus } from '../support/corpus';
import { describeE2E, waitFor, type LaunchedBrowser } from '../support/harness';
import { extensionSuite } from '../support/extension-suite';

const SERIES = 'html/changes/Tinder__Privacy_Policy';
const capture = (suffix: string): string => {
  const name = readdirSync(join(corpusDir(), SERIES)).find((f) => f.endsWith(suffix));
  if (!name) throw new Error(`no *${suffix} in ${SERIES}`);
  return `${SERIES}/${name}`;
};

interface StoredVersion {
  id: number;
  url: string;
  hash: string;
  size: number;
  firstSeen: number;
  lastSeen: number;
}

/** Every record of one store of the extension's history database, read raw in the service worker. */
function allOf<T>(sw: Worker, store: string): Promise<T[]> {
  return sw.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('fineprint');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    try {
      return await new Promise<unknown[]>((ok, fail) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    } finally {
      db.close();
    }
  }, store) as Promise<T[]>;
}

/** Versions without their clauses (what must not change), sorted by id. */
async function versionsMeta(sw: Worker): Promise<StoredVersion[]> {
  const all = await sw.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('fineprint');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    try {
      const out: unknown[] = [];
      await new Promise<void>((ok, fail) => {
        const r = db.transaction('versions').objectStore('versions').openCursor();
        r.onsuccess = () => {
          const c = r.result;
          if (!c) return ok();
          const { id, url, hash, size, firstSeen, lastSeen } = c.value as Record<string, unknown>;
          out.push({ id, url, hash, size, firstSeen, lastSeen });
          c.continue();
        };
        r.onerror = () => fail(r.error);
      });
      return out;
    } finally {
      db.close();
    }
  });
  return (all as StoredVersion[]).sort((a, b) => a.id - b.id);
}

/**
 * The extension opens (and migrates) its own database: the history page asks the background for the list.
 * Raw reads and writes come after it, so they never create the database themselves.
 */
async function openHistoryPage(b: LaunchedBrowser, hash = ''): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/policy-history.html${hash}`);
  return page;
}

/**
 * Other sites' history, written raw into the stores (schema-agnostic: the fields every schema version has):
 * documents on their own origins, one version each of up to ~2 MB stored, until the history holds `target`
 * bytes (the store's own `size` measure). Returns what was added.
 */
async function seedFiller(sw: Worker, target: number): Promise<number> {
  return sw.evaluate(async (target) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('fineprint');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const sizes = await new Promise<number[]>((ok, fail) => {
      const out: number[] = [];
      const r = db.transaction('versions').objectStore('versions').openCursor();
      r.onsuccess = () => {
        const c = r.result;
        if (!c) return ok(out);
        out.push((c.value as { size: number }).size);
        c.continue();
      };
      r.onerror = () => fail(r.error);
    });
    let total = sizes.reduce((s, n) => s + n, 0);
    let added = 0;
    const sentence = (d: number, i: number) =>
      `Filler site ${d} keeps the information you give it for clause ${i}, and shares it with the partners listed in section ${i % 17}.`;
    for (let d = 0; total < target - 10_000; d++) {
      const tx = db.transaction(['documents', 'versions', 'visits'], 'readwrite');
      const clauses: unknown[] = [];
      const jsonChars = Math.min(1_000_000, (target - total) / 2);
      for (let i = 0, chars = 0; chars < jsonChars - 400; i++) {
        const c = {
          id: `f${d}-${i}`,
          text: sentence(d, i),
          section: 'Policy',
          headingPath: ['Policy'],
          block: i,
          unit: 'sentence',
          labels: [],
          explanation: null,
          slots: { data: [], purposes: [], safeguards: [], choice: null, scope: [], default: null },
        };
        clauses.push(c);
        chars += JSON.stringify(c).length + 1;
      }
      const url = `https://filler${d}.example/privacy`;
      const size = JSON.stringify(clauses).length * 2;
      total += size;
      added += size;
      const id = 1_000_000 + d;
      const now = Date.now();
      tx.objectStore('versions').put({
        id,
        url,
        hash: `filler-${d}`,
        title: `Filler ${d} Privacy Policy`,
        language: 'en',
        clauses,
        firstSeen: 1_000 + d,
        lastSeen: now,
        source: 'visit',
        size,
      });
      tx.objectStore('documents').put({
        url,
        title: `Filler ${d} Privacy Policy`,
        kind: 'privacy-policy',
        language: 'en',
        firstSeen: 1_000 + d,
        lastSeen: now,
        latestVersionId: id,
        bytes: size,
      });
      tx.objectStore('visits').put({ url, versionId: id, seenAt: now });
      await new Promise<void>((ok, fail) => {
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
        tx.onabort = () => fail(tx.error);
      });
    }
    // Written around the store's bookkeeping: drop its running total (where the schema has one), as a store
    // written by an earlier build has none, so that the next write counts it again from the document rows.
    if (db.objectStoreNames.contains('meta')) {
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').delete('bytes');
      await new Promise<void>((ok, fail) => {
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
    }
    db.close();
    return added;
  }, target);
}

interface SeenNotification {
  id: string;
  title: string;
  message: string;
}

/** Counts every notification the background creates from now on (the ids repeat, so getAll cannot). */
async function watchNotifications(sw: Worker): Promise<void> {
  await sw.evaluate(() => {
    const g = globalThis as unknown as {
      __notes: unknown[];
      chrome: { notifications: { create: (...a: unknown[]) => unknown } };
    };
    g.__notes = [];
    const real = g.chrome.notifications.create.bind(g.chrome.notifications);
    g.chrome.notifications.create = (...args: unknown[]) => {
      const [id, options] = args as [string, { title: string; message: string }];
      g.__notes.push({ id, title: options.title, message: options.message });
      return real(...args);
    };
  });
}

async function notifications(sw: Worker): Promise<SeenNotification[] | null> {
  return sw.evaluate(() => (globalThis as unknown as { __notes?: SeenNotification[] }).__notes ?? null);
}

const suite = corpusAvailable() ? describeE2E : describeCorpus;

suite('hostile pages against the history (Chromium)', () => {
  const ext = extensionSuite(() => ({
    '/privacy': { corpus: capture('earlier_snapshot.html') },
    '/flood/privacy': { fixture: 'pages/hostile-flood.html' },
    '/flip/privacy': { fixture: 'pages/hostile-flood.html' },
    '/flip-slow/privacy': { fixture: 'pages/hostile-flood.html' },
  }));

  it('a one-minute flood from one site changes no other site’s history and raises at most one notification', async () => {
    const sw = ext.browser.serviceWorker!;
    const history = await openHistoryPage(ext.browser);
    await history.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
    await history.close();

    // The user's real history: a bank-like policy read twice on 127.0.0.1 (two versions; the older one is
    // neither the newest nor the one last seen), and other sites' history filling the store to 4 MiB under its
    // 200 MiB cap, where a few versions from the flood decide what is dropped.
    const bank = ext.server.url('/privacy');
    const tab = await ext.browser.context.newPage();
    await tab.goto(bank);
    await waitFor(async () => (await versionsMeta(sw)).some((v) => v.url === bank), 60_000);
    ext.server.set('/privacy', { corpus: capture('after_text_change.html') });
    await tab.goto(bank);
    await waitFor(async () => (await versionsMeta(sw)).filter((v) => v.url === bank).length === 2, 60_000);
    await tab.close();
    const CAP = 200 * 1024 * 1024;
    expect(await seedFiller(sw, CAP - 4 * 1024 * 1024)).toBeGreaterThan(150 * 1024 * 1024);
    const before = await versionsMeta(sw);
    const others = (vs: StoredVersion[]) => vs.filter((v) => !v.url.startsWith('http://localhost:'));
    expect(others(before).filter((v) => v.url === bank)).toHaveLength(2);
    await watchNotifications(sw);

    // The flood, from localhost (another origin than the bank's 127.0.0.1), three tabs at once, 60 s.
    const flooder = `http://localhost:${ext.server.port}`;
    const tabs: Page[] = [];
    for (const path of [
      // The probe's page sent ~1 MB every 6 s; on this 2-core machine under load a 1 MB page takes over a minute
      // to analyse, so each pushState would abort the last. 150 KB every 10 s gets versions recorded here.
      '/flood/privacy?mode=paths&every=10000&kb=150&for=60000',
      // The probe's notification attack: two texts of one policy, flipped every 2.5 s.
      '/flip/privacy?mode=flip&every=2500&kb=4&for=60000',
      // The same, slower than the stability delay, so its changes reach the history and its notifications.
      '/flip-slow/privacy?mode=flip&every=12000&kb=4&for=60000',
    ]) {
      const page = await ext.browser.context.newPage();
      await page.goto(`${flooder}${path}`);
      tabs.push(page);
    }
    await new Promise((r) => setTimeout(r, 60_000));
    // Let the last pages stand still long enough to be recorded, then stop.
    await new Promise((r) => setTimeout(r, 10_000));
    for (const page of tabs) await page.close();

    const after = await versionsMeta(sw);
    const notes = await notifications(sw);
    const mb = (vs: StoredVersion[]) => (vs.reduce((s, v) => s + v.size, 0) / 2 ** 20).toFixed(1);
    console.info(
      `[flood] store ${mb(before)} → ${mb(after)} MiB; flooder ${after.filter((v) => v.url.startsWith('http://localhost:')).length} versions; ` +
        `other sites' versions ${others(before).length} → ${others(after).length}; notifications ${notes?.length ?? 'uncounted'}`,
    );
    // No other origin's version was dropped or changed.
    expect(others(after)).toEqual(others(before));
    // The flooder got in, within its limits: at most 20 new documents in the hour, within its share.
    const flooded = after.filter((v) => v.url.startsWith(flooder));
    expect(flooded.length).toBeGreaterThan(0);
    const floodDocs = new Set(flooded.map((v) => v.url));
    expect(floodDocs.size).toBeLessThanOrEqual(20);
    expect(flooded.reduce((s, v) => s + v.size, 0)).toBeLessThanOrEqual(40 * 1024 * 1024);
    expect(after.reduce((s, v) => s + v.size, 0)).toBeLessThanOrEqual(CAP);
    // Stored titles carry no bidi control.
    for (const d of await allOf<{ url: string; title: string }>(sw, 'documents'))
      expect(d.title, d.url).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);

    // At most one notification, the flooder's host first, from a background that never restarted.
    expect(notes, 'the background restarted during the flood: notifications uncounted').not.toBeNull();
    expect(notes!.length).toBeLessThanOrEqual(1);
    for (const n of notes!) {
      expect(n.title.startsWith(`localhost:${ext.server.port}`)).toBe(true);
      expect(`${n.title} ${n.message}`).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
  }, 300_000);

  it('damaged records leave the history page working: the good ones render, the bad one is flagged', async () => {
    const sw = ext.browser.serviceWorker!;
    const good = 'https://good.example/privacy';
    const broken = 'https://broken.example/privacy';
    const spoof = 'https://spoof.example/privacy';
    const clause = (i: number, text: string, category: string | null) => ({
      id: `c${i}`,
      text,
      section: 'Policy',
      headingPath: ['Policy'],
      block: i,
      unit: 'sentence',
      labels: category
        ? [
            {
              category,
              stance: 'permits',
              confidence: 0.9,
              evidence: { phrase: null, rule: null, features: [] },
            },
          ]
        : [],
      explanation: null,
      slots: { data: [], purposes: [], safeguards: [], choice: null, scope: [], default: null },
    });
    const v1 = [clause(0, 'We collect your email address.', null)];
    // A newer build's category (or an edited file's): the comparison must leave it out, with a note.
    const v2 = [...v1, clause(1, 'We may read your thoughts to train our models.', 'mind-reading')];
    await sw.evaluate(
      async ({ good, broken, spoof, v1, v2 }) => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open('fineprint');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        const tx = db.transaction(['documents', 'versions', 'visits'], 'readwrite');
        const version = (id: number, url: string, clauses: unknown[], title: unknown = 'Policy') => ({
          id,
          url,
          hash: `h${id}`,
          title,
          language: 'en',
          clauses,
          firstSeen: id,
          lastSeen: id,
          source: 'visit',
          size: JSON.stringify(clauses).length * 2,
        });
        const doc = (url: string, latest: number, title: unknown) => ({
          url,
          title,
          kind: 'privacy-policy',
          language: 'en',
          firstSeen: 1,
          lastSeen: Date.now(),
          latestVersionId: latest,
        });
        const vs = tx.objectStore('versions');
        vs.put(version(2_000_001, good, v1));
        vs.put(version(2_000_002, good, v2));
        vs.put(version(2_000_003, broken, v1, 42));
        vs.put(version(2_000_004, spoof, v1));
        const ds = tx.objectStore('documents');
        ds.put(doc(good, 2_000_002, 'Good Privacy Policy'));
        ds.put(doc(broken, 2_000_003, 42));
        // Stored before titles were cleaned: the override must stay inside its own isolate when shown.
        ds.put(doc(spoof, 2_000_004, '\u202elapyaP Privacy'));
        tx.objectStore('visits').put({ url: good, versionId: 2_000_001, seenAt: 5 });
        await new Promise<void>((ok, fail) => {
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
        db.close();
      },
      { good, broken, spoof, v1, v2 },
    );

    const errors: string[] = [];
    // Straight to the damaged document, as a notification click would open it.
    const page = await ext.browser.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(
      `chrome-extension://${ext.browser.extensionId}/policy-history.html#${encodeURIComponent(broken)}`,
    );
    await page.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
    await expect
      .poll(() => page.locator('#detail-heading').textContent(), { timeout: 10_000 })
      .toContain(broken);
    const flagged = await page.locator('[data-problems]').allTextContents();
    expect(flagged.join(' ')).toMatch(/broken\.example\/privacy: title is not text/);
    // The list shows the good documents and skips the damaged one.
    expect(await page.locator(`li.doc[data-url="${good}"]`).count()).toBe(1);
    expect(await page.locator(`li.doc[data-url="${spoof}"]`).count()).toBe(1);
    expect(await page.locator(`li.doc[data-url="${broken}"]`).count()).toBe(0);
    // A page-supplied title is shown isolated: its override cannot reach the address next to it.
    const titleTag = await page.locator(`li.doc[data-url="${spoof}"] .doc-title`).evaluate((e) => e.tagName);
    expect(titleTag).toBe('BDI');

    // The comparison of the good document leaves the unknown category out, and says so.
    await page.evaluate((url) => (location.hash = encodeURIComponent(url)), good);
    await page.waitForSelector('[data-testid="diff"]', { timeout: 15_000 });
    expect(await page.locator('[data-note="unknown-categories"]').textContent()).toMatch(/^1 label/);
    expect(await page.locator('[data-section="added"] ins').textContent()).toContain('read your thoughts');
    expect(await page.locator('[data-category="mind-reading"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
