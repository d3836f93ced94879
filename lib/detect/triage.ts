/**
 * Triage: the first look the content script takes at every page, before `detectPage`. Its only job is to say
 * "certainly not a policy, terms or checkout page — stop here" as cheaply as possible, and to let everything
 * else through to the full detector. It reads a handful of native DOM queries (no element-by-element walk:
 * in a content script every element touched costs a wrapper in the isolated world) and, on pages whose
 * address, title and headings name no policy, one `textContent`. It uses no regex and no `URL`: on the first
 * page of each isolated world, the first regex, each further regex and the first `URL` parse each cost
 * 0.1–0.5 ms of one-time setup, more than the tests themselves (docs/performance.md); lower-case text and
 * `indexOf` do the same work without it.
 *
 * Recall is the contract, precision is a cost: a page let through only costs a `detectPage` run, a page
 * dropped here is a policy we never analyse. tests/corpus/triage.test.ts checks that every corpus page the
 * full detector calls a policy or terms page, at a neutral URL, is let through; tests/unit/triage.test.ts does
 * the same for the team's checkout fixtures.
 * @module
 */

import type { Detection } from '../types';
import { linksToPage, urlSignalText } from './page-signals';

/** What triage reads from a page (see `readTriageFacts`). */
export interface TriageFacts {
  /** Lower-cased host label, path and fragment of the page URL. */
  path: string;
  /** The title, cut at `MAX_NAME_CHARS`. */
  title: string;
  /** The first h1 and the first few h2 texts, cut at `MAX_NAME_CHARS`, trimmed. */
  headings: string[];
  /**
   * Whether the user can see heading `i` (lib/detect/visible.ts); asked only about a heading that names a
   * policy. Absent: every heading counts.
   */
  headingShown?: (index: number) => boolean;
  /** A `rel=privacy-policy` / `rel=terms-of-service` link points at this page. */
  relSelf: boolean;
  /**
   * A payment-card input, or a label asking to agree to terms: one of them is part of every combination of
   * signals the full detector calls a checkout or sign-up page (lib/detect/checkout.ts).
   */
  formHint: boolean;
  /**
   * A sample of the main content's text: evenly spaced windows, so text after long menus still counts. Read
   * by `readTriageFacts` only when first asked for: `triage` does not need it when the address, title or a
   * heading already names a policy, and on a long policy it is the costly fact (a 107 KB `textContent` took
   * 5–20 ms on a slow machine).
   */
  readonly text: string;
  /**
   * The same sample read from the text the user can see only. Asked for only when `text` has the policy
   * vocabulary: a page that hides policy text (to learn whether the extension reacts) then stops here, and
   * ordinary pages never pay for the walk. Absent: `text` is taken as seen.
   */
  readonly visibleText?: string;
}

export interface TriageVerdict {
  /** True when the page deserves the full detector. */
  inspect: boolean;
  reason: string;
  /**
   * Characters of text sampled, when the text was read (a page stopped here always has it): a page that
   * is still thin may be an app whose content comes later (lib/page-gate.ts).
   */
  textChars?: number;
}

/**
 * Phrases to look for in lower-case text, in groups that open alike. Each group is searched for once, by its
 * first entry (the opening its phrases share), and holds the phrases after it; a group of one entry is that
 * phrase alone. `start` / `end`: whether a phrase must start / end on a word boundary. Grouped because on a
 * page triage stops the phrase count scans the whole 12,000-character sample, and one pass per phrase was
 * about a quarter of the every-page script's time; written out rather than grouped when the script starts,
 * because on every page that work was done again in a fresh isolated world, by code run once and never
 * warm (docs/every-page-budget.md). tests/unit/triage.test.ts checks that each opening opens its phrases.
 */
interface PhraseTable {
  start: boolean;
  end: boolean;
  groups: readonly (readonly string[])[];
}

/**
 * Phrases policies and terms use about their own practice: whole words, and stems, which take any ending
 * ("indemnif": indemnify, indemnification). Short on purpose; the full lists live in vocabulary.ts.
 */
const PROBE: readonly PhraseTable[] = [
  {
    start: true,
    end: true,
    groups: [
      ['perso', 'personal data', 'personal information', 'persoonsgegevens'],
      ['we ', 'we collect', 'we share', 'we use', 'we process', 'we disclose'],
      ['may ', 'may collect', 'may share', 'may use', 'may process', 'may disclose'],
      ['thi', 'third party', 'third-party', 'third parties', 'third-parties', 'this agreement'],
      ['cookie', 'cookie', 'cookies'],
      ['opt', 'opt out', 'opt-out'],
      ['you agree'],
      ['these terms'],
      ['terms of ', 'terms of service', 'terms of use'],
      ['liabilit', 'liability', 'liabilities'],
      ['governing law'],
      ['arbitration'],
      ['licen', 'licence', 'license'],
      ['données ', 'données personnelles', 'données à caractère personnel'],
      ['vos ', 'vos données', 'vos informations', 'vos droits'],
      ['traitement'],
      ['consentement'],
      ['dat', 'datos personales', 'dati personali'],
      ['einwilligung'],
    ],
  },
  { start: true, end: false, groups: [['indemnif'], ['datenschutz'], ['personenbezogene']] },
];

