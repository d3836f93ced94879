/**
 * Slot values in the UI language. Slots are short English phrases (the CLI's JSON contract, stored with every
 * version); each phrase a lexicon of ./slots.ts can produce has a catalogue entry
 * `slot_<kind>_<phrase in snake case>`, so the card, the popup and the explanations show them translated.
 * A phrase with no entry (a stored version from an older lexicon) is shown as it is in English and left out
 * in any other language: no English reaches a translated UI.
 * @module
 */
import type { MessageKey, Translate } from '../i18n';
import { type RouteKind, splitRoute } from './route';

export type SlotKind = 'data' | 'purpose' | 'safeguard' | 'scope' | 'choice';

/** The catalogue key of a slot phrase: `slot_choice_turn_it_off_in_settings`. */
export function slotValueKey(kind: SlotKind, phrase: string): MessageKey {
  const slug = phrase
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return `slot_${kind}_${slug}` as MessageKey;
}

/** Whether the catalogue the browser picked is the English one (`explain_lang`). */
export function isEnglish(t: Translate): boolean {
  return t('explain_lang') === 'en';
}

/** One slot phrase in the UI language, or null when it has no entry and the UI is not English. */
export function slotText(
  kind: SlotKind,
  phrase: string,
  t: Translate,
  english = isEnglish(t),
): string | null {
  const key = slotValueKey(kind, phrase);
  const text = t(key);
  if (text !== key) return text;
  return english ? phrase : null;
}

/** Every phrase of a list slot that has words in the UI language. */
export function slotTexts(
  kind: SlotKind,
  phrases: readonly string[],
  t: Translate,
  english = isEnglish(t),
): string[] {
  return phrases.map((p) => slotText(kind, p, t, english)).filter((p): p is string => p !== null);
}

/** "a, b and c" in the UI language (`explain_list_and`). */
export function listAnd(items: readonly string[], t: Translate): string {
  if (items.length <= 1) return items.join('');
  return t('explain_list_and', [items.slice(0, -1).join(', '), items[items.length - 1]!]);
}

/** How a route follows the choice (./route.ts). */
const ROUTE_KEYS: Record<RouteKind, MessageKey> = {
  email: 'slot_choice_route_email',
  text: 'slot_choice_route_text',
  phone: 'slot_choice_route_phone',
  site: 'slot_choice_route_site',
  page: 'slot_choice_route_page',
  control: 'slot_choice_route_control',
  'email-link-contact': 'slot_choice_route_email_link_contact',
  'email-link': 'slot_choice_route_email_link',
  'email-instructions': 'slot_choice_route_email_instructions',
  'add-on': 'slot_choice_route_add_on',
  'account-contact': 'slot_choice_route_account_contact',
  account: 'slot_choice_route_account',
  tool: 'slot_choice_route_tool',
};

const OPT_OUT_OF = /^opt out of (.+)$/;
/** "choose to use the private folders", "choose not to give your phone number": quoted from the policy. */
const CHOOSE = /^choose ((?:not )?to .+)$/;

/**
 * The user's choice as an infinitive phrase in the UI language. Choices are a known phrase, "opt out of
 * <what the policy names>" or "choose to <what it names>" (kept as a quote from the policy), or two rights
 * joined by "or".
 */
export function choiceText(choice: string, t: Translate, english = isEnglish(t)): string | null {
  // "opt out by calling <number>": the choice in the UI language, the route as the page wrote it.
  const routed = splitRoute(choice);
  if (routed) {
    const base = choiceText(routed.base, t, english);
    if (base === null) return null;
    // A texted keyword and its number are two values, the joining word the UI language's own.
    const values = routed.kind === 'text' ? routed.value.split(' to ') : [routed.value];
    return t(ROUTE_KEYS[routed.kind], [base, ...values]);
  }
  const key = slotValueKey('choice', choice);
  const known = t(key);
  if (known !== key) return known;
  const object = OPT_OUT_OF.exec(choice)?.[1];
  if (object) return t('slot_choice_opt_out_of', [object]);
  const chosen = CHOOSE.exec(choice)?.[1];
  if (chosen) return t('slot_choice_choose', [chosen]);
  // "ask for deletion or have it corrected": try each " or " as the joint of two known phrases.
  for (let at = choice.indexOf(' or '); at >= 0; at = choice.indexOf(' or ', at + 1)) {
    const [a, b] = [choice.slice(0, at), choice.slice(at + 4)];
    const [ka, kb] = [slotValueKey('choice', a), slotValueKey('choice', b)];
    const [ta, tb] = [t(ka), t(kb)];
    if (ta !== ka && tb !== kb) return t('explain_list_or', [ta, tb]);
  }
  return english ? choice : null;
}

/** The action a denial waits for ("if you opt out, …"), read from the clause, as a choice phrase. */
export function conditionText(condition: string, t: Translate, english = isEnglish(t)): string | null {
  if (english) return condition;
  const phrase = /^opt/.test(condition)
    ? 'opt out'
    : /^(?:turn|disable)/.test(condition)
      ? 'turn it off'
      : /^object/.test(condition)
        ? 'object'
        : /^withdraw/.test(condition)
          ? 'withdraw consent'
          : /^unsubscribe/.test(condition)
            ? 'unsubscribe'
            : null;
  return phrase ? slotText('choice', phrase, t, false) : null;
}

/**
 * The choice a card may show for a clause: none when the clause's only word on the user's choice is that there
 * is none ("we do not respond to Do Not Track signals" is user-choice `denies`) — a "Your choice: turn on Do Not
 * Track" row under it would say the opposite.
 */
export function shownChoice<C>(
  labels: readonly { category: string; stance: string }[],
  choice: C | null,
): C | null {
  const choices = labels.filter((l) => l.category === 'user-choice');
  const noChoice = choices.length > 0 && choices.every((l) => l.stance === 'denies');
  return noChoice ? null : choice;
}
