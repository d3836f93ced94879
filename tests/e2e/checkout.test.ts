/**
 * Checkout and sign-up pages in real Chromium: the badge appears next to the order / sign-up button, the
 * popup lists the linked policies, reading them follows exactly the reported links (and nothing else is
 * requested), and a page without policy links gets nothing. Fixtures: tests/fixtures/checkout (ours);
 * the linked policies are real corpus pages served from 127.0.0.1. The payment provider's host
 * www.klarna.com is mapped to 127.0.0.1 by a host-resolver rule, so its link is a real provider URL that
 * never leaves the machine.
 *
 * Chromium's host-permission prompt cannot be answered from automation (the request stays pending), so
 * the "user allowed it" half runs on a copy of the build whose manifest already grants the two test hosts;
 * the product build is checked to fetch nothing without that grant.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CHROME_BUILD,
  FIXTURES_DIR,
  assertBuilt,
  describeE2E,
  launchExtension,
  recordRequests,
  serve,
  tabIdOf,
  waitFor,
  waitForPopupReady,
  type LaunchedBrowser,
  type TestServer,
} from './harness';
import { HAS_CORPUS } from '../support/corpus';

const TERMS = 'html/policy/genai-eu__ChatGPT__Terms_of_Service_policies-eu-terms-of-use.html';
const PRIVACY = 'html/policy/genai-eu__ChatGPT__Privacy_Policy_policies-eu-privacy-policy.html';
const PROVIDER_TERMS = 'html/policy/dating__Bumble__Terms_of_Service.html';
const PROVIDER_HOST = 'www.klarna.com';
const RESOLVER = `--host-resolver-rules=MAP ${PROVIDER_HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`;

const fixture = (name: string, server: TestServer) =>
  readFileSync(resolve(FIXTURES_DIR, 'checkout', name), 'utf8').replaceAll(
    '{{PROVIDER_ORIGIN}}',
    `http://${PROVIDER_HOST}:${server.port}`,
  );

/** What the server saw, minus the browser's own favicon probe. */
const seenPaths = (server: TestServer, from = 0) =>
  server.requests
    .slice(from)
    .filter((r) => r.path !== '/favicon.ico')
    .map((r) => `${r.host.replace(`:${server.port}`, '')}${r.path}`);

async function startServer(): Promise<TestServer> {
  const server = await serve({
    '/legal/terms-of-sale': { corpus: TERMS },
    '/legal/privacy': { corpus: PRIVACY },
    '/uk/legal/terms-of-service/': { corpus: PROVIDER_TERMS },
    '/tos': { corpus: TERMS },
    '/notice': { corpus: PRIVACY },
  });
  // The shop sets a session cookie: the background's fetch of its terms must not send it back.
  server.set('/checkout', {
    body: fixture('cart-checkout.html', server),
    headers: { 'set-cookie': 'shop_session=secret123; Path=/; SameSite=Lax' },
  });
  server.set('/signup', { body: fixture('signup.html', server) });
  server.set('/product', { body: fixture('product-no-links.html', server) });
  return server;
}

async function badgeText(page: Page): Promise<string> {
  const badge = page.locator('fineprint-checkout-badge [data-fineprint-badge]');
  await badge.waitFor({ timeout: 15_000 });
  return (await badge.textContent()) ?? '';
}

async function openPopupFor(b: LaunchedBrowser, page: Page): Promise<Page> {
  const tabId = await tabIdOf(b.serviceWorker!, page);
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
  await waitForPopupReady(popup);
  return popup;
}

