/**
 * The checkout flow in real Firefox, on the team's cart fixture (tests/fixtures/checkout) whose linked
 * policies are real corpus pages served from 127.0.0.1 (the payment provider's host too: every host name
 * resolves to this machine in the harness). The badge appears next to "Place order" and names the linked
 * policies; nothing is fetched until the user grants access; its button opens Fineprint's report for the
 * tab, where "Read the terms" asks for exactly those sites and, once granted, the background reads exactly
 * the linked pages, without the shop's cookies.
 *
 * The permission prompt is Firefox's own door-hanger, which automation cannot answer; the harness turns it
 * off for this suite (`extensions.webextOptionalPermissionPrompts`), so Firefox grants what the click
 * requests as if the user allowed it. The request itself still needs the user's click (Firefox refuses it
 * outside a user action), and the product build asks for nothing at install.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCorpus } from '../support/corpus';
import { describeFirefox, launchFirefox, type FirefoxSession } from '../support/firefox';
import { FIXTURES_DIR, serve, waitFor, type TestServer } from '../support/server';

const TERMS = 'html/policy/genai-eu__ChatGPT__Terms_of_Service_policies-eu-terms-of-use.html';
const PRIVACY = 'html/policy/genai-eu__ChatGPT__Privacy_Policy_policies-eu-privacy-policy.html';
const PROVIDER_TERMS = 'html/policy/dating__Bumble__Terms_of_Service.html';
const PROVIDER_HOST = 'www.klarna.com';
/** The button the user is about to press, as the fixture writes it (the badge goes next to it). */
const BADGE_HOST = `document.querySelector('form#checkout button[type="submit"]')?.nextElementSibling`;

describeFirefox('Firefox: checkout badge and reading the linked terms', () => {
  describeCorpus('cart checkout fixture', () => {
    let ff: FirefoxSession;
    let server: TestServer;

    beforeAll(async () => {
      server = await serve({
        '/legal/terms-of-sale': { corpus: TERMS },
        '/legal/privacy': { corpus: PRIVACY },
        '/uk/legal/terms-of-service/': { corpus: PROVIDER_TERMS },
      });
      const page = readFileSync(resolve(FIXTURES_DIR, 'checkout/cart-checkout.html'), 'utf8').replaceAll(
        '{{PROVIDER_ORIGIN}}',
        `http://${PROVIDER_HOST}:${server.port}`,
      );
      // The shop sets a session cookie: the background's fetches of its terms must not send it back.
      server.set('/checkout', {
        body: page,
        headers: { 'set-cookie': 'shop_session=secret123; Path=/; SameSite=Lax' },
      });
      ff = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
      console.log(`[firefox] ${ff.version}; ${ff.extensionId} installed at ${ff.extensionOrigin}`);
    });
    afterAll(async () => {
      await ff?.close();
      await server?.close();
    });

    /** Paths the server was asked for since `from`, with their host (the browser's favicon probe aside). */
    const seenSince = (from: number) =>
      server.requests
        .slice(from)
        .filter((r) => r.path !== '/favicon.ico')
        .map((r) => `${r.host.replace(`:${server.port}`, '')}${r.path}`);
    const granted = () =>
      ff.controlEvaluate(() =>
        (
          globalThis as unknown as {
            browser: { permissions: { contains: (p: { origins: string[] }) => Promise<boolean> } };
          }
        ).browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
      );

    it('badge by "Place order"; after the user grants access, exactly the linked terms are read', async () => {
      const start = server.requests.length;
      const page = await ff.open(server.url('/checkout'));
      const badge = await waitFor(() => ff.shadowOf(page, BADGE_HOST), 15_000);
      expect(badge, 'no badge next to the order button').not.toBeNull();
      console.log(`[firefox] badge (${badge!.mode} shadow root): "${badge!.text}"`);
      for (const name of ['Terms of Sale', 'Privacy Policy', "See Klarna's terms"]) {
        expect(badge!.text).toContain(name);
      }
      // Finding the links fetched nothing, and nothing is granted at install.
      expect(seenSince(start)).toEqual(['127.0.0.1/checkout']);
      expect(await granted()).toBe(false);

      // The badge's button opens Fineprint's report for this tab (host access is asked for there).
      await ff.clickInShadow(page, badge!, { role: 'button', name: 'Read the terms' });
      const popup = await ff.extensionPageOpened('/popup.html?tabId=');
      await popup.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
      expect(await popup.$eval('[data-page-kind]', (e) => e.getAttribute('data-page-kind'))).toBe('checkout');
      const links = () =>
        popup.$$eval('[data-linked-policy]', (els) =>
          els.map((e) => [e.getAttribute('data-linked-policy'), e.getAttribute('data-status')]),
        );
      expect(await links()).toEqual([
        [server.url('/legal/terms-of-sale'), 'needs-permission'],
        [server.url('/legal/privacy'), 'needs-permission'],
        [`http://${PROVIDER_HOST}:${server.port}/uk/legal/terms-of-service/`, 'needs-permission'],
      ]);

      const before = server.requests.length;
      await popup.click('.checkout button.primary');
      const done = await waitFor(
        async () => (await links()).every(([, status]) => status === 'done'),
        45_000,
        250,
      );
      expect(done, JSON.stringify(await links())).toBe(true);
      expect(await granted()).toBe(true);
      expect(seenSince(before).sort()).toEqual(
        [
          '127.0.0.1/legal/privacy',
          '127.0.0.1/legal/terms-of-sale',
          `${PROVIDER_HOST}/uk/legal/terms-of-service/`,
        ].sort(),
      );
      for (const r of server.requests.slice(before)) expect(r.headers.cookie).toBeUndefined();
      // Each read policy is summarised in the report; the corpus terms carry labelled clauses.
      expect(
        await popup.$$eval('[data-linked-policy] [data-clause-id]', (els) => els.length),
      ).toBeGreaterThan(0);
      await Promise.all([popup.close(), page.close()]);
    });
  });
});
