/**
 * The practice named only as the object of one of the user's rights (data/GUIDE.md §3 automated-decisions and
 * data-retention, settled 2026-12-07): "the right not to be subject to automated decisions", "information as to
 * how we determine retention periods" under "You may ask us for:", "Consumers have the right to request that we
 * delete what we retained". The sentence gives the user a right to ask, object or delete; it says nothing of
 * whether the company makes such decisions or how long it keeps data. The model reads "automated
 * decision-making" and "retained" and scores the practice; the right itself is user-choice. Text arrives in
 * ASCII punctuation.
 * @module
 */
import type { CategoryId } from '../taxonomy';

/**
 * The practice as the topic of information the user may ask for or receive: "information as to how we determine
 * retention periods", "entitled to receive information regarding … the occurrence of automated
 * decision-making". A right to stop, object to, contest or delete presupposes the practice and keeps the label
 * (the gold has "You have the right not to be subject to a decision based solely on automated processing" and
 * "the right to request deletion, subject to exceptions" labelled), so only what is asked about is ruled out.
 */
const INFORMATION_ABOUT =
  /\b(?:information|details|confirmation|an explanation)\b(?:[^.;:|]{0,200}?\b(?:about|on|regarding|as to|concerning|of|in relation to)\b)[^.;|]{0,200}?\b(?:automat\w*|profiling|retention|retain\w*|stored|kept)\b/i;
/** The user asking or being told: the information is what a right gives, not a description by the company. */
const USER_ASKS =
  /\bright (?:to|of) (?:know|access|be informed|receive|obtain|request)\b|\bentitled to (?:receive|obtain|request|be (?:given|informed)|know)\b|\b(?:you|consumers?|users?|data subjects?|individuals?) (?:can|may|have the right to) (?:request|ask|obtain|receive|access|know)\b|\b(?:request|ask (?:us )?for|obtain|receive) (?:access|information|details|a copy|confirmation)\b/i;
/**
 * A lead-in that is itself an item of what the user may obtain ("confirmation of whether we process your data;"):
 * a sibling the extractor read as the lead-in of a nested list keeps the list's sense.
 */
const SIBLING_ITEM = /^\W*(?:confirmation|information|details|a copy|copies|access to)\b/i;
/** A right to act on the practice rather than to know of it: the practice is then presupposed (R2/R3). */
const ACT_ON_PRACTICE =
  /\bopt(?:s|ed|ing)?[- ]?out\b|\bobject(?:ion)?\b|\bnot to be subject\b|\bcontest\b|\bhuman (?:review|intervention)\b|\bdelet\w*|\berase|\berasure\b|\brestrict\w*|\bwithdraw\w*/i;

/**
 * A sentence (or table cell) of the company's own stating the practice beside the right: "We keep your data
 * for two years.", "| We do not use automated decision-making." — then the clause states it too.
 */
const COMPANY_STATES =
  /(?:^|[.;:|]\s*)(?:[Ww]e|(?!(?:You|Your|Consumers?|Users?|Rights?|Individuals?|Residents?|Customers?|Members?|Data)\b)[A-Z][\w&.-]+|(?:[Yy]our|[Tt]he|[Aa]ll|[Ss]uch) (?:personal )?(?:data|information))\s+(?:\w+\s+){0,2}?(?:retain\w*|keep|keeps|kept|stor(?:e|es|ed)|delete[sd]?|eras(?:e|es|ed)|make|makes|use|uses|used|carr(?:y|ies) out|rel(?:y|ies)|employ\w*|engage\w*|apply|applies|process\w*)\b|\bthere (?:is|are) no\b/;

/** The categories whose practice a right can name without stating it. */
const CATEGORIES: ReadonlySet<CategoryId> = new Set(['automated-decisions', 'data-retention']);

export function isRightObjectOnly(category: CategoryId, text: string, leadIn?: string): boolean {
  if (!CATEGORIES.has(category) || !INFORMATION_ABOUT.test(text) || ACT_ON_PRACTICE.test(text)) return false;
  if (COMPANY_STATES.test(text)) return false;
  return (
    USER_ASKS.test(text) ||
    (leadIn !== undefined &&
      (USER_ASKS.test(leadIn) || SIBLING_ITEM.test(leadIn)) &&
      !ACT_ON_PRACTICE.test(leadIn))
  );
}