/** The probe phrases, a stem marked by a final `*` ("indemnif*"). */
export function probePhrases(): string[] {
  return PROBE.flatMap(({ end, groups }) =>
    groups.flatMap((g) => (g.length > 1 ? g.slice(1) : g)).map((p) => (end ? p : `${p}*`)),
  );
}

/**
 * Words that name a policy or terms document, in an address, a title or a heading: a superset of what
 * vocabulary.ts's title and URL patterns accept. Substrings, except the short abbreviations.
 */
const NAMES: readonly PhraseTable[] = [
  {
    start: false,
    end: false,
    groups: [
      ['privac', 'privacy', 'privacidad', 'privacyverklaring'],
      ['term', 'terms', 'termini'],
      ['legal'],
      ['cookie'],
      ['con', 'condition', 'confidentialit', 'condiciones'],
      ['agreement'],
      ['eula'],
      ['datenschutz'],
      ['nutzungsbedingungen'],
      ['données'],
      ['mentions'],
      ['términos'],
      ['informativa'],
      ['voorwaarden'],
    ],
  },
  { start: true, end: true, groups: [['agb'], ['cgu'], ['cgv']] },
];
/** A superset of checkout.ts's consent test: a label that agrees to something and names terms or privacy. */
const AGREE: readonly PhraseTable[] = [
  { start: true, end: false, groups: [['agree'], ['accept'], ['consent']] },
];
const TERMS_WORD: readonly PhraseTable[] = [
  { start: false, end: false, groups: [['terms'], ['condition'], ['privacy'], ['policy'], ['agreement']] },
];
/** A superset of the payment fields checkout.ts counts, tested on `autocomplete`, `name` and `id`. */
export const PAYMENT_FIELD: readonly PhraseTable[] = [
  { start: false, end: false, groups: [['cc-'], ['card'], ['cvc'], ['cvv'], ['expir']] },
];
/**
 * The inputs that could be payment fields, as one selector: `PAYMENT_FIELD`'s words in the same attributes,
 * matched case-insensitively (ASCII case, which lets through everything lower-casing does: no character
 * outside ASCII lower-cases to one of these letters). One complex selector, `input:is(…)`, not a list of
 * fifteen `input[…]`: Chromium's `querySelector` tests every element against every selector of a list, but
 * rejects an element by its tag at once when a single selector names one. On the news page the list took
 * 230 µs a call, warm; this form 9 µs (docs/every-page-budget.md). Written out, like the tables above.
 */
export const MAYBE_PAYMENT =
  'input:is([autocomplete*="cc-" i],[autocomplete*="card" i],[autocomplete*="cvc" i],' +
  '[autocomplete*="cvv" i],[autocomplete*="expir" i],[name*="cc-" i],[name*="card" i],[name*="cvc" i],' +
  '[name*="cvv" i],[name*="expir" i],[id*="cc-" i],[id*="card" i],[id*="cvc" i],[id*="cvv" i],' +
  '[id*="expir" i])';

/** A letter, digit or underscore: what a regex `\b` takes for a word character. */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
  );
}

/**
 * Occurrences of the tables' phrases in `lower` (lower-case text), counting at most `limit`. Each phrase is
 * counted as if searched for alone, from the end of its previous occurrence on (`next`), whether or not that
 * one fell on word boundaries.
 */
function countPhrases(lower: string, tables: readonly PhraseTable[], limit = Infinity): number {
  let hits = 0;
  for (const { start, end, groups } of tables)
    for (const group of groups) {
      const key = group[0]!;
      const first = group.length > 1 ? 1 : 0;
      const next = group.map(() => 0);
      for (let at = lower.indexOf(key); at !== -1; at = lower.indexOf(key, at + 1)) {
        for (let i = first; i < group.length; i++) {
          const text = group[i]!;
          if (at < next[i]! || !lower.startsWith(text, at)) continue;
          const after = at + text.length;
          next[i] = after;
          if (start && at > 0 && isWordChar(lower.charCodeAt(at - 1))) continue;
          if (end && after < lower.length && isWordChar(lower.charCodeAt(after))) continue;
          if (++hits >= limit) return hits;
        }
      }
    }
  return hits;
}

