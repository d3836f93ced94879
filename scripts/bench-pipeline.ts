/**
 * Page-pipeline benchmark (Node, linkedom DOM): detection cost per page (what the content script pays on
 * every page), extraction per corpus policy, and big synthetic pages (5 MB, 10 MB).
 * Node + linkedom is slower than a browser's native DOM; the in-browser numbers are measured separately.
 *
 * Run: `npm run -s bench:pipeline` (reads the corpus in place; FINEPRINT_CORPUS overrides its location).
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectPage } from '../lib/detect';
import { extractPolicy } from '../lib/extract';
import { parseHtml } from './parse-html';
import { analyzeDocument } from '../lib/pipeline';
import { corpusAvailable, corpusDir } from './corpus';
import { medianTime, quantile } from './stats';

const URL_ = 'http://127.0.0.1/page.html';

/** A synthetic policy of about `bytes` bytes (team-written sentence, repeated with numbered sections). */
export function syntheticPolicy(bytes: number): string {
  const para =
    '<p>We may share your personal information with service providers who help us operate the Services, e.g. hosting providers, and we keep it for 30 days.</p>\n';
  const parts = [
    '<!DOCTYPE html><html lang="en"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1>',
  ];
  let size = parts[0]!.length;
  for (let n = 0; size < bytes; n++) {
    const s = (n % 40 === 0 ? `<h2>${n / 40 + 1}. Section</h2>` : '') + para;
    parts.push(s);
    size += s.length;
  }
  parts.push('</main></body></html>');
  return parts.join('');
}

function benchDetect(corpus: string): void {
  console.log('\n== detectPage, median per call (µs), Node + linkedom ==');
  for (const group of ['negative', 'hard_negative_legal_other', 'policy']) {
    const dir = join(corpus, 'html', group);
    const medians: number[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
      const doc = parseHtml(readFileSync(join(dir, f), 'utf8'));
      medians.push(medianTime(() => detectPage(doc, URL_), 30, 3) * 1000);
    }
    console.log(
      `${group.padEnd(28)} pages ${String(medians.length).padStart(3)}  median of page medians ${quantile(medians, 0.5).toFixed(0).padStart(6)} µs  p90 ${quantile(medians, 0.9).toFixed(0).padStart(6)} µs  max ${Math.max(
        ...medians,
      )
        .toFixed(0)
        .padStart(6)} µs`,
    );
  }
}

function benchExtract(corpus: string): void {
  console.log('\n== extractPolicy per corpus policy (median of 5 runs) ==');
  const dir = join(corpus, 'html', 'policy');
  const rows: number[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.html'))
    .sort()) {
    const doc = parseHtml(readFileSync(join(dir, f), 'utf8'));
    let clauses = 0;
    let note = '';
    const ms = medianTime(
      () => {
        const r = extractPolicy(doc);
        clauses = r.clauses.length;
        note = r.unsupported ? `unsupported: ${r.unsupported.reason} (${r.language})` : '';
      },
      5,
      1,
    );
    rows.push(ms);
    console.log(
      `${f.slice(0, 60).padEnd(60)} ${String(clauses).padStart(5)} clauses ${ms.toFixed(0).padStart(6)} ms ${note}`,
    );
  }
  console.log(`median ${quantile(rows, 0.5).toFixed(0)} ms, max ${Math.max(...rows).toFixed(0)} ms`);
}

function benchBig(): void {
  console.log('\n== big synthetic pages (single run each) ==');
  for (const mb of [5, 10]) {
    const html = syntheticPolicy(mb * 1024 * 1024);
    let t = performance.now();
    const doc = parseHtml(html);
    const parse = performance.now() - t;
    t = performance.now();
    detectPage(doc, URL_);
    const detect = performance.now() - t;
    t = performance.now();
    const x = extractPolicy(doc);
    const extract = performance.now() - t;
    t = performance.now();
    const a = analyzeDocument(doc, { url: URL_ });
    const analyze = performance.now() - t;
    console.log(
      `${mb} MB: parse ${parse.toFixed(0)} ms, detect ${detect.toFixed(0)} ms, extract ${extract.toFixed(0)} ms (${x.clauses.length} clauses, truncated ${!!x.truncated}, ${x.source}), detect+extract+classify ${analyze.toFixed(0)} ms (${a.clauses.length} clauses)`,
    );
  }
}

const corpus = corpusDir();
if (corpusAvailable(corpus)) {
  benchDetect(corpus);
  benchExtract(corpus);
} else {
  console.log(`corpus not found at ${corpus}: corpus benchmarks skipped`);
}
benchBig();
