/**
 * Curly quotes, primes and dashes to ASCII, shared by the classifier (rules, tokens, stance) and the explainer
 * (slots, control, rendering), which read the same clause text one after another.
 * @module
 */

/**
 * Curly quotes, primes and dashes → their ASCII counterparts. (There was a fourth pass, `/ /g` → ' ', meant
 * for non-breaking spaces, but its pattern is an ordinary space, so it changed nothing; non-breaking spaces
 * have always been kept. Fixing that would change every feature trained on such text, so it stays as is.)
 */
const ASCII_OF: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
};
const PUNCTUATION = /[\u2018\u2019\u201a\u201b\u2032\u201c-\u201f\u2033\u2010-\u2015]/g;
const toAscii = (c: string): string => ASCII_OF[c]!;

/*
 * The last conversion: the rules, the tokenizer, the stance and the slots each normalise the same clause
 * text, one after another.
 */
let lastIn = '';
let lastOut = '';

/** Curly quotes and dashes to ASCII, one character for one, so offsets into the result fit the input. */
export function asciiPunctuation(text: string): string {
  // The same clause comes back from each layer in turn: answered before any scan.
  if (text === lastIn) return lastOut;
  // Most policy text is plain ASCII: skip the replacement scan.
  if (!/[^\t-~]/.test(text)) return text;
  lastIn = text;
  lastOut = text.replace(PUNCTUATION, toAscii);
  return lastOut;
}
