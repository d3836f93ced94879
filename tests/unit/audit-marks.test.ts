/** The marks audit's independent view of what is no statement, on team-written sources. */
import { describe, expect, it } from 'vitest';
import { auditAnalysis } from '../../scripts/audit-marks';
import type { AnalysedClause, PageAnalysis } from '../../lib/types';

const painted = (text: string, block: number): AnalysedClause =>
  ({
    id: `c${block}`,
    text,
    unit: 'cell',
    block,
    headingPath: [],
    labels: [
      {
        category: 'targeted-advertising',
        stance: 'permits',
        confidence: 0.9,
        evidence: { phrase: null, rule: null, features: [] },
      },
    ],
    explanation: null,
    slots: { data: [], purposes: [], safeguards: [], choice: null, scope: [], default: null },
  }) as unknown as AnalysedClause;

const analysis = (clauses: AnalysedClause[]): PageAnalysis => ({
  page: { kind: 'privacy-policy', confidence: 1, language: 'en', title: 'T' },
  clauses,
});

describe('auditAnalysis', () => {
  it('counts a painted header row read whole as no statement (Markdown bold row, HTML row of th)', () => {
    const md = `| | |\n| --- | --- |\n| **Goal** | **Partners told** |\n| Ads | We tell ad networks which pages you read. |\n`;
    const a = auditAnalysis(
      analysis([
        painted('Goal | Partners told', 0),
        painted('Ads | We tell ad networks which pages you read.', 1),
      ]),
      md,
      'markdown',
    );
    expect(a.nonStatements).toEqual(['markup: Goal | Partners told']);
    const html = `<table><tr><th>Goal</th><th>Partners told</th></tr><tr><td>Ads</td><td>We tell ad networks which pages you read.</td></tr></table>`;
    const b = auditAnalysis(analysis([painted('Goal | Partners told', 0)]), html, 'html');
    expect(b.nonStatements).toEqual(['markup: Goal | Partners told']);
  });
});
