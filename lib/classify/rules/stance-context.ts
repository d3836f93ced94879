/**
 * AI-training stance decided by what the sentence's own negation and condition cues miss (issue 22): a section
 * heading that states the condition ("If you turn this setting on:"), a condition that is the user allowing the
 * training itself ("… when you allow us to use your content to improve our models"), a mode denied in a relative
 * clause ("temporary chats, which are not used to improve our AI"), and a prohibition lead-in
 * written inside the sentence ("Your app must not: (a) …; (b) use requests to develop models"). Text arrives
 * in ASCII punctuation.
 * @module
 */
import type { CategoryId, Stance } from '../taxonomy';

/**
 * A heading that makes the section's practices wait for the user to turn something on or opt in (guide §2: a
 * heading is read as context; §4.2 R1/R6: a condition that is a choice about the practice, default off).
 * "If you turn this setting off:" states the opposite default and is not read here.
 */
const OPT_IN_HEADING =
  /^\W*(?:if|when|once|after) you(?: have)? (?:(?:turn(?:ed)?|switch(?:ed)?) (?:(?:this|the|that|your|these) )?(?:[\w'-]+ ){0,3}?(?:(?:setting|settings|feature|option|control|toggle)s? )?on|opt(?:ed)?[- ]?in(?: to [\w' -]{1,60})?|(?:choose|chose|decide|decided|agree|agreed) to (?:turn on|enable|share|allow)|enable[ds]? (?:(?:this|the|that) )?(?:[\w'-]+ ){0,3}?(?:setting|feature|option|control|toggle))\W*$/i;

/**
 * What under such a heading still runs whatever the default (guide R4: the feedback a user sends or a
 * conversation reported is ordinary use), or names the way out (R2: then it is on by default).
 */
const NOT_BY_THE_HEADING =
  /\bfeedback\b|\bthumbs?\b|\brat(?:e|es|ed|ing)s?\b|\breport(?:s|ed|ing)?\b|\bopt(?:s|ed|ing)?[- ]?out\b|\bturn(?:s|ed|ing)? (?:it |this |the [\w-]+ )?off\b|\bregardless\b|\beven if\b|\bwhatever\b/i;

/**
 * The user allowing the training itself, as the condition of the sentence it sits in (guide §4.2 R1: "with
 * your permission, we may use…" when the permission is asked for training): "… when you allow us to use your
 * content to improve our models". Allowing something else ("if you allow us to access your location") is the
 * use of a feature (R6), not read here: the permission must reach the training words.
 */
const ALLOW_US_TO_TRAIN =
  /\b(?:if|when|once|where|after) you(?: have)? (?:explicitly |expressly )?(?:allow(?:ed)?|permit(?:ted)?|let|authori[sz]e[ds]?|give us (?:your )?permission|gave us (?:your )?permission) (?:us |[A-Z][\w.&-]* )?to (?:use |process |share )?(?:[\w'-]+ ){0,6}?(?:to (?:help )?|for )?(?:train(?:ing)?|improv(?:e|ing) (?:our |the |its )?(?:[\w-]+ )?(?:models?|AI|algorithms?)|develop(?:ing)? (?:our |the |its )?(?:[\w-]+ )?(?:models?|AI))\b/i;

/**
 * A mode named with a non-restrictive relative clause that denies the training for it, and no training in the
 * main clause (guide R5: the exclusion of a mode alone is a denial in that scope): "You can also use temporary
 * chats, which are not used to improve our AI". With the practice in the main clause ("We train on your chats,
 * except temporary ones, which are not used") the exclusion is a slot of a permit.
 */
const TRAINING_WORD =
  /\b(?:train\w*|fine-?tun\w*|models?|AI|artificial intelligence|machine[- ]learning|algorithms?)\b/i;
const RELATIVE_DENIAL =
  /,\s*which (?:are|is|will|would)(?: never| not)(?: be)? (?:used|utili[sz]ed|processed|included) (?:to|for|in) (?:help )?(?:train\w*|fine-?tun\w*|improv\w*|develop\w*)\b/i;

function deniedForAMode(text: string): boolean {
  const m = RELATIVE_DENIAL.exec(text);
  return m !== null && !TRAINING_WORD.test(text.slice(0, m.index));
}

/** A way out named beside it makes the practice on by default (R2), the permission one trigger among others. */
const OPT_OUT = /\bopt(?:s|ed|ing)?[- ]?out\b|\bobject(?:s|ed|ion)?\b/i;

/**
 * The stance of an ai-training label once the heading and an allow-us condition are read (guide R1): a permit
 * that waits for the user's choice is a denial by default, the opt-in a slot.
 */
export function aiTrainingContextStance(
  category: CategoryId,
  stance: Stance,
  text: string,
  headingPath: readonly string[] | undefined,
): Stance {
  if (category !== 'ai-training' || stance !== 'permits') return stance;
  const heading = headingPath?.[headingPath.length - 1];
  if (heading && OPT_IN_HEADING.test(heading) && !NOT_BY_THE_HEADING.test(text)) return 'denies';
  if (ALLOW_US_TO_TRAIN.test(text) && !OPT_OUT.test(text)) return 'denies';
  if (deniedForAMode(text)) return 'denies';
  return stance;
}

/**
 * A prohibition lead-in inside the sentence, its items lettered after the colon: "Your app and its responses
 * must not: (a) …; (f) use requests to develop models" (guide §4.1: the lead-in governs its items; R8). The
 * company is never the subject of such a list. `before` is the sentence up to the match.
 */
const INLINE_PROHIBITION =
  /\b(?:must|may|shall|will|should|agrees?) not(?: to)?\s*:\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s/i;

export function inlineProhibitionLeadIn(before: string): boolean {
  const m = INLINE_PROHIBITION.exec(before);
  return m !== null && !/\bwe\b/i.test(before.slice(0, m.index));
}

/**
 * A lead-in that forbids with no subject ("The following is not permitted:", "The following activities are
 * prohibited:"): the terms forbid whoever uses the service (guide R8), and its items are those uses (§4.1).
 * Not a company's denial ("The following data is not shared:"): only permission words. Only a lead-in that ends
 * in its colon: a sentence before a paragraph ("… where use of the service is prohibited.") introduces nothing.
 */
const IMPERSONAL_PROHIBITION =
  /\b(?:is|are) (?:(?:strictly|expressly) )?(?:not (?:permitted|allowed|authori[sz]ed)|prohibited|forbidden)\s*:\s*$/i;

export function impersonalProhibitionLeadIn(leadIn: string): boolean {
  return IMPERSONAL_PROHIBITION.test(leadIn);
}