const mentions = (lower: string, tables: readonly PhraseTable[]) => countPhrases(lower, tables, 1) > 0;

/** Every opening of `tables` with the phrases it must open (for the tests). */
export function phraseGroups(): { opening: string; phrases: string[] }[] {
  return [PROBE, NAMES, AGREE, TERMS_WORD, PAYMENT_FIELD].flatMap((tables) =>
    tables.flatMap(({ groups }) =>
      groups.map((g) => ({ opening: g[0]!, phrases: g.length > 1 ? g.slice(1) : [...g] })),
    ),
  );
}

/** Occurrences of the probe phrases in `text` (any case), each starting and ending at a word boundary. */
export function countProbePhrases(text: string): number {
  return countPhrases(text.toLowerCase(), PROBE);
}

/**
 * The confidence reported for a page triage stops. Not calibrated: no corpus policy has been stopped here
 * (see the corpus test), so it only says "sure, but from less evidence than the full detector".
 */
export const TRIAGE_CONFIDENCE = 0.9;

/** Average characters per word of running text, to turn a sample's length into words without splitting it. */
const CHARS_PER_WORD = 6;

/** Probe phrases per 1,000 words from which the text alone earns a full look, and the fewest hits. */
export const PROBE_DENSITY = 4;
export const PROBE_MIN_HITS = 5;
/** Characters of main-content text probed, in `PROBE_WINDOWS` evenly spaced windows. */
export const PROBE_CHARS = 12_000;
const PROBE_WINDOWS = 4;
const MAX_H2 = 3;
const MAX_REL_LINKS = 20;
const MAX_INPUTS = 200;
/** Characters of a title or heading kept: a heading element can hold a whole article. */
const MAX_NAME_CHARS = 300;

/**
 * `rel` links naming a policy (case-sensitive: the selector then needs no per-element folding), one selector
 * per tag: each is then rejected by its tag at once (see `MAYBE_PAYMENT`), where one list of four took three
 * times as long on the news pages. Asked in turn for the first, and as one list for all of them (rarely).
 */
export const REL_LINK_TAGS = [
  'a:is([rel~="privacy-policy"],[rel~="terms-of-service"])',
  'link:is([rel~="privacy-policy"],[rel~="terms-of-service"])',
];
const MAX_LABELS = 50;
/** Below this many characters the main element is not where the text is (a hero block, a stub). */
const MIN_MAIN_CHARS = 2_000;

/** The decision, from facts alone (pure). */
export function triage(f: TriageFacts): TriageVerdict {
  if (f.relSelf)
    return { inspect: true, reason: 'rel=privacy-policy / terms-of-service points at this page' };
  if (mentions(f.path, NAMES)) return { inspect: true, reason: 'URL names a policy, terms or legal page' };
  if (mentions(f.title.toLowerCase(), NAMES))
    return { inspect: true, reason: 'title names a policy, terms or legal page' };
  if (f.headings.some((h, i) => mentions(h.toLowerCase(), NAMES) && (f.headingShown?.(i) ?? true)))
    return { inspect: true, reason: 'a main heading names a policy, terms or legal page' };
  if (f.formHint) return { inspect: true, reason: 'payment inputs or a consent checkbox' };
  const vocabulary = policyVocabulary(f.text);
  if (vocabulary) {
    const seen = f.visibleText;
    if (seen === undefined || seen === f.text) return { inspect: true, reason: vocabulary };
    const visible = policyVocabulary(seen);
    if (visible) return { inspect: true, reason: visible };
  }
  return {
    inspect: false,
    reason: 'no policy or terms name in the address, title or headings, and little policy vocabulary',
    textChars: f.text.length,
  };
}

/** The reason a text sample earns a full look by its policy vocabulary, or null. */
function policyVocabulary(text: string): string | null {
  const words = Math.round(text.length / CHARS_PER_WORD);
  const hits = countProbePhrases(text);
  return hits >= PROBE_MIN_HITS && (hits * 1000) / Math.max(words, 1) >= PROBE_DENSITY
    ? `policy vocabulary (${hits} phrases in ${words} words)`
    : null;
}

/**
 * Reads the facts with a fixed number of native calls: a few selector queries, the first headings of two
 * live collections, and, when asked for, the main content's `textContent` (one string copy, no per-node work
 * on our side).
 */
