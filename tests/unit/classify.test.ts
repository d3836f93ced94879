/** The classifyClauses contract (lib/types.ts): shape, order, headings, odd input. Team-written text. */
import { describe, expect, it } from 'vitest';
import { classifyClauses } from '../../lib/classify';
import { classifyWith } from '../../lib/classify/classifier';
import type { Clause } from '../../lib/types';
import { sentence } from '../support/clauses';

const clause = (text: string, extra: Partial<Clause> = {}) =>
  sentence(text, { id: `c${text.length}`, ...extra });

describe('classifyClauses', () => {
  it('returns one analysed clause per input, same order and ids, with slots and explanation', () => {
    const input = [
      clause('We may use your posts and photos to train our artificial intelligence models.'),
      clause('Contact us by post.'),
      clause('We do not sell your personal information.'),
    ];
    const out = classifyClauses(input);
    expect(out.map((c) => c.id)).toEqual(input.map((c) => c.id));
    expect(out[0]!.labels[0]).toMatchObject({ category: 'ai-training', stance: 'permits' });
    expect(out[0]!.explanation).toMatch(/train AI models/);
    expect(out[1]!.labels).toEqual([]);
    expect(out[1]!.explanation).toBeNull();
    expect(out[1]!.slots).toEqual({
      data: [],
      purposes: [],
      safeguards: [],
      choice: null,
      scope: [],
      default: null,
    });
    expect(out[2]!.labels.find((l) => l.category === 'data-sale')?.stance).toBe('denies');
  });

  it('labels carry confidence in [0, 1] and verbatim evidence', () => {
    const text = 'We share your information with advertising partners and service providers.';
    const [c] = classifyClauses([clause(text)]);
    expect(c!.labels.length).toBeGreaterThan(0);
    for (const l of c!.labels) {
      expect(l.confidence).toBeGreaterThanOrEqual(0);
      expect(l.confidence).toBeLessThanOrEqual(1);
      if (l.evidence.phrase) expect(text).toContain(l.evidence.phrase);
    }
  });

  it('orders labels by importance (AI training before sharing)', () => {
    const [c] = classifyClauses([
      clause('We share your content with partners, who may use it to train their own AI models.'),
    ]);
    expect(c!.labels[0]!.category).toBe('ai-training');
  });

  it('headings are context, never labelled', () => {
    const [c] = classifyClauses([clause('How we use your data to train AI models', { unit: 'heading' })]);
    expect(c!.labels).toEqual([]);
  });

  it('empty input, empty text, very long and odd text do not throw', () => {
    expect(classifyClauses([])).toEqual([]);
    expect(classifyClauses([clause('')])[0]!.labels).toEqual([]);
    const long = 'We may share your data with our partners. '.repeat(5000);
    expect(() => classifyClauses([clause(long)])).not.toThrow();
    expect(() => classifyClauses([clause('\u0000\uFFFF (((( ]]]] ""')])).not.toThrow();
  });

  it('without a model, strong rules still label (the fallback when the model cannot load)', () => {
    const [c] = classifyWith(
      [clause('You grant us a worldwide, royalty-free licence to host your photos.')],
      null,
    );
    expect(c!.labels[0]).toMatchObject({ category: 'content-license', stance: 'permits', confidence: 0.7 });
  });
});
