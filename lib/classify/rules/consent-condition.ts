/**
 * Forms of the consent condition (guide §4.2 R1: a practice that waits for the user's consent is `denies`) that
 * `consentFirst` (lib/explain/consent-first.ts) does not read: the condition after an opening connective
 * ("Additionally, with your consent, we may share …"), consent "provided" or "granted", "opt into" a feature,
 * and consent stated as a requirement ("you need to consent to the sharing"). Read with `consentFirst`, never
 * instead of it. Text arrives in ASCII punctuation.
 * @module
 */
import { CONSENT_REQUIRED, consentFirstAfterConnective } from '../../explain/consent-first';

const CONDITION =
  /\b(?:if|where|when|once|after|only if|only when) you (?:have )?(?:(?:explicitly |expressly |specifically )?(?:provided|granted|given) (?:us )?(?:with )?(?:your )?(?:explicit |express |prior |specific )?(?:consent|permission)|opt(?:ed)? ?in ?to|opted[- ]in)\b/i;

/**
 * Consent beside an opt-out or objection, asked only where a law requires it, one trigger among others
 * ("if you have opted in or when we have a legitimate interest", "when it is needed for the service, when you
 * have consented"), or one legal basis beside legitimate interests.
 */
const NOT_FIRST =
  /\bopt(?:s|ed|ing)?[- ]?out\b|\bobject(?:s|ed|ion)?\b|\bunsubscrib\w*|\b(?:if|where|when|as) (?:(?:legally )?required|permitted) by\b|\blaws? (?:\w+ ){0,3}?requires?\b|\b(?:consent|permission)\s*,?\s+or\b|\bor (?:with|if|when|where)\b|\b(?:unless|except) (?:as )?otherwise\b|\bas permitted by law\b|\blegitimate interests?\b|\b(?:when|where|if)\b[^.;()]{3,200}?,\s+(?:and\s+)?(?:when|where|if)\b/i;
/**
 * A second sentence: the condition may then cover only what it restricts ("We show ads that might interest you.
 * We only personalise them when you have provided consent": the rest runs whatever the user does).
 */
const SECOND_SENTENCE = /[.;!?]\s+\S/;
/** A condition in brackets qualifies one recipient or item, not the whole practice (guide R1: consent for part). */
const BRACKETED = /\([^()]*\)/g;

export function consentCondition(text: string): boolean {
  const main = text.replace(BRACKETED, ' ');
  if (NOT_FIRST.test(text) || SECOND_SENTENCE.test(text.trim().replace(/\b(?:i\.e|e\.g|etc)\./gi, '')))
    return false;
  return consentFirstAfterConnective(main) || CONDITION.test(main) || CONSENT_REQUIRED.test(main);
}
