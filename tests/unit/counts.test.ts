/** One number everywhere (lib/counts.ts), one date format and plural rules per language (lib/format.ts). */
import { describe, expect, it } from 'vitest';
import { compareWithTracked } from '../../lib/compare';
import { changeCounts, findingCounts } from '../../lib/counts';
import { formatterFor, pluralKey } from '../../lib/format';
import type { CategoryId } from '../../lib/classify/taxonomy';

const c = (...cats: CategoryId[]) => ({
  labels: cats.map((category) => ({ category, stance: 'permits' as const })),
});

describe('findingCounts', () => {
  it('counts a clause once per category and once in the total', () => {
    const r = findingCounts([c('data-sale', 'targeted-advertising', 'data-sale'), c('data-sale'), c()]);
    expect(r).toEqual({ byCategory: { 'data-sale': 2, 'targeted-advertising': 1 }, total: 2 });
  });

  it('counts only the categories shown, and never a possible label', () => {
    const clause = { ...c('ai-training'), possible: [{ category: 'data-sale' as const }] };
    expect(findingCounts([clause, c('data-sharing')], ['ai-training'])).toEqual({
      byCategory: { 'ai-training': 1 },
      total: 1,
    });
  });
});

describe('changeCounts', () => {
  it('counts every added, removed and reworded clause (the popup lists fewer, with the same count)', () => {
    expect(
      changeCounts({ added: [1, 2, 3] as never[], removed: [] as never[], modified: [1] as never[] }),
    ).toEqual({
      added: 3,
      removed: 0,
      modified: 1,
    });
  });
});

describe('formatterFor', () => {
  it('writes a day the same way everywhere for one language', () => {
    const day = Date.UTC(2026, 11, 6, 23, 30);
    expect(formatterFor('en-US').date(day)).toBe('Dec 6, 2026');
    expect(formatterFor('en-GB').date(day)).toBe('6 Dec 2026');
    expect(formatterFor('de').date(day)).toBe('06.12.2026');
    expect(formatterFor('not a language').date(day)).toBe(formatterFor('en').date(day));
  });

  it('picks the plural form of the language, falling back to the general key', () => {
    const has = (k: string) => ['x_one', 'x_many'].includes(k);
    expect(pluralKey('x', 1, formatterFor('en'), has)).toBe('x_one');
    expect(pluralKey('x', 0, formatterFor('en'), has)).toBe('x');
    expect(pluralKey('x', 2, formatterFor('en'), has)).toBe('x');
    expect(pluralKey('x', 0, formatterFor('fr'), has)).toBe('x_one'); // French: 0 is singular
    expect(pluralKey('x', 1_000_000, formatterFor('fr'), has)).toBe('x_many');
  });
});

describe('compare like with like', () => {
  it('sets a terms page only against other terms', () => {
    const doc = (id: string, kind: 'terms' | 'privacy-policy') => ({
      id,
      kind,
      clauses: [c('data-sharing')],
    });
    const r = compareWithTracked(doc('t0', 'terms'), [
      doc('p1', 'privacy-policy'),
      doc('p2', 'privacy-policy'),
      doc('t1', 'terms'),
    ]);
    expect(r.tracked).toBe(1);
    expect(r.categories.find((x) => x.category === 'data-sharing')?.othersPermitting).toBe(1);
  });
});
