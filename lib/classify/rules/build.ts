/**
 * Small helpers to write rule patterns as readable word lists rather than raw regular expressions.
 * @module
 */

/** Non-capturing alternation of the given regex fragments. */
export const alt = (...parts: string[]): string => `(?:${parts.join('|')})`;

/** `a`, then at most `n` words, then `b` (lazy, so the phrase stays short). */
export const near = (a: string, b: string, n: number): string => `${a}(?:\\W+[\\w'-]+){0,${n}}?\\W+${b}`;

/** A case-insensitive word-bounded pattern. */
export const rx = (source: string): RegExp => new RegExp(`\\b${source}\\b`, 'i');
