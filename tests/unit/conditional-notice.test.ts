/**
 * Notice of changes the clause does not promise (the sixth explanation check, issue 23): the card must not say
 * "they will tell you about changes" when the notice comes only where the law requires it, is one measure among
 * others, or is left to the company. Team-written sentences.
 */
import { describe, expect, it } from 'vitest';
import { explainLabel } from '../../lib/explain';
import { emptySlots } from '../../lib/explain/slots';

const change = { category: 'unilateral-change', stance: 'permits' } as const;
const card = (text: string) => explainLabel(change, emptySlots(), text);

describe('conditional notice of changes', () => {
  it.each([
    'When we update this policy, we will, where required by applicable law, notify you, ask for your consent and/or take other steps.',
    'We will notify you of material changes to these Terms as required by law.',
    'We may notify you of changes to this policy by e-mail.',
  ])('promises nothing: %s', (text) => {
    expect(card(text)).toBe('They can change these terms or this policy on their own.');
  });

  it.each([
    'We will notify you of any changes to this policy by e-mail.',
    // The law's condition belongs to the other steps, not to the notice.
    'If we make material changes, we will notify you and take any further steps as required by law.',
  ])('a plain promise still says so: %s', (text) => {
    expect(card(text)).toMatch(/They say they will tell you about changes\.$/);
  });
});
