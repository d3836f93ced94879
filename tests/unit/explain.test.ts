/** Explanation templates: one table, category × stance, plus slots. */
import { describe, expect, it } from 'vitest';
import { explain, TEMPLATES } from '../../lib/explain';
import { emptySlots } from '../../lib/explain/slots';
import { CATEGORY_IDS, STANCES, type CategoryId, type Stance } from '../../lib/classify/taxonomy';
import type { Label, Slots } from '../../lib/types';

const label = (category: CategoryId, stance: Stance): Label => ({
  category,
  stance,
  confidence: 0.9,
  evidence: { phrase: null, rule: null, features: [] },
});

describe('explain', () => {
  it('the issue example: training on chats, on by default, opt-out in settings, not for Enterprise/API', () => {
    const slots: Slots = {
      ...emptySlots(),
      data: ['chats'],
      default: 'on',
      choice: 'turn it off in settings',
      scope: ['Enterprise', 'API'],
    };
    expect(explain([label('ai-training', 'permits')], slots)).toBe(
      "This says your chats may be used to train AI models. It's on by default; you can turn it off in settings. Not applied to Enterprise and API.",
    );
  });

  it('a denial reads as a reassurance', () => {
    expect(explain([label('ai-training', 'denies')], emptySlots())).toBe(
      'This says they do NOT use your content or data to train AI models.',
    );
  });

  it('a user-side prohibition starts with "You are not allowed"', () => {
    expect(explain([label('ai-training', 'user-prohibited')], emptySlots())).toMatch(/^You are not allowed/);
  });

  it('has a sentence for every category and stance, and fills {data}', () => {
    for (const c of CATEGORY_IDS)
      for (const s of STANCES) {
        const text = explain([label(c, s)], { ...emptySlots(), data: ['photos and videos'] })!;
        expect(text.length).toBeGreaterThan(20);
        expect(text).not.toContain('{');
        expect(TEMPLATES[c].sentences[s]).toBeTruthy();
      }
  });

  it('speaks about the first label; none gives null', () => {
    expect(explain([], emptySlots())).toBeNull();
    expect(explain([label('data-sale', 'denies'), label('data-sharing', 'permits')], emptySlots())).toMatch(
      /do NOT sell/,
    );
  });

  it('adds the off-by-default tail and safeguards', () => {
    const text = explain([label('ai-training', 'permits')], {
      ...emptySlots(),
      default: 'off',
      safeguards: ['de-identified'],
    });
    expect(text).toContain("It's off unless you opt in.");
    expect(text).toContain('They say the data is de-identified.');
  });
});
