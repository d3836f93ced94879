/**
 * Small helpers to write rule patterns as readable word lists rather than raw regular expressions.
 * @module
 */

/** Non-capturing alternation of the given regex fragments. */
export const alt = (...parts: string[]): string => `(?:${parts.join('|')})`;

/**
 * `a`, then at most `n` words, then `b` (lazy, so the phrase stays short). Words and the gaps between them are
 * complementary character classes, so a text splits into them one way only: where a word could also hold a
 * hyphen or apostrophe, a run of them ("----" under a heading, run into the sentence) split into words and gaps
 * in exponentially many ways and the search never ended on a page that had one. A hyphenated word ("opt-out")
 * counts as two.
 */
export const near = (a: string, b: string, n: number): string => `${a}(?:\\W+\\w+){0,${n}}?\\W+${b}`;

/** A case-insensitive word-bounded pattern. */
export const rx = (source: string): RegExp => new RegExp(`\\b${source}\\b`, 'i');
