/**
 * Clause shapes the data guide rules out of a category whatever the model scores (data/GUIDE.md §3, settled
 * 2026-12-07). The rule families' vetoes only keep a rule from firing; the model, reading the same words
 * ("licence", "disclosed to third parties"), still scores these shapes high, so the classifier asks here
 * before it paints or lists a label. Each gate names a shape that is a different statement, not a weak one.
 * @module
 */
import type { CategoryId } from '../taxonomy';
import { contentLicense } from './content-license';

/**
 * A California "Shine the Light" right (Civil Code § 1798.83): the user may ask what was disclosed to third
 * parties for *their* direct marketing. It names a right to ask, not a disclosure (user-choice only).
 */
const SHINE_THE_LIGHT_LAW = /\b(?:Shine the Light|1798\.83|California)\b/i;
const ASK = /\b(?:request|ask|obtain|entitled to (?:receive|know)|right to (?:receive|know))\b/i;
const FOR_THEIR_MARKETING = /\bdirect marketing\b|\btheir (?:own )?marketing\b/i;
/** The company's own statement of the practice beside the right: "We do not share … for their marketing." */
const OWN_STATEMENT =
  /(?:^|[.;:]\s+|\band\s+|,\s+but\s+)we (?:(?:do not|don't|will not|won't|never|may|will|also|can)\s+)?(?:share|disclose|sell|rent)\b/i;

export function isShineTheLightRight(text: string): boolean {
  return (
    SHINE_THE_LIGHT_LAW.test(text) &&
    ASK.test(text) &&
    FOR_THEIR_MARKETING.test(text) &&
    !OWN_STATEMENT.test(text)
  );
}

/** A licence or right granted to the user, or its end ("your right to use the Website terminates"). */
const TO_THE_USER: readonly RegExp[] = [
  ...(contentLicense.vetoes ?? []),
  /\byour (?:limited |personal )?(?:licen[cs]e and |right to )(?:access|use)\b/i,
  /\bgrant(?:s|ed)? (?:to )?the (?:end )?user\b/i,
  /\b(?:licen[cs]e|right) (?:is )?(?:granted )?to (?:you|the (?:end )?user)\b/i,
];
/** The user granting rights over their content: a content licence, whatever else the sentence says. */
const USER_GRANTS =
  /\byou (?:hereby )?(?:grant|give|assign|license)\b|\bgrant(?:s|ing)? (?:to )?us\b|\b(?:your|user|member|customer)s?'? (?:content|submissions?|posts|uploads)\b|\bcontent (?:that )?you (?:post|upload|submit|share|provide|create)\b/i;

export function isLicenceToTheUser(text: string): boolean {
  return TO_THE_USER.some((re) => re.test(text)) && !USER_GRANTS.test(text);
}

/** Whether the guide rules `category` out of a clause with this text (then no label, painted or possible). */
export function gatedOut(category: CategoryId, text: string): boolean {
  switch (category) {
    case 'data-sharing':
    case 'targeted-advertising':
      return isShineTheLightRight(text);
    case 'content-license':
      return isLicenceToTheUser(text);
    default:
      return false;
  }
}
