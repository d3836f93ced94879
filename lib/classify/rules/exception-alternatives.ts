/**
 * Guide §4.2 R4 when a denial's exception names several triggers: the user's consent (or a legal obligation)
 * keeps the denial only when it is the sole trigger. "We do not share it, except to provide services you asked
 * for, when we have your permission or in the following circumstances:" lets the data go by ordinary use or by a
 * list of circumstances whether or not the user consents: the practice happens by default.
 * @module
 */

const EXCEPTION_WORD = /\b(?:except|unless|other than|without)\b/i;

/**
 * Where one trigger ends and another begins: "or", and a comma before a word that opens a trigger of its own
 * ("…, when we have your permission").
 */
const ALTERNATIVES = /\s*,?\s+(?:or|and\/or)\s+|,\s+(?=(?:when|where|if|to|in|for|as|with|once|after)\b)/i;

/**
 * A trigger of its own opens with a preposition or conjunction ("to provide…", "in the following
 * circumstances", "with our partners"); a bare noun after "or" ("…products or services…", "…consent to the
 * sharing or sale of…") continues the trigger before it.
 */
const TRIGGER_OPENING = /^\W*(?:to|with|for|in|when|where|if|as|once|after|during)\b/i;

/**
 * The user's consent or act, or a legal obligation: the triggers that keep a denial (R4). The user publishing
 * the data themselves ("… or when you publish it yourself") is no disclosure by the company (guide §3
 * data-sharing, "Not"), so it keeps the denial too.
 */
const CONSENT_OR_LAW =
  /\b(?:consent\w*|permission|agree\w*|authori[sz]\w*|opt(?:s|ed)?[- ]?in|(?:ask|direct|instruct|allow|permit|tell)(?:s|ed|ted)? us|cho(?:o)?se|enable[sd]?|turn(?:s|ed)? on|required|compelled|obligated|obliged|obligations?|laws?|legal(?:ly)?|compl(?:y|ies)|subpoenas?|warrants?|court orders?)\b|\byou (?:\w+ ){0,2}?(?:publish|post|disclose|share|make)\w*\b[^.;]{0,50}?\byourself\b/i;

/** Whether the exception in `after` (the text after a denied practice) names a trigger besides consent or law. */
export function exceptionBeyondConsent(after: string): boolean {
  const at = after.search(EXCEPTION_WORD);
  if (at < 0) return false;
  // Pieces that do not open a trigger of their own belong to the one before ("…the advertiser or other
  // website with your permission").
  const triggers: string[] = [];
  for (const piece of after.slice(at).replace(EXCEPTION_WORD, '').split(ALTERNATIVES)) {
    if (triggers.length === 0 || TRIGGER_OPENING.test(piece)) triggers.push(piece);
    else triggers[triggers.length - 1] += ` or ${piece}`;
  }
  return triggers.some((t) => /\w/.test(t) && !CONSENT_OR_LAW.test(t));
}
