/**
 * Checkout and sign-up pages in real Chromium: the badge appears next to the order / sign-up button in a closed
 * shadow root and shows only what the page itself holds; Fineprint's report page lists the linked policies and
 * reads them, following exactly the reported links from the origins the user granted and no redirect; a page
 * without policy links gets nothing. And the hostile pages of issue 27: a terms link that redirects to another
 * port is not fetched; a page that links to policies the user read elsewhere learns nothing of them, nor of the
 * user's grants (not even through the badge's size); page script pressing the badge's buttons opens no tab and
 * starts no fetch.
 *
 * Fixtures: tests/fixtures/checkout (ours); the linked policies are real corpus pages served from 127.0.0.1.
 * Payment-provider and *.github.io hosts are mapped to 127.0.0.1 by a host-resolver rule, so their links are
 * real-looking URLs that never leave the machine.
 *
 * Chromium's host-permission prompt cannot be answered from automation (the request stays pending), so the
 * "user allowed it" half runs on a copy of the build whose manifest already holds the browser permission for
 * the test hosts (then the prompt resolves at once); Fineprint's own grant is still given the real way, by
 * pressing "Read the terms" in its report page. The product build is checked to fetch nothing without that.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  CHROME_BUILD,
  FIXTURES_DIR,
  assertBuilt,
  describeE2E,
  findInExtensionDb,
  launchExtension,
  recordRequests,
  serve,
  tabIdOf,
  waitFor,
  waitForPopupReady,
  type LaunchedBrowser,
  type TestServer,
} from '../support/harness';
import { closedShadow } from '../support/closed-shadow';
import { HAS_CORPUS } from '../support/corpus';

const TERMS = 'html/policy/genai-eu__ChatGPT__Terms_of_Service_policies-eu-terms-of-use.html';
const PRIVACY = 'html/policy/genai-eu__ChatGPT__Privacy_Policy_policies-eu-privacy-policy.html';
const PROVIDER_TERMS = 'html/policy/dating__Bumble__Terms_of_Service.html';
const PROVIDER_HOST = 'www.klarna.com';
/** The hostile page and the neighbour whose policy the user read, under the same private public suffix. */
const HOSTILE_HOST = 'pixelclub.github.io';
const SIBLING_HOST = 'victim-notes.github.io';
/** The company's legal domain, where a sign-up's terms live (team-written Lumen fixtures). */
const LEGAL_HOST = 'legal.lumen-group.com';
const RESOLVER = `--host-resolver-rules=MAP ${PROVIDER_HOST} 127.0.0.1, MAP *.github.io 127.0.0.1, MAP ${LEGAL_HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`;
/** A word only the second ("intranet") server serves: it must never reach the store or any page. */
const INTRANET_MARKER = 'Zq7IntranetOnlyMarker';

/** The element our badge is: right after the commit button (its tag name is random per page load). */
const BADGE = 'button[type="submit"] + *';

const fixture = (name: string, server: TestServer) =>
  readFileSync(resolve(FIXTURES_DIR, 'checkout', name), 'utf8')
    .replaceAll('{{PROVIDER_ORIGIN}}', `http://${PROVIDER_HOST}:${server.port}`)
    .replaceAll('{{SIBLING_ORIGIN}}', `http://${SIBLING_HOST}:${server.port}`)
    .replaceAll('{{LEGAL_ORIGIN}}', `http://${LEGAL_HOST}:${server.port}`)
    .replaceAll('{{PARTNER_ORIGIN}}', 'https://partner.example');

/** A team-written Lumen policy (tests/fixtures/checkout/legal). */
const legal = (name: string) => readFileSync(resolve(FIXTURES_DIR, 'checkout/legal', name), 'utf8');
/** The policy's article alone: what the modal checkout's script loads into its dialog. */
const articleOf = (html: string) => html.slice(html.indexOf('<article>') + 9, html.indexOf('</article>'));
/** Links inside the terms shown in the dialog: the terms' own, never the checkout's. */
const STRAY_LINKS =
  '<p>Questions? See <a href="/help">our help pages</a> and the <a href="https://partner.example/terms">partner terms</a>.</p>';

/** What the server saw, minus the browser's own favicon probe. */
const seenPaths = (server: TestServer, from = 0) =>
  server.requests
    .slice(from)
    .filter((r) => r.path !== '/favicon.ico')
    .map((r) => `${r.host.replace(`:${server.port}`, '')}${r.path}`);

