/**
 * The ai-training practice gate (lib/classify/practice-gate.ts, data/GUIDE.md §3 and §4.2 R11) through the
 * runtime path with the bundled model: team-written descriptions of how models are made, a company describing
 * itself, training as a business service and liability scope get no ai-training `permits`, while the same
 * words with the data or the user named keep it (tests/fixtures/no-practice-shapes.ts).
 */
import { describe, expect, it } from 'vitest';
import { bundledModel } from '../../lib/classify';
import { labelClause } from '../../lib/classify/classifier';
import { statesNoTrainingPractice } from '../../lib/classify/practice-gate';
import type { Clause } from '../../lib/types';
import { NO_MODEL_NAMED, NO_PRACTICE_SHAPES, STILL_PRACTICE_SHAPES } from '../fixtures/no-practice-shapes';

const model = bundledModel();
const aiLabel = (text: string, leadIn?: string) => {
  const clause: Clause = { id: 'c', text, leadIn, section: '', headingPath: [], block: 0, unit: 'sentence' };
  return labelClause(clause, model).find((l) => l.category === 'ai-training');
};

describe('no ai-training practice in these shapes', () => {
  for (const f of NO_PRACTICE_SHAPES)
    it(f.shape, () => {
      expect(aiLabel(f.text, f.leadIn)).toBeUndefined();
    });
  for (const text of NO_MODEL_NAMED)
    it(`no model named: ${text}`, () => {
      expect(statesNoTrainingPractice(text)).toBe(true);
    });
});

describe('the gate keeps the practice when data or the user is named', () => {
  for (const f of STILL_PRACTICE_SHAPES)
    it(f.shape, () => {
      expect(aiLabel(f.text, f.leadIn)?.stance).toBe('permits');
      expect(statesNoTrainingPractice(f.text, f.leadIn)).toBe(false);
    });

  it('a denial in a description is kept (a reassurance, not a practice)', () => {
    expect(aiLabel('We never use what you type to train our models.')?.stance).toBe('denies');
  });
});
