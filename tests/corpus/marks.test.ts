/**
 * Every mark worth reading (issue 23), on the real corpus read in place. CI runs the audit on a fixed sample
 * (every 20th document of html/policy and of the English ota/ privacy policies and terms); the full audit is
 * `npm run -s audit:marks -- --json`. Detection runs over every English ota/ document rendered as a page.
 * Gates not met yet are `it.fails` with their name: they turn red the day they pass, to become plain `it`.
 */
import { beforeAll, expect, it } from 'vitest';
import { auditMarks, type MarksAudit } from '../../scripts/audit-marks';
import { measureOtaDetection, type OtaDetection } from '../../scripts/ota-detection';
import { CORPUS, describeCorpus } from '../support/corpus';

describeCorpus('marks: a fixed sample of the corpus', () => {
  let audit: MarksAudit;
  beforeAll(() => {
    audit = auditMarks(CORPUS, { every: 20 });
  }, 600_000);

  it('audits English documents and paints clauses in them', () => {
    expect(audit.documents).toBeGreaterThan(25);
    expect(audit.marked).toBeGreaterThan(500);
  });

  it('paints no label below calibrated probability 0.5 that no rule set', () => {
    expect(audit.marked_below_threshold).toBe(0);
  });

  // Holds on this sample since 2026-12-07 (sentence-long links, bracketed asides, nouns in "-ing of", label
  // lines ending in a colon); the full audit of that day had not finished when this gate was turned on.
  it('no marked clause is a non-statement (headings, links, label cells, verbless)', () => {
    expect(audit.marked_non_statements).toBe(0);
  });

  // Holds on this sample. The full audit (`npm run -s audit:marks`) found 3 on 2026-12-06, all cut after
  // initials ("F.T.", "EU.U.S."), which no longer end a sentence; a full run has not confirmed 0 yet.
  it('no marked clause in the sample is cut at an abbreviation', () => {
    expect(audit.marked_abbreviation_fragments).toBe(0);
  });
});

describeCorpus('detection: every English ota/ document rendered as a page', () => {
  let d: OtaDetection;
  beforeAll(() => {
    d = measureOtaDetection(CORPUS);
  }, 600_000);

  it('measures enough documents of each kind', () => {
    expect(d.policies).toBeGreaterThan(600);
    expect(d.others).toBeGreaterThan(150);
    console.log(
      `[detect-ota] policies ${d.policiesDetected}/${d.policies} (${(d.policiesDetected / d.policies).toFixed(3)}; ≥ 250 words ${d.policiesReadableDetected}/${d.policiesReadable}), other types called a policy ${d.othersCalledPolicy}/${d.others} (${(d.othersCalledPolicy / d.others).toFixed(3)}), cookie and contract-like documents called a policy ${d.neitherCalledPolicy}/${d.neither}`,
    );
  });

  it('privacy policies and terms detected ≥ 0.98', () => {
    expect(d.policiesDetected / d.policies).toBeGreaterThanOrEqual(0.98);
  });

  it('other document types called privacy or terms ≤ 0.05', () => {
    expect(d.othersCalledPolicy / d.others).toBeLessThanOrEqual(0.05);
  });
});
