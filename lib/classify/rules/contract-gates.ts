/**
 * Business-contract clauses that read like privacy practices (data/GUIDE.md §3, settled 2026-12-07): terms of
 * service between the company and a defined customer party ("the Client", "the Customer") speak of licences,
 * rights, confidentiality, notices and cancellation in words the model and the rules also meet in privacy
 * practices. Each function names one such shape; `contractGatedOut` says which categories it rules out, and
 * `userGrantsContentRights` corrects a stance.
 * @module
 */
import type { CategoryId } from '../taxonomy';

/**
 * The customer as a defined party of the contract: the one "you" stands for in terms written in the third
 * person. Only the nouns contracts define for the customer; "the user" alone is already known to the gates.
 * An ad network's terms name their business customers "Publisher" and "Advertiser" (settled 2026-12-08).
 */
const CUSTOMER_PARTY = String.raw`(?:the |each |any )?(?:Client|Customer|Licensee|Subscriber|User|Member|Purchaser|Buyer|Publisher|Advertiser)s?`;

/** The company granting that party a licence or right: "OVHcloud grants the Client a non-exclusive licence". */
const GRANTED_TO_CUSTOMER = new RegExp(
  String.raw`\bgrant(?:s|ed)? (?:to )?${CUSTOMER_PARTY}\b[^.;]{0,80}?\b(?:licen[cs]e|rights?)\b|\b(?:licen[cs]e|rights?)\b[^.;]{0,60}?\b(?:is |are )?(?:hereby )?(?:granted|given) to ${CUSTOMER_PARTY}\b|\b${CUSTOMER_PARTY} (?:is|are|shall be|will be) (?:hereby )?granted\b`,
  'i',
);

/**
 * The customer party granting rights, or its content named: a content licence may sit in the same sentence
 * ("… and the Client grants OVHcloud a licence to host the Client's content").
 */
const CUSTOMER_GRANTS = new RegExp(
  String.raw`\b${CUSTOMER_PARTY} (?:hereby )?(?:grants?|gives?|assigns?|licenses?)\b|\b(?:your|Client|Customer|Licensee|Subscriber|User|Member)(?:'s|s')? (?:content|submissions?|posts|uploads|materials?|works?)\b|\byou (?:\w+ ){0,2}?(?:grant|give|assign|license)\b|\bgrant(?:s|ing)? (?:to )?us\b`,
  'i',
);

/** A licence the service grants a defined customer party (guide §3 content-license, "Not"). */
export function isLicenceToCustomerParty(text: string): boolean {
  return GRANTED_TO_CUSTOMER.test(text) && !CUSTOMER_GRANTS.test(text);
}

/** Someone granting or authorising rights: the shape of a content licence. */
const GRANT =
  /\b(?:grants?|gives?|authori[sz]es?|consents? to|licenses?)\b[^.;]{0,120}?\b(?:licen[cs]e|rights?|permission|authori[sz]ation)\b/i;
/**
 * What the grant is over: the user's account, registration or personal information, data the company holds
 * about them ("the User Information"), not what they post. "Customer Data" in business terms is what the
 * customer puts into the service: content (as the gold labels have it).
 */
const ACCOUNT_DATA =
  /\b(?:User|Account|Personal|Registration|Contact|Billing|Usage|Subscriber|Member)(?:'s|s')? (?:Information|Data|Details)\b|\b(?:your|their|its) (?:personal |account |registration |contact |billing |usage )?(?:information|data|details)\b|\bpersonal (?:data|information)\b/i;
/** Only keeping and processing it to run the service: storing, processing, retrieving, hosting, backing up. */
const PROCESS_ONLY = /\b(?:store|process|retrieve|host|maintain|back up|transmit)\b/i;
/** Any other use — using, publishing, referencing, improving, training — is a licence over it (gold). */
const OTHER_USE =
  /\b(?:use|using|publish\w*|reference|display\w*|reproduce|distribut\w*|modify|copy|exploit|share|improv\w*|train\w*|develop\w*|analy[sz]\w*|commerciali[sz]\w*|sublicens\w*|publicly)\b/i;
