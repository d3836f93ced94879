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
  // Runs of ASCII are copied in slices (one per run, not one per character); everything else per code point.
  const out: string[] = [];
  let runStart = -1;
  const flush = (i: number) => {
    if (runStart >= 0) out.push(text.slice(runStart, i).toLowerCase());
    runStart = -1;
  };
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      const alnum = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
      if (alnum) {
        if (runStart < 0) runStart = i;
      } else flush(i);
      i++;
      continue;
    }
    flush(i);
    const cp = String.fromCodePoint(text.codePointAt(i)!);
    pushNormalised(cp, out);
    i += cp.length;
  }
  flush(text.length);
  return out.join('');
}