async function startServers(): Promise<{ server: TestServer; intranet: TestServer }> {
  const intranet = await serve({
    '/internal/terms': {
      body: `<!doctype html><title>${INTRANET_MARKER} Terms</title><h1>${INTRANET_MARKER}</h1><p>Internal only.</p>`,
    },
  });
  const server = await serve({
    '/legal/terms-of-sale': { corpus: TERMS },
    '/legal/privacy': { corpus: PRIVACY },
    '/uk/legal/terms-of-service/': { corpus: PROVIDER_TERMS },
    '/tos': { corpus: TERMS },
    '/notice': { corpus: PRIVACY },
    '/terms': { corpus: TERMS },
    '/privacy': { corpus: PRIVACY },
    '/tos-fresh': { corpus: TERMS },
    '/notice-fresh': { corpus: PRIVACY },
  });
  // The shop sets a session cookie: the background's fetch of its terms must not send it back.
  server.set('/checkout', {
    body: fixture('cart-checkout.html', server),
    headers: { 'set-cookie': 'shop_session=secret123; Path=/; SameSite=Lax' },
  });
  server.set('/signup', { body: fixture('signup.html', server) });
  server.set('/product', { body: fixture('product-no-links.html', server) });
  server.set('/join', { body: fixture('hostile-signup.html', server) });
  // A sign-up whose terms and privacy notice live on the company's legal domain.
  server.set('/lumen/terms', { body: legal('lumen-terms.html') });
  server.set('/lumen/privacy', { body: legal('lumen-privacy.html') });
  server.set('/trial', { body: fixture('signup-legal-domain.html', server) });
  // A checkout whose terms open in a dialog, loaded by the page's script.
  server.set('/modal-checkout', { body: fixture('modal-checkout.html', server) });
  server.set('/fragments/terms', { body: articleOf(legal('lumen-terms.html')) + STRAY_LINKS });
  server.set('/fragments/privacy', { body: articleOf(legal('lumen-privacy.html')) });
  // A sign-up form whose links nobody read yet (nothing in the history to serve them from).
  server.set('/signup-fresh', {
    body: fixture('signup.html', server).replace('/tos', '/tos-fresh').replace('/notice', '/notice-fresh'),
  });
  // The same cart, but its terms link answers with a redirect to another port (an "intranet" service).
  server.set('/checkout-redirect', { body: fixture('cart-checkout.html', server) });
  return { server, intranet };
}

async function badgeText(page: Page): Promise<string> {
  await page.waitForSelector(BADGE, { state: 'attached', timeout: 15_000 });
  const shadow = await closedShadow(page);
  try {
    expect(await waitFor(() => shadow.has('data-fineprint-badge'), 10_000)).toBe(true);
    return await shadow.text('data-fineprint-badge');
  } finally {
    await shadow.detach();
  }
}

async function openPopupFor(b: LaunchedBrowser, page: Page): Promise<Page> {
  const tabId = await tabIdOf(b.serviceWorker!, page);
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
  await waitForPopupReady(popup);
  return popup;
}

/** Pages opened in the context while `during` runs (and for `settleMs` after). */
async function pagesOpened(context: BrowserContext, during: () => Promise<unknown>, settleMs = 2_500) {
  const opened: Page[] = [];
  const onPage = (p: Page) => void opened.push(p);
  context.on('page', onPage);
  try {
    await during();
    await new Promise((r) => setTimeout(r, settleMs));
  } finally {
    context.off('page', onPage);
  }
  return opened;
}

/** A copy of the build whose manifest holds the browser permission for the test hosts (see the header). */
function grantedCopy(): string {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'fineprint-granted-'));
  cpSync(CHROME_BUILD, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [
    'http://127.0.0.1/*',
    `http://${PROVIDER_HOST}/*`,
    'http://*.github.io/*',
    `http://${LEGAL_HOST}/*`,
  ];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** The tab's checkout as Fineprint's own pages see it, asked from one of them. */
function checkoutOf(extensionPage: Page, tabId: number) {
  return extensionPage.evaluate(
    (tabId) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'popup→bg:get-checkout', payload: { tabId } }) as Promise<{
        url: string;
        policies: { url: string; text: string; status: string; fromDialog?: boolean }[];
      } | null>,
    tabId,
  );
}

