/**
 * The route a clause names for the user's choice (issue 23, named-control-missed): an e-mail address to write
 * to, a phone number to call, web sites to visit. The card says "opt out by calling <number>" instead of a bare
 * "opt out". The route is the page's own text, so it is data: kept as written, shown through a placeholder,
 * never markup. A clause that names none gets none (saying less beats guessing a route).
 * @module
 */

/** An e-mail address as written: "privacy@example.com". */
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/;
/**
 * A number after calling or phoning: "call 1-800-555-0100", "by telephone on +44 20 7946 0000", "call
 * 1-800-MYDATA (1-800-693-282)" (a lettered number keeps its digits beside it).
 */
const PHONE =
  /\b(?:[Cc]all(?:ing)?|[Pp]hon(?:e|ing)|[Tt]elephon(?:e|ing)|[Dd]ial(?:ling)?)\b(?:\s+(?:us|them|our [\w-]+(?: [\w-]+)?))?(?:\s+(?:at|on))?\s+((?:\+|\b)\d[\d() .-]{5,}\d(?:-[A-Z]{3,}[\dA-Z-]*)?(?:\s+\(\d[\d .-]{5,}\d\))?|1-\d{3}-[A-Z][\dA-Z-]{3,}(?:\s+\(\d[\d .-]{5,}\d\))?)/;
/**
 * A keyword texted to a short code: "text STOP to 37473", "by texting STOP to 12345". The keyword is written in
 * capitals as the page gives it; the number is kept as written.
 */
const TEXT_KEYWORD = /\b[Tt]ext(?:ing)? ([A-Z]{2,12}) to (\d[\d -]{2,12}\d)\b/;
/** A web site named by its address: "youronlinechoices.eu", "optout.aboutads.info", "www.example.org/optout". */
const SITE =
  /(?<![@\w.-])(?:https?:\/\/)?(?:www\.)?(?:[a-z0-9-]+\.)+(?:com|org|net|info|eu|io|gov|uk|de|fr)(?:\/[\w./-]*\w)?(?![\w@-])/gi;
/** Words that send the user to a site: "visit", "go to", "at". */
const VISIT = /\b(?:visit\w*|go(?:ing)? to|at|via|on)\b/i;

/**
 * A page of the service named by its own title, capitalised as the page writes it: "visiting Privacy Settings",
 * "in the 'Ad Preferences' page", "from your Account Dashboard". Lower-case "your settings" names no page.
 */
