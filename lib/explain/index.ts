/**
 * Plain-language explanations: one per label, from the category × stance table and the slots that
 * sentence reports (./templates.ts). A clause with two labels gets two explanations, never one repeated.
 * Written in English unless a translator is given (./render.ts).
 * @module
 */
import type { Translate } from '../i18n';
import type { Label, Slots } from '../types';
import { english } from './english';
import { explainLabelIn } from './render';

export { extractSlots, emptySlots } from './slots';
export { hasUserControl, statesCompanyPower } from './control';
export { permittedPartData } from './denied-part';
export { TEMPLATES, sentenceKey } from './templates';
export { explainClauseIn, explainLabelIn } from './render';
export { slotText, slotTexts, choiceText } from './slot-text';

/**
 * The explanation of one label of a clause: its category × stance sentence, then the tails that sentence
 * reports, each only when its slot is filled. `text` is the clause (for the shapes the table would misread).
 * `t` picks the language (a `_locales` catalogue); English when omitted.
 */
export function explainLabel(
  label: Pick<Label, 'category' | 'stance'>,
  slots: Slots,
  text: string,
  t: Translate = english,
): string {
  return explainLabelIn(label, slots, text, t);
}

/**
 * The clause-level explanation (the JSON contract's `explanation`): the strongest label's. Null when the
 * clause has no label.
 */
export function explain(labels: readonly Label[], slots: Slots, text = ''): string | null {
  const top = labels[0];
  if (!top) return null;
  return top.explanation ?? explainLabel(top, slots, text);
}
