/**
 * How a clause names the user's control, beyond "you can opt out" (issue 23: the largest class of wrong cards
 * over the explanation checks called a named control missing, or invented one). Each shape is a grammar of its
 * own: a control the clause denies ("you cannot opt out of service e-mails"), rights that are no privacy rights
 * (intellectual-property and publicity rights, a right to use the service), a request made by contacting the
 * company ("you may at any time contact our privacy officer"), a choice both ways ("you can select whether or
 * not …"), who may see the user's posts, and a named setting the user controls.
 * @module
 */
import { blank } from './data-words';

/**
 * A control the clause says the user does NOT have ("you cannot opt out of receiving service messages", "you
 * will not be able to unsubscribe from account notices"): no choice of the user's, up to the end of its
 * phrase; a control named after it ("…, but you can unsubscribe from marketing") stays.
 */
const DENIED_CONTROL =
  /\b(?:cannot|can't|can not|may not|are not able to|are unable to|will not be able to|won't be able to|(?:is|it's) not possible to)\s+(?:\w+\s+)?(?:opt[- ]?(?:out|in)|unsubscrib\w*|object|withdraw|disable|turn (?:it |this |them )?off|close|delete|cancel)\b[^,;.]*/gi;

/**
 * Rights that are not the user's rights over their data: intellectual-property, publicity and other persons'
 * rights, a right to use or access the service, a warranty not to violate rights ("you own all rights to your
 * User Content", "you may not assign your rights to use the Services", "will not violate any rights of any
 * person"). A company said to have violated the user's rights is about the user's rights: kept.
 */
const OTHER_RIGHTS =
  /\b(?:intellectual[- ]property|publicity|proprietary|moral|ownership|contractual|third[- ]part(?:y|ies)'?s?|(?:any |other )?(?:person|individual|entity|party)'s|others'|other)\s+rights?\b|\bright (?:of|to) publicity\b|\brights? (?:to|in|of|under) (?:use |access )?(?:and to )?(?:the |our |your |any |all )?(?:[\w-]+ )?(?:services?|content|materials?|software|platform|site|app|works?|licen[cs]es?|agreement|terms)\b|\b(?:not|never|no)\b[^.;]{0,20}?\bviolat\w+[^.;]{0,40}?\brights?\b|\brights? to use\b/gi;

/**
 * A control named as a condition that does NOT stop something ("you will continue to receive service notices
 * even if you unsubscribe from promotional e-mails"): it covers something else, so it is no choice over what the
 * clause is about. Up to the end of its phrase. Not "even after you opt out, …" / "even though you have opted
 * out, …": those tell what the control the user has does and does not reach (the rechecks judged "You can opt
 * out" right there).
 */
const DESPITE_CONTROL =
  /\b(?:even if|regardless of whether) you(?: have)? (?:\w+ )?(?:opt(?:ed)?[- ]?out|unsubscrib\w*|turn(?:ed)? off|disable\w*|withdraw\w*|object\w*|decline\w*)\b[^;.]*/gi;

/** Words every match of the three needs: most clauses have none, and one test skips every scan. */
const OTHER_CONTROLS_HINT =
  /\bright|\b(?:can(?:no|')?t|can not|may not|not (?:be )?able|unable|won't|not possible|even if|regardless)\b/i;

/** The clause with the controls it denies or says do not stop it, and the rights that are not data rights, blanked. */
export function withoutOtherControls(t: string): string {
  if (!OTHER_CONTROLS_HINT.test(t)) return t;
  return t.replace(DENIED_CONTROL, blank).replace(DESPITE_CONTROL, blank).replace(OTHER_RIGHTS, blank);
}

/**
 * A browser signal the company says it ignores, with any words between the negation and the verb ("we do not
 * interpret or respond to DNT", "are not yet set up to interpret or respond to Do Not Track signals").
 */
export const SIGNAL_IGNORED =
  /\b(?:do not|don't|does not|doesn't|cannot|can't|not|no longer|unable to)\s+(?:(?:currently|yet|presently|set up to|designed to|able to|configured to|interpret or)\s+)*(?:interpret|respond|honou?r|recogni[sz]e|support|react|process|act on|treat)\w*\b/i;

/**
 * The user reaching the company to make a request: "you may at any time contact our privacy officer", "you can
 * contact us with your request", "by contacting customer services", "by notifying us in writing".
 */
const USER_CONTACTS =
  /\b(?:you|users?)\s+(?:can|may|could)\s+(?:also\s+)?(?:at any time\s+)?(?:contact|e-?mail|write to|call|reach|notify)\b|\bby (?:contacting|e-?mailing|writing to|calling|notifying|sending (?:a |an |your )?(?:request|e-?mail|letter))\b/i;
/** What the contact is for: a request or a right over the data, not a question or a refund. */
const CONTACT_FOR =
  /\b(?:requests?|rights?|exercise|avail|manage|update|correct|delete|erase|remove|access|copy|object|restrict\w*|limit\w*|withdraw|opt)\b/i;

/** Whether the clause names contacting the company as the way to make a request about the data. */
export function contactsToRequest(t: string): boolean {
  return USER_CONTACTS.test(t) && CONTACT_FOR.test(t);
}

/** A request made through someone else: "you may make a rights request using an authorized agent". */
const AGENT = /\b(?:authori[sz]ed|designated) agent\b/i;
const USER_MAKES_REQUEST =
  /\b(?:you|users?)\s+(?:can|may|could)\s+(?:also\s+)?(?:make|submit|send|designate|use)\b/i;

export function requestsThroughAgent(t: string): boolean {
  return AGENT.test(t) && USER_MAKES_REQUEST.test(t);
}

/** "you can select whether or not you want us to use …", "you control whether …". */
const WHETHER =
  /\b(?:you|users?)\s+(?:can|may|could|get to|are free to)?\s*(?:also\s+)?(?:choose|select|decide|elect|indicate|control)\s+whether\b/i;

/** "… whether or not …", or a choice with no alternative named ("control whether ads are personalised"). */
const OR_NOT = /^\s*(?:or not|to or not)\b/i;
const ALTERNATIVE = /\bor\b/i;

/**
 * A choice both ways. Not a choice between two alternatives ("you may choose whether the arbitration is held by
 * phone or in person", "decide whether to accept the new terms or stop using the service"): that is no opting
 * in or out.
 */
export function choosesWhether(t: string): boolean {
  const m = WHETHER.exec(t);
  if (!m) return false;
  const rest = t.slice(m.index + m[0].length).split(/[.;]/)[0]!;
  return OR_NOT.test(rest) || !ALTERNATIVE.test(rest);
}

/**
 * Who may see what the user posts: "you can control who can see each photo", "choose who may view your
 * profile", "you may determine whether your details will be visible to others".
 */
const AUDIENCE =
  /\b(?:control|choose|select|decide|limit|restrict|change|set)\s+(?:[\w-]+\s+){0,6}?who\s+(?:can|may|is able to|will)\s+(?:see|view|access|find)\b|\b(?:determine|control|choose|decide|select)\s+whether\b[^.;]{0,80}?\b(?:visible|shown|displayed|viewable)\s+to\s+(?:others|other (?:users|members|people)|the public|everyone)\b/i;

export function choosesAudience(t: string): boolean {
  return AUDIENCE.test(t);
}

/** The user's own choice of what they get: "platforms may let you choose what advertising you receive". */
const CHOOSE_WHAT =
  /\b(?:let|lets|allow|allows|enable|enables)\s+(?:you|users)\s+(?:to\s+)?(?:choose|select|decide|control)\s+(?:what|which|how)\b|\b(?:you|users?)\s+(?:can|may)\s+(?:also\s+)?(?:choose|select|decide|control)\s+(?:what|which|how)\b/i;

export function choosesWhat(t: string): boolean {
  return CHOOSE_WHAT.test(t);
}

/** Removing the product itself: "you can stop all collection by deleting the app", "uninstall the extension". */
const UNINSTALL =
  /\buninstall\w*\b|\b(?:by |can |may )(?:deleting|removing|delete|remove) (?:the|our|this) (?:app|application|software|extension|service)\b/i;

export function uninstalls(t: string): boolean {
  return UNINSTALL.test(t);
}

/**
 * Controls the card may name beyond ./control.ts's gate (which also decides whether a user-choice label is
 * painted, and is not widened here): a visitor as the subject ("visitors may update this by …"), full control
 * ("you have full control over this in the app settings"), the user closing their own account ("you will need to
 * deactivate your account"), refusing or deleting cookies ("if you delete cookies or refuse to accept them"), a
 * consent the user gives ("if you give us consent to …").
 */
const MORE_CONTROL =
  /\bif you (?:grant|give|provide) (?:us )?(?:your )?consent\b|\bvisitors?\s+(?:can|may|could|are able to)\b|\b(?:you|users?)\s+(?:also\s+)?have (?:full|complete|total|granular|more|some) control\b|\b(?:you|users?)\b(?:(?!\bwe\b)[^.;]){0,60}\b(?:close|delete|deactivate|cancel) (?:your|their) (?:[\w-]+ )?accounts?\b|\b(?:you|users?)\b(?:(?!\bwe\b)[^.;]){0,30}\b(?:delete|refuse|reject|block|clear)\w* (?:all |the |our |these |any )?(?:[\w-]+ )?cookies\b|\bcookies\b[^.;]{0,40}\brefus\w* to accept\b/i;

/** A word every match needs, tested first: the pattern runs for every clause the gate turns away. */
const MORE_CONTROL_HINT = /\b(?:consent|visitors?|control|accounts?|cookies)\b/i;

export function namesMoreControl(t: string): boolean {
  return MORE_CONTROL_HINT.test(t) && MORE_CONTROL.test(t);
}

/**
 * "Opt-in" or "opt-out" naming a record, not a control ("excluding text-message opt-in data and consent
 * records"): no choice and no default of the practice.
 */
const OPT_RECORDS = /\bopt[- ]?(?:in|out)(?= (?:data|information|records?|status(?:es)?)\b)/gi;

export function withoutOptRecords(t: string): string {
  return t.replace(OPT_RECORDS, blank);
}

/**
 * The user turning down a change of the terms ("you may reject the change by writing to us within 30 days", "to
 * exercise your right to reject such changes, stop using the service"): a choice the card should name, not a
 * rights request.
 */
const REJECT_CHANGES =
  /\b(?:(?:you|users?)\s+(?:can|may|could)\s+(?:also\s+)?|\bright to\s+)(?:reject|decline|refuse|opt out of)\s+(?:the|any|such|these|this|that|future)?\s*(?:[\w-]+\s+)?(?:changes?|modifications?|amendments?|updates?)\b/i;

export function rejectsChanges(t: string): boolean {
  return REJECT_CHANGES.test(t);
}
