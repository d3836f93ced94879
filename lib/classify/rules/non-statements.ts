/**
 * Clauses that state no practice (data/GUIDE.md §3 "Not, for any category", settled 2026-12-07, and §4.1 on
 * cross-references): a pointer to somewhere else, an overview of a section, a contact line, a list lead-in
 * that only opens the items, a definition of what data covers. The model reads the words of the practice the
 * clause points to ("disclose", "transfer", "advertising ID") and scores them as if the practice were stated;
 * the clause it points to, or the items it opens, carry the labels. Text arrives in ASCII punctuation.
 * @module
 */
import type { CategoryId } from '../taxonomy';

/** Quoted titles ("the "How we disclose information" section", 'adequate') name a place, not a statement. */
function withoutQuoted(text: string): string {
  // Both patterns need a quote mark; most clauses have none, and the two scans cost more than this check.
  if (!text.includes('"') && !text.includes("'")) return text;
  return text.replace(/"[^"]{1,120}"/g, '"…"').replace(/(^|[\s(])'[^']{1,80}'(?=[\s.,;:)]|$)/g, "$1'…'");
}

/** More than one sentence (a full stop followed by a new word; URLs and "e.g." have no space after the dot). */
const SECOND_SENTENCE = /[.;!?]\s+\S/;

/**
 * A control, a right or a choice named anywhere in the clause: then it points the user to something they can
 * do, and the labels stay (guide R2: "To opt out of interest-based ads, visit …" is the practice and the choice).
 */
const NAMES_CHOICE =
  /\byou (?:can|may)\b(?! (?:learn|find|read|see|visit|get|obtain|review|consult|refer|contact|e-?mail|write|reach|call|look)\b)|\byour (?:choices|options|rights|settings|preferences)\b|\bchoices\b|\bopt(?:s|ed|ing)?[- ]?(?:out|in)\b|\bunsubscrib\w*|\bexercis\w*|\bwithdraw\w*|\bobject(?:ion)?\b|\bdelet\w*|\beras\w*|\brectif\w*|\bcorrect(?:ion)?\b|\bportab\w*|\brights?\b|\b(?:manage|control|disable|turn off|block|restrict|limit)\b|\bpreferences\b|\bsettings\b|\brequests?\b|\bcomplain\w*|\bsupervisory\b/i;

/**
 * A pointer or cross-reference: the clause only sends the reader elsewhere for more ("To learn more about X,
 * please visit Y"; "For more information about how we …, please see Section 3"; "Please click here to see the
 * list of …"). The topic is what the reader will find there, not a statement (guide §4.1).
 */
const FOR_MORE =
  /^\W*(?:and |also |additionally,? )?(?:(?:to|you can|you may) (?:learn|find out|read|know|understand|see|get|obtain|discover)(?: (?:more|further|additional|details|about))?\b|to (?:better|fully) understand\b|for (?:more|further|additional|detailed|full|complete|specific|a (?:full|complete|detailed) )?\s?(?:information|info|details|explanation|description|guidance)\b|for (?:a |the )?(?:list|description|summary|overview|copy) of\b|(?:more|further|additional) (?:information|details)\b)/i;
/** The imperative that follows: see, visit, refer to, click, or "can be found" / "is available". */
const POINT =
  /^,?\s*(?:please\s+)?(?:(?:you (?:can|may|should|might)|we (?:encourage|invite) you to)\s+)?(?:(?:see|visit|refer to|read|review|consult|go to|check(?: out)?|click|look at|view|follow|access|contact|e-?mail|write to|reach out to|consult)\b|(?:(?:it|this|they|these) )?(?:can be found|is available|are available|is provided|are provided|is set out|are set out)\b)/i;
/** "Please click here to see the list of …", "Please refer to Section 5 for more information": pointer first. */
const POINT_FIRST =
  /^\W*(?:and |also )?(?:please\s+)?(?:click (?:here|on (?:this|the) link|the link)|(?:see|refer to|consult|read|review|visit) (?:the |our |section|sections|\S+ below|\S+ above)[^,]{0,80}?for (?:more|further|additional|detailed|full|complete) (?:information|info|details))\b(?: to (?:see|view|read|find|learn|get|access|review|consult)\b)?/i;

/** A statement after the pointer ("…, which explains how we share your data"): the clause states more. */
const MORE_STATED = /\bwe\b|\b(?:and|but|while|whereas|which|who) (?:you|they|our|third)\b|\bwhich\b/i;

/**
 * A topic that names the company's own practice states it, as the gold labels have it: the company acting
 * ("how we may disclose information", "the data used to train our models", "Brave's treatment of data"), what it
 * stated before ("these transfers", "this activity", "such safeguards"), the user's data it holds ("the
 * recipients of your personal data"), others acting on its services ("third parties who may also collect"), or
 * the instrument it applies — its certification, safeguards, contractual clauses, framework, the arbitration
 * and its rules, a copy it holds. Only a topic of general information ("how targeted advertising works", "the
 * list of countries deemed adequate") leaves the pointer without a statement.
 */
