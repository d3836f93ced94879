/**
 * Clause shapes the data guide rules out of a category whatever the model scores (data/GUIDE.md §3, settled
 * 2026-12-07). The rule families' vetoes only keep a rule from firing; the model, reading the same words
 * ("licence", "disclosed to third parties"), still scores these shapes high, so the classifier asks here
 * before it paints or lists a label. Each gate names a shape that is a different statement, not a weak one.
 * @module
 */
import type { CategoryId } from '../taxonomy';
import { aiTrainingGatedOut } from './ai-training-gates';
import { contentLicense } from './content-license';
import { contractGatedOut, withSourcesBlanked } from './contract-gates';
import { statesNoPracticeAtAll, statesNoPracticeOf } from './non-statements';
import { notThePractice } from './not-the-practice';
import { isRightObjectOnly } from './right-object';
import { isServiceMessagesOnly } from './service-messages';
import { isLinkAwayOnly } from './link-away';

/**
 * A California "Shine the Light" right (Civil Code § 1798.83): the user may ask what was disclosed to third
 * parties for *their* direct marketing. It names a right to ask, not a disclosure (user-choice only).
 */
const SHINE_THE_LIGHT_LAW = /\b(?:Shine the Light|1798\.83|California)\b/i;
const ASK = /\b(?:request|ask|obtain|entitled to (?:receive|know)|right to (?:receive|know))\b/i;
const FOR_THEIR_MARKETING = /\bdirect marketing\b|\btheir (?:own )?marketing\b/i;
/** The company's own statement of the practice beside the right: "We do not share … for their marketing." */
const OWN_STATEMENT =
  /(?:^|[.;:]\s+|\band\s+|,\s+but\s+)we (?:(?:do not|don't|will not|won't|never|may|will|also|can)\s+)?(?:share|disclose|sell|rent)\b/i;

export function isShineTheLightRight(text: string): boolean {
  return (
    SHINE_THE_LIGHT_LAW.test(text) &&
    ASK.test(text) &&
    FOR_THEIR_MARKETING.test(text) &&
    !OWN_STATEMENT.test(text)
  );
}

/** A licence or right granted to the user, or its end ("your right to use the Website terminates"). */
const TO_THE_USER: readonly RegExp[] = [
  ...(contentLicense.vetoes ?? []),
  /\byour (?:limited |personal )?(?:licen[cs]e and |right to )(?:access|use)\b/i,
  /\bgrant(?:s|ed)? (?:to )?the (?:end )?user\b/i,
  /\b(?:licen[cs]e|right) (?:is )?(?:granted )?to (?:you|the (?:end )?user)\b/i,
  // "Acme grants the right to install, use and run the software on a device you own" (settled session 10).
  /\bgrants? (?:to )?(?:you |users? )?(?:a |the |an )?(?:(?:non-?exclusive|limited|personal|revocable|non-?transferable|non-?sublicensable|worldwide|royalty-free|free),? (?:and )?){0,5}(?:licen[cs]e|right) to (?:install|use|access|download|run|view|display)\b[^.;]{0,80}?\b(?:software|apps?|application|programs?|materials?|service|website|site|API)\b/i,
];
/** The user granting rights over their content: a content licence, whatever else the sentence says. */
const USER_GRANTS =
  /\byou (?:hereby )?(?:grant|give|assign|license)\b|\bgrant(?:s|ing)? (?:to )?us\b|\b(?:your|user|member|customer)s?'? (?:content|submissions?|posts|uploads)\b|\bcontent (?:that )?you (?:post|upload|submit|share|provide|create)\b/i;

export function isLicenceToTheUser(text: string): boolean {
  return TO_THE_USER.some((re) => re.test(text)) && !USER_GRANTS.test(text);
}

