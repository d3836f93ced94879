import { describe, expect, it } from 'vitest';
import { diffClauses, wordDiff, similarity, MODIFIED_THRESHOLD } from '../../lib/diff';
import { tokens } from '../../lib/diff/normalise';
import type { CategoryId, Stance } from '../../lib/classify/taxonomy';
import type { AnalysedClause } from '../../lib/types';
import { analysed } from '../support/clauses';

// Clauses written for this suite (not corpus text).
let n = 0;
function clause(text: string, labels: [CategoryId, Stance][] = []): AnalysedClause {
  n++;
  return analysed(n, text, labels, { id: `t${n}` });
}

const base = () => [
  clause('We collect the information you give us when you create an account.'),
  clause('We share information with service providers who process it on our behalf.', [
    ['data-sharing', 'permits'],
  ]),
  clause('You can opt out of personalised advertising in your account settings.', [
    ['user-choice', 'permits'],
  ]),
  clause('We keep your data for as long as your account is active.', [['data-retention', 'permits']]),
];

describe('diffClauses', () => {
  it('reports nothing for identical versions, or versions differing only in spacing, stamps and order', () => {
    const a = base();
    const b = [...base()].reverse();
    b[0] = clause('  We keep your  data for as long as your account is active. ', [
      ['data-retention', 'permits'],
    ]);
    b.push(clause('Last updated: 19 September 2026'));
    const d = diffClauses([clause('Last updated: 1 May 2025'), ...a], b);
    expect(d).toEqual({ changed: false, added: [], removed: [], modified: [], categories: {} });
  });

  it('finds an added AI-training clause and counts its category', () => {
    const ai = clause('We may use your content to train our artificial intelligence models.', [
      ['ai-training', 'permits'],
    ]);
    const d = diffClauses(base(), [...base(), ai]);
    expect(d.changed).toBe(true);
    expect(d.added.map((c) => c.text)).toEqual([ai.text]);
    expect(d.removed).toEqual([]);
    expect(d.modified).toEqual([]);
    expect(d.categories).toEqual({ 'ai-training': { added: 1, removed: 0 } });
  });

  it('treats an edited sentence as modified, and counts labels it gains', () => {
    const after = base();
    after[1] = clause(
      'We share information with service providers and AI partners who process it on our behalf, including to train models.',
      [
        ['data-sharing', 'permits'],
        ['ai-training', 'permits'],
      ],
    );
    const d = diffClauses(base(), after);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.modified).toHaveLength(1);
    expect(d.modified[0]!.before.text).toMatch(/^We share information with service providers who/);
    expect(d.categories).toEqual({
      'ai-training': { added: 1, removed: 0 },
      'data-sharing': { added: 0, removed: 0, modified: 1 },
    });
  });

  it('counts a removed opt-out under user-choice', () => {
    const after = base().filter((c) => !/opt out/.test(c.text));
    const d = diffClauses(base(), after);
    expect(d.removed).toHaveLength(1);
    expect(d.categories).toEqual({ 'user-choice': { added: 0, removed: 1 } });
  });

  it('does not pair unrelated sentences as modified', () => {
    const after = base();
    after[0] = clause('Disputes will be resolved by binding arbitration in Delaware.', [
      ['arbitration', 'permits'],
    ]);
    const d = diffClauses(base(), after);
    expect(d.modified).toEqual([]);
    expect(d.added).toHaveLength(1);
    expect(d.removed).toHaveLength(1);
  });

  it('handles duplicates as a multiset', () => {
    const dup = 'See the section above.';
    const d = diffClauses([clause(dup), clause(dup)], [clause(dup)]);
    expect(d.removed).toHaveLength(1);
    expect(d.added).toHaveLength(0);
  });

  it('handles empty inputs', () => {
    expect(diffClauses([], []).changed).toBe(false);
    expect(diffClauses([], base()).added).toHaveLength(4);
    expect(diffClauses(base(), []).removed).toHaveLength(4);
  });

  it('stays fast-ish and correct on a full rewrite of many clauses', () => {
    const before = Array.from({ length: 800 }, (_, i) =>
      clause(`Old clause number ${i} about topic ${i % 17}.`),
    );
    const after = Array.from({ length: 800 }, (_, i) =>
      clause(`Entirely different wording ${i} regarding item ${i * 7}.`),
    );
    const d = diffClauses(before, after);
    expect(d.added.length + d.modified.length).toBe(800);
    expect(d.removed.length + d.modified.length).toBe(800);
  });
});

describe('similarity', () => {
  it('is 1 for same token sets and 0 for disjoint ones', () => {
    expect(similarity(tokens('a b c'), tokens('C B A'))).toBe(1);
    expect(similarity(tokens('a b'), tokens('c d'))).toBe(0);
    expect(MODIFIED_THRESHOLD).toBeGreaterThan(0);
  });
});

describe('wordDiff', () => {
  it('marks inserted and deleted words and rebuilds the after text', () => {
    const before = 'We may share your data with partners.';
    const after = 'We may share and sell your data with advertising partners.';
    const marks = wordDiff(before, after);
    expect(
      marks
        .filter((m) => m.op !== 'delete')
        .map((m) => m.text)
        .join(''),
    ).toBe(after);
    expect(
      marks
        .filter((m) => m.op !== 'insert')
        .map((m) => m.text)
        .join(''),
    ).toBe(before);
    expect(marks.filter((m) => m.op === 'insert').map((m) => m.text.trim())).toEqual([
      'and sell',
      'advertising',
    ]);
    expect(marks.filter((m) => m.op === 'delete')).toEqual([]);
  });

  it('marks a deletion', () => {
    const marks = wordDiff('You can opt out at any time.', 'You can at any time.');
    expect(marks.filter((m) => m.op === 'delete').map((m) => m.text.trim())).toEqual(['opt out']);
  });

  it('handles empty sides', () => {
    expect(wordDiff('', 'new text')).toEqual([{ op: 'insert', text: 'new text' }]);
    expect(wordDiff('old', '')).toEqual([{ op: 'delete', text: 'old' }]);
    expect(wordDiff('', '')).toEqual([]);
  });
});
