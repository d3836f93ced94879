// The compact classification reply and the preview split (lib/clause-analyses.ts). Team-written clauses.
import { describe, expect, it } from 'vitest';
import { classifyClauses } from '@/lib/classify';
import {
  analysesOf,
  PREVIEW_MAX_CLAUSES,
  PREVIEW_MIN_TOTAL,
  PREVIEW_WORDS,
  previewClauses,
  withAnalyses,
} from '@/lib/clause-analyses';
import type { Clause } from '@/lib/types';

const clause = (i: number, text: string): Clause => ({
  id: `c${i}`,
  text,
  section: 'How we use data',
  headingPath: ['How we use data'],
  block: i,
  unit: 'sentence',
});

const TEXTS = [
  'We may use the content you share to train our artificial intelligence models.',
  'Contact our support team if you have questions about this policy.',
  'We do not sell your personal information.',
  'The service is available in several countries.',
  'We keep your messages for 30 days after you delete your account.',
];

describe('analysesOf / withAnalyses', () => {
  it('sends only labelled clauses and rebuilds exactly what the classifier returned', () => {
    const clauses = TEXTS.map((t, i) => clause(i, t));
    const full = classifyClauses(clauses);
    const sent = analysesOf(full);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(clauses.length);
    expect(sent.every((a) => a.labels.length > 0)).toBe(true);
    // Through JSON, as the message channel carries it.
    const rebuilt = withAnalyses(clauses, JSON.parse(JSON.stringify(sent)) as typeof sent);
    expect(rebuilt).toEqual(full);
  });

  it('ignores analyses of clauses it does not hold', () => {
    const clauses = [clause(0, TEXTS[1]!)];
    const rebuilt = withAnalyses(clauses, [
      { id: 'elsewhere', labels: [], explanation: 'x', slots: classifyClauses(clauses)[0]!.slots },
    ]);
    expect(rebuilt).toEqual(classifyClauses(clauses));
  });
});

describe('previewClauses', () => {
  const page = (n: number, words: number) =>
    Array.from({ length: n }, (_, i) => clause(i, Array.from({ length: words }, () => 'word').join(' ')));

  it('is empty on pages short enough to classify in one go', () => {
    expect(previewClauses(page(PREVIEW_MIN_TOTAL - 1, 20))).toEqual([]);
  });

  it('takes the first clauses in document order up to the word budget', () => {
    const clauses = page(400, 30);
    const preview = previewClauses(clauses);
    expect(preview).toEqual(clauses.slice(0, preview.length));
    const words = preview.length * 30;
    expect(words).toBeGreaterThanOrEqual(PREVIEW_WORDS);
    expect(words - 30).toBeLessThan(PREVIEW_WORDS);
  });

  it('never takes more than the clause cap, however short the clauses', () => {
    expect(previewClauses(page(400, 2))).toHaveLength(PREVIEW_MAX_CLAUSES);
  });
});