export function readTriageFacts(
  doc: Document,
  url: string,
  isVisible?: (el: Element) => boolean,
): TriageFacts {
  const headings: string[] = [];
  const headingElements: Element[] = [];
  const addHeading = (el: Element) => {
    const text = nameText(el.textContent);
    if (!text) return;
    headings.push(text);
    headingElements.push(el);
  };
  const h1 = doc.getElementsByTagName('h1').item(0);
  if (h1) addHeading(h1);
  const h2s = doc.getElementsByTagName('h2');
  for (let i = 0; i < MAX_H2; i++) {
    const h2 = h2s.item(i);
    if (!h2) break;
    addHeading(h2);
  }
  let relSelf = false;
  // Most pages have no such link: `querySelector` then answers null, without the NodeList whose interface a
  // fresh isolated world would set up on first use.
  if (REL_LINK_TAGS.some((selector) => doc.querySelector(selector))) {
    const rels = doc.querySelectorAll(REL_LINK_TAGS.join(','));
    for (let i = 0; i < Math.min(rels.length, MAX_REL_LINKS) && !relSelf; i++)
      relSelf = linksToPage(rels[i]!.getAttribute('href'), url);
  }
  // The selector first: on most pages it answers null, and triage then touches no input element, whose
  // interface a fresh isolated world would set up (0.3 ms of the every-page script's 3.7 on the news page,
  // 2026-12-07). Where it finds one, the loop decides as before (the first inputs only, any case).
  let payment = false;
  const inputs = doc.querySelector(MAYBE_PAYMENT) ? doc.getElementsByTagName('input') : null;
  for (let i = 0; inputs && i < MAX_INPUTS && !payment; i++) {
    const input = inputs.item(i);
    if (!input) break;
    const attrs = `${input.getAttribute('autocomplete') ?? ''} ${input.getAttribute('name') ?? ''} ${input.id}`;
    payment = mentions(attrs.toLowerCase(), PAYMENT_FIELD);
  }
  let text: string | null = null;
  let visibleText: string | null = null;
  const readText = (seen?: (el: Element) => boolean): string => {
    const main = doc.querySelector('main, article, [role="main"]');
    let all = main ? textOf(main, seen) : '';
    if (all.length < MIN_MAIN_CHARS) all = doc.body ? textOf(doc.body, seen) : all;
    return sampleWindows(all, PROBE_CHARS, PROBE_WINDOWS);
  };
  const facts: TriageFacts = {
    path: urlSignalText(url),
    title: nameText(doc.title),
    headings,
    relSelf,
    formHint: payment || hasConsentLabel(doc),
    get text() {
      return (text ??= readText());
    },
  };
  if (!isVisible) return facts;
  facts.headingShown = (i) => isVisible(headingElements[i]!);
  Object.defineProperty(facts, 'visibleText', { get: () => (visibleText ??= readText(isVisible)) });
  return facts;
}

/** `el.textContent`, or with `seen`, only the text of the elements it accepts (one walk over text nodes). */
function textOf(el: Element, seen?: (el: Element) => boolean): string {
  if (!seen) return el.textContent ?? '';
  const parts: string[] = [];
  // NodeFilter.SHOW_TEXT
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const parent = t.parentElement;
    const data = t.nodeValue ?? '';
    if (parent && !SKIPPED_TEXT.has(parent.localName) && data.trim() && seen(parent)) parts.push(data);
  }
  return parts.join(' ');
}

/** Text that is code or styling, never what a reader sees. */
const SKIPPED_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/** A title or heading as triage reads it: cut, then trimmed (whitespace inside is kept: names are words). */
function nameText(text: string | null | undefined): string {
  return (text ?? '').slice(0, MAX_NAME_CHARS).trim();
}

/** `total` characters of `text` in `windows` evenly spaced pieces (all of it when it is short enough). */
export function sampleWindows(text: string, total: number, windows: number): string {
  if (text.length <= total) return text;
  const size = Math.floor(total / windows);
  const step = (text.length - size) / (windows - 1);
  const parts: string[] = [];
  for (let i = 0; i < windows; i++) {
    const start = Math.round(i * step);
    parts.push(text.slice(start, start + size));
  }
  return parts.join(' ');
}

function hasConsentLabel(doc: Document): boolean {
  const labels = doc.getElementsByTagName('label');
  for (let i = 0; i < MAX_LABELS; i++) {
    const label = labels.item(i);
    if (!label) return false;
    const text = (label.textContent ?? '').slice(0, 300).toLowerCase();
    if (mentions(text, AGREE) && mentions(text, TERMS_WORD)) return true;
  }
  return false;
}

/** The detection a page stopped at triage reports (kind "other"). */
export function triageDetection(verdict: TriageVerdict): Detection {
  return { kind: 'other', confidence: TRIAGE_CONFIDENCE, reasons: [verdict.reason] };
}

/** `triage(readTriageFacts(doc, url, isVisible))`. */
export function triagePage(doc: Document, url: string, isVisible?: (el: Element) => boolean): TriageVerdict {
  return triage(readTriageFacts(doc, url, isVisible));
}
