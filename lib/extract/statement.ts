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
  'appear archive arise ask assign assist associate assume authorise authorize avoid bar base become begin ' +
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

const VERB_FORMS: ReadonlySet<string> = new Set([
  ...AUXILIARIES,
  ...VERBS.flatMap(inflections),
  ...IRREGULAR.split(' '),
]);

/** Words after which a pronoun is the subject of the next word: "we / they / I" (+ "you" opening a clause). */
const SUBJECT =
  /(?:^|[^\p{L}])(?:we|they|i)\s+\p{L}|(?:^|[,;:(]\s*|\b(?:if|when|where|unless|that|once|whether|as)\s+)you\s+(?!and\b|or\b)\p{L}/iu;

/** Whether the text has a finite or infinitive verb by the word list above. */
export function hasVerb(text: string): boolean {
  if (SUBJECT.test(text)) return true;
  for (const raw of text.toLowerCase().split(/[^\p{L}'’-]+/u)) {
    const word = raw.replace(/’/g, "'").replace(/^['-]+|['-]+$/g, '');
    if (!word) continue;
    if (VERB_FORMS.has(word)) return true;
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

export type StatementUnit = 'sentence' | 'list-item' | 'cell' | 'row';

/** Whether a unit of text is a statement worth marking (see module doc). */
export function isStatement(text: string, unit: StatementUnit, leadIn?: string): boolean {
  if (isQuestion(text)) return false;
  if (unit === 'row') return true;
  // "Learn more", "Contact us": a few words without a stop are a link or a label left in a paragraph.
  if (unit === 'sentence' && !/[.!?;:]["'\u201d\u2019)\]]*$/.test(text) && text.split(/\s+/).length <= 4)
    return false;
  if (hasVerb(text)) return true;
  return unit === 'list-item' && leadIn !== undefined && isOpenLeadIn(leadIn);
}
