/**
 * The AI-training shapes of data/GUIDE.md §3 and the scope rules of §4.2 (R1, R4, R5, R7, R8, R9), on
 * team-written sentences (tests/fixtures/ai-training-shapes.ts): the rule layer must find each practice and
 * give it the stance the guide decides, so a broken scope rule fails here by name.
 */
import { describe, expect, it } from 'vitest';
import { applyRules } from '../../lib/classify/rules';
import { NOT_PERMITS_SHAPES, PERMITS_SHAPES } from '../fixtures/ai-training-shapes';

const aiHit = (text: string, leadIn?: string) =>
  applyRules({ text, leadIn }).find((h) => h.category === 'ai-training');

describe('ai-training shapes the guide counts (permits)', () => {
  for (const f of PERMITS_SHAPES)
    it(f.shape, () => {
      expect(aiHit(f.text, f.leadIn)?.stance).toBe('permits');
    });
});

describe('ai-training scope: shapes that are not permits', () => {
  for (const f of NOT_PERMITS_SHAPES)
    it(`${f.shape} → ${f.stance ?? 'no label'}`, () => {
      expect(aiHit(f.text, f.leadIn)?.stance).toBe(f.stance ?? undefined);
    });
});

describe('scope rules keep their other side', () => {
  it('"including but not limited to" training is not an exclusion', () => {
    expect(
      aiHit('We use your posts for several purposes, including but not limited to training our AI models.')
        ?.stance,
    ).toBe('permits');
  });

  it('an exclusion of whose data keeps the main clause (R5)', () => {
    expect(
      aiHit('We use conversations to train our models, but not those of business customers.')?.stance,
    ).toBe('permits');
  });

  it('a denial with an exception for ordinary use is a real use (R4)', () => {
    expect(
      aiHit('We do not train our models on your chats, except the feedback you choose to send us.')?.stance,
    ).toBe('permits');
  });

  it('an open-ended exception leaves the practice unclear (R4)', () => {
    expect(
      aiHit('We will not use your messages to train our models except as permitted by applicable law.')
        ?.stance,
    ).toBe('unclear');
  });

  it('a definition that also states our practice is labelled (R7)', () => {
    expect(aiHit('"Improvement Data" means the prompts we use to train our models.')?.stance).toBe('permits');
  });

  it('third parties using the service "prohibited from" training are users under R8, not providers', () => {
    expect(
      aiHit('Visitors and other third parties are prohibited from using member photos to train AI systems.')
        ?.stance,
    ).toBe('user-prohibited');
  });

  it('staff trained on recognition systems is not model training', () => {
    expect(
      aiHit('Reviewers receive training on how to operate face recognition systems responsibly.'),
    ).toBeUndefined();
  });

  it('a user "prohibited from" training is still a user prohibition (R8)', () => {
    expect(aiHit('You are prohibited from using the content to train AI models.')?.stance).toBe(
      'user-prohibited',
    );
  });
});
