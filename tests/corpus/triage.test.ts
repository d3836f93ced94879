/**
 * Triage recall over the whole corpus: every page the full detector calls a policy or terms page, at the
 * neutral URL (no help from the address), must be let through by the cheap first look. Also prints how many
 * non-policy pages triage stops on its own (the pages where the content script does almost nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { detectPage } from '../../lib/detect';
import { triagePage } from '../../lib/detect/triage';
import { parseHtml } from '../../scripts/parse-html';
import { CORPUS, describeCorpus } from '../support/corpus';

const NEUTRAL_URL = 'http://127.0.0.1/page.html';

function pages(): string[] {
  const html = join(CORPUS, 'html');
  const out: string[] = [];
  for (const group of ['policy', 'negative', 'hard_negative_legal_other'])
    for (const f of readdirSync(join(html, group)).filter((n) => n.endsWith('.html')))
      out.push(join(html, group, f));
  for (const doc of readdirSync(join(html, 'changes')))
    for (const f of readdirSync(join(html, 'changes', doc)).filter((n) => n.endsWith('.html')))
      out.push(join(html, 'changes', doc, f));
  return out.sort();
}

describeCorpus('triage: corpus recall', () => {
  it('lets through every page the full detector calls a policy; stops most news pages', () => {
    const dropped: string[] = [];
    let policies = 0;
    let others = 0;
    let othersStopped = 0;
    let newsStopped = 0;
    let news = 0;
    for (const file of pages()) {
      const doc = parseHtml(readFileSync(file, 'utf8'));
      const kind = detectPage(doc, NEUTRAL_URL).kind;
      const verdict = triagePage(doc, NEUTRAL_URL);
      if (kind === 'privacy-policy' || kind === 'terms') {
        policies++;
        if (!verdict.inspect) dropped.push(file.slice(CORPUS.length));
      } else {
        others++;
        if (!verdict.inspect) othersStopped++;
        if (file.includes('/negative/')) {
          news++;
          if (!verdict.inspect) newsStopped++;
        }
      }
    }
    console.log(
      `triage: ${policies - dropped.length}/${policies} detected policies let through; ` +
        `${othersStopped}/${others} other pages stopped at triage (${newsStopped}/${news} news pages)`,
    );
    expect(policies).toBeGreaterThan(40);
    expect(dropped).toEqual([]);
    // Most news pages must end at triage, or triage saves nothing. Let through today (2 of 18, CNET and the New
    // York Times), rightly: both carry sign-up forms whose labels ask to agree to terms (checkout candidates); the
    // full detector then calls both "other".
    expect(newsStopped / news).toBeGreaterThanOrEqual(0.8);
  });
});