/** Content the user posts, uploads or submits, or information they publish: a content licence stays. */
const POSTED =
  /\bcontent\b|\bsubmissions?\b|\bsubmit\w*|\bposts?\b|\bposted\b|\bposting\b|\buploads?\b|\buploaded\b|\bmaterials?\b|\bworks?\b(?! with)|\bcontributions?\b|\bfeedback\b|\bideas\b|\bsuggestions\b|\bUGCs?\b|\bcomments?\b|\breviews?\b|\bphotos?\b|\bimages?\b|\bvideos?\b|\bfiles?\b|\bintellectual property\b|\bcopyright\w*|\bname and likeness\b|\bCustomer Data\b/i;

/**
 * A grant over the user's account or personal information, not over content they post, upload or submit
 * (guide §3 content-license, "Not"): a permission to process data, whatever else the sentence states.
 */
export function isAccountDataGrant(text: string): boolean {
  const kept = text.replace(/\bin connection with\b[^.;]*/gi, ' ');
  return (
    GRANT.test(text) &&
    ACCOUNT_DATA.test(text) &&
    PROCESS_ONLY.test(kept) &&
    !OTHER_USE.test(kept) &&
    !POSTED.test(text)
  );
}

/**
 * A price increase the customer may answer by terminating ("upon notification of said increase, the Client has
 * the right to terminate"): the increase is of a price, so a product change (guide §3 unilateral-change, "Not"),
 * unless the terms are named as what changes.
 */
const PRICE_INCREASE =
  /\b(?:said|such|the|this|that|any|an|each|a) (?:price |fee |tariff |rate )?increases?\b(?! (?:the|your|its|our|their)\b)/i;
const TERMS_CHANGE =
  /\b(?:the|any|such|these|those|material) (?:changes|modifications|updates|amendments)\b|\b(?:terms|polic(?:y|ies)|agreement|conditions|contract|EULA|notice|statement|guidelines|rules)\b[^.;]{0,40}?\b(?:change|changes|changed|modif\w*|amend\w*|updat\w*|revis\w*)\b|\b(?:change|changes|modif\w*|amend\w*|updat\w*|revis\w*)\b[^.;]{0,40}?\b(?:terms|polic(?:y|ies)|agreement|conditions|contract|EULA)\b/i;

export function isPriceIncrease(text: string): boolean {
  return PRICE_INCREASE.test(text) && !TERMS_CHANGE.test(text);
}

/**
 * A notices clause — how documents and legal proceedings are served — that names arbitration only among the
 * proceedings it covers ("This article does not apply to the service of any proceedings … or any arbitration";
 * guide §3 arbitration, "Not"). Any statement of arbitration itself keeps the label.
 */
const SERVICE_OF_DOCUMENTS =
  /\bservice of (?:any |the )?(?:legal )?(?:proceedings|process|documents|claim forms?|writs?|summons)\b|\b(?:documents|proceedings|process) (?:may|shall|will|must) be served\b/i;
const ARBITRATION_STATED =
  /\b(?:resolved|settled|decided|determined|submitted|referred|heard) (?:\w+ ){0,3}?(?:by|through|to|in) (?:final |binding |individual )*arbitration\b|\bagree\w* to arbitrate\b|\bbinding arbitration\b|\barbitration (?:agreement|clause|provision|rules)\b|\bwaiv\w*|\bclass\b|\bjury\b|\bopt[- ]?out\b|\bsmall[- ]claims?\b|\binformal\b|\bnotice of (?:a |the |your )?(?:dispute|claim)\b/i;

/** Arbitration named as one of the proceedings ("any legal action or … any arbitration"). */
const ARBITRATION_NAMED = /\barbitra\w*/i;

export function isNoticesClause(text: string): boolean {
  return SERVICE_OF_DOCUMENTS.test(text) && ARBITRATION_NAMED.test(text) && !ARBITRATION_STATED.test(text);
}

/**
 * Mutual confidentiality between the parties to a contract — their obligations, exceptions and what counts as
 * "Confidential Information" (guide §3 data-sharing, "Not"): the parties' business secrets, not the disclosure
 * of users' personal data. A clause that names personal or user data stays.
 */
const CONFIDENTIALITY =
  /\bConfidential Information\b|\b(?:[Rr]ecipient|[Rr]eceiving|[Dd]isclosing) [Pp]arty\b|\b[Cc]onfidentiality (?:commitments|undertakings) (?:defined|set out|stated) (?:above|below|in)\b/;
