/**
 * Shapes of the user's choice that read as another (issue 23, v7 cluster E): records the user changes
 * themselves ("you can view, edit or delete your data in your settings" is no request for deletion), a setting
 * whose name is the way out ("turn on Limit Ad Tracking" is no opting in), both ways at once ("opt in or opt
 * out"), and a company's own sentence under a paragraph that named a control.
 * @module
 */

/**
 * The user working on their own records, two or more of view / access / edit / correct / delete / export
 * named together: "you can view, access, edit, or delete your information", "you can directly access, edit,
 * delete or export personal data".
 */
const SELF_SERVICE =
  /\b(?:you|users?)\s+(?:can|may|are able to)\s+(?:also\s+)?(?:directly\s+)?(?:(?:view|access|see|review|edit|update|correct|change|delete|erase|remove|download|export)\b,?\s+(?:(?:and\/or|and|or)\s+)?){2,}/i;
/** Where the user does it: in the product itself, not by asking the company. */
const IN_THE_SERVICE =
  /\bdirectly\b|\b(?:through|via|in|within|using|from) (?:the|our) (?:services?|apps?|website|site|platform|products?)\b/i;

/**
 * One act on the user's own records, done by the user where they keep them ("you may delete this information at
 * any time by visiting your account details", "you can download a copy by logging into your account", "you may
 * download a copy of your data on our privacy settings page"): the verb
 * straight after the modal, so "you may ask us to delete it" stays a request.
 */
const SELF_ACT =
  /\b(?:you|users?)\s+(?:can|may|are able to)\s+(?:also\s+)?(?:at any time\s+)?(?:(delete|erase|remove)|(download|export))\b/i;

/**
 * How the user changes their own records, when the clause says they do it themselves; else null. `inAccount`:
 * the clause places it in the user's account or profile.
 */
export function selfServiceChoice(t: string, inSettings: boolean, inAccount = false): string | null {
  if (SELF_SERVICE.test(t)) {
    if (inSettings) return 'change it in settings';
    if (IN_THE_SERVICE.test(t)) return 'change or delete it yourself in the service';
  }
  const act = inAccount || inSettings ? SELF_ACT.exec(t) : null;
  if (!act) return null;
  // A copy downloaded on a settings page is no change made in settings; deleting there stays "change it in
  // settings" (the caller's reading).
  if (inSettings) return act[2] ? 'download a copy of your data in settings' : null;
  // A copy the user downloads is the copy right, with the account as its route (./route.ts).
  return act[1] ? 'delete it yourself in your account' : 'get a copy of your data';
}

/**
 * A setting turned on to limit or refuse the practice ("turn on the Limit Ad Tracking setting", "switch on
 * Do Not Disturb"): turning it on is the way out, so the card must not say "You can turn it on".
 */
const WAY_OUT_ON =
  /\b(?:turn|switch)(?:ing)? on (?:the |your |a )?"?(?:limit|restrict|block|do not|don't|opt[- ]?out|disable|stop|pause|private|incognito)\w*/i;

export function turnsOnAWayOut(t: string): boolean {
  return WAY_OUT_ON.test(t);
}

/** Both ways: "you are free to opt-in or opt-out at any time", "opt in or out", 'an "opt-in" or "opt-out" method'. */
const OPT_IN_OR_OUT = /\bopt(?:s|ed|ing)?[- ]?in\b"?,? (?:or|and\/or|and) "?(?:to )?(?:opt[- ]?)?out\b/i;

export function optsInOrOut(t: string): boolean {
  return OPT_IN_OR_OUT.test(t);
}

/** The company as the sentence's subject: "We may ask for …", "We will not discriminate against you …". */
const COMPANY_SUBJECT = /^\s*(?:\W\s*)?(?:we|our company|the company)\b/i;
/** A lead-in that introduces the items ("You have the right to:", "Even after you opt out:"). */
const INTRODUCES = /:\s*$/;

/**
 * Whether a sentence may take the control its lead-in names. A company's own sentence ("We may ask for proof of
 * identity", "We will not discriminate against you") under a paragraph that named a control (a parent item
 * ending "…via your Settings page.") is no way to exercise it; under a lead-in that introduces the items
 * ("Even after you opt out of personalised ads:") it still is.
 */
export function takesLeadInChoice(t: string, leadIn: string): boolean {
  return !COMPANY_SUBJECT.test(t) || INTRODUCES.test(leadIn);
}
