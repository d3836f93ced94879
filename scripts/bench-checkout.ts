/**
 * Checkout and comparison benchmark (Node, linkedom DOM): `analyzeCheckout` on our checkout fixtures and on
 * corpus policy pages (what a checkout-looking page costs the content script), and `compareWithTracked`
 * over a large synthetic history (what the popup's comparison costs the background).
 * Node + linkedom is slower than a browser's native DOM, so these are upper bounds.
 *
 * Run: `npx tsx scripts/bench-checkout.ts` (part of `npm run bench`).
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeCheckout } from '../lib/checkout/analyze-checkout';
import { CATEGORY_IDS, STANCES } from '../lib/classify/taxonomy';
import { compareWithTracked, type ComparableDocument } from '../lib/compare';
import { parseHtml } from './parse-html';
import { corpusAvailable, corpusDir } from './corpus';
import { medianTime, quantile } from './stats';

const fixtures = resolve(import.meta.dirname, '../tests/fixtures/checkout');
for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.html'))) {
  const html = readFileSync(join(fixtures, name), 'utf8').replaceAll(
    '{{PROVIDER_ORIGIN}}',
    'https://www.klarna.com',
  );
  const doc = parseHtml(html);
  const ms = medianTime(() => analyzeCheckout(doc, 'https://shop.example/checkout'), 50, 3);
  console.log(`analyzeCheckout ${name}: ${ms.toFixed(2)} ms (median of 50)`);
}

const corpus = corpusDir();
if (corpusAvailable(corpus)) {
  const dir = join(corpus, 'html/policy');
  const times: number[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const doc = parseHtml(readFileSync(join(dir, name), 'utf8'));
    times.push(medianTime(() => analyzeCheckout(doc, 'https://example.com/privacy'), 5, 1));
  }
  console.log(
    `analyzeCheckout on ${times.length} corpus policy pages: median ${quantile(times, 0.5).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
  );
} else {
  console.log(`corpus not found at ${corpus}: corpus part skipped`);
}

// A synthetic history: 1,000 documents × 200 labelled clauses (random but seeded categories and stances).
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const makeDoc = (i: number): ComparableDocument => ({
  id: `https://site${i}.example/privacy`,
  clauses: Array.from({ length: 200 }, () => ({
    labels: [
      {
        category: CATEGORY_IDS[Math.floor(rand() * CATEGORY_IDS.length)]!,
        stance: STANCES[Math.floor(rand() * STANCES.length)]!,
      },
    ],
    slots: { choice: rand() < 0.2 ? 'opt out in settings' : null },
  })),
});
const history = Array.from({ length: 1000 }, (_, i) => makeDoc(i));
const current = makeDoc(-1);
const ms = medianTime(() => compareWithTracked(current, history), 10, 3);
console.log(`compareWithTracked vs 1000 documents × 200 clauses: ${ms.toFixed(1)} ms (median of 10)`);
