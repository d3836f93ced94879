/**
 * `npm run screenshots`: the README's pictures, taken from the real extension in Debian Chromium through the
 * real-browser harness (tests/support/harness.ts) on a team-written fixture page. Writes docs/screenshot-*.png:
 * the card on a light and on a dark page, the popup, the history page and the options page. Needs a build
 * (`npx wxt build`) and Chromium. The test run never writes these files.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  assertBuilt,
  launchExtension,
  openPopup,
  REPO_ROOT,
  serve,
  storedVersions,
  waitFor,
  tabIdOf,
  waitForPopupReady,
} from '../tests/support/harness';
import { reportOf } from '../tests/support/inline-page';
import { highlightNames, OurWorld } from '../tests/support/our-world';

const DOCS = resolve(REPO_ROOT, 'docs');
const PATH = '/privacy';

/** Scrolls the page's AI-training clause into view, clicks it, and returns the clip around it and its card. */
async function openCard(page: Page, extensionId: string) {
  const name = (await highlightNames(page))['ai-training'];
  if (!name) throw new Error('the fixture page has no AI-training highlight');
  const box = await page.evaluate((n) => {
    const r = [...(CSS.highlights.get(n) as unknown as Set<Range>)][0]!;
    r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const b = r.getBoundingClientRect();
    return { x: b.x, y: b.y, width: b.width, height: b.height };
  }, name);
  await page.mouse.click(box.x + Math.min(40, box.width / 2), box.y + 5);
  const world = await OurWorld.attach(page, extensionId);
  const card = await world.waitForUi('[role="dialog"]', 5_000);
  await world.detach();
  if (!card) throw new Error('the card did not open');
  const x = Math.max(0, Math.min(box.x, card.box.x) - 16);
  const y = Math.max(0, Math.min(box.y, card.box.y) - 16);
  const right = Math.min(1000, Math.max(box.x + box.width, card.box.x + card.box.width) + 16);
  const bottom = Math.min(700, Math.max(box.y + box.height, card.box.y + card.box.height) + 16);
  return { x, y, width: right - x, height: bottom - y };
}

async function main(): Promise<void> {
  assertBuilt();
  mkdirSync(DOCS, { recursive: true });
  const server = await serve({ [PATH]: { fixture: 'pages/framework-policy.html' } });
  const b = await launchExtension();
  const written: string[] = [];
  const save = (file: string, png: Buffer) => {
    writeFileSync(resolve(DOCS, file), png);
    written.push(`docs/${file}`);
  };
  try {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(server.url(PATH));
    await reportOf(b.context, page);
    save('screenshot-card.png', await page.screenshot({ clip: await openCard(page, b.extensionId) }));
    await page.addStyleTag({
      content: 'html, body { background: #0d1117 !important; color: #e6edf3 !important; }',
    });
    await page.keyboard.press('Escape');
    save('screenshot-card-dark.png', await page.screenshot({ clip: await openCard(page, b.extensionId) }));

    const popup = await openPopup(b.context, b.extensionId, await tabIdOf(b.serviceWorker!, page));
    await popup.setViewportSize({ width: 420, height: 640 });
    await waitForPopupReady(popup);
    await popup.locator('[data-category]').first().waitFor();
    save('screenshot-popup.png', await popup.screenshot());

    // The visit is recorded once the page has held still (a few seconds): the history picture waits for it and
    // shows the document opened, as a user finds it.
    await waitFor(async () => (await storedVersions(b.serviceWorker!, server.url(PATH))).length > 0, 30_000);
    const history = await b.context.newPage();
    await history.setViewportSize({ width: 1000, height: 700 });
    await history.goto(`chrome-extension://${b.extensionId}/policy-history.html`);
    await history.locator('main[data-ready="true"] li[data-url] .doc-open').first().click();
    await history.locator('#detail-heading').waitFor();
    save('screenshot-history.png', await history.screenshot());

    const options = await b.context.newPage();
    await options.setViewportSize({ width: 1000, height: 700 });
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.locator('main[data-ready="true"]').waitFor();
    save('screenshot-options.png', await options.screenshot());
  } finally {
    await b.close();
    await server.close();
  }
  console.log(`wrote ${written.join(', ')}`);
}

main().catch((e: unknown) => {
  console.error(`screenshots: ${(e as Error).message}`);
  process.exitCode = 1;
});
