/**
 * Clauses that use a category's words for something else (data/GUIDE.md §3 and R7, settled 2026-12-07): a
 * deadline for answering the user's requests is no retention period; where the user lives is no transfer of
 * their data; naming a term is no statement; owning one's content grants nothing; a licence the user receives, or permission to pass their payment details on, is no
 * licence over their content; "anonymous" alone is no de-identification (see anonymous-word.ts). The model reads the words ("within 45 days", "located in Europe", "arbitration",
 * "right, title and interest") and scores the practice they usually state.
 * @module
 */
import type { CategoryId } from '../taxonomy';
import { isAnonymousWordOnly } from './anonymous-word';

/** The company answering or acting on the user's requests within a time: "we respond to … requests within". */
const REQUEST_DEADLINE =
  /\b(?:respond|reply|answer|process|handle|act on|fulfil+|complete|comply with|acknowledge)\w* (?:to )?(?:\w+,? ){0,8}?requests?\b[^.;]{0,60}?\bwithin\b|\brequests?\b[^.;]{0,40}?\b(?:will be|are|is) (?:answered|handled|processed|fulfil+ed|responded to)\b[^.;]{0,30}?\bwithin\b/i;
/** Keeping or deleting data in the same sentence: then it also states retention. */
const KEEPS_OR_DELETES =
  /\b(?:retain\w*|retention|keep|keeps|kept|store[sd]?|storing|hold|held|archiv\w*|back(?:ed)?[- ]?ups?)\b|\b(?:delet|eras|destroy|purg)\w* (?:\w+ ){0,3}?(?:data|information|account|records?|it|them|copies)\b|\b(?:data|information|records?) (?:\w+ ){0,3}?(?:deleted|erased|destroyed|purged)\b/i;

export function isRequestDeadline(text: string): boolean {
  return REQUEST_DEADLINE.test(text) && !KEEPS_OR_DELETES.test(text);
}

/** Where the user is, as a condition: "if you are located in Europe", "where you live". */
const USER_LOCATION =
  /\b(?:if|where|when|while|unless) you (?:are (?:located|based|resident|residing|living)|reside|live)\b/i;
/** Data going, kept or reached across a border, or its safeguards. */
const DATA_CROSSES =
  /\btransfer\w*|\bstor(?:e|ed|es|ing|age)\b|\bprocess\w*|\bservers?\b|\bhost\w*|\bdata cent(?:er|re)s?\b|\b(?:move[sd]?|moving|sent|send|sends|transmit\w*)\b|\baccess\w*|\bsafeguards?\b|\bcontractual clauses\b|\badequa\w*|\bframework\b|\bprivacy shield\b|\bcross-border\b|\bbinding corporate rules\b|\bwhere (?:we|our)\b|\bcountr(?:y|ies)\b|\bdata protection\b|\bdisclos\w*|\bshar(?:e|es|ed|ing)\b|\bauthorit\w*|\bgovernment\w*/i;

export function isUserLocationOnly(text: string): boolean {
  return USER_LOCATION.test(text) && !DATA_CROSSES.test(text);
}

/**
 * A sentence that only names a term ("The rules in Sections 9 and 10 are together referred to as the "Dispute
 * Terms."", guide R7): what it names is stated elsewhere. A subject with the company or the user acting in it
 * ("the data we share is referred to as …") states that act, and keeps its labels.
 */
