/**
 * Plain-language explanation of a labelled clause, from the template table and its slots.
 * @module
 */
import type { Label, Slots } from '../types';
import { SLOT_SENTENCES, TEMPLATES } from './templates';

export { extractSlots, emptySlots } from './slots';
export { TEMPLATES } from './templates';

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One or two sentences for the clause's strongest label, e.g. "This says your chats may be used to train AI
 * models. It's on by default; you can turn it off in settings. Not applied to Enterprise and API."
 * Returns null when the clause has no label.
 */
export function explain(labels: readonly Label[], slots: Slots): string | null {
  const top = labels[0];
  if (!top) return null;
  const template = TEMPLATES[top.category];
  const data =
    slots.data.length > 0 ? `your ${list(slots.data.slice(0, 3)).replace(/\byour /g, '')}` : template.noun;
  let text = template.sentences[top.stance].replace('{data}', data);
  if (top.stance === 'permits' || top.stance === 'unclear') {
    const parts: string[] = [];
    if (slots.default === 'on') parts.push(SLOT_SENTENCES.defaultOn);
    else if (slots.default === 'off') parts.push(SLOT_SENTENCES.defaultOff);
    if (slots.choice && top.category !== 'user-choice')
      parts.push(SLOT_SENTENCES.choice.replace('{choice}', slots.choice));
    if (parts.length > 0) {
      const joined = parts.join('; ');
      text += ` ${joined.charAt(0).toUpperCase()}${joined.slice(1)}.`;
    }
    if (slots.safeguards.length > 0)
      text += ` ${SLOT_SENTENCES.safeguards.replace('{safeguards}', list(slots.safeguards))}`;
    // For a denial the named products are what is denied, not exclusions from a practice.
    if (slots.scope.length > 0) text += ` ${SLOT_SENTENCES.scope.replace('{scope}', list(slots.scope))}`;
  }
  return text;
}