const USERS_DATA =
  /\bpersonal(?:ly identifiable)? (?:data|information)\b|\b(?:your|users?'?|end[- ]users?'?|customers?'?|members?'?) (?:personal )?(?:data|information|details|content)\b|\b(?:Customer|User|Client) (?:Data|Content|Information)\b|\b(?:information|data) about (?:you|users|individuals|people)\b|\bPII\b/i;

export function isConfidentialityClause(text: string): boolean {
  return CONFIDENTIALITY.test(text) && !USERS_DATA.test(text);
}

/**
 * The parties assigning the agreement — its rights and obligations — to an affiliate, a successor or a buyer of
 * the business ("either party may assign the Agreement to an affiliate or in a change of control"): a contract
 * term naming no one's data (guide §3 data-sharing, "Not", settled 2026-12-08; the gold leaves every such
 * assignment unlabelled). A sentence that names data, information, accounts or content keeps its labels.
 */
const ASSIGNMENT =
  /\bassign\w*\b[^.;]{0,80}?\b(?:this|the|these|its|their|his|her|your|our) (?:[\w-]+ )?(?:Agreement|Terms|contract|rights|obligations)\b|\b(?:Agreement|Terms|contract)\b[^.;]{0,60}?\b(?:assign\w*|assignable)\b/i;
const NAMES_DATA = /\b(?:data|information|details|content|accounts?|records?)\b/i;

export function isContractAssignment(text: string): boolean {
  return ASSIGNMENT.test(text) && !NAMES_DATA.test(text) && !USERS_DATA.test(text);
}

/**
 * The sentence with the sources the company receives data from blanked ("We may receive information about
 * you from third parties such as vendors, resellers or affiliates"): sources are not recipients (guide §3
 * data-sharing, "Not": collecting from third parties is collection), so the gates' test for a disclosure
 * (`isInboundOnly`) reads the rest. A run-in title ("Vendors and Partners:") is dropped too: it names, it
 * discloses nothing. "From you", "from our sites" stay: others collecting on the company's services count.
 */
export function withSourcesBlanked(text: string): string {
  const untitled = text.replace(RUN_IN_TITLE, '');
  // Only a word whose letters spell "from" starts a list of sources: without one, nothing is blanked.
  if (!MAYBE_FROM.test(untitled)) return untitled;
  const words = untitled.split(/(\s+)/);
  let inSources = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^\s+$/.test(w)) continue;
    const bare = w.toLowerCase().replace(/[^a-z-]/g, '');
    if (bare === 'from') {
      const next = words
        .slice(i + 1, i + 5)
        .join('')
        .toLowerCase();
      inSources = !/^\s*(?:you|your|our (?:sites?|services?|apps?|platform|websites?))\b/.test(next);
      continue;
    }
    if (!inSources) continue;
    if (SOURCES_END.has(bare)) {
      inSources = false;
      continue;
    }
    words[i] = ' ';
    // The sentence or the clause ends with this word.
    if (/[.;:)]$/.test(w)) inSources = false;
  }
  return words.join('');
}

/**
 * What any word `withSourcesBlanked` reads as "from" contains: f, r, o and m in order, with nothing between
 * them that its letters-and-hyphens reading keeps (upper case is lowered; only ASCII letters lower to them).
 */
const MAYBE_FROM = /[fF][^a-zA-Z-]*[rR][^a-zA-Z-]*[oO][^a-zA-Z-]*[mM]/;

/** A run-in title before the sentence ("Vendors and Partners: We may receive …"). */
const RUN_IN_TITLE = /^\s*[A-Z][\w'&-]*(?:,? (?:and |or |& )?[\w'&-]+){0,5}:\s+(?=[A-Z])/;

/**
 * Where the list of sources after "from" ends: a relative clause, the company or others acting again, a purpose
 * or a destination ("from vendors, who collect it on our behalf"; "from you and then transfer it to …").
 */
const SOURCES_END = new Set(
  'that who which whom whose where when while then subsequently also to for on through with by in we us they it acting act collect collects collected share shares shared disclose discloses disclosed transfer transfers transferred provide provided send sent pass passed give sell sold use used process processed'.split(
    ' ',
  ),
);

/**
 * The user granting the company rights over their content ("your UGC, which you give us rights to use"): the
 * licence is the clause's content-license statement, so duties about the content in the same sentence ("it
 * must only contain material you may use") do not make it a ban on licensing (guide §3 content-license).
 */
