/**
 * Dynamic pages (Chromium, built extension, team-written fixtures): a terms page whose sections sit in
 * closed accordions and whose last section arrives late, and a single-page app that navigates to its
 * privacy policy with history.pushState and back with history.replaceState (the extension hears both through the
 * Navigation API, without polling the URL).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeE2E,
  highlightsOf,
  launchExtension,
  serve,
  waitFor,
  type LaunchedBrowser,
  type TestServer,
} from '../support/harness';
import { norm, paintedTexts, reportOf, toContent } from '../support/inline-page';
import { highlightNames, OurWorld } from '../support/our-world';
import type { PageReport } from '../../lib/page-report';

async function report(browser: LaunchedBrowser, page: Page): Promise<PageReport | null> {
  return toContent<PageReport | null>(browser.context, page, 'bg→content:get-report', {}).catch(() => null);
}

/** Painted ranges that currently have boxes on screen (not inside a closed section). */
async function visibleRanges(page: Page): Promise<string[]> {
  const names = await highlightNames(page);
  return page.evaluate((names) => {
    const out: string[] = [];
    for (const [key, name] of Object.entries(names)) {
      if (key === 'active' || key === 'flash') continue;
      const h = CSS.highlights.get(name) as unknown as Set<Range> | undefined;
      for (const r of h ?? []) if (r.getClientRects().length > 0) out.push(r.toString());
    }
    return out;
  }, names);
}

describeE2E('dynamic pages', () => {
  let browser: LaunchedBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await serve({
      '/larkspur/terms': { fixture: 'pages/accordion-policy.html' },
      '/app/': { fixture: 'pages/spa-app.html' },
      '/app/privacy': { fixture: 'pages/spa-app.html' },
    });
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a closed accordion section is analysed and painted when opened; a late section is analysed', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/larkspur/terms?late=1500'));
    const first = await reportOf(browser.context, page);
    expect(first?.page.kind).toBe('terms');
    const arbitration = 'binding individual arbitration';
    // Closed (hidden) sections are not on screen, so nothing of them is visibly painted yet.
    expect((await visibleRanges(page)).some((t) => t.includes(arbitration))).toBe(false);
    await page.click('button[aria-controls="s2"]');
    const shown = await waitFor(
      async () => (await visibleRanges(page)).some((t) => t.includes(arbitration)),
      10_000,
    );
    expect(shown, 'arbitration clause painted after the section opened').toBe(true);

    // The late section appears after 1.5 s; after the debounce it is extracted, classified and painted.
    const late = 'We share your profile information and upload history with our advertising partners';
    const after = await waitFor(async () => {
      const r = await report(browser, page);
      return r?.clauses.some((c) => norm(c.text).startsWith(norm(late))) ? r : null;
    }, 15_000);
    expect(after, 'late section analysed').not.toBeNull();
    const painted = Object.values(await paintedTexts(page)).flat();
    expect(painted.some((t) => norm(t).startsWith(norm(late)))).toBe(true);
    expect(after!.unplaced).toBe(0);
    await page.close();
  });

  it('single-page navigation to the policy analyses it; navigating away cleans every highlight', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/app/'));
    const home = await reportOf(browser.context, page);
    expect(home?.unsupported?.reason).toBe('not-a-policy');
    expect(await highlightsOf(page)).toEqual({});

    await page.click('a[data-route="privacy"]');
    expect(page.url()).toBe(server.url('/app/privacy'));
    const policy = await waitFor(async () => {
      const r = await report(browser, page);
      return r?.page.kind === 'privacy-policy' && typeof r.unplaced === 'number' ? r : null;
    }, 15_000);
    expect(policy, 'policy detected after pushState').not.toBeNull();
    expect(policy!.clauses.filter((c) => c.labels.length > 0).length).toBeGreaterThan(0);
    await waitFor(async () => Object.keys(await highlightsOf(page)).length > 0, 5_000);
    expect((await paintedTexts(page))['ai-training']?.length ?? 0).toBeGreaterThan(0);

    await page.click('a[data-route="home"]'); // replaceState
    const back = await waitFor(async () => {
      const r = await report(browser, page);
      return r?.unsupported?.reason === 'not-a-policy' ? r : null;
    }, 15_000);
    expect(back).not.toBeNull();
    expect(await highlightsOf(page)).toEqual({});
    const world = await OurWorld.attach(page, browser.extensionId);
    expect(await world.uiHosts()).toBe(0);
    await world.detach();
    await page.close();
  });

  it('an app whose home page is long (watched only once the user clicks) still analyses the policy it opens', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/app/?long'));
    // The every-page script answers for the home page: triage stopped it, and it read plenty of text.
    const home = await reportOf(browser.context, page);
    expect(home?.unsupported?.reason).toBe('not-a-policy');
    await page.click('a[data-route="privacy"]');
    const policy = await waitFor(async () => {
      const r = await report(browser, page);
      return r?.page.kind === 'privacy-policy' && typeof r.unplaced === 'number' ? r : null;
    }, 15_000);
    expect(policy, 'policy detected after a click and pushState').not.toBeNull();
    await waitFor(async () => Object.keys(await highlightsOf(page)).length > 0, 5_000);
    await page.close();
  });
});
