import { describe, expect, it } from 'vitest';
import { compareWithTracked, positionOf, type ComparableDocument } from '@/lib/compare';
import type { CategoryId, Stance } from '@/lib/classify/taxonomy';

// Hand-built documents (no corpus text): each clause is just labels + an optional choice.
const clause = (
  category: CategoryId,
  stance: Stance,
  choice: string | null = null,
  extra: CategoryId[] = [],
) => ({
  labels: [{ category, stance }, ...extra.map((c) => ({ category: c, stance: 'permits' as const }))],
  slots: { choice },
});
const doc = (id: string, clauses: ReturnType<typeof clause>[]): ComparableDocument => ({ id, clauses });

describe('positionOf', () => {
  it('permits with a choice stated in the same clause', () => {
    expect(positionOf([clause('ai-training', 'permits', 'opt out in settings')], 'ai-training')).toEqual({
      permits: true,
      deniesOnly: false,
      hasChoice: true,
    });
  });
  it('counts a co-labelled user-choice clause as a choice', () => {
    expect(
      positionOf([clause('ai-training', 'permits', null, ['user-choice'])], 'ai-training').hasChoice,
    ).toBe(true);
  });
  it('a denial next to a permission is not "denies only"', () => {
    const p = positionOf([clause('data-sale', 'denies'), clause('data-sale', 'unclear')], 'data-sale');
    expect(p).toEqual({ permits: true, deniesOnly: false, hasChoice: false });
  });
  it('a choice in a denying clause does not count', () => {
    expect(positionOf([clause('data-sale', 'denies', 'opt out')], 'data-sale')).toEqual({
      permits: false,
      deniesOnly: true,
      hasChoice: false,
    });
  });
});

describe('compareWithTracked', () => {
  const current = doc('https://a.example/privacy', [
    clause('ai-training', 'permits'),
    clause('data-sale', 'denies'),
  ]);
  const others = [
    doc('https://b.example/privacy', [clause('ai-training', 'permits', 'toggle in settings')]),
    doc('https://c.example/privacy', [clause('ai-training', 'permits', 'email us')]),
    doc('https://d.example/privacy', [clause('ai-training', 'permits')]),
    doc('https://e.example/privacy', [clause('ai-training', 'denies'), clause('data-sale', 'permits')]),
    doc('https://f.example/terms', [clause('arbitration', 'permits')]),
    // The current document itself and a duplicate must not be counted.
    doc('https://a.example/privacy', [clause('ai-training', 'permits', 'x')]),
    doc('https://b.example/privacy', [clause('ai-training', 'permits', 'x')]),
  ];
  const result = compareWithTracked(current, others);

  it('counts distinct other tracked documents', () => expect(result.tracked).toBe(5));

  it('reports "AI training: 3 of 5, this one has no opt-out, 2 of them do, 1 says it does not"', () => {
    expect(result.categories.find((c) => c.category === 'ai-training')).toEqual({
      category: 'ai-training',
      current: { permits: true, deniesOnly: false, hasChoice: false },
      othersPermitting: 3,
      othersPermittingWithChoice: 2,
      othersDenying: 1,
    });
  });

  it('includes categories only others mention, and orders by weight', () => {
    const ids = result.categories.map((c) => c.category);
    expect(ids).toContain('arbitration');
    expect(ids).not.toContain('data-retention');
    expect(ids.indexOf('ai-training')).toBeLessThan(ids.indexOf('arbitration'));
    expect(result.categories.find((c) => c.category === 'data-sale')?.current.deniesOnly).toBe(true);
  });

  it('works with nothing else stored', () => {
    const alone = compareWithTracked(current, []);
    expect(alone.tracked).toBe(0);
    expect(alone.categories.every((c) => c.othersPermitting === 0)).toBe(true);
  });
});