const OWNED =
  /\b(?:we|us|our|ours|its|your|these|this|such|those)\b|\bin place\b|\b[A-Z][\w&.-]*'s\b|\b(?:who|which|that) (?:may|might|will|can|could|also|do|does|use|uses|collect|collects|share|shares)\b|\bcop(?:y|ies) of\b|\bcertif\w*|\bsafeguards?\b|\bcontractual clauses\b|\bSCCs?\b|\bbinding corporate rules\b|\bBCRs?\b|\bPrivacy Shield\b|\bFrameworks?\b|\bDPF\b|\barbitra\w*|\b(?:NAM|AAA|JAMS|ICC)\b|\brules\b|\b(?:sub-?)?processors\b/i;

/** "On/about/regarding X" after "for more information": at least one word of topic beyond the preposition. */
const TOPIC = /^\s*(?:on|about|regarding|concerning|as to|of|in relation to|with respect to)?\s*\S+\s+\S/i;

function generalTopic(topic: string): boolean {
  return TOPIC.test(topic) && !OWNED.test(topic) && !NAMES_CHOICE.test(topic);
}

/** Whitespace as the regex `\s` reads it (JavaScript's WhiteSpace and LineTerminator). */
const SPACE = /\s/;

/**
 * Where `text.replace(/[.!?)]*\s*$/, '')` would cut the text: before its trailing whitespace and the closing
 * marks before that. That pattern is tried at every position of the clause; this reads only its end.
 */
function closingEnd(text: string): number {
  let end = text.length;
  while (end > 0 && SPACE.test(text[end - 1]!)) end--;
  while (end > 0 && '.!?)'.includes(text[end - 1]!)) end--;
  return end;
}

export function isPointer(text: string): boolean {
  const plain = withoutQuoted(text).trim();
  if (SECOND_SENTENCE.test(plain.slice(0, closingEnd(plain)))) return false;
  const first = POINT_FIRST.exec(plain);
  if (first) {
    // "See the "…" section for more information about <topic>", "Please click here to see <topic>".
    const topic = plain.slice(first[0].length);
    return generalTopic(topic) && !MORE_STATED.test(topic);
  }
  const opener = FOR_MORE.exec(plain);
  if (!opener) return false;
  const afterOpener = plain.slice(opener[0].length);
  // The topic runs to the first comma; what follows it must be the pointer and its target alone.
  const comma = afterOpener.indexOf(',');
  if (comma < 0) return false;
  const topic = afterOpener.slice(0, comma);
  let rest = afterOpener.slice(comma);
  // "To learn more about the programme, and to view <more>, please visit …": a second purpose, a second topic.
  const second = /^,\s*and (?:to|for) ([^,]{1,80}),/i.exec(rest);
  if (second) {
    if (OWNED.test(second[1]!) || NAMES_CHOICE.test(second[1]!)) return false;
    rest = rest.slice(second[0].length - 1);
  }
  const point = POINT.exec(rest);
  if (!point) return false;
  return generalTopic(topic) && !NAMES_CHOICE.test(rest) && !MORE_STATED.test(rest.slice(point[0].length));
}

/**
 * An overview of a section named by its title or number ("In the "Regional disclosures" section, we provide
 * additional information for …"; "Section 5 below explains …"), as the overview of the document in gates.ts,
 * with its continuation ("We also provide additional information for …"). One that announces a choice stays.
 */
const SECTION = String.raw`(?:the\s+)?(?:"[^"]{1,80}"\s+(?:section|part|chapter|page|notice|policy)|(?:section|part|chapter|paragraph|clause|article)s?\s+[\dA-Z][\w.]*(?:\s*(?:,|and|to|-)\s*[\dA-Z][\w.]*)*|(?:section|part|chapter)\s+(?:below|above))(?:\s+(?:below|above|of (?:this|our) [\w ]{1,30}))?`;
const PROVIDE = String.raw`(?:provide|give|offer|include)s?\s+(?:you\s+(?:with\s+)?)?(?:(?:some|more|further|additional|specific|detailed|important)\s+)*(?:information|details|an overview|a summary|disclosures)`;
const DESCRIBE = String.raw`(?:explain|describe|set out|outline|summari[sz]e|list|detail|tell you about|inform you (?:about|of))s?`;
const SECTION_OVERVIEW = new RegExp(
  String.raw`^\W*(?:in|under)\s+${SECTION}\s*,?\s+we\s+(?:also\s+)?(?:${PROVIDE}|${DESCRIBE})\b|^\W*${SECTION}\s*,?\s+(?:also\s+)?(?:${PROVIDE}|${DESCRIBE})\b`,
  'i',
);
const CONTINUES = new RegExp(
  String.raw`^\W*(?:we|it|this section|there,? we)\s+(?:also\s+)?(?:${PROVIDE}|${DESCRIBE})\b`,
  'i',
);
/** The same choice announcements the document overview keeps (gates.ts). */
const ANNOUNCES_CHOICE =
  /\byou (?:can|may)\b|\byour (?:choices|options|rights)\b|\bchoices\b|\bopt(?:-| )?(?:out|in)\b/i;

