/**
 * Sentence splitting for legal text: `Intl.Segmenter` (ICU rules) plus a repair pass for what ICU gets
 * wrong in policies — abbreviations ("e.g. Cookies", "No. 5", "Sec. 3"), company suffixes followed by
 * lower-case text ("Acme Inc. and its affiliates"), and numbering tokens split off on their own ("1.", "(a)",
 * "Section 2.1.").
 * @module
 */

/**
 * Known abbreviations: a part that ends in one is always joined to the next part of the same block. Some of
 * them can end a real sentence ("… stored in the U.S. We also …"); joining two sentences there costs a longer
 * mark, while splitting after one cut a transfer paragraph into ten painted fragments. Case matters where
 * the lower-case word is an ordinary one ("no.", "art."): those join only before a digit (ABBREVIATED_NUMBER).
 * Exported for the corpus property test (tests/corpus/segment.test.ts).
 */
// prettier-ignore
export const ABBREVIATIONS: readonly string[] = [
  // Latin and reference abbreviations.
  'e.g.', 'i.e.', 'etc.', 'cf.', 'viz.', 'vs.', 'approx.', 'incl.', 'et al.',
  // Countries and unions.
  'U.S.', 'U.S.A.', 'U.K.', 'E.U.', 'U.A.E.',
  // Company forms.
  'Inc.', 'Ltd.', 'LLC.', 'L.L.C.', 'Corp.', 'Co.', 'Pte.', 'PTE.', 'Pty.', 'S.A.', 'B.V.', 'N.V.', 'S.p.A.', 'S.L.', 'A.G.', 'P.L.C.',
  // Legal references.
  'No.', 'Nos.', 'Art.', 'Arts.', 'Sec.', 'Secs.', 'Sect.', 'Para.', 'Cal.', 'Civ.', 'Bus.', 'Prof.', 'Reg.', 'Stat.', 'Ann.', 'Rev.', 'Gen.', 'Gov.', 'Pub.', 'Ch.', 'C.F.R.', 'U.S.C.', 'Cir.', 'Cl.',
  // Titles and addresses.
  'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'St.', 'Ste.', 'Ave.', 'Rd.', 'Blvd.', 'Fl.', 'Jr.', 'Sr.', 'P.O.', 'Dept.', 'Attn.', 'Tel.',
  // Months and times.
  'Jan.', 'Feb.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.', 'a.m.', 'p.m.',
];
/** Lower-case words that abbreviate only before a number ("no. 5", "art. 6", "p. 12"). */
const ABBREVIATED_NUMBER = /(?:^|[\s(])(?:no|nos|art|arts|sec|para|paras|p|pp|ch|fig|cl|s|ss)\.$/;

/** Every accepted spelling: also capitalised ("E.g.") and in capitals ("E.G.", "INC."). */
const ABBREVIATION_SET: ReadonlySet<string> = new Set(
  ABBREVIATIONS.flatMap((a) => {
    const variants = [a, a.toUpperCase()];
    if (/^[a-z]/.test(a)) variants.push(a.charAt(0).toUpperCase() + a.slice(1));
    return variants;
  }),
);
/** Two or more single letters, each followed by a stop, perhaps after a short part ("EU.U.S."): initials. */
const INITIALS = /^(?:\p{L}{1,3}\.)*(?:\p{L}\.){2,}$/u;
/** What may stand before an abbreviation inside its word: an opening bracket, quote, slash or dash. */
const OPENERS = /^[(["'\u201c\u2018/-]+/;

/** Whether `text` ends in a known abbreviation (see ABBREVIATIONS). */
export function endsInAbbreviation(text: string): boolean {
  const words = text.trimEnd().split(/\s+/);
  const last = (words[words.length - 1] ?? '').replace(OPENERS, '');
  if (ABBREVIATION_SET.has(last)) return true;
  // Initials of any name ("F.T. Specialist", "J.P. Morgan", "D.C."): single letters each with a stop.
  if (INITIALS.test(last)) return true;
  // Compounds: "EU-U.S.", "Non-U.S.", "Swiss/U.S.".
  const piece = last.split(/[-/\u2013]/).pop() ?? '';
  if (piece !== last && ABBREVIATION_SET.has(piece)) return true;
  return last === 'al.' && words[words.length - 2]?.toLowerCase() === 'et';
}

/** A part that is only a numbering token. */
const NUMBERING =
  /^(?:(?:section|article|art\.|clause|§)\s*)?(?:\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z]{1,2}\)|\(?[ivx]{1,6}\)|[ivx]{1,6}\.)$/i;

/** A numbering token stuck after the end of a sentence. */
const TRAILING_NUMBER = /[.!?;:]\s+((?:\d{1,3}(?:\.\d{1,3})*\.|\([a-z]{1,2}\)|\([ivx]{1,6}\)))$/i;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) segmenters.set(locale, (s = new Intl.Segmenter(locale, { granularity: 'sentence' })));
  return s;
}

/**
 * Loads ICU's sentence-break rules now. The first `Intl.Segmenter` of a context is slow (10 ms on a fast
 * machine, 40–80 ms in one task on a slow one), so the background calls this when a page wakes it, before
 * the page's blocks arrive.
 */
export function warmSentenceSegmenter(locale = 'en'): void {
  try {
    segmenter(locale);
  } catch {
    // No Intl.Segmenter: splitSentences will say so when it is used.
  }
}

/** Longest text handed to ICU in one call; longer runs are cut at whitespace first (bounded work). */
const MAX_RUN = 20_000;

/**
 * Split `text` into sentences (whitespace-trimmed, empty parts dropped).
 * @param locale BCP-47 tag for the segmenter rules; "en" by default.
 */
export function splitSentences(text: string, locale = 'en'): string[] {
  const raw: string[] = [];
  for (const run of runs(text)) {
    for (const { segment } of segmenter(locale).segment(run)) {
      const s = segment.trim();
      if (s) raw.push(s);
    }
  }
  return repair(raw);
}

/** Cut very long text (e.g. 1 MB without punctuation) into bounded runs at whitespace. */
function* runs(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > MAX_RUN) {
    let cut = text.lastIndexOf(' ', start + MAX_RUN);
    if (cut <= start) cut = start + MAX_RUN;
    yield text.slice(start, cut);
    start = cut;
  }
  yield text.slice(start);
}

/** Merge parts that ICU split wrongly (see module doc). Exported for tests. */
export function repair(parts: string[]): string[] {
  const out: string[] = [];
  for (let part of parts) {
    // ICU glues the next item's number to the previous sentence: "… we collect. 2." + "How we use it."
    const prevIndex = out.length - 1;
    const trailing = prevIndex >= 0 ? TRAILING_NUMBER.exec(out[prevIndex]!) : null;
    if (trailing?.[1]) {
      out[prevIndex] = out[prevIndex]!.slice(0, trailing.index + 1);
      part = `${trailing[1]} ${part}`;
    }
    const prev = out[out.length - 1];
    if (prev !== undefined && shouldMerge(prev, part)) out[out.length - 1] = `${prev} ${part}`;
    else out.push(part);
  }
  return out;
}

function shouldMerge(prev: string, next: string): boolean {
  if (NUMBERING.test(prev)) return true;
  if (endsInAbbreviation(prev)) return true;
  if (ABBREVIATED_NUMBER.test(prev) && /^[\d(]/.test(next)) return true;
  // A lone closing fragment such as ")" or a footnote marker.
  return next.length <= 2 && !/^\p{L}{2}$/u.test(next);
}
