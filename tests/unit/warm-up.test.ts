// The background's warm-up sentences (lib/classify/warm-up.ts) are only worth their time if they run every
// part of the classifier that a real policy does: every category's rule family, both stances, and clauses
// that carry no label at all.
import { describe, expect, it } from 'vitest';
import { classifyClauses } from '@/lib/classify';
import { CATEGORY_IDS } from '@/lib/classify/taxonomy';
import { warmUpClauses } from '@/lib/classify/warm-up';

describe('warmUpClauses', () => {
  const out = classifyClauses(warmUpClauses());
  const labels = out.flatMap((c) => c.labels);

  it('labels a clause in every category', () => {
    expect(new Set(labels.map((l) => l.category))).toEqual(new Set(CATEGORY_IDS));
  });

  it('fires rules, includes denials, and leaves some clauses unlabelled', () => {
    expect(labels.some((l) => l.evidence.rule !== null)).toBe(true);
    expect(labels.some((l) => l.stance === 'denies')).toBe(true);
    expect(out.some((c) => c.labels.length === 0)).toBe(true);
  });
});
