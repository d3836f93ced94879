/**
 * Whose move is it? A clause describes a choice of the user only when the user has a control: a modal or a
 * right with the user as its subject ("you can opt out", "you have the right to object"), a named control
 * (settings, an unsubscribe link, "Do Not Sell", a device permission, unfollowing a page, a complaint to a
 * regulator), or a list item finishing a lead-in that states one ("You may have the right to:"). The
 * company's own powers — "we may remove your content", "we delete your documents after you close your
 * account", "we may suspend your account", "we reserve the right to delete inactive accounts" — are never the
 * user's choice, even when "you" appears in them.
 * @module
 */
import { asciiPunctuation } from '../ascii-punctuation';

/** The user as the subject of a modal, a right or a choice verb. */
const USER_MODAL =
  /\b(?:you|users?|members?|customers?|consumers?|individuals?|data subjects?|residents?)\s+(?:also\s+|may\s+also\s+|can\s+also\s+)?(?:can|may|could|might|are (?:able|entitled|free|welcome) to|will be able to|have (?:the |a |certain |several |following )?(?:right|rights|choice|choices|option|options|control)|has (?:the |a )?(?:right|choice|option)|choose|decide|elect|control|manage|adjust|opt)\b/i;

/**
 * Named controls and rights, whoever the sentence's subject is. Not a right the company reserves ("we reserve
 * the right to delete inactive accounts"): that is its power. Its right to request identification stays: it is
 * how the user's request is handled (the gold labels it user-choice).
 */
const CONTROL =
  /\bopt(?:s|ed|ing)?[- ]?(?:out|in)\b|\bunsubscrib\w*|\bwithdraw\w* (?:your |their )?consent\b|(?<!\breserv\w* (?:the |its |our |their |all )?)\bright (?:to|of) (?:access|rectif|correct|delet|eras|object|restrict|port|opt|withdraw|know|be forgotten|non-discrimination|lodge|complain|appeal)\w*|\bright (?:to|of) request\w*|\byour (?:privacy |data protection )?rights\b|\bexercise (?:your |these |this |any of (?:your|these) )?rights?\b|\b(?:privacy|cookie|account|ad|advertising|notification) (?:settings|preferences|controls|choices)\b|\bdata controls\b|\bdo not (?:sell|share) my\b|\blimit the use of my\b|\bturn (?:it |this |them )?off\b|\bdisable (?:it|this|cookies|personali[sz]ed)\b|\b(?:lodge|file|make) a complaint\b|\bby (?:contacting|emailing|writing to) us\b|\b(?:contact|email|write to) us (?:at [^ ]+ )?to (?:exercise|request|access|delete|correct|opt|object|withdraw)\b|\bsubmit (?:a |your )?request\b|\bglobal privacy control\b|\bdo not track\b|\b(?:browser|device|phone|app)(?:'s)? (?:settings|preferences|controls)\b|\bset (?:your|the|their) (?:web )?browser\b|\b(?:let|lets|allow|allows|enable|enables) (?:you|users) (?:to )?(?:refuse|block|reject|delete|disable|turn|opt|control|manage|limit|change|adjust|choose)\b|\bby (?:contacting|emailing|writing to|calling) (?:us|our|the)\b|\b(?:refer|submit|raise|bring) (?:a |your )?complaint\b|\bun(?:follow\w*|lik(?:e|es|ed|ing)\b)|\b(?:device|app) permissions\b|\b(?:you|users?)\b(?:(?!\bwe\b)[^.;]){0,30}\b(?:allow|grant|enable|deny|refuse|revoke)\w* (?:[\w-]+ )?access\b/i;

/** The company doing something to the user's content or account. */
const COMPANY_POWER =
  /\b(?:we|the company|[A-Z][\w.-]+)\s+(?:may|can|will|reserve(?:s)? the right to|are entitled to|have the right to|shall)\s+(?:(?:at any time|in our (?:sole )?discretion|without (?:prior )?notice),?\s+)?(?:also\s+)?(?:remove|delete|erase|suspend|terminate|disable|block|refuse|restrict|limit|edit|modify|take down|close)\b/;

/** Whether the clause (or the lead-in its list item finishes) states a control the user has. */
export function hasUserControl(text: string, leadIn?: string): boolean {
  const t = asciiPunctuation(text);
  if (USER_MODAL.test(t) || CONTROL.test(t)) return true;
  if (!leadIn) return false;
  const l = asciiPunctuation(leadIn);
  return USER_MODAL.test(l) || CONTROL.test(l);
}

/** Whether the clause states a power of the company over the user's content or account. */
export function statesCompanyPower(text: string): boolean {
  return COMPANY_POWER.test(asciiPunctuation(text));
}
