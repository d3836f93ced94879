/**
 * Whether a clause makes its practice wait for the user's consent. The classifier reads it for the stance
 * (guide §4.2 R1: such a practice is off by default, `denies`) and the card for its default ("off unless you
 * opt in"); it lives here because lib/explain must not read the classifier (.dependency-cruiser.cjs).
 * @module
 */

const CONSENT_FIRST =
  /(?:^|\s-\s)\W*(?:(?:if|where|when|once|after) you|(?:for|to) (?:users|those|customers|members|subscribers|people|individuals|visitors) who) (?:have )?(?:explicitly |expressly |specifically |affirmatively )?(?:consented|agreed|opted[- ]?in(?:to)?|given (?:us )?(?:your )?(?:explicit |express |prior |specific )?(?:consent|permission))\b|\bonly\b[^.;]{0,100}?\b(?:if|when|where|with|after|once) (?:you|your) (?:have )?(?:explicitly |expressly )?(?:given (?:us )?(?:your )?)?(?:explicit |express |prior |specific )?(?:opt(?:ed)?[- ]?in|consent(?:ed)?|permission)\b/i;
/**
 * The same condition later in the sentence, in the forms policies use for it: "…, where we have your
 * permission to do so", "subject to your consent", "…, if you agree", and "With your consent, …" opening it.
 * Not consent as one legal basis among others ("based on your consent", "with your consent or as required
 * by law"): the labels read those as the practice (data/GUIDE.md, consent as a legal basis).
 */
const CONSENT_CONDITION =
  /\b(?:if|where|when|once|after|provided(?: that)?) (?:we have (?:obtained |received )?your (?:explicit |express |prior |specific )?permission|you (?:explicitly |expressly |specifically )?(?:agree|consent|opt[- ]?in|give us (?:your )?(?:explicit |express |prior )?(?:consent|permission))(?! to (?:these|the|our|this) (?:terms|conditions|agreement|policy|privacy)))\b|\bsubject to your (?:explicit |express |prior |specific |affirmative )?(?:consent|permission)\b|(?:^|:\s)\W*with your (?:explicit |express |prior |specific )?(?:consent|permission),|(?<!\b(?:and|or|as well as)\b[^.;,]{0,25})(?<![)(,;|]\s{0,3})\bwith your (?:explicit |express |prior |specific )?(?:consent|permission)\b(?!\s*,|\s+(?:or|and)\b)|\byour (?:explicit |express |prior |specific )?(?:opt-?in|consent|permission) (?:will be |is |shall be )?(?:required|needed|necessary) (?:for|before)\b/i;
const CONSENT_NOT_FIRST =
  /\bopt(?:s|ed|ing)?[- ]?out\b|\bobject(?:s|ed|ion)?\b|\bunsubscrib\w*|\b(?:if|where|when) required by\b|\bor (?:otherwise |else )?(?:in line |in accordance |consistent(?:ly)? )?(?:with|if|when|where) (?:you|your)\b|\b(?:unless|except) (?:as )?otherwise\b|\bas permitted by law\b|\b(?:consent|permission)\s*,?\s+or\s+(?:in|when|where|if|to|for|as)\b(?![^.;]{0,40}\b(?:laws?|legal|legally|statutory|required|obligat\w*|compelled)\b)/i;

/**
 * Guide §4.2 R1 for sharing, sale and advertising ("the same rules apply … where they fit"): a practice the
 * sentence makes wait for the user's consent — "where you have agreed to it, we may share…", "we will
 * only share… if you have given your explicit consent" — is off by default, `denies`; the consent is the
 * user-choice label. Not when the sentence also names an opt-out, objection or unsubscribing (on by default,
 * R2/R3), asks consent only "if required by law" or leaves the practice open ("unless otherwise permitted by
 * law", R4), or offers consent as one path among others ("for purposes a statute lists, or else with your
 * consent").
 */
export function consentFirst(text: string): boolean {
  return (CONSENT_FIRST.test(text) || CONSENT_CONDITION.test(text)) && !CONSENT_NOT_FIRST.test(text);
}

/** "Additionally,", "In addition,", "Also," before a condition that opens the sentence. */
const CONNECTIVE =
  /^(\W*)(?:additionally|in addition|also|besides|further(?:more)?|moreover|finally|lastly),\s+/i;

/**
 * `consentFirst` read past an opening connective ("Additionally, with your consent, we may share …"); the
 * classifier's stance and the card's default both read it.
 */
export function consentFirstAfterConnective(text: string): boolean {
  const opened = text.replace(CONNECTIVE, '$1');
  return opened !== text && consentFirst(opened);
}
/** Consent stated as what the practice needs: "you need to consent to the sharing", "we require your consent". */
export const CONSENT_REQUIRED =
  /\byou (?:will )?(?:need|have|are required|must) (?:first )?(?:to )?(?:give (?:your )?|provide (?:your )?)?(?:consent|agree|opt[- ]?in) (?:to|before)\b|\bwe (?:need|require) your (?:explicit |express |prior |specific )?(?:consent|permission)\b/i;
/**
 * A denial that names the consent lifting it: "not … without your (express) consent", "unless you agree",
 * "you have to agree before we …", "we need your consent". Only the user's own consent: a parent's or a
 * regulator's authorisation is not the user opting in.
 */
const UNTIL_CONSENT =
  /\bwithout (?:first )?(?:obtaining |getting |asking for )?your (?:explicit |express |prior |specific |affirmative )?(?:consent|permission|authori[sz]ation|agreement)\b|\bunless you (?:have )?(?:explicitly |expressly )?(?:agree|consent|opt[- ]?in|give us (?:your )?(?:consent|permission))\b/i;

/**
 * Whether a denial of sharing, sale or advertising holds only until the user agrees: the card must then say the
 * practice happens once they do, not that it never does. `consentFirst`'s forms, the same after an opening
 * connective ("Additionally, with your consent, …"), and a denial that names the consent lifting it.
 */
export function deniedUntilConsent(text: string): boolean {
  if (consentFirst(text) || consentFirstAfterConnective(text)) return true;
  return (UNTIL_CONSENT.test(text) || CONSENT_REQUIRED.test(text)) && !CONSENT_NOT_FIRST.test(text);
}
