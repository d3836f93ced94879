/**
 * Guide §4.4, mixed units: a sentence that denies a practice and then, after "however" or "but", states that
 * the company does it all the same ("X does not share its user profiles; however, we share certain data
 * points") permits it: the permitted part is a real use by default. A later part that only allows it when
 * the user consents or the law compels keeps the denial (R1, R4).
 * @module
 */
import { consentFirst } from '../../explain/consent-first';
import type { CategoryId } from '../taxonomy';

/** The verbs that state each category's practice with the company as subject. */
const PRACTICE_VERBS: Partial<Record<CategoryId, string>> = {
  'data-sharing': String.raw`shar(?:e|es)|disclos(?:e|es)|provid(?:e|es)|pass(?:es)?|transfer(?:s)?|make[s]? (?:\w+ ){0,4}?available|enable[s]? (?:\w+ ){0,3}?to collect`,
  'data-sale': String.raw`sell[s]?|rent[s]?`,
  'data-retention': String.raw`keep[s]?|retain[s]?|stor(?:e|es)|sav(?:e|es)|log[s]?`,
};

/** "; however," "but" and "However," opening the next sentence: where the sentence turns. */
/** The practice stated by the company at the start of a part, per category (built once). */
const STATED: Partial<Record<CategoryId, RegExp>> = Object.fromEntries(
  Object.entries(PRACTICE_VERBS).map(([category, verbs]) => [
    category,
    new RegExp(
      String.raw`^(?:we|it|they|[A-Z][\w.&-]+)\s+(?:(?:also|still|may|might|can|will|do|does|only)\s+)*(?:${verbs})\b`,
    ),
  ]),
);

const TURN = /(?:[;,]\s*|\s+|\.\s+)(?:however|but)\b,?\s*/gi;

/** A legal obligation: R4 keeps the denial. */
const OBLIGATION = /\b(?:required|compelled|obliged|obligated|legal obligations?)\b/i;

/** Whether, after a denial, the sentence turns and states the category's practice as the company's own. */
export function permittedAfterDenial(category: CategoryId, text: string): boolean {
  const stated = STATED[category];
  if (!stated) return false;
  TURN.lastIndex = 0;
  for (let m = TURN.exec(text); m; m = TURN.exec(text)) {
    const rest = text.slice(m.index + m[0].length);
    if (stated.test(rest)) {
      const part = rest.split(/[.;]/)[0]!;
      return !consentFirst(part) && !OBLIGATION.test(part);
    }
  }
  return false;
}