export function isSectionOverview(text: string): boolean {
  const trimmed = text.trim();
  // The first sentence is a start of the text ending in a stop, and a match ends after a word: a match in it
  // is one in the whole text. Most clauses fail here, before the split, which reads the whole clause.
  if (!SECTION_OVERVIEW.test(trimmed)) return false;
  const sentences = trimmed.split(/(?<=[.!?])\s+(?=["A-Z])/);
  if (!SECTION_OVERVIEW.test(sentences[0] ?? '')) return false;
  return (
    sentences.slice(1).every((s) => SECTION_OVERVIEW.test(s) || CONTINUES.test(s)) &&
    !ANNOUNCES_CHOICE.test(text)
  );
}

/**
 * A contact line for questions ("If you have any questions about this policy, you can contact our Data
 * Protection Officer at …"): where to ask, not a control or a practice. How to exercise a named right
 * ("to exercise your rights, contact …", "…questions or requests to delete your data…") stays user-choice.
 */
const CONTACT_LINE =
  /^\W*(?:(?:if|should|where|when) you (?:have|had|would like to (?:ask|raise)) (?:any )?(?:further |other |additional |more |general )?(?:questions?|concerns?|comments?|queries|query|enquir(?:y|ies)|inquir(?:y|ies)|feedback)\b|(?:for|with) (?:any )?(?:further |other |additional |general )?(?:questions?|concerns?|comments?|queries|enquiries|inquiries|feedback)\b)[^,]{0,160},\s*(?:please\s+)?(?:(?:you (?:can|may|should|could|are welcome to|are invited to)|we (?:encourage|invite) you to)\s+)?(?:(?:feel free|do not hesitate|don't hesitate) to\s+)?(?:contact|e-?mail|write|reach|get in touch|call|send|direct|address|let us know)\b/i;

/** Whom the user may turn to over an answer: an appeal, the attorney general, a regulator (a right, US state laws). */
const APPEAL = /\bappeals?\b|\battorney general\b|\bauthorit(?:y|ies)\b|\bregulators?\b|\bombudsm[ae]n\b/i;

export function isContactLine(text: string): boolean {
  return CONTACT_LINE.test(text) && !NAMES_CHOICE.test(text) && !APPEAL.test(text);
}

/**
 * A list lead-in that ends in an auxiliary, modal or copula and a colon ("You may:", "In all such cases, the
 * transfer will be:"): a subject and a verb waiting for its items, which carry the practice (guide §2: the
 * lead-in governs the items). A lead-in that states the practice ("We share your data with:") is kept: it ends
 * in the practice's own words. The subject is a short noun phrase, after at most a short prepositional opener.
 */
const AUX = String.raw`(?:may|might|can|could|must|shall|should|will|would|is|are|was|were|be|been|being|have|has|do|does)`;
const LEAD_IN_FRAGMENT = new RegExp(
  String.raw`^\W*((?:in|for|under|where|at|on|as|with|by|upon|during)\b[^,:]{0,40},\s*)?(?:[\w'-]+\s+){0,3}?[\w'-]+\s+${AUX}(?:\s+(?:not|also|only|always|then|either|${AUX}))*\s*:\s*$`,
  'i',
);
export function isLeadInFragment(text: string): boolean {
  const trimmed = text.trim();
  // The pattern ends in a colon: a clause that does not is answered without trying its opening.
  if (!trimmed.endsWith(':')) return false;
  const m = LEAD_IN_FRAGMENT.exec(trimmed);
  // An opener with the company acting ("Where we transfer your data, it will be:") states the practice.
  return m !== null && !/\bwe\b/i.test(m[1] ?? '');
}

/**
 * A definition of what data covers ("personal data includes pseudonymous identifiers such as an IP address, a
 * mobile advertising ID or a cookie ID"): the kinds of data named are not a use of them (guide R7, for every
 * category). A definition that also states a practice ("…, which we share with partners") is labelled for it.
 */
const DATA_TERM = String.raw`(?:the term\s+)?"?(?:(?:personal|pseudonymous|anonymous|non-personal|usage|device|technical|contact|account|location|sensitive|identifying|identifiable|log|profile|biometric|health|customer|user)\s+)?(?:data|information|identifiers?|details|PII)"?`;
const DATA_DEFINITION = new RegExp(
  String.raw`(?:^\W*|,\s*)${DATA_TERM}\s+(?:(?:may|can|also|generally)\s+)?(?:includes?|means|refers to|is defined as|shall mean|consists of|comprises?|covers|encompasses)\b`,
  'i',
);
const STATES_PRACTICE =
  /\b(?:we|us|our partners|third parties)\b[^,.;]{0,30}\b(?:share|shares|disclose|sell|rent|transfer|use|uses|process|collect|retain|keep|store|target|track|train)\b|\b(?:shar(?:e|ed|ing)|disclos\w*|sell|sold|sale|rent\w*|transfer\w*|target\w*|personali[sz]\w*|retain\w*|kept|stor(?:ed|age)|delet\w*|anonymi[sz]\w*|aggregat\w*|de-identif\w*|train\w*|opt\w*|consent\w*|used (?:to|for|by)|process(?:ed|ing))\b/i;

/**
 * The same for what a technology the policy names is ("Cookies are small text files that may hold an anonymous
 * identifier", settled 2026-12-08): a definition, with no one acting in it and no purpose named.
 */
const TECH_DEFINITION =
  /^\W*(?:a |an |the )?(?:cookies?|(?:web |pixel )?beacons?|pixels?(?: tags?)?|clear gifs?|tags?|local storage|flash cookies|log files?|SDKs?|software development kits?)\s+(?:is|are)\s+(?:a |an )?(?:small |tiny |simple |short )*(?:(?:text|data|code) )?(?:files?|pieces? of|strings?|snippets?|images?|graphics?|bits? of|lines? of)\b/i;
const ACTOR_OR_PURPOSE =
  /\b(?:we|us|our|help\w*|allow\w*|enabl\w*|let|lets|used? (?:to|for|by|in)|in order to|so that|track\w*|advertis\w*|ads?|shar(?:e|ed|es|ing)|sell\w*|sold|collect\w*|recogni[sz]\w*|remember\w*|analy[sz]\w*|measur\w*|personali[sz]\w*)\b/i;

export function isDataDefinition(text: string): boolean {
  if (TECH_DEFINITION.test(text) && !ACTOR_OR_PURPOSE.test(text)) return true;
  return DATA_DEFINITION.test(text) && !STATES_PRACTICE.test(text);
}

/**
 * The company disclaiming what others do with what the user decided to share ("We have no liability for how
 * others use a board as a result of your decision to share it"): a liability term, not a disclosure (guide §3
 * data-sharing, "Not"). A feature that shares at the user's choice ("you can choose to share your playlists on
 * your profile") is the company passing the data: data-sharing, as the gold has it.
 */
const USER_DECIDES =
  /\b(?:you|your|users?'?|members?'?)\b[^.;]{0,30}?\b(?:decision|decisions|decide|decides|choice|choose|chooses|elect|elects|opt|opts) to (?:share|publish|post|make (?:it |them |\w+ )?(?:public|available|visible))\b/i;
const DISCLAIMS =
  /\b(?:no|any) (?:liability|responsibility)\b|\bnot (?:be )?(?:liable|responsible)\b|\bdisclaims?\b/i;
const COMPANY_DISCLOSES =
  /\bwe (?:\w+ ){0,3}?(?:share|disclose|sell|rent|transfer|provide|give|send|pass|make available|transmit|release)\b|\b(?:third[- ]part\w*|partners?|advertis\w*|apps?|applications?|integrations?|service providers?|vendors?|affiliates?|companies|businesses)\b/i;

export function isUserSharingDisclaimer(text: string): boolean {
  return USER_DECIDES.test(text) && DISCLAIMS.test(text) && !COMPANY_DISCLOSES.test(text);
}

/** Whether the clause states no practice of `category` for one of the shapes above. */
export function statesNoPractice(category: CategoryId, text: string): boolean {
  return statesNoPracticeAtAll(text) || statesNoPracticeOf(category, text);
}

/** The shapes that state no practice of any category: one answer for all the labels of a clause. */
export function statesNoPracticeAtAll(text: string): boolean {
  return isPointer(text) || isSectionOverview(text) || isLeadInFragment(text) || isDataDefinition(text);
}

/** The shapes that rule out only some categories (`statesNoPractice` without `statesNoPracticeAtAll`). */
export function statesNoPracticeOf(category: CategoryId, text: string): boolean {
  // A contact line points to someone to ask; what it asks about may be the company's practice (as the gold has
  // "questions about the safeguards we apply"), so it only loses the choice.
  if (category === 'user-choice') return isContactLine(text);
  return category === 'data-sharing' && isUserSharingDisclaimer(text);
}
