/**
 * Plain-language explanations: one per label, from the category × stance table and the slots that
 * sentence reports (./templates.ts). A clause with two labels gets two explanations, never one repeated.
 * @module
 */
import { asciiPunctuation } from '../classify/text';
import type { Label, Slots } from '../types';
import { SHAPE_SENTENCES, SLOT_SENTENCES, TEMPLATES, type Tail } from './templates';

export { extractSlots, emptySlots } from './slots';
export { hasUserControl, statesCompanyPower } from './control';
export { TEMPLATES } from './templates';

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Personal information does not include de-identified or aggregated information." */
const DEIDENTIFIED_EXCLUDED =
  /\b(?:personal (?:data|information)|personally identifiable information|PII)\b[^.;]{0,60}\b(?:does not|doesn't|do not|shall not|will not|excludes?|is not|are not)\b[^.;]{0,20}\b(?:include|cover|considered|mean|treated)?[^.;]{0,80}\b(?:de-?identified|anonymi[sz]ed|aggregated?|anonymous)\b|\b(?:de-?identified|anonymi[sz]ed|aggregated?|anonymous) (?:data|information)\b[^.;]{0,40}\b(?:is|are) not (?:considered |treated as )?personal\b/i;

/** A denial that holds only once the user acts: "If you opt out, … will not be used …". */
const CONDITION =
  /\b(?:if|once|when|after) you (opt(?:-| )?out|turn (?:it |this |them )?off|disable \w+|object|withdraw (?:your )?consent|unsubscribe)\b/i;

const NOTICE =
  /\b(?:notify|inform|tell|alert) you\b|\b(?:advance|prior) (?:written )?notice\b|\bnotice (?:of|before)\b/i;
/** "without (prior) notice", "with or without notice", "no obligation to notify you": no promise of notice. */
const NO_NOTICE =
  /\b(?:without|with or without|no)\s+(?:any\s+)?(?:advance\s+|prior\s+)?(?:written\s+)?notice\b|\b(?:not|no) (?:be )?(?:obligat\w+|required) to (?:notify|inform|tell)\b/i;

/** The data phrase for `{data}`: "your chats and files", or the category's noun. */
function dataPhrase(slots: Slots, noun: string): string {
  if (slots.data.length === 0) return noun;
  return `your ${list(slots.data.slice(0, 3)).replace(/\byour /g, '')}`;
}

function tail(kind: Tail, slots: Slots, text: string): string | null {
  switch (kind) {
    case 'default':
      return slots.default === 'on'
        ? SLOT_SENTENCES.defaultOn
        : slots.default === 'off'
          ? SLOT_SENTENCES.defaultOff
          : null;
    case 'choice':
      return slots.choice ? SLOT_SENTENCES.choice.replace('{choice}', slots.choice) : null;
    case 'safeguard':
      return slots.safeguards.length
        ? SLOT_SENTENCES.safeguards.replace('{safeguards}', list(slots.safeguards))
        : null;
    case 'scope':
      return slots.scope.length ? SLOT_SENTENCES.scope.replace('{scope}', list(slots.scope)) : null;
    case 'covered':
      return slots.scope.length ? SLOT_SENTENCES.covered.replace('{scope}', list(slots.scope)) : null;
    case 'purpose':
      return slots.purposes.length
        ? SLOT_SENTENCES.purposes.replace('{purposes}', list(slots.purposes.slice(0, 3)))
        : null;
    case 'condition': {
      const m = CONDITION.exec(text);
      return m ? SLOT_SENTENCES.condition.replace('{condition}', m[1]!.toLowerCase()) : null;
    }
    case 'notice':
      return NOTICE.test(text) && !NO_NOTICE.test(text) ? SLOT_SENTENCES.notice : null;
  }
}

/**
 * The explanation of one label of a clause: its category × stance sentence, then the tails that sentence
 * reports, each only when its slot is filled. `text` is the clause (for the shapes the table would misread).
 */
export function explainLabel(label: Pick<Label, 'category' | 'stance'>, slots: Slots, text: string): string {
  const t = asciiPunctuation(text);
  if (label.category === 'de-identification' && DEIDENTIFIED_EXCLUDED.test(t))
    return SHAPE_SENTENCES.deidentifiedExcluded;
  const template = TEMPLATES[label.category];
  if (label.category === 'user-choice' && label.stance !== 'denies' && !slots.choice)
    return SHAPE_SENTENCES.rightsWithoutControl.replace('{data}', dataPhrase(slots, template.noun));
  const sentence = template.sentences[label.stance];
  const parts = [
    sentence.text
      .replace('{data}', dataPhrase(slots, template.noun))
      .replace('{choice}', slots.choice ?? '')
      .replace(
        '{safeguards}',
        slots.safeguards.length ? list(slots.safeguards) : 'anonymised, aggregated or de-identified',
      ),
  ];
  for (const kind of sentence.tails) {
    const extra = tail(kind, slots, t);
    if (extra) parts.push(extra);
  }
  return parts.join(' ');
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
