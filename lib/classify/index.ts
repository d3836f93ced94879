import type { AnalysedClause, Clause } from '../types';

// PLACEHOLDER (foundation scaffold): replaced by rules + trained model.
export function classifyClauses(clauses: Clause[]): AnalysedClause[] {
  return clauses.map((c) => ({
    ...c,
    labels: /train/i.test(c.text)
      ? [
          {
            category: 'ai-training',
            stance: 'permits',
            confidence: 0.5,
            evidence: { phrase: null, rule: null, features: [] },
          },
        ]
      : [],
    explanation: null,
    slots: { data: [], purposes: [], safeguards: [], choice: null, scope: [], default: null },
  }));
}