/** Elements with a custom-element name in the page: our badge, and any bar or card we would add. */
const customElements = (page: Page) =>
  page.evaluate(
    () => Array.from(document.querySelectorAll('*')).filter((e) => e.localName.includes('-')).length,
  );

/** Presses "Read the terms" in the report page (when there is anything to allow) and waits until every link is read or has failed. */
async function readAllInPopup(popup: Page): Promise<void> {
  // Links on origins the user already allowed are read as the report opens; the rest wait for the button.
  const read = popup.getByRole('button', { name: 'Read the terms' });
  if (await read.count()) await read.click();
  const links = popup.locator('[data-linked-policy]');
  const settled = popup.locator(
    '[data-linked-policy][data-status="done"], [data-linked-policy][data-status="failed"]',
  );
  const done = await waitFor(async () => (await settled.count()) === (await links.count()), 45_000);
  expect(done).toBe(true);
}

describeE2E('checkout and sign-up pages', () => {
  let server: TestServer;
  let intranet: TestServer;
  beforeAll(async () => {
    if (!HAS_CORPUS) throw new Error('this suite serves corpus policies; set FINEPRINT_CORPUS');
    ({ server, intranet } = await startServers());
    server.set('/legal/terms-of-sale-moved', {
      body: '',
      status: 302,
      headers: { location: intranet.url('/internal/terms') },
    });
  });
  afterAll(async () => {
    await server?.close();
    await intranet?.close();
  });

  describe('product build (no host permission granted)', () => {
    let b: LaunchedBrowser;
    beforeAll(async () => {
      b = await launchExtension({ allowNetwork: true, args: [RESOLVER] });
    });
    afterAll(() => b?.close());

    it('cart checkout: closed badge next to "Place order", links in the report, one tab per real click, nothing fetched', async () => {
      const before = server.requests.length;
      const page = await b.context.newPage();
      await page.goto(server.url('/checkout'));
      expect(await badgeText(page)).toContain(
        "3 linked policies: Terms of Sale, Privacy Policy, See Klarna's terms",
      );
      const shadow = await closedShadow(page);
      expect(await shadow.rootTypesAfter('button[type="submit"]')).toEqual(['closed']);
      // Not a stable, guessable element name.
      const tag = await page.evaluate((s) => document.querySelector(s)!.tagName.toLowerCase(), BADGE);
      expect(tag).not.toMatch(/fineprint|badge/);

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
      // The report names exactly what would be read: scheme, host and port.
      expect(await popup.locator('[data-needs-permission]').textContent()).toContain(
        `http://127.0.0.1:${server.port}`,
      );
      await popup.close();

      // A real click on "Read the terms" opens Fineprint's report for this tab; a second one at once
      // opens nothing (one tab per few seconds, whatever happens in the page).
      await page.bringToFront();
      const first = await pagesOpened(b.context, () => shadow.click('data-fineprint-review'), 1_500);
      expect(first.map((p) => p.url())).toEqual([
        expect.stringMatching(new RegExp(`^chrome-extension://${b.extensionId}/popup\\.html\\?tabId=\\d+$`)),
      ]);
      await page.bringToFront();
      expect(await pagesOpened(b.context, () => shadow.click('data-fineprint-review'))).toEqual([]);
      await shadow.detach();
      // Finding links and showing them fetched nothing but the page itself.
      expect(seenPaths(server, before)).toEqual(['127.0.0.1/checkout']);
      await Promise.all([...first.map((p) => p.close()), page.close()]);
    });

    it("terms in a dialog: a badge before opening, read as this checkout's terms, no relabelling, no history, no bar", async () => {
      const before = server.requests.length;
      const page = await b.context.newPage();
      await page.goto(server.url('/modal-checkout'));
      // The href="#" controls in the consent sentence are the checkout's terms, before anything is opened.
      expect(await badgeText(page)).toContain('2 linked policies: Terms of Sale, Privacy Notice');
      const ours = await customElements(page);
      expect(ours).toBe(1);
      const tabId = await tabIdOf(b.serviceWorker!, page);
      const report = await openPopupFor(b, page);
      const entries = async () => (await checkoutOf(report, tabId))?.policies ?? [];
      expect((await entries()).map((p) => [p.text, p.status])).toEqual([
        ['Terms of Sale', 'in-page'],
        ['Privacy Notice', 'in-page'],
      ]);

      // The shopper opens the terms, then the privacy notice, in the same dialog.
      await page.bringToFront();
      await page.click('a[data-doc="terms"]');
      const read = (text: string) => async () =>
        (await entries()).some((p) => p.text === text && p.status === 'done');
      expect(await waitFor(read('Terms of Sale'), 45_000)).toBe(true);
      await page.click('#close-modal');
      await page.click('a[data-doc="privacy"]');
      expect(await waitFor(read('Privacy Notice'), 45_000)).toBe(true);
      await page.waitForTimeout(1_500);
      // Exactly the two controls: the links inside the terms (help, partner terms) are not the checkout's.
      const final = await entries();
      expect(final.map((p) => [p.text, p.status, p.fromDialog])).toEqual([
        ['Terms of Sale', 'done', true],
        ['Privacy Notice', 'done', true],
      ]);
      expect(await badgeText(page)).toContain('2 linked policies: Terms of Sale, Privacy Notice');

      // The checkout stays a checkout: no bar or card over it, no history document under its address, and
      // the terms' text is not kept anywhere.
      expect(await customElements(page)).toBe(ours);
      expect(await findInExtensionDb(b.serviceWorker!, '/modal-checkout')).toEqual([]);
      expect(await findInExtensionDb(b.serviceWorker!, 'Lumen Group Inc')).toEqual([]);
      await report.reload();
      await waitForPopupReady(report);
      expect(await report.locator('[data-page-kind]').getAttribute('data-page-kind')).toBe('checkout');
      const terms = report.locator('[data-linked-policy$="#fineprint-terms-terms-of-sale"]');
      expect(await terms.locator('[data-verdict-line="arbitration"]').textContent()).toContain(
        'within 30 days',
      );
      const privacy = report.locator('[data-linked-policy$="#fineprint-privacy-policy-privacy-notice"]');
      expect(await privacy.locator('[data-verdict-line="data-sale"]').textContent()).toContain(
        'will not sell or rent',
      );
      // Nothing was fetched by Fineprint: the page loaded its own fragments, nothing else was asked for.
      expect(seenPaths(server, before)).toEqual([
        '127.0.0.1/modal-checkout',
        '127.0.0.1/fragments/terms',
        '127.0.0.1/fragments/privacy',
      ]);
      await Promise.all([report.close(), page.close()]);
    });

    it('a product page without consent or policy links gets nothing', async () => {
      const before = server.requests.length;
      const page = await b.context.newPage();
      await page.goto(server.url('/product'));
      await page.waitForTimeout(1500);
      expect(await page.locator(BADGE).count()).toBe(0);
      const popup = await openPopupFor(b, page);
      expect(await popup.locator('[data-linked-policy]').count()).toBe(0);
      expect(await popup.locator('[data-verdict]').getAttribute('data-verdict')).toMatch(
        /not-a-policy|no-report/,
      );
      expect(seenPaths(server, before)).toEqual(['127.0.0.1/product']);
      await Promise.all([popup.close(), page.close()]);
    });

    it('hostile page: page script pressing the badge ten times opens no tab and fetches nothing', async () => {
      const page = await b.context.newPage();
      await page.goto(`http://${HOSTILE_HOST}:${server.port}/join`);
      await badgeText(page);
      const before = server.requests.length;
      const seen = recordRequests(b.context);
      const opened = await pagesOpened(b.context, () =>
        page.evaluate(() =>
          (window as unknown as { pressEverything: (n: number) => number }).pressEverything(10),
        ),
      );
      seen.stop();
      expect(opened.map((p) => p.url())).toEqual([]);
      expect(seenPaths(server, before)).toEqual([]);
      expect(seen.requests.filter((r) => r.origin === 'service-worker')).toEqual([]);
      await page.close();
    });
  });

  describe('after the user allowed reading the sites', () => {
    let b: LaunchedBrowser;
    let extensionCopy: string;
    beforeAll(async () => {
      extensionCopy = grantedCopy();
      b = await launchExtension({ extensionDir: extensionCopy, allowNetwork: true, args: [RESOLVER] });
    });
    afterAll(async () => {
      await b?.close();
      if (extensionCopy) rmSync(extensionCopy, { recursive: true, force: true });
    });

    it('reads exactly the reported links, without cookies, shows the summaries in Fineprint only', async () => {
      const seen = recordRequests(b.context);
      const page = await b.context.newPage();
      await page.goto(server.url('/checkout'));
      const badgeBefore = await badgeText(page);
      const before = server.requests.length;
      const popup = await openPopupFor(b, page);
      // The browser permission alone is not Fineprint's grant: nothing is readable until the user says so here.
      expect(await popup.locator('[data-linked-policy][data-status="needs-permission"]').count()).toBe(3);
      await readAllInPopup(popup);
      expect(await popup.locator('[data-linked-policy][data-status="done"]').count()).toBe(3);
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
      // Each linked policy got a summary; the corpus terms carry at least one labelled clause.
      expect(await popup.locator('[data-linked-policy] [data-clause-id]').count()).toBeGreaterThan(0);
      // The badge in the page did not change: what was read is Fineprint's to show, not the page's.
      expect(await badgeText(page)).toBe(badgeBefore);
      // No request went anywhere but the local server (extension-internal URLs aside).
      const foreign = seen.requests.filter(
        (r) => !/^(chrome-extension:|data:|blob:)/.test(r.url) && !r.url.includes(`:${server.port}/`),
      );
      expect(foreign).toEqual([]);
      seen.stop();

      // The same terms are not fetched twice: a second visit's report serves all three from the history.
      const again = server.requests.length;
      const page2 = await b.context.newPage();
      await page2.goto(server.url('/checkout'));
      await badgeText(page2);
      const popup2 = await openPopupFor(b, page2);
      expect(await popup2.locator('[data-linked-policy][data-status="done"]').count()).toBe(3);
      expect(seenPaths(server, again)).toEqual(['127.0.0.1/checkout']);
      await Promise.all([popup.close(), page.close(), popup2.close(), page2.close()]);
    });

    it("terms on the company's legal domain: kept with the domain shown, read only once that origin is granted, in one click from the badge", async () => {
      const legalOrigin = `http://${LEGAL_HOST}:${server.port}`;
      const page = await b.context.newPage();
      await page.goto(server.url('/trial'));
      // The link texts and, for another site, its host; the footer's partner page is not the form's policy.
      expect(await badgeText(page)).toContain(
        `2 linked policies: Terms of Service (${LEGAL_HOST}:${server.port}), Privacy Notice (${LEGAL_HOST}:${server.port})`,
      );
      const tabId = await tabIdOf(b.serviceWorker!, page);
      const before = server.requests.length;

      // Not granted yet: the report names the other site plainly, and a read asked without the grant fetches
      // nothing (the browser's permission alone is not the user's say-so for that exact origin).
      const peek = await openPopupFor(b, page);
      const site = await peek
        .locator(`[data-linked-policy="${legalOrigin}/lumen/terms"] [data-site]`)
        .textContent();
      expect(site).toBe(`On ${legalOrigin} — another site than the checkout`);
      await peek.evaluate(
        ([tabId, urls]) =>
          (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };
            }
          ).chrome.runtime.sendMessage({ type: 'popup→bg:checkout-read', payload: { tabId, urls } }),
        [tabId, [`${legalOrigin}/lumen/terms`, `${legalOrigin}/lumen/privacy`]] as const,
      );
      expect((await checkoutOf(peek, tabId))?.policies.map((p) => p.status)).toEqual([
        'needs-permission',
        'needs-permission',
      ]);
      expect(seenPaths(server, before)).toEqual([]);
      await peek.close();

      // One click from the badge: the report opens next to the checkout with "Read the terms" focused; Enter
      // asks for that site (resolved at once in this build) and reads; "Back to the checkout" is focused.
      await page.bringToFront();
      const shadow = await closedShadow(page);
      expect(await shadow.axRoleName('data-fineprint-review')).toEqual(['button', 'Read the terms']);
      const [report] = await pagesOpened(b.context, () => shadow.click('data-fineprint-review'), 1_000);
      await shadow.detach();
      expect(report).toBeDefined();
      await waitForPopupReady(report!);
      const read = report!.getByRole('button', { name: 'Read the terms' });
      await read.waitFor();
      expect(await read.evaluate((e) => e === document.activeElement)).toBe(true);
      await report!.keyboard.press('Enter');
      const back = report!.getByRole('button', { name: 'Back to the checkout' });
      await back.waitFor({ timeout: 45_000 });
      expect(await back.evaluate((e) => e === document.activeElement)).toBe(true);
      expect(seenPaths(server, before).sort()).toEqual([
        `${LEGAL_HOST}/lumen/privacy`,
        `${LEGAL_HOST}/lumen/terms`,
      ]);
      for (const r of server.requests.slice(before)) {
        expect(r.headers.cookie).toBeUndefined();
        expect(r.headers.referer).toBeUndefined();
      }

      // The verdict in words: arbitration with its opt-out window first; "will not sell" as a reassurance.
      const terms = report!.locator(`[data-linked-policy="${legalOrigin}/lumen/terms"]`);
      const findings = await terms
        .locator('[data-verdict-line]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict-line')));
      expect(findings[0]).toBe('arbitration');
      expect(await terms.locator('[data-verdict-line="arbitration"]').textContent()).toContain(
        'You can opt out within 30 days.',
      );
      const privacy = report!.locator(`[data-linked-policy="${legalOrigin}/lumen/privacy"]`);
      expect(await privacy.getByRole('list', { name: 'In your favour' }).textContent()).toContain(
        'They say they will not sell or rent your personal data.',
      );
      // The report page is laid out for a tab, not the popup's 400 px strip.
      const width = await report!.evaluate(() => document.body.getBoundingClientRect().width);
      expect(width).toBeGreaterThan(600);
      if (process.env.FINEPRINT_SCREENSHOT)
        await report!.screenshot({ path: process.env.FINEPRINT_SCREENSHOT, fullPage: true });

      // Back to the checkout: the report tab closes and the checkout is in front again.
      await Promise.all([
        report!.waitForEvent('close', { timeout: 10_000 }),
        // The page closes while the key is pressed.
        report!.keyboard.press('Enter').catch(() => undefined),
      ]);
      expect(await waitFor(() => page.evaluate(() => document.visibilityState === 'visible'), 5_000)).toBe(
        true,
      );
      await page.close();
    });

    it('sign-up form: "Read the terms" opens the report, which reads the terms of an allowed site at once; Escape dismisses the badge', async () => {
      const page = await b.context.newPage();
      await page.goto(server.url('/signup'));
      expect(await badgeText(page)).toContain('2 linked policies');
      const shadow = await closedShadow(page);
      const [report] = await pagesOpened(b.context, () => shadow.click('data-fineprint-review'), 1_000);
      expect(report).toBeDefined();
      await waitForPopupReady(report!);
      await report!.locator('[data-linked-policy]').first().waitFor();
      await readAllInPopup(report!);
      for (const t of await report!.locator('[data-linked-policy] .warn').allTextContents())
        expect(t).not.toContain('Could not read');
      // From the keyboard: Tab from the button the user was about to press reaches the badge's first button;
      // Escape closes the badge and focus returns to that button.
      await page.bringToFront();
      await page.locator('button[type="submit"]').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      expect(await page.locator(BADGE).count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Create account');
      await shadow.detach();
      await Promise.all([report!.close(), page.close()]);
    });

    it('hostile page (a): a terms link that redirects to another port is not followed, stored or shown', async () => {
      server.set('/checkout-redirect', {
        body: fixture('cart-checkout.html', server).replace(
          'href="/legal/terms-of-sale"',
          'href="/legal/terms-of-sale-moved"',
        ),
      });
      const page = await b.context.newPage();
      await page.goto(server.url('/checkout-redirect'));
      await badgeText(page);
      const popup = await openPopupFor(b, page);
      await readAllInPopup(popup);
      // The second server never heard from us.
      expect(intranet.requests).toEqual([]);
      const moved = popup.locator(`[data-linked-policy="${server.url('/legal/terms-of-sale-moved')}"]`);
      expect(await moved.getAttribute('data-status')).toBe('failed');
      expect(await moved.textContent()).toContain('redirects to an address Fineprint cannot check');
      // Nothing of it was stored, under the shop's URL or any other, and nothing reached the page.
      expect(await findInExtensionDb(b.serviceWorker!, INTRANET_MARKER)).toEqual([]);
      expect(await findInExtensionDb(b.serviceWorker!, '/legal/terms-of-sale-moved')).toEqual([]);
      const visible = await page.evaluate(
        () => new XMLSerializer().serializeToString(document) + document.body.innerText,
      );
      expect(visible).not.toContain(INTRANET_MARKER);
      expect(await badgeText(page)).not.toContain(INTRANET_MARKER);
      await Promise.all([popup.close(), page.close()]);
    });

    it('hostile page (b): nothing derived from history or grants reaches the page, not even as a size', async () => {
      type Probe = {
        found: boolean;
        hasShadowRoot: boolean | null;
        shadowText: string;
        size: [number, number] | null;
        pageText: string;
        pageHtml: string;
        appearedAt: number | null;
      };
      const hostile = `http://${HOSTILE_HOST}:${server.port}/join`;
      const probe = async (): Promise<Probe> => {
        const page = await b.context.newPage();
        await page.goto(hostile);
        await page.waitForSelector(BADGE, { state: 'attached', timeout: 15_000 });
        // Whatever the background may answer, give it time to arrive before the page looks.
        await page.waitForTimeout(1_000);
        const result = await page.evaluate(() => (window as unknown as { probe: () => Probe }).probe());
        await page.close();
        return result;
      };
      // When the badge appears is reported, not asserted (timings belong to benchmarks): it is built before the
      // background is asked anything, so it cannot wait on a history lookup.
      const appeared: Record<string, number[]> = {};
      const probeTimed = async (state: string): Promise<Probe> => {
        const runs: Probe[] = [];
        for (let i = 0; i < 3; i += 1) runs.push(await probe());
        appeared[state] = runs.map((r) => Math.round(r.appearedAt ?? -1));
        return runs[0]!;
      };
      const fresh = await probeTimed('no history, no grant');
      expect(fresh.found).toBe(true);
      expect(fresh.hasShadowRoot).toBe(false);

      // The user reads two policies on other sites: a neighbour under github.io and the payment provider.
      const sibling = `http://${SIBLING_HOST}:${server.port}/privacy`;
      const provider = `http://${PROVIDER_HOST}:${server.port}/uk/legal/terms-of-service/`;
      const titles: string[] = [];
      for (const url of [sibling, provider]) {
        const page = await b.context.newPage();
        await page.goto(url);
        titles.push(await page.title());
        const host = new URL(url).host;
        expect(
          await waitFor(async () => (await findInExtensionDb(b.serviceWorker!, host)).length > 0, 30_000),
        ).toBe(true);
        await page.close();
      }
      const withHistory = await probeTimed('history of both');

      // …and allows Fineprint to read the hostile page's own links (Read in its report page).
      const page = await b.context.newPage();
      await page.goto(hostile);
      await badgeText(page);
      const popup = await openPopupFor(b, page);
      await readAllInPopup(popup);
      await Promise.all([popup.close(), page.close()]);
      const withGrant = await probeTimed('history and a grant');
      console.log(
        `[checkout] badge appeared at (ms after navigation, 3 loads each): ${JSON.stringify(appeared)}`,
      );

      for (const seen of [withHistory, withGrant]) {
        expect(seen.hasShadowRoot).toBe(false);
        expect(seen.shadowText).toBe('');
        expect(seen.size).toEqual(fresh.size);
        expect(seen.pageText).toBe(fresh.pageText);
        for (const title of titles) {
          expect(title.length).toBeGreaterThan(3);
          expect(seen.pageHtml).not.toContain(title);
          expect(seen.pageText).not.toContain(title);
        }
      }
    });

    it('hostile page (c): page script pressing the badge ten times starts no fetch and opens no tab', async () => {
      const page = await b.context.newPage();
      // Its origin is granted (the sign-up test read its siblings), its links are not in the history.
      await page.goto(server.url('/signup-fresh'));
      await badgeText(page);
      const before = server.requests.length;
      const seen = recordRequests(b.context);
      const opened = await pagesOpened(b.context, () =>
        page.evaluate(() => {
          const host = document.querySelector('button[type="submit"]')!.nextElementSibling as HTMLElement;
          for (let i = 0; i < 10; i += 1) {
            host.click();
            for (const button of host.shadowRoot?.querySelectorAll('button') ?? [])
              if (button.getAttribute('aria-label') !== 'Dismiss') (button as HTMLElement).click();
          }
        }),
      );
      seen.stop();
      expect(opened).toEqual([]);
      expect(seenPaths(server, before)).toEqual([]);
      expect(seen.requests.filter((r) => r.origin === 'service-worker')).toEqual([]);
      await page.close();
    });
  });
});