const PAGE =
  /\b(?:[Vv]isit(?:ing)?|[Gg]o(?:ing)? to|[Nn]avigat(?:e|ing) to|[Oo]pen(?:ing)?|in|via|from|through|under|on)\s+(?:the |your |our |their )?["']?((?:[A-Z][\w-]*\s+(?:&\s+)?){1,3}(?:Settings|Preferences|Dashboard|Cent(?:er|re)|Controls|Choices))\b/;
/**
 * A page named by what it is for, in lower case: "by proceeding to the deactivation page", "on our opt-out
 * page". Only pages whose name is the control itself; "our privacy page" names none.
 */
const PURPOSE_PAGE =
  /\b(?:to|on|via|at|through|from|visit(?:ing)?) (?:the|our|their) ((?:account )?(?:deactivation|deletion|opt-?out|unsubscribe)) page\b/i;
/**
 * What follows a named title when it is a link or button, not a page; a bracketed gloss may come between
 * ('the "Your Privacy Choices (Opt Out of Sale)" button').
 */
const LINK_AFTER = /^["'\s]*(?:\([^)]{0,60}\)["'\s]*)?(?:or [\w\s]{0,20})?(?:link|button|toggle|switch)\b/i;
/**
 * The link in the company's own e-mails: "clicking the link in the footer of any e-mail", "the unsubscribe link in
 * our e-mails", "the unsubscribe link located at the bottom of each promotional email".
 */
const EMAIL_LINK =
  /\b(?:the |an? )?(?:unsubscribe |opt[- ]?out )?link (?:(?:provided |included |contained |available |found |located )?(?:in|at) (?:the (?:footer|bottom) of )?(?:any|each|every|our|the|all|those|these)? ?(?:[\w-]+ )?(?:e-?mails?|messages?|newsletters?|communications?))\b/i;

/**
 * Instructions in the company's own e-mails: "by following the opt-out instructions contained in the email",
 * "the unsubscribe instructions included in each message".
 */
const EMAIL_INSTRUCTIONS =
  /\binstructions (?:(?:contained|included|provided|found|given) )?(?:in|at the (?:bottom|end) of) (?:the|each|any|every|our|all|those|these|such) ?(?:[\w-]+ )?(?:e-?mails?|messages?|newsletters?|communications?)\b/i;
/** A browser add-on the user installs: "by installing the … opt-out browser add-on", "a browser plug-in". */
const ADD_ON =
  /\b(?:install\w*|download\w*|add\w*|us(?:e|ing))\b[^.;]{0,80}?\b(?:browser )?(?:add-? ?ons?|plug-? ?ins?|extensions?)\b/i;
/**
 * The user's own account as the place: "by logging into your account", "in your account section of our
 * website", "by visiting your account details", "by signing in to your profile", "in the Privacy section of your
 * Acme account". "your account settings" is
 * settings (./slots.ts places that choice itself).
 */
const ACCOUNT =
  /\bin the (?:[\w-]+ ){1,2}(?:section|tab|page|area) of your (?:[\w.-]+ )?account\b|\b(?:by |after )?(?:logging|signing) (?:in ?to|on ?to|in to|into|onto) (?:your |the )?(?:[\w-]+ )?(?:account|profile)\b|\b(?:in|from|via|through|by visiting) (?:your|the) (?:[\w-]+ )?account (?:section|area|page|details|dashboard|portal)\b/i;
/**
 * Contacting the company offered beside the account or the e-mail link as a second way: "… or contacting
 * Customer Services", "… or Contact Us".
 */
const OR_CONTACT =
  /\bor (?:by )?(?:contacting|e-?mailing|writing to|calling|getting in touch with) (?:us|our|the|customer|them)\b|\bor (?:via |through |using )?(?:our |the )?["']?contact us\b/i;
/**
 * A tool the clause points to, named by its own words: "opt out using this DAA tool", "via the NAI Opt Out
 * Tool". Only after "using", "via", "through" or "with": "tools we use" is no route.
 */
const TOOL = /\b(?:using|via|through|with) (?:this|the|that|their|its) (?:[\w-]+ ){0,4}?tool\b/i;

/** At most this many sites are named; more reads as a list, not a route. */
const MAX_SITES = 4;

/**
 * The route the clause names, as an English phrase that follows the choice ("by e-mail to …", "by calling …",
 * "on the sites …"), or null. One route: an e-mail address first, then a phone number, then web sites.
 */
export function namedRoute(t: string): string | null {
  const email = EMAIL.exec(t)?.[0];
  if (email) return `by e-mail to ${email}`;
  const text = TEXT_KEYWORD.exec(t);
  if (text) return `by texting ${text[1]} to ${text[2]}`;
  const phone = PHONE.exec(t)?.[1]?.trim();
  if (phone) return `by calling ${phone}`;
  const page = PAGE.exec(t);
  // A title followed by "link" or "button" names that control, not a page: 'using the "Ad Settings" link'.
  if (page)
    return LINK_AFTER.test(t.slice(page.index + page[0].length))
      ? `using the control "${page[1]}"`
      : `on the page "${page[1]}"`;
  const purposePage = PURPOSE_PAGE.exec(t)?.[1];
  if (purposePage) return `on the page "${purposePage}"`;
  const emailLink = EMAIL_LINK.exec(t);
  // Contacting the company offered as the second way: "… the unsubscribe link in each e-mail, or Contact Us".
  if (emailLink)
    return OR_CONTACT.test(t.slice(emailLink.index + emailLink[0].length))
      ? 'using the link in their e-mails or by contacting them'
      : 'using the link in their e-mails';
  if (EMAIL_INSTRUCTIONS.test(t)) return 'by following the instructions in their e-mails';
  if (ADD_ON.test(t)) return 'by installing the browser add-on they name';
  const account = ACCOUNT.exec(t);
  if (account)
    return OR_CONTACT.test(t.slice(account.index + account[0].length))
      ? 'by logging into your account or by contacting them'
      : 'by logging into your account';
  if (TOOL.test(t)) return 'using the tool they name';
  if (!VISIT.test(t)) return null;
  const sites = [...t.matchAll(SITE)].map((m) => m[0]);
  if (sites.length === 0 || sites.length > MAX_SITES) return null;
  return `on ${sites.length === 1 ? 'the site' : 'the sites'} ${sites.join(', ')}`;
}

/** A choice phrase with its route, split: "opt out by calling 1-800-555-0100" → kind "phone" and the number. */
const WITH_ROUTE =
  /^(.+?) (?:(by e-mail to) |(by texting) |(by calling) |(on the sites?) |(on the page) "|(using the control) "|(using the link in their e-mails or by contacting them)|(using the link in their e-mails)|(by following the instructions in their e-mails)|(by installing the browser add-on they name)|(by logging into your account or by contacting them)|(by logging into your account)|(using the tool they name))(.*?)"?$/;

export type RouteKind =
  | 'email'
  | 'text'
  | 'phone'
  | 'site'
  | 'page'
  | 'control'
  | 'email-link-contact'
  | 'email-link'
  | 'email-instructions'
  | 'add-on'
  | 'account-contact'
  | 'account'
  | 'tool';

const KINDS: readonly RouteKind[] = [
  'email',
  'text',
  'phone',
  'site',
  'page',
  'control',
  'email-link-contact',
  'email-link',
  'email-instructions',
  'add-on',
  'account-contact',
  'account',
  'tool',
];

export function splitRoute(choice: string): { base: string; kind: RouteKind; value: string } | null {
  const m = WITH_ROUTE.exec(choice);
  if (!m) return null;
  const groups = m.slice(2, 2 + KINDS.length);
  const kind = KINDS[groups.findIndex((g) => g !== undefined)]!;
  return { base: m[1]!, kind, value: m[2 + KINDS.length]! };
}
