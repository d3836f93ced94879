/**
 * Page-supplied text that Fineprint shows outside the page (history list, popup, notifications) is cleaned
 * before it is stored: a page must not be able to reorder what is shown around its title (a U+202E RIGHT-TO-LEFT
 * OVERRIDE in a title would otherwise flip the host printed after it), nor fill a notification or a list row
 * with an endless title.
 * @module
 */

/** The longest title kept: longer than any real policy's title, short enough for one line of a list. */
export const MAX_TITLE_LENGTH = 300;

/**
 * Bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069),
 * the implicit marks (U+200E, U+200F, U+061C). Titles are shown isolated (`<bdi>`, `dir="auto"`), so none of
 * them is needed to display a right-to-left title correctly.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// C0/C1 controls and line/paragraph separators: a title is one line.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Whether a string holds a bidi formatting character (for validation messages and tests). */
export function hasBidiControls(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  const found = BIDI_CONTROLS.test(text);
  BIDI_CONTROLS.lastIndex = 0;
  return found;
}

/**
 * One line of page-supplied text fit to store and show: bidi formatting and control characters removed,
 * whitespace collapsed, at most `max` characters (cut at a code point). Anything that is not a string becomes ''.
 */
export function cleanLine(text: unknown, max: number): string {
  if (typeof text !== 'string') return '';
  const clean = text.replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  return Array.from(clean).slice(0, max).join('').trimEnd();
}

/** A page title fit to store and show (see {@link cleanLine}), at most {@link MAX_TITLE_LENGTH} characters. */
export function cleanTitle(title: unknown): string {
  return cleanLine(title, MAX_TITLE_LENGTH);
}
