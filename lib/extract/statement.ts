/**
 * What a clause is: only statements are marked. A sentence or list item needs a verb (a list item may borrow
 * it from an open lead-in: "We use your data to:" + "personalise ads"); a question is not a statement; a
 * table row is read whole and needs no verb of its own. Headings, link-only and button text, contents lines
 * and table header rows never reach this check: lib/extract/blocks.ts leaves them out of the clause text.
 *
 * The verb test is a word list, not a tagger: auxiliaries and modals, the verbs policies use, their
 * inflections, and "we / they / I" followed by a word. It errs towards "statement": a missed mark costs more
 * than painting a rare verbless sentence. The corpus audit (scripts/audit-marks.ts) checks what this lets
 * through with an independent tagger and the page's own markup.
 * @module
 */
import { singleSpaced } from './single-spaced';

const AUXILIARIES = new Set(
  (
    'is are was were be been being am has have had having do does did doing will would shall should may ' +
    'might can could must cannot ought need needs isn aren wasn weren hasn haven hadn doesn don didn won ' +
    "wouldn shouldn couldn mustn can't won't don't doesn't isn't aren't wasn't weren't hasn't haven't " +
    "didn't shouldn't couldn't wouldn't we're you're they're it's we've you've we'll you'll"
  ).split(' '),
);

/** Base forms of the verbs policies and terms use (inflections are derived). */
const VERBS = (
  'accept access acknowledge act add adjust agree aggregate allow analyse analyze anonymise anonymize apply ' +
  'appear archive arise ask assign assist associate assume authorise authorize avoid ban bar base become begin ' +
  'believe belong bind block break bring build buy calculate call cancel capture carry cause change charge ' +
  'check choose claim clear close collect combine come communicate compensate complete comply conduct confirm ' +
  'connect consent consider constitute contact contain continue contribute control cooperate copy correct ' +
  'cost cover create customise customize deal decide declare decline default define delete deliver deny ' +
  'depend derive describe design destroy detect determine develop differ direct disable disclose discontinue ' +
  'display dispose distribute download edit eliminate email employ enable encrypt end enforce engage enhance ' +
  'ensure enter erase establish evaluate exceed exchange exclude exercise exist expire explain export expose ' +
  'extend facilitate fail file fill find fine-tune fix follow forward fulfil fulfill gather generate get give ' +
  'go govern grant guarantee handle happen help hide hold host identify ignore implement improve include ' +
  'incorporate indemnify inform infringe initiate install integrate intend interact interpret investigate ' +
  'involve issue join keep know learn lease leave let license licence limit link list live load locate lodge ' +
  'log look lose maintain make manage market match mean measure meet merge modify monitor move need notify ' +
  'object obtain occur offer open operate opt order own participate pass pay perform permit personalise ' +
  'personalize place play post prefer prepare present prevent process produce prohibit promote protect ' +
  'provide publish purchase pursue put qualify raise reach read receive recognise recognize recommend record ' +
  'reduce refer refund refuse register reject relate release rely remain remove rent reply report represent ' +
  'request require reserve resolve respect respond restrict retain review revoke run safeguard satisfy save ' +
  'say see seek select sell send serve set share show sign store submit subscribe suggest supply support ' +
  'suspend swap take target tell terminate test track trade train transfer transmit treat turn understand ' +
  'unsubscribe update upload use verify view violate visit waive want warrant withdraw work write'
).split(' ');

const IRREGULAR =
  'bought brought built came chose chosen did done gave given got gotten went gone held kept knew known ' +
  'left lent let made meant met paid put read ran said saw seen sent set shown sold spent stood told took ' +
  'taken thought understood won wrote written bound found lost begun began arose arisen became';

