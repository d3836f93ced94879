/**
 * "Anonymous" used of something other than data the company holds (guide §3 de-identification, settled
 * 2026-12-07): an anonymous payment or an anonymous experience of the service, the user reporting anonymously,
 * "anonymous information" that third parties collect from the user, an e-mail address a third party masks at
 * the user's option. De-identification is the company making data anonymous, or using, keeping or passing
 * it on in that form ("we only save anonymous search queries", "such anonymous information is provided to
 * third parties"), as the gold labels have it; these shapes describe no such act.
 * @module
 */

/** The word, as an adjective or adverb: what the model and the weak rule read. */
/*
 * Settled 2026-12-07 (session 10): people called anonymous ("to study how anonymous users use our site") and a
 * form the user "can submit anonymously" are the user's own state or act, as "You may report a problem anonymously".
 */
const ANONYMOUS_WORD = /\banonym(?:ous|ously|ity|i[sz]ed)\b/i;

/** The thing called anonymous is not data: a payment, the experience of the service, the user's own act. */
const NOT_DATA =
  /\banonymous(?:ly)? (?:(?:cash|bitcoin|crypto\w*|card|gift card|and \w+|or \w+),? )*(?:payments?|donations?|purchases?|tips?|contributions in money)\b|\banonymous (?:(?:and|or) \w+ )?(?:user )?experience\b|\b(?:private|secure) and anonymous\b|\byou (?:\w+ ){0,6}?anonymously\b|\banonymously (?:report|submit|contact|tell|raise|flag)\w*\b|\banonymous (?:hotline|whistleblow\w*|reporting (?:line|channel|form|tool))\b|\banonymous (?:users?|visitors?|members?|people|persons?|individuals?|customers?|readers?|guests?|shoppers?)\b(?! (?:profiles?|data|information|identifiers?|IDs?|records?|statistics|segments?|audiences?|groups?))|\b(?:can|may|could) be (?:\w+ )?(?:submitted|made|filed|sent|lodged|raised|reported) anonymously\b/i;

/** Others collecting it from the user ("third-party companies may … collect certain anonymous information"). */
const OTHERS_COLLECT =
  /\b(?:third[- ]part(?:y|ies)|companies|networks|partners|advertisers|vendors)\b[^.;]{0,60}?\bcollect\w* (?:\w+ ){0,2}?anonymous (?:information|data)\b/i;

/** An address masked by a third party at the user's option ("you can hide your e-mail address with Apple"). */
const MASKED_ADDRESS =
  /\b(?:hide|mask|conceal)\w* (?:your |their )?e-?mail address\b|\b(?:anonymi[sz]ed|masked|relay|forwarding|forwarded) (?:\w+ )?e-?mail address(?:es)?\b/i;

/** An act of de-identifying: then the label stands on that, whatever else the sentence says. */
const DE_IDENTIFYING_ACT =
  /\bde-?identif\w*|\banonymi[sz](?:e|es|ing|ation)\b|\bpseudonym\w*|\baggregat\w*|\bdisassociat\w*|\bhash\w*|\b(?:remov|strip)\w* (?:\w+ ){0,3}?(?:identif\w*|personal)\b|\bdisconnected from\b|\b(?:convert|turn|render|made|make|become)\w* (?:\w+ ){0,3}?anonymous\b|\bin (?:an |a )?(?:anonymous|non-identifiable) (?:form|way|manner|basis|format)\b/i;

/** The company using, keeping or passing data on in anonymous form: de-identification (gold). */
const COMPANY_USES_ANONYMOUS =
  /\b(?:we|us|our)\b(?: (?:\w+ ){0,3}?)(?:use|uses|share|shares|disclose|publish|provide|sell|transfer|process|analy[sz]e|retain|keep|save|store|combine|release|report|compile|organi[sz]e)\b[^.;]{0,40}?\banonym\w*|\banonym\w* (?:\w+ ){0,3}?(?:is|are|will be|may be) (?:provided|shared|disclosed|used|sold|published|retained|kept|stored)\b/i;

export function isAnonymousWordOnly(text: string): boolean {
  if (!ANONYMOUS_WORD.test(text) || COMPANY_USES_ANONYMOUS.test(text)) return false;
  if (MASKED_ADDRESS.test(text)) return true;
  return !DE_IDENTIFYING_ACT.test(text) && (NOT_DATA.test(text) || OTHERS_COLLECT.test(text));
}
