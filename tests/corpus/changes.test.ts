/**
 * Corpus report for raw HTML snapshot series (`html/changes/<doc>/`): `earlier_snapshot → before_text_change` is
 * markup churn per the corpus manifest (a reported change is a false alarm unless the page text really differs),
 * `before_text_change → after_text_change` is a real change. Reads the corpus in place.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { analyzeDocument } from '../../lib/pipeline';
import { parseHtml } from '../../scripts/parse-html';
import { diffClauses, fingerprintClauses } from '../../lib/diff';
import { foldText } from '../../lib/diff/normalise';
import type { AnalysedClause, PageAnalysis } from '../../lib/types';
import { CORPUS, describeCorpus } from '../support/corpus';

interface Snapshot {
  analysis: PageAnalysis;
  /** The page's whole visible-ish text, folded, to check whether a reported wording exists in the raw page. */
  pageText: string;
}

function load(dir: string, suffix: string, url: string): Snapshot {
  const name = readdirSync(dir).find((f) => f.endsWith(suffix));
  if (!name) throw new Error(`no *${suffix} in ${dir}`);
  const html = readFileSync(join(dir, name), 'utf8');
  const doc = parseHtml(html);
  const analysis = analyzeDocument(doc, { url });
  for (const el of doc.querySelectorAll('script, style, noscript, template')) el.remove();
  return { analysis, pageText: foldText(doc.body?.textContent ?? '') };
}

/** A clause reported as new is backed by the raw page only if its text is absent from the other capture. */
const backedBy = (other: Snapshot) => (c: AnalysedClause) => !other.pageText.includes(foldText(c.text));

describeCorpus('corpus: HTML snapshot series (markup churn vs real change)', () => {
  const docs = readdirSync(join(CORPUS, 'html/changes')).sort();

  it('reports churn-only captures as unchanged, and any reported change is a real text difference of the page', () => {
    const rows = docs.map((doc) => {
      const dir = join(CORPUS, 'html/changes', doc);
      const url = `https://${doc.split('__')[0]!.toLowerCase()}.example/privacy`;
      const earlier = load(dir, 'earlier_snapshot.html', url);
      const before = load(dir, 'before_text_change.html', url);
      const d = diffClauses(earlier.analysis.clauses, before.analysis.clauses);
      const sameVersion =
        fingerprintClauses(earlier.analysis.clauses) === fingerprintClauses(before.analysis.clauses);
      const unbacked = [
        ...d.added.filter((c) => !backedBy(earlier)(c)),
        ...d.removed.filter((c) => !backedBy(before)(c)),
        ...d.modified.filter((m) => !backedBy(earlier)(m.after)).map((m) => m.after),
      ];
      return {
        doc,
        clauses: `${earlier.analysis.clauses.length}→${before.analysis.clauses.length}`,
        sameVersion,
        reported: d.added.length + d.removed.length + d.modified.length,
        backedByRealTextDifference: d.added.length + d.removed.length + d.modified.length - unbacked.length,
        falseAlarms: unbacked.length,
      };
    });
    console.table(rows);
    console.log(
      `[changes] churn pairs: ${rows.length}; reported as unchanged: ${rows.filter((r) => r.sameVersion).length}; ` +
        `clause changes not backed by a text difference (false alarms): ${rows.reduce((n, r) => n + r.falseAlarms, 0)}`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r.doc, r.falseAlarms])).toEqual(rows.map((r) => [r.doc, 0]));
    // A new version is only ever stored when the diff has something to show.
    for (const r of rows) expect(r.sameVersion).toBe(r.reported === 0);
  });

  it('detects the real text change of every series', () => {
    const rows = docs.map((doc) => {
      const dir = join(CORPUS, 'html/changes', doc);
      const url = `https://${doc.split('__')[0]!.toLowerCase()}.example/privacy`;
      const before = load(dir, 'before_text_change.html', url);
      const after = load(dir, 'after_text_change.html', url);
      const d = diffClauses(before.analysis.clauses, after.analysis.clauses);
      return {
        doc,
        newVersion:
          fingerprintClauses(before.analysis.clauses) !== fingerprintClauses(after.analysis.clauses),
        changed: d.changed,
        added: d.added.length,
        removed: d.removed.length,
        modified: d.modified.length,
        categories: JSON.stringify(d.categories),
      };
    });
    console.table(rows);
    expect(rows.filter((r) => !(r.newVersion && r.changed))).toEqual([]);
  });
});
