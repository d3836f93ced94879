/**
 * The matching form of text: lower-case letters and digits only. Whitespace, quotes, dashes and other
 * punctuation vanish, so the extractor's text ("don’t  share") and the live DOM's ("don't share") compare
 * equal however either side spaced or punctuated it.
 * @module
 */

const ALNUM = /[\p{L}\p{N}]/u;

/**
 * Appends the matching form of one code point to `out` (0, 1 or more units: NFKC can expand ligatures,
 * lower-casing can lengthen). Returns how many units were appended.
 */
export function pushNormalised(cp: string, out: string[]): number {
  const code = cp.charCodeAt(0);
  // ASCII fast path: most policy text is ASCII and NFKC/Unicode regexes are comparatively slow.
  if (code < 128) {
    if (code >= 97 && code <= 122) {
      out.push(cp);
      return 1;
    }
    if (code >= 65 && code <= 90) {
      out.push(String.fromCharCode(code + 32));
      return 1;
    }
    if (code >= 48 && code <= 57) {
      out.push(cp);
      return 1;
    }
    return 0;
  }
  let n = 0;
  for (const ch of cp.normalize('NFKD').toLowerCase()) {
    // NFKD splits accents off as combining marks, which \p{L} rejects: "é" and "e" then compare equal, which
    // tolerates pages that mix precomposed and decomposed forms.
    if (ALNUM.test(ch)) {
      out.push(ch);
      n++;
    }
  }
  return n;
}

/**
 * Runs of text with one treatment: ASCII letters and digits (their matching form is the lower-cased run), or
 * non-ASCII text (per code point, `pushNormalised`). ASCII spaces and punctuation fall between runs: their
 * matching form is empty. Both the whole-string form and the page index read text this way, so the work
 * per character is native (one match and one lower-casing per run).
 */
export const MATCH_RUNS = /[A-Za-z0-9]+|[\u0080-\uFFFF]+/g;

/** What an ASCII string loses in its matching form: every character but letters and digits. */
const ASCII_NON_ALNUM = /[^A-Za-z0-9\u0080-\uFFFF]+/g;
/** Any UTF-16 unit outside ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uFFFF]/;

/** Matching form of a whole string (see module doc). */
export function normaliseForMatch(text: string): string {
  // The page normalises every clause it locates, as cold code (a fresh isolated world per page): an ASCII
  // clause, most of them, takes two native passes instead of a loop over its runs.
  if (!NON_ASCII.test(text)) return text.replace(ASCII_NON_ALNUM, '').toLowerCase();
  const out: string[] = [];
  for (const [run] of text.matchAll(MATCH_RUNS)) {
    if (run.charCodeAt(0) < 128) out.push(run.toLowerCase());
    else for (const cp of run) pushNormalised(cp, out);
  }
  return out.join('');
}
