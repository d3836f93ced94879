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

/** Matching form of a whole string (see module doc). */
export function normaliseForMatch(text: string): string {
  const out: string[] = [];
  for (const cp of text) pushNormalised(cp, out);
  return out.join('');
}