describeE2E('checkout and sign-up pages', () => {
  let server: TestServer;
  beforeAll(async () => {
    if (!HAS_CORPUS) throw new Error('this suite serves corpus policies; set FINEPRINT_CORPUS');
    server = await startServer();
  });
  afterAll(() => server?.close());

  describe('product build (no host permission granted)', () => {
    let b: LaunchedBrowser;
    beforeAll(async () => {
      b = await launchExtension({ allowNetwork: true, args: [RESOLVER] });
    });
    afterAll(() => b?.close());

    it('cart checkout: badge next to "Place order", three links in the popup, nothing fetched', async () => {
      const before = server.requests.length;
      const page = await b.context.newPage();
      await page.goto(server.url('/checkout'));
      expect(await badgeText(page)).toContain(
        "3 linked policies: Terms of Sale, Privacy Policy, See Klarna's terms",
      );
      const placed = await page.evaluate(
        () => document.querySelector('button[type="submit"]')?.nextElementSibling?.tagName,
      );
      expect(placed).toBe('FINEPRINT-CHECKOUT-BADGE');
      // Reported, not asserted: the in-page cost of the checkout analysis (timings belong to benchmarks).
      const cost = await page.evaluate(() =>
        performance.getEntriesByName('fineprint:checkout-analysis').map((e) => e.duration),
      );
      console.log(`[checkout] analyzeCheckout in Chromium on the cart fixture: ${JSON.stringify(cost)} ms`);

      const popup = await openPopupFor(b, page);
      expect(await popup.locator('[data-page-kind]').getAttribute('data-page-kind')).toBe('checkout');
      const links = await popup
        .locator('[data-linked-policy]')
        .evaluateAll((els) =>
          els.map((e) => [e.getAttribute('data-linked-policy'), e.getAttribute('data-status')]),
        );
      expect(links).toEqual([
        [server.url('/legal/terms-of-sale'), 'needs-permission'],
        [server.url('/legal/privacy'), 'needs-permission'],
        [`http://${PROVIDER_HOST}:${server.port}/uk/legal/terms-of-service/`, 'needs-permission'],
      ]);
      // The badge's button opens Fineprint's report for this tab (where the permission can be asked).
      const opened = b.context.waitForEvent('page');
      await page.locator('fineprint-checkout-badge [data-fineprint-read]').click();
      const report = await opened;
      await report.waitForLoadState();
      expect(report.url()).toMatch(
        new RegExp(`^chrome-extension://${b.extensionId}/popup\\.html\\?tabId=\\d+$`),
      );
      // Finding links and showing them fetched nothing but the page itself.
      expect(seenPaths(server, before)).toEqual(['127.0.0.1/checkout']);
      await Promise.all([report.close(), popup.close(), page.close()]);
    });

    it('a product page without consent or policy links gets nothing', async () => {
      const before = server.requests.length;
      const page = await b.context.newPage();
      await page.goto(server.url('/product'));
      await page.waitForTimeout(1500);
      expect(await page.locator('fineprint-checkout-badge').count()).toBe(0);
      const popup = await openPopupFor(b, page);
      expect(await popup.locator('[data-linked-policy]').count()).toBe(0);
      expect(await popup.locator('[data-verdict]').getAttribute('data-verdict')).toMatch(
        /not-a-policy|no-report/,
      );
      expect(seenPaths(server, before)).toEqual(['127.0.0.1/product']);
      await Promise.all([popup.close(), page.close()]);
    });
  });

  describe('after the user allowed reading the two sites', () => {
    let b: LaunchedBrowser;
    let extensionCopy: string;
    beforeAll(async () => {
      assertBuilt();
      extensionCopy = mkdtempSync(join(tmpdir(), 'fineprint-granted-'));
      cpSync(CHROME_BUILD, extensionCopy, { recursive: true });
      const manifestPath = join(extensionCopy, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      manifest.host_permissions = ['http://127.0.0.1/*', `http://${PROVIDER_HOST}/*`];
      writeFileSync(manifestPath, JSON.stringify(manifest));
      b = await launchExtension({ extensionDir: extensionCopy, allowNetwork: true, args: [RESOLVER] });
    });
    afterAll(async () => {
      await b?.close();
      if (extensionCopy) rmSync(extensionCopy, { recursive: true, force: true });
    });

    it('reads exactly the reported links, without cookies, and summarises them in popup and badge', async () => {
      const seen = recordRequests(b.context);
      const page = await b.context.newPage();
      await page.goto(server.url('/checkout'));
      await badgeText(page);
      const before = server.requests.length;
      const popup = await openPopupFor(b, page);
      await popup.locator('.checkout button.primary').click();
      const done = await waitFor(
        async () => (await popup.locator('[data-linked-policy][data-status="done"]').count()) === 3,
        45_000,
      );
      expect(done).toBe(true);
      const fetched = seenPaths(server, before);
      expect(fetched.sort()).toEqual(
        [
          '127.0.0.1/legal/privacy',
          '127.0.0.1/legal/terms-of-sale',
          `${PROVIDER_HOST}/uk/legal/terms-of-service/`,
        ].sort(),
      );
      // The browser holds the shop's cookie (the page's own requests carry it), the policy fetches do not.
      const pageRequests = server.requests.filter((r) => r.path === '/checkout' || r.path === '/favicon.ico');
      expect(pageRequests.some((r) => r.headers.cookie?.includes('shop_session=secret123'))).toBe(true);
      for (const r of server.requests.slice(before)) expect(r.headers.cookie).toBeUndefined();
      // The badge on the checkout page shows the summaries too, without another request.
      const badgeItems = page.locator('fineprint-checkout-badge li[data-status="done"]');
      expect(await waitFor(async () => (await badgeItems.count()) === 3, 10_000)).toBe(true);
      // Each linked policy got a summary; the corpus terms carry at least one labelled clause.
      const labelled = await popup.locator('[data-linked-policy] [data-clause-id]').count();
      expect(labelled).toBeGreaterThan(0);
      // No request went anywhere but the local server (extension-internal URLs aside).
      const foreign = seen.requests.filter(
        (r) => !/^(chrome-extension:|data:|blob:)/.test(r.url) && !r.url.includes(`:${server.port}/`),
      );
      expect(foreign).toEqual([]);
      seen.stop();

      // The same terms are not fetched twice: a second visit to the checkout serves all three from the history.
      const again = server.requests.length;
      const page2 = await b.context.newPage();
      await page2.goto(server.url('/checkout'));
      await badgeText(page2);
      const popup2 = await openPopupFor(b, page2);
      const cached = await popup2.locator('[data-linked-policy][data-status="done"]').count();
      expect(cached).toBe(3);
      expect(seenPaths(server, again)).toEqual(['127.0.0.1/checkout']);
      await Promise.all([popup.close(), page.close(), popup2.close(), page2.close()]);
    });

    it('sign-up form: the badge reads the terms itself and shows the summary', async () => {
      const page = await b.context.newPage();
      await page.goto(server.url('/signup'));
      expect(await badgeText(page)).toContain('2 linked policies');
      const placed = await page.evaluate(
        () => document.querySelector('button[type="submit"]')?.nextElementSibling?.tagName,
      );
      expect(placed).toBe('FINEPRINT-CHECKOUT-BADGE');
      await page.locator('fineprint-checkout-badge [data-fineprint-read]').click();
      const items = page.locator('fineprint-checkout-badge li[data-status]');
      await waitFor(async () => (await items.count()) === 2, 45_000);
      const texts = await items.allTextContents();
      expect(texts).toHaveLength(2);
      for (const t of texts) expect(t).not.toContain('could not be read');
      // Dismissed from the keyboard (Escape), focus returns to the button the user was about to press.
      await page.locator('fineprint-checkout-badge button[aria-label="Dismiss"]').focus();
      await page.keyboard.press('Escape');
      expect(await page.locator('fineprint-checkout-badge').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Create account');
      await page.close();
    });
  });
});
