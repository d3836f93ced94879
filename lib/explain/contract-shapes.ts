/**
 * Contract shapes whose card the category × stance table would misread (guide §3, settled 2026-12-07):
 * ownership of the user's content passing to the company (content-license, more than a licence), a licence to
 * the other users rather than the company, and a
 * consumer's right to cancel a purchase or withdraw from a contract (user-choice, as the gold labels have it,
 * but a right over the contract, not a privacy right).
 * @module
 */

/** The company becomes the owner: property, assignment of title, ownership transferred or vesting in it. */
const OWNERSHIP_PASSES =
  /\b(?:become|becomes|shall be|will be|are|is|remain) (?:the )?(?:sole |exclusive |sole and exclusive )?property of\b|\bassign(?:s|ed|ment)?\b[^.;]{0,60}?\b(?:all |any )?(?:right,? title|ownership)\b|\b(?:transfer|transfers|transferred|vest|vests|vested|pass|passes|passed) (?:\w+ ){0,3}?(?:ownership|title)\b|\b(?:ownership|title)\b[^.;]{0,40}?\b(?:transfer|transfers|transferred|vest|vests|vested|pass|passes|passed)\b|\b(?:we|they) (?:will |shall )?own\b/i;
/** "… does not become our property", "we do not claim ownership": the reverse. */
const OWNERSHIP_KEPT =
  /\b(?:not|never|no) (?:\w+ ){0,3}?(?:become|becomes|property|ownership|own|transfer\w*|assign\w*)\b|\byou (?:retain|keep|remain the owner|own)\b|\bremains? (?:yours|your property)\b/i;

export function ownershipPasses(text: string): boolean {
  return OWNERSHIP_PASSES.test(text) && !OWNERSHIP_KEPT.test(text);
}

/**
 * A licence the user grants the service's other users ("you grant each other user a licence to view what you
 * share", "you grant such other specified users a license to access it"): "you give them a licence" would name
 * the company as the licensee (issue 23, v11 licensee-misread).
 */
const LICENCE_TO_USERS =
  /\bgrant(?:s|ing)?\s+(?:to\s+)?(?:(?:each|every|any|all|such|the)\s+)?(?:other\s+)?(?:specified\s+|registered\s+)?(?:users?|members?|viewers?|recipients?)\b(?:\s+of\s+(?:the|our)\s+[\w-]+)?\s+(?:a|an)\b[^.;]{0,60}?\blicen[cs]e\b/i;
/** The company among the licensees: "grant us and other users …", "to us, our affiliates and other users". */
const COMPANY_LICENSEE =
  /\bgrant(?:s|ing)?\s+(?:to\s+)?(?:us|the company)\b|\b(?:us|we),?\s+(?:and|or)\s+(?:[\w-]+\s+){0,2}users\b/i;

export function licenceToOtherUsers(text: string): boolean {
  return LICENCE_TO_USERS.test(text) && !COMPANY_LICENSEE.test(text);
}

/**
 * A right to cancel or withdraw from a purchase, order, subscription or contract (a statutory cooling-off
 * right, the withdrawal form), or how to exercise it. The thing cancelled may carry the product's own name or
 * a word before it ("cancel your Plus Subscription", "cancel the trial offer", "cancel your Card").
 */
const CANCELLATION_RIGHT =
  /\b(?:cancell?ation|withdrawal|cooling[- ]off|retraction) (?:right|period|form|notice|deadline)s?\b|\bright(?:s)? (?:of|to) (?:cancell?ation|withdrawal|withdraw from|cancel|retract|rescind)\b|\b(?:cancel|withdraw from|rescind|terminate) (?:the |this |your |its |an? |any )?(?:[\w-]+ ){0,2}?(?:contract|order|purchase|agreement|subscription|booking|trial|membership|plan|card)s?\b/i;
/** Consent, data, privacy or the account itself: a choice over data, which the ordinary card describes. */
const ABOUT_DATA =
  /\bconsent\w*|\b(?:data|information)\b|\bprivacy\b|\bcookies?\b|\bmarketing\b|\bnewsletters?\b|\bopt[- ]?(?:out|in)\b|\bprocessing\b|\bobject\w*|\bdelet\w*|\berase|\baccess to\b|\b(?:close|closing) (?:your |the )?account\b/i;

/** Whether the clause speaks of the user's data, consent or privacy at all (not only of a contract). */
export function aboutData(text: string): boolean {
  return ABOUT_DATA.test(text);
}

export function isCancellationRight(text: string): boolean {
  return CANCELLATION_RIGHT.test(text) && !ABOUT_DATA.test(text);
}

/** "You may stop using the service at any time": leaving the contract, not a choice over data. */
const STOP_USING =
  /\byou (?:may|can|are free to|have the right to)(?: \w+)? (?:stop|cease|discontinue) (?:using|your use of|use of|accessing)\b/i;

export function isStopUsingRight(text: string): boolean {
  return STOP_USING.test(text) && !ABOUT_DATA.test(text);
}
