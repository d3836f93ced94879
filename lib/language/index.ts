/**
 * Pure language identification for policy text: writing system first (Arabic, Hebrew, Cyrillic, Greek,
 * CJK, Hangul…), then stopword frequencies for Latin-script languages, with the page's `<html lang>` as a
 * hint that decides only when the text itself is inconclusive. Returns a BCP-47 primary subtag or "und".
 * Kept hand-written (docs/libraries.md): franc-min is as accurate on the corpus's English, French and German
 * pages but 58× the bundle (175 KB), misses Hebrew and names a language for near-empty stubs; the browser's
 * `i18n.detectLanguage` is async, extension-only, and the Node CLI needs the same answer.
 * @module
 */

/** Function words Danish and Norwegian (Bokmål) share; each list adds the few that tell them apart. */
const DANISH_NORWEGIAN = 'og det som til med ikke vi du dine er på om eller den har kan for';

/** Very frequent function words; distinctive enough between languages in a few hundred words. */
const STOPWORDS: Record<string, string[]> = {
  en: 'the and of to you we your is that for with this are or our be may not by which will from'.split(' '),
  fr: 'le la les des et de du vous nous est que qui pour dans une sur vos votre par pas ou aux'.split(' '),
  de: 'der die das und sie wir ist nicht ihre mit für den von zu auf oder eine des werden auch sind dem'.split(
    ' ',
  ),
  es: 'el los las del y que usted por para con una su sus es nosotros como se lo al más datos o'.split(' '),
  it: 'il di che e gli della delle per con non una sono dei nel alla tuoi noi o questo suoi dati ai'.split(
    ' ',
  ),
  pt: 'os das dos não uma você para com que e seus suas nós ao pelo pela em no na ou dados é'.split(' '),
  nl: 'de het een en van wij uw je niet dat voor met zijn op ons worden deze aan bij ook gegevens om'.split(
    ' ',
  ),
  sv: 'och att det som för med inte vi du din dina är på av till om eller den har kan oss vår'.split(' '),
  da: `${DANISH_NORWEGIAN} at af os vores de`.split(' '),
  nb: `${DANISH_NORWEGIAN} å av oss våre deg`.split(' '),
  pl: 'i w na z się nie do że jest to lub przez oraz dla jak które twoje danych od po my są'.split(' '),
};

const LOOKUP = new Map<string, Map<string, number>>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words) {
    let m = LOOKUP.get(w);
    if (!m) LOOKUP.set(w, (m = new Map()));
    m.set(lang, (m.get(lang) ?? 0) + 1);
  }
}

const SCRIPTS: [RegExp, string][] = [
  [/[\u0600-\u06ff\u0750-\u077f]/g, 'ar'],
  [/[\u0590-\u05ff]/g, 'he'],
  [/[\u0400-\u04ff]/g, 'ru'],
  [/[\u0370-\u03ff]/g, 'el'],
  [/[\u3040-\u30ff]/g, 'ja'],
  [/[\uac00-\ud7af]/g, 'ko'],
  [/[\u4e00-\u9fff]/g, 'zh'],
  [/[\u0e00-\u0e7f]/g, 'th'],
  [/[\u0900-\u097f]/g, 'hi'],
];

/** Any character of the scripts above (built from their patterns, so the two lists cannot drift apart). */
const NON_LATIN = new RegExp(SCRIPTS.map(([re]) => re.source).join('|'));

export interface LanguageGuess {
  /** BCP-47 primary subtag, or "und". */
  language: string;
  /** 0..1: share of the winning language among stopword hits (or of the script among letters). */
  confidence: number;
  /** How it was decided. */
  basis: 'script' | 'stopwords' | 'hint' | 'none';
}

const SAMPLE_CHARS = 20_000;
const MIN_HITS = 8;

/** Primary subtag of a `lang` attribute value ("en-GB" → "en"; "no" → "nb"), or null. */
export function normaliseLangTag(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_]|$)/i.exec(tag ?? '');
  if (!m?.[1]) return null;
  const primary = m[1].toLowerCase();
  return primary === 'no' || primary === 'nn' ? 'nb' : primary;
}

/**
 * Identify the language of `text` (only the first 20k characters are read).
 * @param hint the page's declared language (`<html lang>`), used when the text is inconclusive.
 */
export function detectLanguage(text: string, hint?: string | null): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const hinted = normaliseLangTag(hint);
  // Counted by what a native replace removes: no array of one-character matches (this runs on every policy).
  const count = (re: RegExp) => sample.length - sample.replace(re, '').length;
  const letters = count(/\p{L}/gu);
  // Latin-script text (most policies) skips the per-script counts altogether.
  if (letters >= 20 && NON_LATIN.test(sample)) {
    for (const [re, lang] of SCRIPTS) {
      const n = count(re);
      // CJK pages mix kana and kanji: any kana makes it Japanese.
      if (n / letters > 0.3 || (lang === 'ja' && n / letters > 0.05))
        return { language: lang, confidence: round(n / letters), basis: 'script' };
    }
  }
  const counts = new Map<string, number>();
  let hits = 0;
  // Domains, e-mail addresses, paths and identifiers ("chatgpt.com", "_puid") are not words of any language.
  const prose = sample.replace(/\S*[./@_\\]\S*/g, ' ').toLowerCase();
  for (const word of prose.split(/[^\p{L}']+/u)) {
    const langs = LOOKUP.get(word);
    if (!langs) continue;
    hits++;
    for (const [lang, weight] of langs) counts.set(lang, (counts.get(lang) ?? 0) + weight);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (top && hits >= MIN_HITS) {
    const share = top[1] / hits;
    const clear = !second || top[1] >= second[1] * 1.3;
    if (clear) return { language: top[0], confidence: round(share), basis: 'stopwords' };
    if (hinted && ranked.slice(0, 3).some(([l]) => l === hinted))
      return { language: hinted, confidence: 0.5, basis: 'hint' };
    return { language: top[0], confidence: round(share / 2), basis: 'stopwords' };
  }
  if (hinted) return { language: hinted, confidence: 0.3, basis: 'hint' };
  return { language: 'und', confidence: 0, basis: 'none' };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
