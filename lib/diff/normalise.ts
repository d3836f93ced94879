/**
 * Normalisation before hashing and comparing: what differs between two captures of the same text without being a
 * change of the text (whitespace, typography, "last updated" stamps, cookie banners, counters) must vanish here,
 * or every visit would look like a new version.
 * @module
 */

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|' +
  'januar|februar|märz|maerz|juni|juli|oktober|dezember';

const DATE_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'giu'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th|er)?\\.?\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}\\b`, 'giu'),
  new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{4}\\b`, 'giu'),
  /\b\d{4}-\d{1,2}-\d{1,2}\b/g,
  /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/g,
];

/** Words that mark a short sentence as a revision stamp rather than a term. */
const STAMP_WORDS =
  /\b(?:last\s+(?:updated|modified|revised|changed|reviewed)|updated|effective|revised|revision|version|as of|dernière mise à jour|mise à jour|en vigueur|stand|zuletzt|aktualisiert|gültig|vigente|actualizad[oa])\b/iu;

/** Cookie-consent banners and their buttons, which some captures include and others do not. */
const COOKIE_BUTTON =
  /^(?:accept|reject|allow|deny|decline|refuse|manage|customi[sz]e)(?:\s+(?:all|necessary|optional|essential))?(?:\s+cookies)?(?:\s+(?:settings|preferences))?\.?$/i;
const COOKIE_BANNER = [
  COOKIE_BUTTON,
  /^cookie\s+(?:settings|preferences|policy|notice|consent)\.?$/i,
  /\bwe use cookies\b.*\b(?:by (?:continuing|clicking|using|browsing)|click(?:ing)? ["“]?accept|you (?:agree|consent) to (?:our|the) use of cookies)\b/i,
  /\b(?:by (?:continuing to (?:browse|use)|using) this (?:site|website)),? you (?:agree|consent|accept)\b.*\bcookies\b/i,
];

/** Live numbers next to a noun that counts visitors, likes, etc. */
const COUNTER =
  /\b\d[\d,.\s]*\s*(views?|likes?|comments?|shares?|followers?|people|visitors?|users online|reads?)\b/gi;

/** The typographic form used for comparison: case, quotes, dashes and spacing folded. */
export function foldText(text: string): string {
  // Every typographic fold below targets non-ASCII characters; most policy text is ASCII and skips them all.
  const folded = /[\u0080-\uffff]/.test(text)
    ? text
        .normalize('NFKC')
        .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
        .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, '-')
        .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    : text;
  return folded.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Replace dates with one token so two stamps with different dates compare equal. */
export function maskDates(text: string): string {
  // Every pattern needs a digit; most clauses have none, and the month alternations are the costly part.
  if (!/\d/.test(text)) return text;
  let out = text;
  for (const re of DATE_PATTERNS) out = out.replace(re, '<date>');
  return out;
}

function wordCount(text: string): number {
  return text.split(' ').filter(Boolean).length;
}

/** True for text that carries no terms: revision stamps, cookie banners, bare punctuation. */
export function isBoilerplate(text: string): boolean {
  return isFoldedBoilerplate(foldText(text));
}

function isFoldedBoilerplate(folded: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(folded)) return true;
  const words = wordCount(folded);
  const masked = maskDates(folded);
  if (masked !== folded && words <= 20 && STAMP_WORDS.test(folded)) return true;
  // A line that is nothing but a date ("March 6, 2026").
  if (/^[\s<>date,.:;()-]*$/.test(masked) && masked.includes('<date>')) return true;
  if (words <= 60 && folded.includes('cookie') && COOKIE_BANNER.some((re) => re.test(folded))) return true;
  if (words <= 4 && COOKIE_BUTTON.test(folded)) return true;
  return false;
}

/**
 * The comparison key of one clause: folded text with live counters and copyright years masked, or `null` when the
 * clause is boilerplate and must not take part in hashing or diffing.
 */
export function normaliseClause(text: string): string | null {
  const folded = foldText(text);
  if (isFoldedBoilerplate(folded)) return null;
  // Counters and copyright years all contain digits.
  if (!/\d/.test(folded)) return folded;
  return folded
    .replace(COUNTER, '<n> $1')
    .replace(/(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?\d{4}/gi, '© <year>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word tokens used by similarity and word-level diffs (letters and digits, any script). */
export function tokens(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
}