const NAMING =
  /^\W*((?:[^.;:]|\.(?=\d)){3,200}?)\s+(?:is|are|shall be|will be)\s+(?:(?:collectively|together|jointly|hereinafter|hereafter|individually|each|also|sometimes|generally)\s+)*(?:referred to|called|known|defined)\s+as\b[^.;:]{0,80}[.;]?["')\s]*$/i;
/** The company, the user or others acting in the subject, or a pointer back to a practice stated before it. */
const ACTOR = /\b(?:we|us|you|they|it|this|these|that|those|such|which)\b/i;

/**
 * A term defined by a condition ("Requests are of a "substantially similar nature" if they arise out of the same
 * event", settled 2026-12-08 under R7): it says when the term applies; the sentences that use it state the
 * practice. The parties agreeing to the definition ("All parties agree that …") add no act of their own; a
 * sentence in which the company or the user's data appears is left to the other rules.
 */
const CONDITIONAL_DEFINITION =
  /^\W*(?:(?:all|both|the) (?:parties|of us) (?:\w+ )?agree that )?((?:[^.;:"]){3,120}?)\s+(?:is|are) (?:deemed |considered )?(?:to be )?(?:of )?(?:a |an |the )?"[^"]{3,60}"\s+(?:if|when|where|only if)\b/i;

/**
 * Words every match of NAMING contains. NAMING tries up to 200 characters of subject before it looks for them,
 * a cost every clause would pay; this scan is cheap and most clauses fail it. (It guards NAMING only.)
 */
const NAMING_WORDS = /(?:referred to|called|known|defined)\s+as\b/i;

export function isNamingOnly(text: string): boolean {
  const m = NAMING_WORDS.test(text) ? NAMING.exec(text) : null;
  if (m !== null && !ACTOR.test(m[1]!)) return true;
  // The company or the user's data in it ("Your data is "sold" if we pass it on"): a practice may be stated.
  const d = CONDITIONAL_DEFINITION.exec(text);
  return d !== null && !ACTOR.test(d[1]!) && !/\b(?:we|us|our|your)\b/i.test(text);
}

/**
 * The user owning their content ("You own all right, title and interest in your User Content"; "we claim no
 * ownership of your posts") with no grant, licence, assignment or permission in the sentence (guide §3
 * content-license: ownership kept is not a licence grant).
 */
const OWNERSHIP_KEPT =
  /\byou (?:\w+ ){0,2}?(?:own|retain|keep|hold|remain the (?:sole )?owners?)\b|\b(?:ownership|title)\b[^.;]{0,60}?\b(?:remains?|stays?|is retained) with you\b|\b(?:claim|take|acquire)s? no (?:ownership|title)\b|\b(?:do|does|will) not (?:claim|take|acquire) (?:any )?(?:ownership|title)\b/i;
const GRANT_WORDS =
  /\bgrant\w*|\blicen[cs]\w*|\bassign\w*|\btransfer\w*|\bpermi(?:t|ssion)\w*|\bauthori[sz]\w*|\bconsent\w*|\bright to (?:use|host|store|display|reproduce|publish|distribute|modify)\b|\bbecomes? (?:our|the property)\b|\bwaive\w*|\bassert\w*/i;

export function isOwnershipOnly(text: string): boolean {
  return OWNERSHIP_KEPT.test(text) && !GRANT_WORDS.test(text);
}

/**
 * A licence or permission the service gives the user to view or download its materials ("Permission is granted
 * to download the materials on the site for viewing"; "you are acquiring a limited right to view the chapter"):
 * the reverse of a content licence (guide §3 content-license, "Not").
 */
const TO_USER =
  /\bpermission is (?:hereby )?granted to (?:\w+ ){0,2}?(?:download|view|use|access|copy|print|read|stream)\b|\byou (?:are )?(?:acquir\w+|receiv\w+|obtain\w*|gain\w*|purchas\w+) (?:a |an |the )?(?:[\w-]+,? (?:and )?){0,6}?(?:licen[cs]e|right) to (?:view|use|access|download|stream|watch|read|play|listen)\b/i;
const USER_GRANTS_CONTENT =
  /\byou (?:hereby )?(?:grant|give|assign|license)\b|\bgrant(?:s|ing)? (?:to )?us\b|\b(?:your|user|member|customer)s?'? (?:content|submissions?|posts|uploads)\b|\bcontent (?:that )?you (?:post|upload|submit|share|provide|create)\b/i;

export function isLicenceGivenToUser(text: string): boolean {
  return (
    TO_USER.test(text) &&
    !USER_GRANTS_CONTENT.test(text.replace(/\bpermission is (?:hereby )?granted\b/i, ''))
  );
}

/**
 * The user allowing the company to pass their personal or payment details to third parties ("by submitting
 * your information you grant us the right to provide it to our payment processors"): a disclosure
 * (data-sharing), not a licence over content they post (guide §3 content-license, settled 2026-12-07).
 */
const DATA_GRANT =
  /\b(?:grant|give)s? us (?:the )?(?:right|permission|authori[sz]ation|consent) to (?:provide|disclose|share|pass|transfer|send|give|forward|transmit) (?:\w+ ){0,3}?(?:information|data|details|them|it)\b[^.;]{0,60}?\b(?:to|with) (?:such |our |any |the |these |those )?(?:third[- ]part(?:y|ies)|processors?|payment|partners?|service providers?|vendors?|banks?)\b/i;
const CONTENT_NAMED =
  /\bcontent\b|\bposts?\b|\buploads?\b|\bphotos?\b|\bimages?\b|\bvideos?\b|\bmaterials?\b|\bworks?\b|\bcomments?\b|\breviews?\b|\bfeedback\b|\bintellectual property\b|\bcopyright\w*|\blikeness\b/i;

export function isPersonalDataPassingGrant(text: string): boolean {
  return DATA_GRANT.test(text) && !CONTENT_NAMED.test(text);
}

/**
 * What the user posts, seen by other users or the public ("anyone who visits our Sites will be able to see
 * anything you post"): the user publishing it themselves, not the company passing it (guide §3 data-sharing,
 * "Not"). The company sharing, displaying or sending it, or any other recipient named, keeps the label.
 */
const USER_POSTS =
  /\b(?:anything|everything|whatever|what|content|comments?|posts?|information|reviews?|messages?) (?:that )?you (?:\w+ )?(?:post|publish|upload|submit|write|make public)\b|\byou (?:\w+ ){0,2}?(?:post|publish)(?:es|s|ed)? (?:\w+ ){0,3}?(?:publicly|on (?:our|the) (?:sites?|forums?|boards?|services?|pages?))\b/i;
const SEEN_BY_OTHERS =
  /\b(?:see|seen|view|viewed|visible|read|publicly|public)\b|\b(?:other (?:users|readers|members|visitors)|anyone)\b/i;
const COMPANY_PASSES =
  /\bwe (?:\w+ ){0,3}?(?:share|shares|disclose|sell|rent|transfer|provide|give|send|pass|make (?:\w+ )?available|publish|display|show|distribute|syndicate)\b|\bthird[- ]part\w*|\bpartners?\b|\badvertis\w*|\bservice providers?\b|\baffiliat\w*|\bsearch engines?\b|\bvendors?\b|\bcompanies\b|\b(?:displayed|shown|made available|shared|disclosed|published|distributed|sent) (?:\w+ ){0,3}?to\b|\bprivacy settings\b/i;

export function isUserOwnPosting(text: string, leadIn?: string): boolean {
  // An item under "We share your information:" ("To other users when you post publicly") is the company's.
  if (leadIn !== undefined && COMPANY_PASSES.test(leadIn)) return false;
  return USER_POSTS.test(text) && SEEN_BY_OTHERS.test(text) && !COMPANY_PASSES.test(text);
}

/**
 * Which law governs the arbitration agreement ("To the extent state law applies to this arbitration agreement,
 * the laws of the State where you live will apply"): choice of law, with the arbitration only named as what it
 * governs (guide §3 arbitration: choice of law alone is not arbitration). A sentence that states more of the
 * arbitration than its name keeps the label.
 */
const ARBITRATION_NAMED =
  /\b(?:this|the|that|such|any|our|these) (?:binding )?(?:arbitration (?:agreement|clause|provisions?|section)|class[- ]action waiver)(?:,? (?:and|or|and\/or) (?:the |this |any )?(?:binding )?(?:arbitration agreement|class[- ]action waiver))*\b/gi;

/** Any word of the arbitration itself left once its name is blanked: then the sentence states more of it. */
const ARBITRATION_LEFT =
  /\benforce\w*|\b(?:not|never) apply\b|\bapply if\b|\barbitra\w*|\bclass\b|\bjury\b|\bwaiv\w*|\bsmall[- ]claims?\b|\bmediat\w*|\bawards?\b|\binjunct\w*|\bopt[- ]?out\b|\bcourts?\b|\bindividual basis\b/i;

/** A law chosen: "the laws of the State …", "governed by Delaware law", "state law applies". */
const LAW_CHOSEN =
  /\blaws? of (?:the )?(?:State|country|province|Commonwealth|[A-Z])|\bgoverned by (?:the )?(?:laws?\b|[A-Z][\w ]{0,30}\blaw\b)|\bgoverning law\b/i;
/** Disputes sent to the arbitration by its name ("governed by the arbitration provision", "subject to the Arbitration Agreement"): arbitration stated. */
const SENT_TO_ARBITRATION =
  /\b(?:governed by|subject to|pursuant to|in accordance with|resolved (?:under|by|through)|submitted to) (?:the|this|our|an?|its) (?:binding )?arbitration\b/i;

export function isLawOfArbitrationAgreement(text: string): boolean {
  const rest = text.replace(ARBITRATION_NAMED, ' the agreement ');
  return (
    rest !== text && LAW_CHOSEN.test(rest) && !SENT_TO_ARBITRATION.test(text) && !ARBITRATION_LEFT.test(rest)
  );
}

/**
 * A rule on what the user may post that names the licence only as a back-reference ("you will not submit
 * material owned by others unless you have the owner's permission to grant us the licence rights granted
 * herein"): the grant is stated where "herein" points, this sentence is a content rule (guide §3
 * content-license, settled 2026-12-07, session 10). The reference and what the user must be able to grant
 * are blanked; any grant left keeps the label.
 */
const GRANT_REFERENCE =
  /\b(?:permission|authori[sz]ation|right|rights|authority|entitled|able)\b[^.;]{0,120}?\bto (?:grant|give|license)\b[^.;]{0,60}?\b(?:licen[cs]e )?rights (?:granted|given|set out|described) (?:herein|hereunder|above|below|in (?:these|this|section)\b)/gi;
const UNLESS_GRANT = /\bunless\b[^.;]{0,200}?\bto (?:grant|give|license)\b/i;
const RIGHTS_HEREIN = /\b(?:licen[cs]e )?rights (?:granted|given) (?:herein|hereunder|above|below)\b/i;

export function isGrantReferenceOnly(text: string): boolean {
  // Only inside the exception of a rule ("… unless you have permission to grant us the rights granted herein"): a
  // warranty that the user can grant them ("you have all rights necessary to grant the rights granted herein")
  // affirms the grant, and the hand checks keep that label.
  if (!RIGHTS_HEREIN.test(text) || !UNLESS_GRANT.test(text)) return false;
  const rest = text.replace(GRANT_REFERENCE, ' ');
  return rest !== text && !/\bgrant\w*|\blicen[cs]\w*|\byou (?:hereby )?(?:give|assign)\b/i.test(rest);
}

/**
 * Claims brought "on an aggregated or mass basis" (a class-action waiver, guide §3 de-identification, settled
 * 2026-12-07, session 10): the claims are grouped, no data is made anonymous. A sentence that aggregates data,
 * information or statistics keeps the label.
 */
const AGGREGATED_CLAIMS =
  /\baggregat\w* (?:or|and|and\/or) (?:mass|class|collective|representative|consolidated|group)\b|\b(?:mass|class|collective|representative|consolidated|group) (?:or|and|and\/or) aggregat\w*/i;
const CLAIMS = /\b(?:claims?|actions?|proceedings?|arbitrat\w*|lawsuits?|disputes?|litigat\w*)\b/i;
const DATA_AGGREGATED =
  /\baggregat\w* (?:\w+ ){0,2}?(?:data|information|statistics|reports?|form)\b|\b(?:data|information|statistics) (?:\w+ ){0,3}?aggregat\w*/i;

export function isAggregatedClaims(text: string): boolean {
  return AGGREGATED_CLAIMS.test(text) && CLAIMS.test(text) && !DATA_AGGREGATED.test(text);
}

/** Whether one of the shapes above rules `category` out of the clause. */
export function notThePractice(category: CategoryId, text: string, leadIn?: string): boolean {
  if (isNamingOnly(text)) return true;
  switch (category) {
    case 'de-identification':
      return isAnonymousWordOnly(text) || isAggregatedClaims(text);
    case 'data-retention':
      return isRequestDeadline(text);
    case 'international-transfer':
      return isUserLocationOnly(text);
    case 'data-sharing':
      return isUserOwnPosting(text, leadIn);
    case 'arbitration':
      return isLawOfArbitrationAgreement(text);
    case 'content-license':
      return (
        isOwnershipOnly(text) ||
        isLicenceGivenToUser(text) ||
        isPersonalDataPassingGrant(text) ||
        isGrantReferenceOnly(text)
      );
    default:
      return false;
  }
}