const USER_GRANTS_RIGHTS =
  /\byou (?:hereby )?(?:grant|give|assign|license)(?: to)? (?:us|[A-Z][\w.&-]+)\b[^.;]{0,40}?\b(?:licen[cs]e|rights?|permission)\b|\b(?:which|that) you (?:hereby )?(?:grant|give)(?: to)? us (?:a |the |all )?(?:[\w-]+ ){0,3}?(?:licen[cs]e|rights?|permission)\b/i;
/** A denial of the grant ("you do not grant us any rights") is a statement of its own. */
const GRANT_DENIED =
  /\b(?:do not|don't|does not|doesn't|never|nothing in)\b[^.;]{0,40}?\b(?:grant|give|assign|license|transfer)\b/i;

export function userGrantsContentRights(text: string): boolean {
  return USER_GRANTS_RIGHTS.test(text) && !GRANT_DENIED.test(text);
}

/**
 * Accepting the terms by using the service ("Your use of the site constitutes your acceptance of these Terms",
 * "By using the app you agree to these Terms"), with no change named: how the contract is formed, not a change
 * to it (guide §3 unilateral-change, "Not", settled 2026-12-08). "Continued use" after a change stays.
 */
const ACCEPTANCE_BY_USE =
  /\b(?:use|using|access(?:ing)?)\b[^.;]{0,80}?\b(?:constitutes?|means|signifies|indicates|confirms)\b[^.;]{0,40}?\b(?:acceptance|agreement|consent)\b|\bby (?:using|accessing|visiting)\b[^.;]{0,80}?\byou (?:accept|agree|consent)\b/i;
const CHANGE_NAMED =
  /\bchang|\bmodif|\bamend|\bupdat|\brevis|\bcontinu|\bfrom time to time\b|\bnew versions?\b|\bfuture versions?\b/i;

export function isAcceptanceByUse(text: string): boolean {
  return ACCEPTANCE_BY_USE.test(text) && !CHANGE_NAMED.test(text);
}

/**
 * Feedback or submissions declared non-confidential, with no grant in the sentence ("You agree that your
 * feedback will be treated as non-confidential"): confidentiality waived, nothing licensed (guide §3
 * content-license, "Not", settled 2026-12-08).
 */
const NON_CONFIDENTIAL =
  /\bnon-?confidential\b|\bnot (?:be )?(?:treated as |considered |deemed )?confidential\b/i;
const GRANT_WORDS =
  /\blicen[cs]\w*|\bgrant\w*|\bright to\b|\brights? (?:in|to|over)\b|\broyalty|\bperpetual|\birrevocabl|\bfree to (?:use|disclose|reproduce)|\b(?:use|reproduce|disclose|exploit|publish)\b/i;

export function isNonConfidentialOnly(text: string): boolean {
  return NON_CONFIDENTIAL.test(text) && !GRANT_WORDS.test(text);
}

/**
 * A rule about what the user may pick as a user name, ID, handle or password ("You may not select as your
 * username a name you have no right to use"): conduct, not "no choice" (guide §3 user-choice, settled
 * 2026-12-08).
 */
const ACCOUNT_NAME_RULE =
  /\b(?:may|must|shall|can) not (?:select|choose|pick|use|adopt|register)\b[^.;]{0,40}?\b(?:user ?names?|user ?ids?|[\w-]+ (?:user )?ids?|screen names?|display names?|handles?|nicknames?|passwords?|account names?)\b/i;

export function isAccountNameRule(text: string): boolean {
  return ACCOUNT_NAME_RULE.test(text);
}

/** Whether one of these contract shapes rules `category` out of a clause with this text. */
export function contractGatedOut(category: CategoryId, text: string): boolean {
  switch (category) {
    case 'content-license':
      return isLicenceToCustomerParty(text) || isAccountDataGrant(text) || isNonConfidentialOnly(text);
    case 'unilateral-change':
      return isPriceIncrease(text) || isAcceptanceByUse(text);
    case 'arbitration':
      return isNoticesClause(text);
    case 'data-sharing':
      return isConfidentialityClause(text) || isContractAssignment(text);
    case 'data-sale':
      return isContractAssignment(text);
    case 'user-choice':
      return isAccountNameRule(text);
    default:
      return false;
  }
}
