/**
 * Policy-history benchmark (Node): fingerprint and clause diff on every consecutive corpus version pair, a
 * synthetic full rewrite (worst case for alignment), and storing a large version through the real store code on
 * fake-indexeddb. Targets are for the background's work per page visit; they are reported, not enforced, because
 * shared CI machines are noisy.
 *
 * Run: `npx tsx scripts/bench-history.ts` (also part of `npm run bench`; FINEPRINT_CORPUS overrides the corpus).
 * @module
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffClauses, fingerprintClauses } from '../lib/diff';
import { analyzeText } from '../lib/pipeline';
import { observePage, openHistoryDB } from '../lib/store';
import { DEFAULT_SETTINGS } from '../lib/settings';
import type { AnalysedClause } from '../lib/types';
import { corpusAvailable, corpusDir } from './corpus';
import { medianTime, quantile } from './stats';

const TARGET_DIFF_P95_MS = 50;
const TARGET_FINGERPRINT_P95_MS = 20;
const TARGET_STORE_MS = 150;

const verdict = (value: number, target: number) => (value <= target ? 'target met' : 'TARGET MISSED');

function corpusPairs(corpus: string): { name: string; a: AnalysedClause[]; b: AnalysedClause[] }[] {
  const pairs: { name: string; a: AnalysedClause[]; b: AnalysedClause[] }[] = [];
  for (const doc of readdirSync(join(corpus, 'versions')).sort()) {
    const files = readdirSync(join(corpus, 'versions', doc))
      .filter((f) => f.endsWith('.md'))
      .sort();
    const analysed = files.map(
      (f) =>
        analyzeText(readFileSync(join(corpus, 'versions', doc, f), 'utf8'), { format: 'markdown' }).clauses,
    );
    for (let i = 1; i < analysed.length; i++) {
      pairs.push({
        name: `${doc} ${files[i - 1]!.slice(0, 10)}→${files[i]!.slice(0, 10)}`,
        a: analysed[i - 1]!,
        b: analysed[i]!,
      });
    }
  }
  return pairs;
}

function synthetic(n: number, seed: string): AnalysedClause[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${seed}${i}`,
    text: `${seed} clause ${i} about data item ${i % 97} shared with partner ${i % 13} for purpose ${i % 7}.`,
    section: '',
    headingPath: [],
    block: i,
    unit: 'sentence' as const,
    labels: [],
    explanation: null,
    slots: { data: [], purposes: [], safeguards: [], choice: null, scope: [], default: null },
  }));
}

async function main(): Promise<void> {
  const corpus = corpusDir();
  let largest: AnalysedClause[] = synthetic(1500, 'Synthetic');
  if (corpusAvailable(corpus)) {
    const pairs = corpusPairs(corpus);
    const diffMs: number[] = [];
    const fpMs: number[] = [];
    for (const p of pairs) {
      diffMs.push(medianTime(() => diffClauses(p.a, p.b), 5, 1));
      fpMs.push(medianTime(() => fingerprintClauses(p.b), 5, 1));
      if (p.b.length > largest.length) largest = p.b;
    }
    console.log(`\n== corpus version pairs: ${pairs.length} (median of 5 runs each) ==`);
    const d95 = quantile(diffMs, 0.95);
    const f95 = quantile(fpMs, 0.95);
    console.log(
      `diffClauses   median ${quantile(diffMs, 0.5).toFixed(1)} ms  p95 ${d95.toFixed(1)} ms  max ${Math.max(...diffMs).toFixed(1)} ms  (target p95 ≤ ${TARGET_DIFF_P95_MS} ms: ${verdict(d95, TARGET_DIFF_P95_MS)})`,
    );
    console.log(
      `fingerprint   median ${quantile(fpMs, 0.5).toFixed(1)} ms  p95 ${f95.toFixed(1)} ms  max ${Math.max(...fpMs).toFixed(1)} ms  (target p95 ≤ ${TARGET_FINGERPRINT_P95_MS} ms: ${verdict(f95, TARGET_FINGERPRINT_P95_MS)})`,
    );
  } else {
    console.log(`corpus not found at ${corpus}: corpus pairs skipped`);
  }

  console.log('\n== synthetic full rewrite (every clause differs) ==');
  for (const n of [500, 1500, 3000]) {
    const ms = medianTime(() => diffClauses(synthetic(n, 'Old'), synthetic(n, 'New')), 3, 1);
    console.log(`${n} vs ${n} clauses: ${ms.toFixed(0)} ms`);
  }

  console.log(`\n== store: observePage on fake-indexeddb, ${largest.length}-clause version ==`);
  const db = await openHistoryDB(new IDBFactory(), 'bench');
  const page = (clauses: AnalysedClause[]) => ({
    url: 'https://example.com/privacy',
    page: { kind: 'privacy-policy' as const, confidence: 1, language: 'en', title: 'Bench' },
    clauses,
  });
  const opts = (now: number) => ({ now, source: 'visit' as const, notify: DEFAULT_SETTINGS.notifications });
  let t = performance.now();
  await observePage(db, page(largest), opts(1));
  const first = performance.now() - t;
  t = performance.now();
  await observePage(db, page(largest), opts(2));
  const same = performance.now() - t;
  const changed = [...largest.slice(0, -5), ...synthetic(5, 'Changed')];
  t = performance.now();
  await observePage(db, page(changed), opts(3));
  const withDiff = performance.now() - t;
  console.log(
    `first visit ${first.toFixed(0)} ms, unchanged revisit ${same.toFixed(0)} ms, changed (store + diff) ${withDiff.toFixed(0)} ms  (target ≤ ${TARGET_STORE_MS} ms: ${verdict(Math.max(first, same, withDiff), TARGET_STORE_MS)})`,
  );
  console.log("(fake-indexeddb in Node; the browser's IndexedDB has different costs)");
}

await main();
