/**
 * The form of a clause the classifier reads. A page can hide a clause from the rules and the model with
 * characters a reader never sees: a zero-width space, joiner or word joiner, a soft hyphen inside "train", a
 * Cyrillic "а" in "models" that looks exactly like the Latin one. Folding undoes that before classification:
 *  - format characters (Unicode category Cf: zero-width space / joiners, word joiner, soft hyphen, BOM,
 *    direction marks) and the few other invisible letters fonts draw as nothing are removed;
 *  - every space separator (no-break, thin, ideographic…) and line / paragraph separator becomes a space;
 *  - inside a word that is otherwise Latin, Cyrillic and Greek look-alikes become their Latin letter, and
 *    compatibility forms of Latin letters (fullwidth "ｔ", mathematical "𝐭", the "ﬁ" ligature) their plain
 *    letters. A word of real Cyrillic or Greek ("данные", "δεδομένα") has letters with no Latin twin and is
 *    left as it is.
 * Only what is classified is folded: the clause the page shows, stores and locates keeps its own characters
 * (lib/locate's matching form drops format characters and spaces by itself).
 * @module
 */

/**
 * A character folding can change: a format character, a space separator or a letter or mark outside ASCII (what
 * INVISIBLE, SPACES and WORD below read; the only ASCII ones in those classes are the space and A–Z, a–z). Text with none — plain ASCII, or ASCII with curly quotes and
 * dashes, most policy text — folds to itself, and the three replacement scans are skipped.
 */
const FOLDABLE = /(?![ A-Za-z])[\p{Cf}\p{Zs}\u2028\u2029\p{L}\p{M}]/u;
const NON_ASCII = /[\u0080-\uffff]/;
/** A letter or mark outside ASCII: without one, every WORD is ASCII and `foldWord` returns it as it is. */
const NON_ASCII_LETTER = /(?![A-Za-z])[\p{L}\p{M}]/u;

/**
 * Format characters, plus letters and marks drawn as nothing (combining grapheme joiner, Hangul fillers,
 * Khmer inherent vowels) that are not in category Cf.
 */
const INVISIBLE = /[\p{Cf}\u115f\u1160\u3164\uffa0]|\u034f|\u17b4|\u17b5/gu;
/** Space separators (Zs: no-break space, en/em/thin/hair spaces, ideographic space…) and Zl / Zp. */
const SPACES = /[\p{Zs}\u2028\u2029]/gu;
/** A word: letters with their combining marks. */
const WORD = /[\p{L}\p{M}]+/gu;
const ASCII_WORD = /^[A-Za-z]+$/;
const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/**
 * Cyrillic and Greek letters drawn like a Latin letter in common fonts, and the Latin-script variants that
 * pass for a plain letter (dotless i, script a and g). Not a full confusables table: letters that only look
 * alike in some fonts are left out, so a real word is never rewritten into a different one.
 */
const LOOK_ALIKE: Readonly<Record<string, string>> = {
  // Cyrillic, lower case
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ѵ: 'v',
  // Cyrillic, upper case
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  // Greek, lower case
  α: 'a',
  ο: 'o',
  ν: 'v',
  ρ: 'p',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  χ: 'x',
  // Greek, upper case
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Latin-script look-alikes
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
};

/** The plain ASCII letters a compatibility form stands for ("ｔ" → "t", "ﬁ" → "fi"), or null. */
function compatibilityLetters(ch: string): string | null {
  const plain = ch.normalize('NFKC');
  return plain !== ch && ASCII_WORD.test(plain) ? plain : null;
}

function foldWord(word: string): string {
  if (ASCII_WORD.test(word)) return word;
  let latin = false;
  let foreign = false;
  const chars = Array.from(word);
  const folded: string[] = [];
  for (const ch of chars) {
    const code = ch.codePointAt(0)!;
    if (code < 128) {
      latin = true;
      folded.push(ch);
      continue;
    }
    const compat = compatibilityLetters(ch);
    if (compat) {
      latin = true;
      folded.push(compat);
      continue;
    }
    const twin = LOOK_ALIKE[ch];
    if (twin) folded.push(twin);
    else {
      if (LATIN.test(ch)) latin = true;
      else if (LETTER.test(ch)) foreign = true;
      folded.push(ch);
    }
  }
  // Look-alikes are folded only inside words that are Latin apart from them; compatibility forms always.
  if (latin && !foreign) return folded.join('');
  return chars.map((ch) => compatibilityLetters(ch) ?? ch).join('');
}

/** The last text `foldText` changed, and its folded form. */
let lastIn = '';
let lastOut = '';

/** The classification form of `text` (see module doc); plain ASCII text is returned as it is. */
export function foldText(text: string): string {
  // Most clauses are ASCII: a plain character class answers that faster than FOLDABLE's Unicode ones.
  if (!NON_ASCII.test(text) || !FOLDABLE.test(text)) return text;
  // The classifier folds each clause twice in a row: as the clause, then as the next one's previous clause.
  if (text === lastIn) return lastOut;
  const spaced = text.replace(INVISIBLE, '').replace(SPACES, ' ');
  lastIn = text;
  lastOut = NON_ASCII_LETTER.test(spaced) ? spaced.replace(WORD, foldWord) : spaced;
  return lastOut;
}

/** The text fields of a clause the classifier reads. */
export interface FoldableClause {
  text: string;
  leadIn?: string;
  headingPath?: readonly string[];
}

/** `clause` with its text, lead-in and headings folded; the same object when nothing changes. */
export function foldClause<C extends FoldableClause>(clause: C): C {
  const text = foldText(clause.text);
  const leadIn = clause.leadIn === undefined ? undefined : foldText(clause.leadIn);
  const path = clause.headingPath;
  const headingPath = path?.map(foldText);
  const pathChanged = !!path && headingPath!.some((h, i) => h !== path[i]);
  if (text === clause.text && leadIn === clause.leadIn && !pathChanged) return clause;
  return {
    ...clause,
    text,
    ...(leadIn === undefined ? {} : { leadIn }),
    ...(pathChanged ? { headingPath } : {}),
  };
}