function inflections(base: string): string[] {
  const out = [base];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  out.push(
    /(?:s|sh|ch|x|z)$/.test(base)
      ? `${base}es`
      : /[^aeiou]y$/.test(base)
        ? `${base.slice(0, -1)}ies`
        : `${base}s`,
  );
  out.push(/[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${stem}ed`);
  out.push(`${stem}ing`);
  // Doubled final consonant: "stop" → "stopped", "submit" → "submitted", "transfer" → "transferred".
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(base)) {
    const last = base.charAt(base.length - 1);
    out.push(`${base}${last}ed`, `${base}${last}ing`);
  }
  return out;
}

interface VerbTables {
  /** The base forms above. */
  bases: ReadonlySet<string>;
  /** Every form the verb test takes for a verb: auxiliaries, the bases' inflections, irregular forms. */
  forms: ReadonlySet<string>;
}

let verbTables: VerbTables | null = null;

/**
 * The verb tables, built on first use rather than when this module loads: the page analysis bundles it (list
 * titles, lib/extract/blocks.ts), and inflecting the word list while that script was evaluated was its largest
 * piece, a fifth of a task that went over 50 ms with the page's CPU slowed 4× (issue 26, traced).
 */
function verbs(): VerbTables {
  verbTables ??= {
    bases: new Set(VERBS),
    forms: new Set([...AUXILIARIES, ...VERBS.flatMap(inflections), ...IRREGULAR.split(' ')]),
  };
  return verbTables;
}

/** Words after which a pronoun is the subject of the next word: "we / they / I" (+ "you" opening a clause). */
const SUBJECT =
  /(?:^|[^\p{L}])(?:we|they|i)\s+\p{L}|(?:^|[,;:(]\s*|\b(?:if|when|where|unless|that|once|whether|as)\s+)you\s+(?!and\b|or\b)\p{L}/iu;

const DETERMINER = /^(?:the|a|an|our|your|their|its|his|her|my|this|that|these|those|any|such|no)$/;

/** Whether the text has a finite or infinitive verb by the word list above. */
export function hasVerb(text: string): boolean {
  if (SUBJECT.test(text)) return true;
  const words = text
    .toLowerCase()
    .split(/[^\p{L}'’-]+/u)
    .map((raw) => raw.replace(/’/g, "'").replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean);
  const { bases, forms } = verbs();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // "Review of orders", "monitoring of service usage", "our marketing communications": a base or "-ing"
    // form with "of", or an "-ing" form after a determiner, is a noun.
    if ((word.endsWith('ing') || bases.has(word)) && words[i + 1] === 'of') continue;
    if (word.endsWith('ing') && DETERMINER.test(words[i - 1] ?? '')) continue;
    if (forms.has(word)) return true;
    // Participles and -ise/-ize verbs outside the list ("pseudonymised", "geolocated", "monetizes").
    if (word.length >= 6 && /(?:[^e]ed|i[sz]e[sd]?|i[sz]ing)$/.test(word)) return true;
  }
  return false;
}

/** A question ("How do we share your information?"): a heading in disguise, or rhetoric, never a statement. */
export function isQuestion(text: string): boolean {
  return /\?["'\u201d\u2019)\]]*$/.test(text.trim());
}

/**
 * A lead-in that leaves its sentence open for the list to finish: "We use your data to:", "including",
 * "such as" — then a verbless item ("Service providers") completes a statement.
 */
export function isOpenLeadIn(leadIn: string): boolean {
  const t = leadIn.trim();
  return (
    hasVerb(t) &&
    (/[:\u2013\u2014-]$/.test(t) ||
      /\b(?:to|with|by|for|of|from|including|include|includes|such as|as follows|following|about|in|on|that|are|is|be|when|where|if)$/i.test(
        t,
      ))
  );
}

/** Words a title leaves in lower case ("Changes to the Terms of Use"). */
const TITLE_SMALL = new Set(
  (
    'a an the and or nor but of to in on at by for from with without into onto about under over via per vs ' +
    'as if our your their its his her my we us you they it this that these those who whom what how why when ' +
    'where which than then up out off e.g i.e etc'
  ).split(' '),
);

/** Auxiliaries and modals only: the finite verbs a heading never has ("Changes we may make" still has one). */
const FINITE_AUXILIARY =
  /\b(?:is|are|was|were|be|been|am|has|have|had|do|does|did|will|would|shall|should|may|might|can|could|must|cannot|won't|can't|don't|doesn't)\b/i;

/** The same in lower case only: running text. */
const LOWER_AUXILIARY =
  /\b(?:is|are|was|were|be|been|am|has|have|had|do|does|did|will|would|shall|should|may|might|can|could|must|cannot|won't|can't|don't|doesn't)\b/;
/** A section number opening a line: "3.5", "11.", "8 " before a capital, "IV.". */
const SECTION_NUMBER = /^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|\d{1,2}(?=\s+\p{Lu})|[IVX]{1,5}\.)\s+\S/u;
/** Numbering, bullets and quotes before a heading's words: "11.", "4.3", "(b)", "IV.", "●". */
const LEADING_MARKS =
  /^(?:[\s\u2022\u25cf\u25aa\u2013\u2014*-]|\(?[a-z\d]{1,3}[.)]|\d+(?:\.\d+)*\.?|[ivx]{1,5}\.)+\s*/iu;

/**
 * A heading written as a line of text: every word that is not a small function word starts with a capital
 * ("Changes to This Privacy Policy", "4.3 Disclosure in the Event of Merger", "INTERNATIONAL TRANSFERS"),
 * at most 14 words and no auxiliary or modal (a sentence in capitals — "WE MAY CHANGE THESE TERMS." — is
 * a statement), or a "How / What / Why…" line that is not closed by a stop ("How we disclose information").
 */
export function isHeadingLine(text: string): boolean {
  const raw = text.trim();
  const t = raw.replace(LEADING_MARKS, '');
  // Most units are sentences: their words are not split out only to be counted.
  if (letterWordsAbove(t, 14)) return false;
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 14) return false;
  if (/[,;]$/.test(t)) return false;
  const closed = /[.!;:]["'\u201d\u2019)]*$/.test(t);
  if (/^(?:how|what|why|when|where|who|whom|which|whose)\b/i.test(t) && !closed && words.length <= 12)
    return true;
  // "Why and how we process your information:", "What we collect:" — a label over the paragraph that
  // follows. ("When you sign up, we collect:" opens a sentence: a subordinate clause, then its own.)
  if (/^(?:how|what|why)\b/i.test(t) && /:$/.test(t) && !t.includes(',') && words.length <= 12) return true;
  const letters = t.replace(/[^\p{L}]/gu, '');
  const capitals = letters.length > 0 && letters === letters.toUpperCase();
  // In a title an auxiliary is capitalised too ("Other Users May View…"); in running text or in a
  // sentence set in capitals it makes a statement.
  if (capitals ? FINITE_AUXILIARY.test(t) : LOWER_AUXILIARY.test(t)) return false;
  // "3.5 As a result of a change in ownership.", "IV. Changes to the notice": a numbered line without a
  // subject or auxiliary is a section title.
  if (SECTION_NUMBER.test(raw) && words.length <= 12 && !SUBJECT.test(t)) return true;
  const content = words
    .map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''))
    .filter((w) => w && !TITLE_SMALL.has(w.toLowerCase()));
  const upper = content.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  // Mostly capitalised: "Requests for disclosure of Personal Data and Records on Provision of…".
  return (
    content.length >= 1 &&
    (upper === content.length || (content.length >= 5 && upper >= 0.8 * content.length))
  );
}

/**
 * A list item that titles the list nested in it: "8. Prohibited and restricted use" over that section's
 * numbered clauses, "Account information" over the data it lists. Short, not closed by punctuation, no
 * subject or auxiliary, not opening with a verb's base form ("Provide the Services", an imperative
 * purpose, stays a statement with its items), and not completing an open lead-in.
 */
export function isListTitle(text: string, leadIn?: string): boolean {
  // An item its lead-in completes ("We use your data:" › "To train and improve our models") is a statement
  // read with the lead-in (data/GUIDE.md §2), whatever is nested in it; so is an infinitive of purpose.
  if (leadIn && isOpenLeadIn(leadIn)) return false;
  const t = text.trim().replace(LEADING_MARKS, '');
  if (/^(?:to|in order to)\s+\p{L}/iu.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 8) return false;
  if (/[.!?;:,]["'\u201d\u2019)]*$/.test(t)) return false;
  if (SUBJECT.test(t) || LOWER_AUXILIARY.test(t)) return false;
  const first = words[0]!.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return !verbs().bases.has(first);
}

/**
 * "Learn more", "Read more about this", "Click here": a pointer to another page, not a statement. Only short
 * ones: "Learn more about how we use your content to train our models" still says something.
 */
const POINTER =
  /^(?:(?:learn|read|find out|see|view|discover|know)\s+more\b|(?:click|tap)\s+here\b)(?:\S*\s+\S+){0,4}\S*$/i;

/** "Last update: 25 October, 2021", "Effective date: 1 May 2024": a date line. */
const DATE_LINE =
  /^(?:last\s+)?(?:updated|update|revised|modified|effective(?:\s+date)?|version|date)\b[^.]{0,40}\b\d{4}\.?$/i;

/**
 * A control's label in the user's voice ("Do Not Sell or Share My Personal Information", "Delete my
 * account") without a closing stop: a link or button, while the policy itself says "your".
 */
const CONTROL_LABEL = (t: string) =>
  /\bmy\b/i.test(t) && !/[.!?]["'\u201d\u2019)]*$/.test(t) && t.split(/\s+/).length <= 20;

/** A determiner, possessive or pronoun object: what follows a verb ("delete your account", "use the data"). */
const OBJECT_WORD =
  /^(?:your|our|their|the|a|an|this|that|these|those|its|his|her|my|any|all|some|such|each|every|them|us|it|you|him|me|personal|certain|information|data|content)$/i;
/** Adverbs that stand between a subject and its verb ("Terms also apply"). */
const ADVERB = /^(?:also|not|only|always|never|often|still|then|further|now)$/;
/** Words after which a verb form is a noun: "the transfer", "of processing", "your use". */
const NOUN_BEFORE =
  /^(?:the|a|an|this|that|these|those|our|your|their|its|his|her|my|of|for|in|on|at|from|about|with|without|by|into|under|regarding|any|all|such|no|other|direct|international|online|targeted|interest-based|behavioral|behavioural)$/i;

/**
 * The verb test for a short unit (at most 14 words), where a word list misreads nouns as verbs: "Direct
 * marketing.", "Transfer of Data", "Changes to this Privacy Statement", "Right to restriction of processing".
 * A short unit needs an auxiliary or modal, a subject ("we share", "you can"), or a verb form that takes an
 * object ("delete your account", "sharing the data") and does not stand after a determiner or preposition.
 */
export function shortUnitHasVerb(text: string): boolean {
  if (FINITE_AUXILIARY.test(text) || SUBJECT.test(text)) return true;
  const words = text
    .toLowerCase()
    .split(/[^\p{L}'’-]+/u)
    .map((w) => w.replace(/’/g, "'").replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean);
  const { bases, forms } = verbs();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!forms.has(w) && !(w.length >= 6 && /(?:[^e]ed|i[sz]e[sd]?|i[sz]ing)$/.test(w))) continue;
    const before = words[i - 1];
    const after = words[i + 1];
    if (before !== undefined && NOUN_BEFORE.test(before)) continue;
    if (after === 'of') continue;
    // A bare base form closing the unit is a noun ("for parental consent.", "EEA consumer guarantee."),
    // unless a plural or an adverb stands before it ("Other restrictions apply.", "Terms also apply.") or
    // it opens a list ("Examples of your Content include:").
    if (
      after === undefined &&
      !/:\s*$/.test(text) &&
      before !== undefined &&
      before !== 'to' &&
      bases.has(w) &&
      !/s$|ly$/.test(before) &&
      !ADVERB.test(before)
    )
      continue;
    // "Object to our processing", "Opt out of…", "Share with your friends": an imperative's particle or
    // preposition before a determiner (a plural noun — "Changes to this Policy" — is not a base form).
    const imperative =
      i === 0 &&
      bases.has(w) &&
      /^(?:to|with|from|out|in|into|on|about)$/.test(after ?? '') &&
      OBJECT_WORD.test(words[i + 2] ?? '');
    const takesObject = imperative || before === 'to' || (after !== undefined && OBJECT_WORD.test(after));
    // A first word or an "-ing" form is a noun ("Changes to…", "Device advertising settings") unless it
    // takes an object ("Delete your account", "sharing the data"); any other form after a noun is a
    // verb ("Some laws require disclosures", "data sold").
    if (takesObject || (i > 0 && !w.endsWith('ing'))) return true;
  }
  return false;
}

/** Words nearly every English sentence of ten words or more contains one of. */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the a an and or of to in on at for with by from as is are was be been will may can not no this that ' +
    'these those it its we our us you your they their them he she his her if any all which who some such ' +
    'more other has have had do does also only must should would shall use data information'
  ).split(' '),
);

/**
 * A passage in another language inside an English page (a terms page that repeats a clause in French or
 * Polish): the classifier reads English only, so it is kept in the record but never marked.
 */
export function isForeignPassage(text: string): boolean {
  // The words are the runs of letters of the lower-cased text, read in place: a split into pieces made every
  // clause's words strings, though only the short ones can be function words.
  const lower = text.toLowerCase();
  let words = 0;
  let english = 0;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.codePointAt(i)! : 32;
    if (isLetterCode(code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words++;
      if (i - start <= LONGEST_FUNCTION_WORD && ENGLISH_FUNCTION_WORDS.has(lower.slice(start, i))) english++;
      start = -1;
    }
    if (code > 0xffff) i++;
  }
  if (words < 10) return false;
  return english / words < 0.05;
}

const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length));

/** The text without bracketed asides, unless nothing of two words is left without them. */
function withoutAsides(text: string): string {
  // Each pass only where it can change something: most units have no brackets and single spaces.
  const open = text.includes('(') || text.includes('[');
  const bare = open ? text.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ') : text;
  const main = singleSpaced(bare);
  // `main` is single-spaced: its words are those of `split(/\s+/)`.
  return letterWordsAbove(main, 1) ? main : text;
}

/** A letter, as `\p{L}` reads it (astral letters included: the test reads one code point). */
const LETTER = /\p{L}/u;
/** Whitespace, as `\s` reads it. */
const SPACE = /\s/;

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(text[i]!));
}

/**
 * `text.split(/\s+/).length`, counted up to `limit + 1` without building the pieces: one more than the
 * number of whitespace runs.
 */
function splitCountAbove(text: string, limit: number): boolean {
  let count = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceAt(text, i)) {
      if (!inSpace && ++count > limit) return true;
      inSpace = true;
    } else inSpace = false;
  }
  return false;
}

/** Whether more than `limit` of the pieces of `text.split(/\s+/)` have a letter. */
function letterWordsAbove(text: string, limit: number): boolean {
  let words = 0;
  let letter = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceAt(text, i)) {
      letter = false;
      continue;
    }
    if (letter) continue;
    const code = text.codePointAt(i)!;
    if (isLetterCode(code)) {
      letter = true;
      if (++words > limit) return true;
    }
    if (code > 0xffff) i++;
  }
  return false;
}

function isLetterCode(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code > 127 && LETTER.test(String.fromCodePoint(code)))
  );
}

export type StatementUnit = 'sentence' | 'list-item' | 'cell' | 'row';

/** Whether a unit of text is a statement worth marking (see module doc). */
export function isStatement(text: string, unit: StatementUnit, leadIn?: string): boolean {
  if (isQuestion(text)) return false;
  if (unit === 'row') return true;
  // "Learn more", "Contact us": a few words without a stop are a link or a label left in a paragraph.
  if (unit === 'sentence' && !/[.!?;:]["'\u201d\u2019)\]]*$/.test(text) && !splitCountAbove(text, 4))
    return false;
  const t = text.trim();
  if (POINTER.test(t) || DATE_LINE.test(t) || CONTROL_LABEL(t) || isHeadingLine(t) || isForeignPassage(t))
    return false;
  // An aside in brackets ("Telavox AB (support tool)", "… (e.g. open rates)") lends no verb: the unit's
  // own words must have one.
  const main = withoutAsides(text);
  const verb = splitCountAbove(text, 14) ? hasVerb(main) : shortUnitHasVerb(main);
  if (verb) return true;
  return unit === 'list-item' && leadIn !== undefined && isOpenLeadIn(leadIn);
}
