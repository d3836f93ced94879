/**
 * Text normalisation and tokenisation shared by the rules, the model features and the trainer, so that
 * training and inference see exactly the same tokens.
 * @module
 */

const QUOTES: Array<[RegExp, string]> = [
  [/[‘’‚‛′]/g, "'"],
  [/[“”„‟″]/g, '"'],
  [/[‐‑‒–—―]/g, '-'],
  [/ /g, ' '],
];

/** Curly quotes and dashes to ASCII, non-breaking spaces to spaces; keeps length-independent meaning. */
export function asciiPunctuation(text: string): string {
  // Most policy text is plain ASCII: skip the four passes.
  if (!/[^\t-~]/.test(text)) return text;
  let out = text;
  for (const [re, rep] of QUOTES) out = out.replace(re, rep);
  return out;
}

/**
 * Lower-cased word tokens with numbers, URLs and e-mails collapsed to placeholders. Placeholders keep the
 * model from learning dates and version numbers (a pitfall seen on OPP-115, where "2015" became a feature).
 */
export function tokenize(text: string): string[] {
  const t = asciiPunctuation(text)
    .toLowerCase()
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b/g, (m) =>
      m.includes('@') && !/^(?:https?:|www\.)/.test(m) ? ' zemailz ' : ' zurlz ',
    )
    // One pass for the prefixes that should stay one word ("re-train" = "retrain") and for clitics.
    .replace(/\b(re|pre|fine|de)-(train|use|identif|tun)|n't\b|'s\b/g, (m, a?: string, b?: string) =>
      a ? `${a}${b}` : m === "n't" ? ' not' : '',
    );
  const out: string[] = [];
  for (const m of t.matchAll(/[a-z][a-z0-9]*|\d+(?:[.,]\d+)*/g)) {
    const w = m[0];
    out.push(w.charCodeAt(0) <= 57 ? 'znumz' : w);
  }
  return out;
}
