/**
 * Sentences whose practice or control does not happen by default though the words of it are there (data/GUIDE.md
 * §4.2, settled 2026-12-07): "There is no automated decision-making …" denies it; "Were we ever to sell your
 * data, we would …" makes it wait on a condition the company has not met; "We will only disclose it if a
 * binding request of the authorities requires it" lets only a legal obligation trigger it (R4); "We do not
 * respond to Do Not Track signals" says the user has no such control. Each turns a `permits` into `denies`.
 * @module
 */
import type { CategoryId } from '../taxonomy';

/** The practice's nouns after "there is no": what the sentence says does not exist. */
const PRACTICE_NOUNS: Partial<Record<CategoryId, string>> = {
  'automated-decisions': String.raw`automated (?:individual )?decision(?:-making| making|s)?|profiling|automated processing`,
  'data-sale': String.raw`sale|selling`,
  'data-sharing': String.raw`shar(?:ing|e)|disclosure|transfer to third parties`,
  'targeted-advertising': String.raw`(?:targeted |personali[sz]ed |interest-based |behavioural |behavioral )?(?:advertising|ads)|profiling`,
  'international-transfer': String.raw`(?:international |cross-border )?transfers?`,
  'ai-training': String.raw`(?:model )?training`,
};

/** "There is no X", "No X takes place" — a denial with no subject acting, which the negation cues miss. */
// Built once: this runs for every permitted label the classifier paints.
const THERE_IS_NO: Partial<Record<CategoryId, RegExp>> = Object.fromEntries(
  Object.entries(PRACTICE_NOUNS).map(([category, nouns]) => [
    category,
    new RegExp(
      // Or the practice as the subject of "No …" ("No automated decision-making (including profiling) takes place").
      String.raw`\bthere (?:is|are|will be|shall be) (?:currently )?no (?:[\w-]+ ){0,2}?(?:${nouns})\b|^\W*no (?:[\w-]+ ){0,2}?(?:${nouns})\b[^.;]{0,60}?\b(?:takes? place|(?:is|are|will be|shall be) (?:carried out|performed|undertaken|conducted|made|used|applied)|occurs?|happens?)\b`,
      'i',
    ),
  ]),
);

export function thereIsNo(category: CategoryId, text: string): boolean {
  return THERE_IS_NO[category]?.test(text) ?? false;
}

/**
 * The practice as a hypothetical the company has not met: "Were we ever to sell …", "Should we ever decide to
 * share …", "If we ever start selling …", "In the event that we begin to …", "If in the future we …". A plain
 * "If we share your data, …" may describe what the company does and is left alone.
 */
const HYPOTHETICAL =
  /^\W*(?:[\w"'-]+:\s+)?(?:(?:were|should) we (?:ever |at any time |in the future )?(?:to |decide to |choose to |begin to |start to |plan to )?|if (?:we (?:ever|were (?:ever )?to|should (?:ever )?|decide in the future to|in the future|at any time in the future|later decide to)|in the future,? we|at some point we)|in the event (?:that )?we (?:ever|decide to|begin to|start to|in the future)|if and when we (?:ever )?)\b/i;

/** The practice itself on the user's data, right after the condition opens ("…to sell Personal Information"). */
const PRACTICE_ON_DATA =
  /^(?:\w+ ){0,3}?(?:sell|share|disclose|rent|transfer|use|provide|process|train)\w*\s+(?:(?:or|and) (?:\w+ ){0,3}?)?(?:\w+ ){0,3}?(?:personal|your|users?'?|customers?'?|data|information|details|it|them)\b/i;

export function hypotheticalPractice(text: string): boolean {
  const m = HYPOTHETICAL.exec(text);
  return m !== null && PRACTICE_ON_DATA.test(text.slice(m.index + m[0].length).trimStart());
}

/**
 * "We will only disclose X if we are required to by a binding request of the authorities (legal obligation)":
 * the practice's only trigger is a legal obligation (R4), so the denial holds. Any other trigger beside it
 * ("or to provide the service", "or with our partners") leaves it a permission.
 */
const ONLY_WHEN_COMPELLED =
  /\b(?:we|[A-Z][\w.&-]+) (?:will |shall |would |may |can )?only (?:ever )?(?:disclose|share|provide|hand over|release|give|pass|transfer|turn over)\b[^.;]{0,80}?\b(?:if|when|where|in response to|upon|as)\b[^.;]{0,40}?\b(?:required|compelled|obliged|obligated|instructed|ordered|binding|court orders?|subpoenas?|warrants?|legal obligations?|legally|law)\b/i;
const OTHER_TRIGGER =
  /\b(?:or|and) (?:to|with|for|when (?!required|compelled|legally|ordered)|if (?!required|compelled|legally|ordered))\b/i;

export function onlyUnderLegalObligation(text: string): boolean {
  const m = ONLY_WHEN_COMPELLED.exec(text);
  return m !== null && !OTHER_TRIGGER.test(text.slice(m.index));
}

/**
 * A refusal to act on the browser's Do Not Track signal, with no other control named: the user has no such
 * choice (guide §3 user-choice, `denies`). A control beside it ("…, but you can opt out of cookies") keeps
 * `permits`.
 */
const DNT_REFUSED =
  /\b(?:do|does|will|can|currently)? ?(?:not|n't) (?:currently )?(?:(?:interpret|recogni[sz]e|honou?r|support|process|act on|respond to|alter our \w+ in response to)(?:,? (?:or|and) )?)+ (?:to )?(?:(?:browser|web browser|such|these|those|any|the|a|"|')\s?)*(?:Do Not Track|DNT)\b/i;
const OTHER_CONTROL =
  /\byou (?:can|may|could)\b|\bopt(?:s|ed|ing)?[- ]?(?:out|in)\b|\bsettings\b|\bGlobal Privacy Control\b|\bGPC\b|\bunsubscrib\w*|\bwithdraw\w*|\bobject\b/i;

export function refusesDoNotTrack(text: string): boolean {
  return DNT_REFUSED.test(text) && !OTHER_CONTROL.test(text);
}

/** Categories whose practice a hypothetical or a sole legal trigger holds back (as R1/R4 read them). */
const HELD_BACK: ReadonlySet<CategoryId> = new Set([
  'data-sharing',
  'data-sale',
  'targeted-advertising',
  'international-transfer',
  'ai-training',
]);

/** Whether a `permits` stance of `category` is `denies` for one of the shapes above. */
export function absentByDefault(category: CategoryId, text: string): boolean {
  if (category === 'user-choice') return refusesDoNotTrack(text);
  if (thereIsNo(category, text)) return true;
  if (!HELD_BACK.has(category)) return false;
  return (
    hypotheticalPractice(text) ||
    ((category === 'data-sharing' || category === 'data-sale') && onlyUnderLegalObligation(text))
  );
}