/**
 * A change the company may make to the product — the service, its features, its prices or fees — that names
 * no terms or policy (guide §3 unilateral-change, "Not"): "we may modify or discontinue features at any
 * time", "prices may change". Quoted text (a cross-reference to a section called "Changes to the Terms")
 * names no change.
 */
const PRODUCT = String.raw`(?:services?|features?|functions?|functionality|prices?|pricing|fees?|charges?|rates?|plans?|channels?|offerings?|products?|website|site|apps?|application|platform|(?:reward|loyalty|referral|membership|points|bonus|affiliate|partner|beta|trial) programs?|(?:reward|loyalty|referral|membership|points|bonus|affiliate|partner|beta|trial) programmes?|rewards?|promotions?|subscriptions?)`;
const PRODUCT_CHANGE: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:we|[A-Z][\w.&-]+) (?:may|might|can|will|(?:reserves?|retains?|ha(?:ve|s)) the right to)\b[^.;:]{0,30}?\b(?:modify|change|alter|suspend|discontinue|withdraw|add|remove|increase|adjust|raise|update)\b[^.;:]{0,40}?\b${PRODUCT}\b`,
    'i',
  ),
  new RegExp(
    String.raw`\b${PRODUCT}\b[^.;:]{0,30}?\b(?:may|might|can|will|are subject to|is subject to) (?:be )?(?:change|changed|vary|varied|increase|increased|adjusted)\b|\bincrease (?:in|of) (?:the |any |your )?(?:[\w-]+ )?(?:prices?|fees?|charges?)\b`,
    'i',
  ),
  // "If prices increase, …", "when our fees go up": the change stated as a condition, with no modal.
  /\b(?:if|when|whenever|where|should) (?:the |our |any |your )?(?:[\w-]+ )?(?:prices?|fees?|charges?|rates?)\b (?:increase|rise|change|go up)\b/i,
  // "To notify you about changes to our Services": a change to the product named as a topic.
  new RegExp(
    String.raw`\b(?:changes?|updates?|modifications?|improvements?) (?:to|in|of) (?:our|the|its|any|your) (?:[\w-]+ )?${PRODUCT}\b`,
    'i',
  ),
];
/**
 * What the terms are called, or "the changes" they speak of ("if you do not accept the changes, close your
 * account"): a change to the terms, whatever else the sentence names.
 */
const TERMS_NAMED =
  /\b(?:terms|polic(?:y|ies)|agreement|conditions|contract|EULA|(?:privacy|this|our) (?:notice|statement)|guidelines|rules|(?:this|the) page|changes? in (?:the )?law)\b|\b(?:the|any|such|these|those|material|relevant) (?:changes|modifications|updates|amendments)\b/i;

/**
 * The terms named only as what the user breaks or what a step follows ("if you have violated these Terms",
 * "in accordance with our Acceptable Use Policy"): the terms are the reason for the product change, not what
 * changes.
 */
const TERMS_AS_REASON =
  /\b(?:violat\w*|breach\w*|in breach of|infring\w*|under|in accordance with|pursuant to|as (?:set out|described|stated) in|consistent with|comply(?:ing)? with|compliance with) (?:these|the|our|this|any|its) (?:[\w-]+ ){0,2}?(?:terms|polic(?:y|ies)|agreement|conditions|guidelines|rules)\b(?:,? (?:or|and|and\/or) (?:these|the|our|this|any|its) (?:[\w-]+ ){0,3}?(?:terms|polic(?:y|ies)|agreement|conditions|guidelines|rules)\b)*/gi;

export function isProductChange(text: string): boolean {
  const unquoted = text.replace(/"[^"]{1,120}"/g, ' ').replace(TERMS_AS_REASON, ' ');
  return PRODUCT_CHANGE.some((re) => re.test(unquoted)) && !TERMS_NAMED.test(unquoted);
}

/**
 * Data that others give the company: "the companies we obtain your details from", "advertising
 * partners can send us details of your phone" (guide §3 data-sharing, "Not": collecting from third parties
 * is collection, not sharing).
 */
const INBOUND =
  /\b(?:we|us) (?:may |also |can |might |will |sometimes |regularly )*(?:receive|obtain|get|acquire|buy|purchase|are (?:given|sent|provided))\b[^.;]{0,60}?\bfrom\b|\b(?:receive[ds]?|obtain(?:s|ed)?|acquired|purchased) (?:\w+ ){0,3}?from (?:(?:our|these|such|the|other|certain|trusted) )*(?:partners?|third[- ]part(?:y|ies)|sources?|providers?|companies|data brokers?|affiliates?|advertisers?)\b|\b(?:partners?|third[- ]part(?:y|ies)|sources?|they|others|companies|affiliates?|advertisers?|brokers?)\b (?:\w+ ){0,4}?(?:shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|giv(?:e|es|ing)|gave|given|send(?:s|ing)?|sent|pass(?:es|ed|ing)?|transfer(?:s|red|ring)?)\b(?: us\b|[^.;]{0,50}?\b(?:with|to) us\b)|\b(?:giving|give|provide|providing|send|sending|pass|passing) us (?:any |some |certain |all )?(?:of )?(?:it\b|them\b|(?:your |the |their |personal )*(?:data|information|details)\b)/i;
/**
 * A disclosure by the company, others collecting from the user or on the company's services, providers that
 * work for it ("these companies provide us with services"), the company and its partners using data together,
 * or a request (from authorities) that leads to a disclosure: sharing.
 */
const OUTBOUND =
  /\bwe (?:\w+ ){0,3}?(?:share|shares|disclose|sell|rent|transfer|provide|give|send|pass|make available|transmit|release|allow|permit|enable|let)\b|\b(?:shared|disclosed|provided|made available|transferred|sent|passed|given|sold|released) (?:\w+ ){0,2}?(?:to|with) (?!us\b)|\b(?:to|with) (?:and|or) (?:from|with)\b|\bfrom (?:you|your (?:device|browser)s?|our (?:sites?|services?|apps?|platform|websites?))\b|\b(?:service providers?|processors?|vendors?|sub-?processors?)\b|\b(?:share|disclose|sell|pass|transfer|send|give|provide)s?\b[^.;]{0,50}?\b(?:with|to) (?!us\b)(?:our|their|its|the|other|third|partners|advertisers|affiliates|service|law|government|authorities|such|these|those|them|certain|select|any)\b|\brequests?\b|\bus and (?:our|their|to|with)\b|\bprovid\w* us (?:with )?(?:\w+ )?(?:tools|services|products|software|support)\b|\bservices? (?:to|for) us\b|\b(?:we|us),? and (?:our|its|certain|select) (?:[\w-]+ )?(?:partners|affiliates|vendors|advertisers)\b/i;

/** Also read with the sources blanked ("receive … from third parties such as vendors"): sources are no recipients. */
export function isInboundOnly(text: string): boolean {
  const inboundOnly = (t: string) => INBOUND.test(t) && !OUTBOUND.test(t);
  if (inboundOnly(text)) return true;
  // Most texts have no sources to blank: the same text needs no second reading.
  const blanked = withSourcesBlanked(text);
  return blanked !== text && inboundOnly(blanked);
}

/**
 * Terms for the business customer who buys ads (an advertiser's obligations, how its ads are served, billed
 * or measured): its own ads, not the use of a user's data to target them (guide §3 targeted-advertising,
 * "Not": the mere presence of ads or ad placement), and nothing of a user's data is disclosed. The customer
 * is a defined party ("Customer"), and the clause names no person, data, targeting or pixel (a rule on how the
 * advertiser may target or track people is a user prohibition, §4.2 R8, and stays).
 */
/**
 * The same for the publisher that shows an ad network's ads on its own sites (settled 2026-12-08): its duties and
 * the ads it may display are its business with the network, nothing of a user's data.
 */
const BUSINESS_CUSTOMER =
  /\b(?:Customer|Advertiser|Publisher|[Pp]ublishers)(?:'s|s')? (?:will|shall|must|may|agrees?|acknowledges?|is|are|sole|only|own|Ads?|campaigns?|tags?)\b/;
const AD_OPERATIONS =
  /\b(?:Ads?|campaigns?|impressions?|Programmes?|Programs?|ad servers?|CPM|invoices?|billing|creatives?|(?:display|serve|show|place)s? (?:the )?ads|paid-to-click|ad (?:inventory|units?|placements?|space))\b/;
const ABOUT_PEOPLE =
  /\b(?:you|your|users?|end[- ]users?|personal|data|information|identifiers?|cookies?|profil\w*|individuals?|people|persons?|consumers?|visitors?|audiences?|interests?|behaviou?r\w*|pixels?|(?:re)?target\w*|remarket\w*|personali[sz]\w*)\b/i;

export function isAdvertiserTerms(text: string): boolean {
  return BUSINESS_CUSTOMER.test(text) && AD_OPERATIONS.test(text) && !ABOUT_PEOPLE.test(text);
}

/**
 * Recipients inside the company — its own staff, employees, departments or teams, or what it calls its
 * "internal recipients" — with no one outside named (guide §3 data-sharing, settled 2026-12-07): the data
 * stays with the company, so nothing is disclosed. Affiliates and group companies are outside (§3 names them).
 */
const INTERNAL =
  /\b(?:internal|in-house) (?:recipients?|teams?|departments?|staff|personnel|use)\b|\b(?:our|its|the company's|[A-Z][\w&-]*'s) (?:own )?(?:authori[sz]ed |relevant |designated |internal )?(?:employees|staff(?: members)?|personnel|departments?|teams?)\b|\b(?:authori[sz]ed|designated) (?:[A-Z][\w&-]* )?(?:employees|staff|personnel)\b|\b(?:marketing|sales|customer (?:service|care|support)|support|finance|accounting|legal|compliance|human resources|HR|IT|security|product|engineering|analytics) (?:department|team|staff)s?\b|\bdata analysts\b/i;
const OUTSIDE =
  /\bthird[- ]part(?:y|ies)\b|\bpartners?\b|\baffiliat\w*|\bgroup (?:compan|entit)\w*|\bsubsidiar\w*|\bparent (?:company|companies)\b|\b(?:service )?providers?\b|\bvendors?\b|\b(?:sub-?)?processors?\b|\b(?:sub-?)?contractors?\b|\bsuppliers?\b|\bagents?\b|\bconsultants?\b|\badvis[eo]rs?\b|\bauditors?\b|\blawyers?\b|\badvertis\w*|\bauthorit\w*|\bregulators?\b|\blaw enforcement\b|\bgovernment\w*|\bpolice\b|\bcourts?\b|\b(?:acquirer|buyer|purchaser|successor)s?\b|\bother (?:users|members|companies|businesses|organi[sz]ations)\b|\bpublic(?:ly)?\b|\boutside\b|\bexternal\b|\bcompanies\b|\bsponsors?\b|\bmerchants?\b|\bbanks?\b|\boutsourc\w*|\bseparate (?:compan|entit|organi[sz]ation)\w*|\bon (?:our|its) behalf\b|\b(?:another|other|outside|separate|[\w-]+ing) company\b|\b(?:couriers?|carriers?|delivery|shipping|hosting|cloud|insurers?|brokers?|firms?|institutions?|organi[sz]ations?|charit(?:y|ies)|employers?|networks?|platforms?)\b/i;

/** The internal people are where the data goes, not whom the company protects ("the safety of our staff"). */
const RECIPIENT_CUE =
  /\brecipients?\b|\baccess\w*|\bavailable to\b|\b(?:seen|viewed|read|handled|processed|reviewed|used) (?:only )?by\b|\b(?:shared?|disclosed?|provided?|passed|transferred|given|sent|made available) (?:\w+ ){0,4}?(?:with|to)\b|^\W*with\b|\blimited to\b|\bonly (?:by|to)\b/i;

const BENEFICIARY =
  /\b(?:protect\w*|safety|defend\w*)\b|\b(?:for|of) (?:our|its|the company's) (?:own )?(?:employees|staff|personnel|teams?)\b/i;

export function isInternalRecipientOnly(text: string, leadIn?: string): boolean {
  const cue = RECIPIENT_CUE.test(text) || (leadIn !== undefined && RECIPIENT_CUE.test(leadIn));
  // "The safety of our staff", "reports for its staff": the company's people are whom it protects or serves.
  if (!cue || BENEFICIARY.test(text)) return false;
  const internal =
    INTERNAL.test(text) || (leadIn !== undefined && /\b(?:internal|in-house) recipients?\b/i.test(leadIn));
  return internal && !OUTSIDE.test(text);
}

/**
 * The object of a right to know or access: "the categories of third parties to whom we disclose personal
 * information" under "You can request information about:", or the same in one sentence ("You may request the
 * categories of third parties to whom we sold…"). It names what the user may ask about, not a disclosure
 * (guide §3 data-sharing, settled 2026-12-07, as the Shine the Light right): user-choice only.
 */
const ASK_TO_KNOW =
  /\bright (?:to|of) (?:know|access|request (?:access|information|details|disclosure|a copy))\b|\bright to know\b|\b(?:request|ask (?:us )?for|obtain|receive) (?:(?:access to|information (?:about|on|regarding)|details (?:of|about)|a (?:copy|list|summary) of|disclosure of)\b)|\b(?:request|ask) (?:that we|us to) (?:disclose|provide|tell|confirm|inform)\b|\b(?:you (?:can|may|have the right to|are entitled to) )(?:know|request|ask|access|obtain|receive)\b|\bin responding to (?:this|your|such a) (?:right|request)\b|\bwe (?:shall|will|must) (?:provide|disclose|tell|give) (?:to )?you\b|\bpossible for you to access\b/i;
/** A lead-in to stopping, deleting or opting out: its items state practices the right presupposes (R2/R3). */
const ACT_ON_PRACTICE =
  /\bopt(?:s|ed|ing)?[- ]?out\b|\bobject(?:ion)?\b|\bstop\b|\bdelet\w*|\berase|\berasure\b|\brestrict\w*|\bwithdraw\w*|\bcorrect\w*|\brectif\w*|\blimit\b/i;
const DISCLOSURE_NAMED =
  /\b(?:categor(?:y|ies)|names?|list|identit(?:y|ies)|types?|details)\b[^.;]{0,80}?\b(?:third[- ]part(?:y|ies)|recipients?|companies|businesses|parties|entities)\b|\b(?:third[- ]part(?:y|ies)|recipients|parties|companies)\b (?:to|with) whom\b|\bpurposes? (?:for|of) (?:collecting|selling|sharing|disclosing)\b|\bcategor(?:y|ies) of (?:personal )?(?:information|data)\b[^.;]{0,40}?\b(?:sold|shared|disclosed)\b/i;

/** "The categories of third parties that may receive your data are:": the practice stated, not asked about. */
const RECIPIENTS_STATED = /\b(?:that|which|who) (?:may |will |can |might )?(?:receive|obtain|get|access)\b/i;

export function isRightToKnowItem(text: string, leadIn?: string): boolean {
  if (!DISCLOSURE_NAMED.test(text) || OWN_STATEMENT.test(text) || RECIPIENTS_STATED.test(text)) return false;
  const asked = (s: string) => ASK_TO_KNOW.test(s) && !ACT_ON_PRACTICE.test(s);
  return asked(text) || (leadIn !== undefined && asked(leadIn));
}

/**
 * A court, venue, jurisdiction or governing-law clause with no arbitration term in it or its lead-in (guide
 * §3 arbitration: exclusive court jurisdiction and choice of law alone are not arbitration, even in an
 * arbitration section; small-claims carve-outs, waivers and the courts' part in an arbitration still are).
 */
const COURT_OR_LAW =
  /\bcourts?\b|\btribunals?\b|\bjurisdiction\b|\bvenue\b|\bgoverned by (?:the )?(?:laws?\b|[A-Z][\w ]{0,30}\blaw\b)|\bgoverning law\b|\blaws of\b/i;
/**
 * Arbitration, its waivers and carve-outs, and the courts' part in it: a carve-out sends some claims to court
 * ("either party may seek injunctive relief in court", "a severed claim may be litigated"), a court appoints an
 * administrator or enforces an award, procedures that must come first — all still describe the arbitration.
 */
const ARBITRATION_TERM =
  /\barbitra\w*|\bsmall[- ]claims?\b|\bclass(?:[- ]wide)?\b|\bcollective\b|\brepresentative (?:action|capacity|proceedings?|claims?)\b|\bjury\b|\bmediat\w*|\bADR\b|\bawards?\b|\b(?:AAA|JAMS|NAM|ICC|FAA|EFAA)\b|\bwaiv\w*|\bopt[- ]?out\b|\binjunct\w*|\binterim\b|\bpreliminary\b|\bequitable\b|\bnotwithstanding\b|\bsever\w*|\benforc\w*|\bprocedures?\b|\badministrator\b|\bappoint\w*|\bout[- ]of[- ]court\b|\binstead\b|\binformal\w*|\bintellectual property\b|\bdispute settlement\b/i;

/**
 * A section title run into the sentence ("Governing Law and Arbitration: This Agreement is governed by …"): the
 * title names the section the clause sits in, as a heading does, and the guide leaves a court-only clause
 * unlabelled "also inside an arbitration section" (settled 2026-12-07, session 10).
 */
const RUN_IN_TITLE =
  /^\W*(?:#+\s*)?(?:\d+(?:\.\d+)*\.?\s+)?(?:[A-Z][\w'-]*,?\s+(?:(?:and|of|&|or|the|for|to)\s+)?){0,6}[A-Z][\w'-]*\s*:\s+/;
/**
 * Arbitration named only as one kind of cost beside the courts' ("you pay our costs of collection, including
 * attorneys' fees and arbitration or court costs"): who pays for collecting a debt, not how disputes are decided.
 */
const ARBITRATION_AS_COST =
  /\b(?:arbitration|arbitral) (?:or|and|and\/or) (?:court|litigation) (?:costs|fees|expenses)\b|\b(?:court|litigation) (?:or|and|and\/or) (?:arbitration|arbitral) (?:costs|fees|expenses)\b/gi;

export function isCourtOnly(text: string, leadIn?: string): boolean {
  const body = text.replace(RUN_IN_TITLE, '').replace(ARBITRATION_AS_COST, ' court costs ');
  return (
    COURT_OR_LAW.test(body) &&
    !ARBITRATION_TERM.test(body) &&
    !(leadIn !== undefined && ARBITRATION_TERM.test(leadIn))
  );
}

/**
 * Personalised recommendations alone (guide §3 automated-decisions, "Not": "that is personalisation; label
 * targeted-advertising only when ads are involved"): "we will recommend content that might be of interest to
 * you". Any word of ads, marketing, offers, promotion, sponsorship or tracking keeps the label.
 */
const RECOMMENDS = /\brecommend(?:s|ed|ing|ations?)?\b/i;
const ADS_INVOLVED =
  /\b(?:ads?|adverts?|advertis\w*|marketing|market|promot\w*|offers?|deals?|discounts?|coupons?|sponsor\w*|commercial|tracking|track|cookies?|pixels?|retarget\w*|partners?|third[- ]part(?:y|ies)|newsletters?|e-?mails?|messages?|notifications?)\b/i;

export function isRecommendationOnly(text: string): boolean {
  return RECOMMENDS.test(text) && !ADS_INVOLVED.test(text);
}

/**
 * Measuring or analysing the company's own products, services or site — how well they work or how they are used
 * ("to measure the effectiveness of our products and understand how you use them") — and the user's control over
 * their own account record ("You can review and change your details on your profile page"), with no word of ads
 * or marketing in the clause or its lead-in (guide §3 targeted-advertising, "Not", settled 2026-12-08): analytics
 * and an account control, not the use of data for ads. Every gold label of these shapes names ads or marketing.
 */
const PRODUCT_ANALYTICS =
  /\b(?:measur\w*|analy[sz]\w*|evaluat\w*|assess\w*)\b[^.;]{0,40}?\b(?:effectiveness|performance|usage|use)\b[^.;]{0,10}?\bof (?:our|the|its) (?:[\w-]+ )?(?:products?|services?|features?|site|websites?|apps?|applications?|platform)\b/i;
const ACCOUNT_RECORD_CONTROL =
  /\byou (?:can|may|are able to)\b[^.;]{0,40}?\b(?:review|change|update|edit|correct|modify|access|amend|view)\b[^.;]{0,60}?\b(?:information|profile|account|details|data)\b/i;
const MARKETING_WORDS =
  /\b(?:communications?|preferences|interests?|personali[sz]\w*|profiling|relevant|tailor\w*|customi[sz]\w*|campaigns?|audiences?|subscri\w*)\b/i;

export function isProductAnalyticsOrRecordOnly(text: string, leadIn?: string): boolean {
  const adWords = (t: string) => ADS_INVOLVED.test(t) || MARKETING_WORDS.test(t);
  return (
    (PRODUCT_ANALYTICS.test(text) || ACCOUNT_RECORD_CONTROL.test(text)) &&
    !adWords(text) &&
    !(leadIn !== undefined && adWords(leadIn))
  );
}

/**
 * A sentence about the document itself — what it explains, describes or is for ("This policy explains how we
 * collect, use and share your information and the rights you have", "The purpose of this document is to
 * inform you about …"): a table of contents in prose, stating no practice and offering no control. The
 * sentences it announces carry the labels.
 */
const DOCUMENT = String.raw`(?:this|the present|these)\s+(?:(?:global|online|website|privacy|cookies?|data|user|customer|consumer|supplemental|state|us|eu|california)\s+){0,3}(?:privacy\s+)?(?:policy|policies|notice|statement|document|terms|section|page|charter)`;
const OVERVIEW_VERB = String.raw`(?:explains?|describes?|sets? out|outlines?|summari[sz]es?|details|tells you|informs you|provides (?:you with )?(?:information|details|an overview)|gives you (?:information|an overview))`;
const DOCUMENT_OVERVIEW = new RegExp(
  [
    String.raw`^\W*(?:(?:accordingly|in short|in summary|generally|briefly),?\s+)?`,
    '(?:',
    String.raw`in\s+${DOCUMENT}\s*(?:\([^)]{0,60}\)\s*)?,?\s+we\s+(?:will\s+)?(?:explain|describe|set out|outline|summari[sz]e|tell you|inform you)\b`,
    String.raw`|${DOCUMENT}\s*(?:\([^)]{0,60}\)\s*)?,?\s+(?:(?:aims|is intended|is designed|seeks)\s+to\s+|(?:will|also)\s+)?${OVERVIEW_VERB}\b`,
    String.raw`|(?:the\s+)?(?:purpose|aim|goal|objective) of ${DOCUMENT} is to (?:inform|explain|describe|tell|set out|outline|provide)\b`,
    ')',
  ].join(''),
  'i',
);

/**
 * An overview that announces a choice ("… and how you can opt out of this processing", "This section explains
 * some of your choices") points the user to a control: the labels keep it (as the gold has it).
 */
const ANNOUNCES_CHOICE =
  /\byou (?:can|may)\b|\byour (?:choices|options|rights)\b|\bchoices\b|\bopt(?:-| )?(?:out|in)\b/i;

/**
 * The same announced by "Here are" or "Below is" ("Here are the ways you would resolve a dispute with Acme",
 * settled 2026-12-08): what follows carries the labels. One in which the company acts ("Below are the purposes
 * for which we share your data") is left to the other rules.
 */
const HERE_ARE = /^\W*(?:here|below) (?:are|is)\b/i;
const COMPANY_NAMED = /\b(?:we|us|our)\b/i;

/**
 * The company speaking as the document's author (settled 2026-12-08): "We also describe the third parties who
 * receive …", "If you live outside the EEA, we've outlined how we may share data with partners". These verbs
 * with "we" as subject only ever describe the text; a practice they name is stated in the sentences they announce.
 */
const AUTHOR_OVERVIEW =
  /^\W*(?:(?:if|for|where|when) [^.;]{1,120}?,\s+)?we(?:['\u2019]ve| have)?\s+(?:also\s+)?(?:describe[sd]?|explain(?:s|ed)?|outlined?|summari[sz]ed?)\b/i;

export function isDocumentOverview(text: string): boolean {
  if (ANNOUNCES_CHOICE.test(text)) return false;
  return (
    DOCUMENT_OVERVIEW.test(text) ||
    // One sentence only: "We explain when we disclose data in Sharing. We do not sell it." states a practice after.
    (AUTHOR_OVERVIEW.test(text) && !/[.!?]\s+\S/.test(text.trim())) ||
    (HERE_ARE.test(text) && !COMPANY_NAMED.test(text))
  );
}

/**
 * The gates that rule out every category alike. A clause with several labels asks about each in turn with the
 * same text: the classifier works this part out once per clause (`gatedOutOf` is the rest).
 */
export function gatedForEvery(text: string): boolean {
  return isDocumentOverview(text) || statesNoPracticeAtAll(text);
}

/**
 * Whether the guide rules `category` out of a clause with this text (then no label, painted or possible).
 * `leadIn` is the sentence that introduces the list the clause is an item of, if it is one.
 */
export function gatedOut(category: CategoryId, text: string, leadIn?: string): boolean {
  return gatedForEvery(text) || gatedOutOf(category, text, leadIn);
}

/** The gates of `gatedOut` that depend on the category. */
export function gatedOutOf(category: CategoryId, text: string, leadIn?: string): boolean {
  if (
    contractGatedOut(category, text) ||
    statesNoPracticeOf(category, text) ||
    notThePractice(category, text, leadIn) ||
    isRightObjectOnly(category, text, leadIn)
  )
    return true;
  switch (category) {
    case 'data-sharing':
      return (
        isShineTheLightRight(text) ||
        isInboundOnly(text) ||
        isAdvertiserTerms(text) ||
        isInternalRecipientOnly(text, leadIn) ||
        isRightToKnowItem(text, leadIn) ||
        isLinkAwayOnly(text)
      );
    case 'data-sale':
      return isRightToKnowItem(text, leadIn);
    case 'targeted-advertising':
      return (
        isShineTheLightRight(text) ||
        isAdvertiserTerms(text) ||
        isRightToKnowItem(text, leadIn) ||
        isRecommendationOnly(text) ||
        isProductAnalyticsOrRecordOnly(text, leadIn) ||
        isServiceMessagesOnly(text)
      );
    case 'arbitration':
      return isCourtOnly(text, leadIn);
    case 'content-license':
      return isLicenceToTheUser(text);
    case 'unilateral-change':
      return isProductChange(text);
    case 'ai-training':
      return aiTrainingGatedOut(text);
    default:
      return false;
  }
}
