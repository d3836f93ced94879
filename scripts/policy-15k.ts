/**
 * The 15,000-word policy page of the browser benchmarks (`npm run bench`, `npm run bench:phases`): the Node
 * classifier benchmark's corpus sentences, read in place, served as a page — a title, an h1, a heading every 60
 * sentences and five sentences per paragraph. Built in memory at run time; nothing of it is written to the
 * repository.
 * @module
 */
import { benchPolicy } from './bench-classifier';

/** Path the benchmarks serve the page at. */
export const POLICY_15K_PATH = '/policy-15k';

let html: string | null = null;

/** The page's HTML, built once: the server and the word count both read it, and it reads the corpus. */
export function policyPage15k(): string {
  if (html !== null) return html;
  const { clauses } = benchPolicy();
  const esc = (t: string) =>
    t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy Policy</title>'];
  parts.push('</head><body><main><h1>Privacy Policy</h1>');
  for (let i = 0; i < clauses.length; i += 5) {
    if (i % 60 === 0) parts.push(`<h2>Part ${i / 60 + 1}</h2>`);
    parts.push(
      `<p>${clauses
        .slice(i, i + 5)
        .map((c) => esc(c.text))
        .join(' ')}</p>`,
    );
  }
  parts.push('</main></body></html>');
  html = parts.join('\n');
  return html;
}
