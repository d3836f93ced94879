/**
 * Sentence splitting for legal text: `Intl.Segmenter` (ICU rules) plus a repair pass for what ICU gets
 * wrong in policies — abbreviations ("e.g. Cookies", "No. 5", "Sec. 3"), company suffixes followed by
 * lower-case text ("Acme Inc. and its affiliates"), and numbering tokens split off on their own ("1.", "(a)",
 * "Section 2.1.").
 * @module
 */

/** Abbreviations after which a sentence practically never ends. */
const NEVER_ENDS =
  /(?:^|[\s(])(?:e\.g|i\.e|cf|vs|viz|approx|incl|no|nos|sec|secs|art|arts|para|paras|ch|p|pp|fig|mr|mrs|ms|dr|prof|st|jr|sr)\.$/i;
/** Abbreviations that may end a sentence; merged only when the next part starts in lower case or a digit. */
const MAY_END =
  /(?:^|[\s(])(?:inc|ltd|llc|co|corp|plc|gmbh|s\.a|b\.v|n\.v|etc|u\.s|u\.k|e\.u|u\.s\.a|a\.m|p\.m)\.$/i;
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
  if (NEVER_ENDS.test(prev)) return true;
  if (MAY_END.test(prev) && /^[\p{Ll}\d(]/u.test(next)) return true;
  // A lone closing fragment such as ")" or a footnote marker.
  return next.length <= 2 && !/^\p{L}{2}$/u.test(next);
}
