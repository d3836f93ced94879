/**
 * Text normalisation and tokenisation shared by the rules, the model features and the trainer, so that
 * training and inference see exactly the same tokens.
 * @module
 */
import { asciiPunctuation } from '../ascii-punctuation';

/**
 * Lower-cased word tokens (the first `max`) with numbers, URLs and e-mails collapsed to placeholders. Placeholders keep the
 * model from learning dates and version numbers (a pitfall seen on OPP-115, where "2015" became a feature).
 */
export function tokenize(text: string, max = Infinity): string[] {
  const t = tokenText(text);
  const needed = 2 * Math.min(max, t.length);
  if (spanScratch.length < needed) spanScratch = new Int32Array(needed);
  const n = tokenSpans(t, max, spanScratch);
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(spanToken(t, spanScratch, k));
  return out;
}

/** Scratch spans for `tokenize`, grown as needed. */
let spanScratch = new Int32Array(1024);

const URL_OR_EMAIL = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b/g;
/**
 * URL_OR_EMAIL without its e-mail branch, for text with no "@": that branch cannot match there, but it is
 * tried (and fails) at every word of the text, the most costly part of the scan.
 */
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/g;

/** The text `tokenize` reads its tokens from: ASCII punctuation, lower case, URLs, e-mails and prefixes rewritten. */
export function tokenText(text: string): string {
  let t = asciiPunctuation(text).toLowerCase();
  // The two rewrites below are rarely needed: skip their scans when the text cannot match.
  const at = t.includes('@');
  if (at || t.includes('http') || t.includes('www.'))
    t = t.replace(at ? URL_OR_EMAIL : URL, (m) =>
      m.includes('@') && !/^(?:https?:|www\.)/.test(m) ? ' zemailz ' : ' zurlz ',
    );
  // One pass for the prefixes that should stay one word ("re-train" = "retrain") and for clitics.
  // Each branch needs one of these: "-t"rain / "-u"se / "-i"dentif / "-t"un, "n't", "'s".
  if (t.includes('-t') || t.includes('-u') || t.includes('-i') || t.includes("n't") || t.includes("'s"))
    t = t.replace(/\b(re|pre|fine|de)-(train|use|identif|tun)|n't\b|'s\b/g, (m, a?: string, b?: string) =>
      a ? `${a}${b}` : m === "n't" ? ' not' : '',
    );
  return t;
}

const isLetter = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Token `k` of `tokenSpans` output: the text between its offsets, or "znumz" for a number. */
export function spanToken(t: string, spans: Int32Array, k: number): string {
  const start = spans[2 * k]!;
  return start < 0 ? 'znumz' : t.slice(start, spans[2 * k + 1]);
}

/**
 * The tokens of `tokenText` output, exactly as `/[a-z][a-z0-9]*|\d+(?:[.,]\d+)*\/g` would find them, as
 * offsets: token k is `t.slice(spans[2k], spans[2k + 1])`, or a number ("znumz") when spans[2k] is -1. No
 * string or match object per token; the first `max` tokens, at most half of `spans.length`. Returns the count.
 */
export function tokenSpans(t: string, max: number, spans: Int32Array): number {
  const n = t.length;
  const limit = Math.min(max, spans.length >> 1);
  let count = 0;
  let i = 0;
  while (i < n && count < limit) {
    const c = t.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n) {
        const d = t.charCodeAt(j);
        if (!isLetter(d) && !isDigit(d)) break;
        j++;
      }
      spans[2 * count] = i;
      spans[2 * count++ + 1] = j;
      i = j;
    } else if (isDigit(c)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isDigit(t.charCodeAt(j))) j++;
        const sep = j < n ? t.charCodeAt(j) : 0;
        // "1,000" and "2.5" stay one number: a separator counts only when a digit follows it.
        if ((sep === 46 || sep === 44) && j + 1 < n && isDigit(t.charCodeAt(j + 1))) j += 2;
        else break;
      }
      spans[2 * count] = -1;
      spans[2 * count++ + 1] = j;
      i = j;
    } else i++;
  }
  return count;
}
