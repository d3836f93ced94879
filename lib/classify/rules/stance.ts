/**
 * Stance of a rule match: who does what, and whether it is negated, hedged or conditional.
 * Negation scope is the sub-clause that contains the match (bounded by ; : . and contrastive words), so
 * "we do not sell your data, but we share it with partners" negates the sale and not the sharing.
 * @module
 */
import type { Stance } from '../taxonomy';
import { exceptionBeyondConsent } from './exception-alternatives';
import { impersonalProhibitionLeadIn, inlineProhibitionLeadIn } from './stance-context';

const BOUNDARY =
  /[.;:!?]|\s-\s|-(?=(?:we|they|it)\b)|\b(?:but|(?<!\bnot,\s*)however|although|though|whereas|except|unless|while|other than|instead)\b/gi;

const NEGATION =
  /\b(?:(?:contractually |legally )?(?:barred|prohibited|precluded) from\b|(?:obligations?|obligated|committed|commits?|undertakes?) not to\b|restrict(?:s|ed)? (?:[\w-]+ ){0,5}?from\b|(?:have|has) (?:disabled|turned off|switched off)\b|(?:have|has|had) no (?:way|means|ability) to\b|(?:do|does|did|will|would|shall|should|may|might|must|can|could|are|is|am|was|were|be|been|have|has|had)\s+not|don't|doesn't|didn't|won't|wouldn't|shan't|isn't|aren't|wasn't|weren't|haven't|hasn't|can't|cannot|never|no longer|neither|nor|none of|and not(?!\s+(?:as|in|by|on|to|through|via|for|from|with|at|the|a|an|any|only|just|merely|solely|individually|collectively|against|under|between|including|be)\b))\b(?!\s+(?:only|limited|want|wish|like|prefer|necessarily|just|agree|consent|opt|object|turn|enable|choose)\b)|\bno\s+(?:[\w-]+\s+){0,2}?(?:data|information|content|inputs?|prompts?|conversations?|chats?|personal)\b/i;

/** The user (or another non-company actor) is told not to do something. */
const USER_NEGATION =
  /\b(?:you|users?|developers?|customers?|licensees?|members?|participants?|subscribers?|visitors?|no one|nobody|anyone)\b(?:\s+(?:also|further|otherwise|hereby|expressly|specifically|therefore|and we))?\s+(?:(?:may|must|shall|will|can|should|are|is)\s+not|mustn't|shan't|won't|can't|cannot|agrees? not to|(?:are|is) (?:not )?(?:permitted|allowed|authori[sz]ed)|(?:are|is) (?:strictly )?prohibited|(?:are|is) forbidden)\b|\bprohibited from\b|\bagree(?:s)? not to\b|^\s*(?:do not|don't|never)\b|\bwithout (?:our|the|its) (?:express |prior |written |explicit )+(?:permission|consent|authori[sz]ation)\b|\bno (?:other )?rights? or licen[cs]es? (?:are|is) granted\b|\b(?:prohibited|restricted) (?:uses?|activities|conduct)\b|\bprohibits? (?:any|all|the) (?:use|uses|copying|scraping)\b|\bprohibition (?:on|of|against)\b|\bneither you\b|^\W*(?:\(?(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.)]?\s+)?(?:to\s+)?(?:use|using|copy|scrape|collect|mine|anonymi[sz]e|aggregate|exploit|reproduce|extract|engage in)\b[^.;]{0,80}?\bany\b|\byou(?:,| and| or)\s[^.;]{0,80}?\b(?:may|must|shall|will|can)\s+not\b|\bwithout (?:express |prior |written )+(?:authori[sz]ation|permission) from\b|\b(?:you|users?)\s+(?:must|shall|should|agree to)\s[^.;]{0,120}?\band not\b/i;

/** "You will not be able to…", "you won't receive…": a consequence for the user, not a prohibition. */
const PERMISSIVE_USER =
  /\byou (?:(?:may|must|shall|will|can|should) not|won't|cannot|can't)\b(?:\s+\w+){0,3}?\s+(?:be able|receive|need|have to|be charged|be notified)\b/i;

const HEDGE =
  /\bas traditionally understood\b|\bin the traditional sense\b|\bnot\s+(?:[\w-]+\s+){0,2}directly\b|\bgenerally (?:do|does) not\b|\bmay or may not\b|\bnot (?:typically|usually|normally|ordinarily)\b/i;

/**
 * Text every HEDGE match contains, found by a plain literal search: HEDGE itself (word boundaries, a gap of up to
 * two words) costs a clause-long scan, and most clauses hedge nothing.
 */
const HEDGE_WORDS =
  /tradition|directly|generally|may or may not|not (?:typically|usually|normally|ordinarily)/i;

const EXCEPTION =
  /\b(?:except|unless|other than|apart from|with the exception of|without your (?:consent|permission))\b|\bwithout (?:a |an |any )?(?:valid |proper |appropriate |adequate |sufficient )?(?:legal|lawful) (?:basis|bases|grounds?|justification)\b/i;

/**
 * An exception the law leaves open: "except as permitted by law", "unless otherwise allowed", "without a
 * legal basis" (every lawful practice has one). A denial with it says nothing of what the law allows:
 * `unclear` (guide §4.2 R4, settled for every category 2026-12-07). "Except as required by law" is a legal
 * obligation and keeps the denial.
 */
const LAW = String.raw`(?:by|under|in) (?:the |applicable |local |relevant |governing )*(?:laws?|legislation|regulations?|statutes?|CCPA|CPRA|GDPR|PIPEDA|LGPD)\b`;
const OPEN_LEGAL_EXCEPTION = new RegExp(
  String.raw`\b(?:except|unless|save)\s+(?:as\s+|where\s+|when\s+|if\s+|to the extent\s+(?:that\s+)?)?(?:(?:it is|we are)\s+)?(?:(?:otherwise|expressly|legally)\s+)?(?:(?:required|mandated|compelled)\s+or\s+)?(?:permitted|allowed|authori[sz]ed|entitled)(?: to do so)? ${LAW}|\b(?:except|unless) (?:where |when |if |as )?(?:the |applicable |local )*laws? (?:permits?|allows?|authori[sz]es?)\b|\bwithout (?:a |an |any )?(?:valid |proper |appropriate |adequate |sufficient )?(?:legal|lawful) (?:basis|bases|grounds?|justification)\b`,
  'i',
);

/** A part of a sentence ("…, and we will…", "…; …") with a denial and an open exception in it (R4). */
export function openLegalException(text: string): boolean {
  return text
    .split(/[;.]|,\s+(?:and|but)\s+(?:we|you|they|it)\b/i)
    .some((part) => OPEN_LEGAL_EXCEPTION.test(part) && /\b(?:not|never|no)\b|n't\b/i.test(part));
}

/**
 * Guide R4: an exception the user's own act for training opens (consent, opting in, asking us, choosing to
 * share data so that it improves the models) or a legal
 * obligation keeps a denial a denial; an open-ended one ("except as permitted by law") leaves it unclear; any
 * other (feedback you send, flagged chats) is a real use (`permits`).
 */
const OPT_IN_EXCEPTION =
  /\b(?:except|unless|other than|without)\b[^.;]{0,60}?(?:\b(?:your|their|the user's|explicit|express|prior|separate) (?:(?:express|explicit|prior|separate|written) )*(?:consent|permission|agreement|authori[sz]ation|opt-?in)\b|\byou (?:\w+ ){0,3}?(?:opt(?:ed|s)? ?-?in|consent(?:ed)?|agree|give us (?:permission|consent)|have given us|grant(?:ed)? us|ask(?:ed)? us|direct(?:ed)? us|instruct(?:ed)? us|authori[sz]e(?:d)? us|allow(?:ed)? us|permit(?:ted)? us|give permission|enable|turn(?:ed)? on)\b|\byou (?:\w+ ){0,2}?cho(?:o)?se to (?:share|send|submit|provide|contribute|donate)\b[^.;]{0,60}?\b(?:to (?:help )?(?:improve|train|develop)|for (?:training|improving|improvement))\b|\b(?:required|compelled|obligated|obliged) (?:to (?:do so )?)?(?:by|under) (?:applicable )?law\b|\b(?:we are|we're) (?:legally )?(?:required|compelled|obliged)\b|\blegal (?:obligation|requirement)s?\b|\b(?:required|compelled|ordered)(?: to(?: do so)?)? (?:by|under) (?:a |an |any )?(?:valid |lawful |binding |legally binding )?(?:subpoenas?|court orders?|warrants?|legal process)\b|\b(?:subpoenas?|court orders?|search warrants?)\b)/i;
/** A denial that holds only once the user turned a setting off: the practice is on by default. */
const OPT_OUT_CONDITION =
  /^\W*(?:if|when|once|where)\b[^.;]{0,80}?\b(?:(?:is|are) (?:turned |switched )?off|(?:is|are) disabled|you (?:turn(?:ed)? off|switch(?:ed)? off|disable[sd]?|opt(?:ed)? out))\b/i;

/**
 * The practice happens only after the user's opt-in (guide R4: the default decides). Choosing to send
 * feedback, a rating or a report is ordinary use of a feature, not an opt-in (guide R4, settled in v2).
 */
const OPT_IN_ONLY =
  /\b(?:if|once|when|where) you (?:have )?(?:explicitly |expressly |affirmatively )?(?:opt(?:ed)?[- ]?in|cho(?:o)?se to (?:share|send|submit)(?! (?:[\w'-]+ ){0,2}?(?:feedback|ratings?|reports?|thumbs)\b)|consent(?:ed)? to (?:share|sharing))\b|\ba way to opt[- ]?in\b|\bonly (?:if|when|with) you(?:r)? (?:explicit |express )?(?:opt[- ]?in|consent)\b/i;
/** Every branch of OPT_IN_ONLY names opting in, choosing or consent: a literal search rules most clauses out. */
const OPT_IN_WORDS = /opt|cho|consent/i;
/** What the "… may not apply" cue needs. */
const NOT_APPLY_WORDS = /not apply/i;
/**
 * An exception that points elsewhere for its cases: "except as described in this policy", and the same pointer to
 * a document ("except in accordance with our Privacy Policy", settled 2026-12-08): R4's open-ended exception.
 */
const OPEN_EXCEPTION =
  /\b(?:except|unless|other than)\s+(?:as|where|to the extent)\s+(?:otherwise\s+)?(?:permitted|allowed|described|set (?:out|forth)|stated|explained|provided|disclosed|specified|outlined|listed|detailed|indicated)\b|\b(?:except|other than)\s+(?:in accordance with|pursuant to|as (?:provided|permitted) (?:for )?(?:in|by)|under)\s+(?:this|our|the|these|its|their)\s+(?:[\w-]+\s+){0,2}?(?:polic(?:y|ies)|notice|statement|terms|agreement)\b/i;

/**
 * Guide R5: the practice named inside an exclusion ("…, excluding model training", "…, but not to train
 * AI models") is excluded. "including but not limited to" is the opposite.
 */
const EXCLUDED_BEFORE =
  /\b(?:excluding|except for|other than|but not(?!\s+limited)|not including|with the exception of)\W+(?:(?!limited\b)[\w'-]+\W+){0,3}$/i;

/**
 * A provider working for the company "prohibited from" a use: the company's own commitment, not a user rule
 * (guide R9). Other third parties using the service are users under R8.
 */
const RECIPIENT_BARRED =
  /\b(?:providers?|vendors?|processors?|sub-?processors?|suppliers?|contractors?)\b[^.;]{0,60}?\b(?:prohibited|barred|precluded|restricted) from\b/i;

/**
 * The company (a name, "we", "it") agrees not to do something: its own commitment, a denial (guide R8), even
 * with an aside between ("X agrees, whether or not …, not to use …"). Case-sensitive: a capitalised subject
 * other than the user's names.
 */
const COMPANY_AGREES =
  /(?:^|[^\w])(?!(?:You|Your|User|Users|Customer|Customers|Licensee|Licensees|Developer|Developers|Member|Members|Each|Both|Neither)\b)(?:[A-Z][\w.&'-]*|we|it)\s+(?:also\s+|hereby\s+|further\s+)?agrees?(?:,[^,;.]{1,100},)?\s+(?:not to|that (?:it|we|they) (?:will|shall) not)\b/;

/**
 * A list lead-in that ends in a prohibition ("…, and anyone acting for them, must not:"): its items are
 * restrictions on whoever the lead-in names; the company is never the subject of such a list (guide R8).
 */
const PROHIBITION_LEAD_IN = /\b(?:must|may|shall|will|should|agree) not(?: to)?\W*$/i;

/** How far (in words) a negation may sit before the matched practice and still negate it. */
const NEGATION_WINDOW_WORDS = 30;

const NEGATION_ALL = new RegExp(NEGATION.source, 'gi');

/** A negation inside an "if you do not …" condition states no practice. */
function negated(scope: string): boolean {
  const blank = blankNames(scope);
  // exec in a loop rather than matchAll (no iterator, no copy of the regex); restarted at 0 on every call.
  NEGATION_ALL.lastIndex = 0;
  for (let m = NEGATION_ALL.exec(blank); m; m = NEGATION_ALL.exec(blank)) {
    if (m[0].length === 0) NEGATION_ALL.lastIndex++;
    // Inside a condition ("if you do not opt out, …") it states no practice.
    if (/\b(?:if|unless|when|once|whether|to the extent)\b[^,;]*$/i.test(scope.slice(0, m.index))) continue;
    const between = scope.slice(m.index + m[0].length);
    // "Because such data does not identify you, we may disclose it": the negation gives the reason for the main
    // clause's practice and denies nothing of it (a practice inside the because-clause is still negated).
    if (/\b(?:because|since)\b[^,;]*$/i.test(scope.slice(0, m.index)) && between.includes(',')) continue;
    // "…de-identify data so that it no longer identifies you" describes a safeguard, not a denial.
    if (/\bso that\s+(?:it|they|this|the data|the information)\s*$/i.test(scope.slice(0, m.index))) continue;
    // "Content that is not personal data", "data that does not contain…": the negation restricts the data.
    if (/\b(?:that|which)\s*$/i.test(scope.slice(0, m.index))) continue;
    // "You may instruct us not to use …": the user's control over the practice (an opt-out), not a denial.
    if (/\b(?:instruct|ask|tell|direct)(?:s|ed)?\s+(?:us|[A-Z][\w.]*)\s*$/.test(scope.slice(0, m.index)))
      continue;
    // Far from the practice it negates something else; "cannot … without" is a double negative.
    if (between.split(/\s+/).length > NEGATION_WINDOW_WORDS || /\bwithout\b/i.test(between)) continue;
    // A new verb phrase ("… and your data will be deleted", "so that it no longer identifies you, …")
    // ends the negation's reach.
    if (
      /\b(?:and|or|but)\s+(?:[\w'-]+\s+){0,3}?(?:will|may|can|shall|might|must|could|would)\b|\bso that\b|,\s*which\b/i.test(
        between,
      )
    )
      continue;
    return true;
  }
  return false;
}

/**
 * A negation that opens an enumerated list ("Mailco shall not (i) sell …; (ii) share … for cross-context
 * advertising; or (iii) retain …"): it covers every item, though the items are cut at the semicolons (guide R8, a
 * commitment the company accepts is a denial, settled 2026-12-08 for each item of its list).
 */
const NEGATED_LIST_OPENING = /(?:\b(?:not|never)|n't|\bcannot)\s+(?:to\s+)?\(\s*(?:i|a|1)\s*\)/i;
const LIST_ITEM_START = /^\s*(?:(?:and|or|and\/or)\s+)?\(\s*(?:[ivx]{1,4}|[a-h]|\d)\s*\)/i;

function negatedListItem(sentenceBefore: string, itemBefore: string): boolean {
  return LIST_ITEM_START.test(itemBefore) && NEGATED_LIST_OPENING.test(sentenceBefore);
}

const DO_NOT = /do not/i;

/**
 * Quoted text (button labels such as "do not train on my content") and the names of controls ("Do Not
 * Sell or Share My Personal Information", "Do Not Track") contain negations that state no practice.
 * Blanked with spaces so offsets stay put.
 */
export function blankNames(text: string): string {
  // Both patterns need a quote or "do not": most clauses have neither.
  if (!text.includes('"') && !DO_NOT.test(text)) return text;
  return text
    .replace(/"[^"]{1,80}"/g, (m) => ' '.repeat(m.length))
    .replace(/\bdo not (?:sell|share)(?: or (?:sell|share))? my\b|\bdo not track\b/gi, (m) =>
      ' '.repeat(m.length),
    );
}

function subClauseStart(text: string, at: number): number {
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m && m.index < at; m = BOUNDARY.exec(text)) start = m.index + m[0].length;
  return start;
}

/**
 * "Although we do not sell it for money, we do sell it …": a negation in the concession does not reach the main
 * clause after its comma (guide §4.4), so a match there starts its scope at that main clause.
 */
const CONCESSION_END = /\b(?:although|though|while|whereas)\s*$/i;
const MAIN_CLAUSE = /,\s+(?=(?:we|they|it|our|the company)\b)/gi;
function mainClauseAfterConcession(text: string, sub: number, at: number): number {
  if (!CONCESSION_END.test(text.slice(Math.max(0, sub - 12), sub))) return sub;
  MAIN_CLAUSE.lastIndex = sub;
  const m = MAIN_CLAUSE.exec(text);
  return m && m.index + m[0].length <= at ? m.index + m[0].length : sub;
}

function sentenceStart(text: string, at: number): number {
  const i = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('? ', at), text.lastIndexOf('! ', at));
  return i < 0 ? 0 : i + 2;
}

const CAPITAL_AUXILIARY =
  /\b(?:IS|ARE|WAS|WERE|BE|HAS|HAVE|WILL|WOULD|SHALL|SHOULD|MAY|MIGHT|CAN|COULD|MUST|CANNOT|DO|DOES)\b/;

/**
 * "Categories of … sold", "purposes for selling", "whether we sell": the practice is only named, as what the user
 * may ask about; it may not happen at all (the answer may be "none").
 */
const NAMED =
  /\b(?:right to (?:know|request)|categories of|purposes? (?:for|of)|whether we(?: are)?|confirm whether)\b/i;

/**
 * The practice named as what the user may opt out of or object to: a right to stop it presupposes it (data
 * guide §3 data-sale, settled 2026-12-07 session 10; §4.2 R2/R3), so it is no reason for `unclear`.
 */
const NAMED_OPT_OUT = /\b(?:opt(?:-| )?out of|right to (?:opt(?:-| )?out|object))\b/i;

/**
 * A title-case line ("Changes to These Terms") names a topic without stating a practice. A sentence set in
 * capitals is no title: closed by a stop, or with a modal or auxiliary ("NEXTROLL MAY UPDATE OR MODIFY THIS
 * AGREEMENT FROM TIME TO TIME."), as lib/extract/statement.ts reads it too.
 */
function headingLike(text: string): boolean {
  // Most clauses are sentences longer than a heading: counted without splitting them into words.
  if (wordCountAbove(text, 14)) return false;
  const t = text.trim();
  if (/[.!?;]["'\u201d\u2019)]*$/.test(t)) return false;
  if (t === t.toUpperCase() && CAPITAL_AUXILIARY.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 14) return false;
  const long = words.filter((w) => /^[A-Za-z]{4,}/.test(w));
  return long.length >= 3 && long.filter((w) => /^[A-Z]/.test(w)).length / long.length >= 0.75;
}

const SPACE = /\s/;

/** Whether `text` has more than `max` (≥ 1) words: runs of non-`\s` characters, as `trim().split(/\s+/)` finds them. */
function wordCountAbove(text: string, max: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(text[i]!));
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++words > max) return true;
    }
  }
  return false;
}

export interface StanceResult {
  stance: Stance;
  cues: string[];
}

/** Clause-level facts every match of a clause shares; computed once per clause. */
export interface ClauseFacts {
  /** The clause with quoted labels and control names blanked (same length). */
  blank: string;
  heading: boolean;
  hedge: boolean;
  question: boolean;
}

/** Facts of an ASCII-normalised clause, for `resolveStance`. */
export function clauseFacts(text: string): ClauseFacts {
  const blank = blankNames(text);
  return {
    blank,
    heading: headingLike(blank),
    hedge: HEDGE_WORDS.test(text) && HEDGE.test(text),
    question:
      /\?\s*$/.test(text) &&
      /^\W*(?:do|does|is|are|will|can|how|what|why|who|when|where|which|should|may)\b/i.test(text),
  };
}

/**
 * Stance of the match at [start, end) in `text` (ASCII-normalised), given the list lead-in, if any.
 * `userNegation` is what a user-side prohibition means for this category.
 */
export function resolveStance(
  text: string,
  start: number,
  end: number,
  leadIn: string | undefined,
  userNegation: Stance,
  /** The practice named as the object of a right or a disclosure list reads as `unclear` (see RuleFamily). */
  namedIsUnclear = false,
  facts: ClauseFacts = clauseFacts(text),
): StanceResult {
  const cues: string[] = [];
  const from = sentenceStart(text, start);
  const sub = mainClauseAfterConcession(text, subClauseStart(text, start), start);
  // COMPANY_AGREES is case-sensitive and needs "agree": a substring search rules most sentences out.
  const sentence = text.slice(from, end);
  const companyAgrees = sentence.includes('agree') && COMPANY_AGREES.test(sentence);
  // Quotes are blanked over the whole clause first, so a match inside a quoted label sees no negation.
  const scope = facts.blank.slice(sub, end);
  const after = text.slice(end);

  if (companyAgrees) cues.push('neg', 'company-agrees');
  else if (
    USER_NEGATION.test(facts.blank.slice(from, end)) &&
    !PERMISSIVE_USER.test(text.slice(from, end)) &&
    !RECIPIENT_BARRED.test(text.slice(from, end))
  )
    cues.push('user-neg');
  // "without the express permission of rightsholders" usually follows the prohibited use.
  else if (
    /\bwithout (?:our|the|its) (?:express |prior |written |explicit )+(?:permission|consent)|\bwithout (?:express |prior |written )+(?:authori[sz]ation|permission) from\b/i.test(
      after,
    )
  )
    cues.push('user-neg');
  else if (
    leadIn &&
    (USER_NEGATION.test(leadIn) ||
      ((PROHIBITION_LEAD_IN.test(leadIn) || impersonalProhibitionLeadIn(leadIn)) &&
        !/\bwe\b/i.test(leadIn))) &&
    !/\bwe\b/i.test(text.slice(0, start))
  )
    cues.push('lead-in-user-neg');
  // "Your app must not: (a) …; (f) use requests to develop models": the lead-in written inside the sentence.
  else if (inlineProhibitionLeadIn(facts.blank.slice(from, start))) cues.push('lead-in-user-neg');

  if (companyAgrees) {
    // The commitment is already the denial ('neg' above).
  } else if (negated(scope)) cues.push('neg');
  else if (negatedListItem(facts.blank.slice(from, sub), text.slice(sub, start)))
    cues.push('neg', 'negated-list');
  else if (EXCLUDED_BEFORE.test(text.slice(from, start))) cues.push('neg', 'excluded');
  if (facts.hedge) cues.push('hedge');
  // An exception belongs to its own sentence part: ", and any third-party tools … other than …" is another.
  const own = after.split(/[.;]|,\s+and\s+(?:any|the|our|we|they)\b/)[0]!;
  if (EXCEPTION.test(own)) cues.push('exception');
  if (facts.heading) cues.push('heading');
  const before = text.slice(sub, start);
  if (NAMED_OPT_OUT.test(before)) cues.push('named-opt-out');
  else if (NAMED.test(before)) cues.push('named');
  if (facts.question) cues.push('question');
  // "Arbitration may not apply to you": the negation follows the practice.
  if (
    NOT_APPLY_WORDS.test(after) &&
    /^\W*(?:[\w-]+\W+){0,3}?(?:may|does|do|will|shall) not apply\b/i.test(after)
  )
    cues.push('neg');

  // Data guide §4: a denial with a real exception ("…except feedback you submit") is still `permits`;
  // a question or heading-like sentence only names the practice (`unclear`).
  let stance: Stance = 'permits';
  if (cues.includes('user-neg') || cues.includes('lead-in-user-neg')) stance = userNegation;
  else if (cues.includes('hedge') || cues.includes('question') || cues.includes('heading'))
    stance = 'unclear';
  else if (namedIsUnclear && cues.includes('named')) stance = 'unclear';
  // Guide R3: "if the setting is off (or you opt out), we do not use…" states an opt-out: on by default.
  else if (cues.includes('neg') && OPT_OUT_CONDITION.test(text.slice(from, start))) {
    cues.push('opt-out-condition');
    stance = 'permits';
  } else if (cues.includes('neg')) stance = cues.includes('exception') ? exceptionStance(own) : 'denies';
  // Guide R4: off unless the user opts in ("if you have opted in to share…, we may use…", "a way to opt in
  // to share data, which we then use…") is a denial by default, the opt-in a slot.
  else if (
    OPT_IN_WORDS.test(facts.blank) &&
    OPT_IN_ONLY.test(facts.blank) &&
    !/\bopt(?:s|ed|ing)?[- ]?out\b/i.test(facts.blank)
  ) {
    cues.push('opt-in');
    stance = 'denies';
  }
  return { stance, cues };
}

/** The stance of a denial followed by an exception (guide R4). */
function exceptionStance(after: string): Stance {
  if (OPEN_LEGAL_EXCEPTION.test(after)) return 'unclear';
  if (OPT_IN_EXCEPTION.test(after))
    return !exceptionBeyondConsent(after) ? 'denies' : OPEN_EXCEPTION.test(after) ? 'unclear' : 'permits';
  if (OPEN_EXCEPTION.test(after)) return 'unclear';
  return 'permits';
}

/**
 * The company may not discriminate against, retaliate against or penalise the user for exercising their
 * rights: a promise that protects a choice, `user-choice/permits` as the labels have it, never "you have no
 * choice" (the "cannot" or "will not" is the company's).
 */
const NO_PENALTY_FOR_RIGHTS = /\b(?:discriminat\w*|retaliat\w*|penali[sz]\w*)\b/i;
const EXERCISING_RIGHTS = /\bexercis\w*\b|\b(?:privacy|your|these|their|consumer) rights\b/i;

export function noPenaltyForRights(text: string): boolean {
  return NO_PENALTY_FOR_RIGHTS.test(text) && EXERCISING_RIGHTS.test(text);
}

/**
 * The clause offers the user an opt-in ("if you opt in, …", "a way to opt in"), with no "you cannot": for
 * user-choice that opt-in is the choice (guide §3 user-choice), though R1 reads the practice as off by default.
 */
export function offersOptIn(text: string): boolean {
  return OPT_IN_WORDS.test(text) && OPT_IN_ONLY.test(text) && !USER_NEGATION.test(text);
}
