/**
 * Text with every run of whitespace as one space, trimmed: `text.replace(/\s+/g, ' ').trim()`, without the
 * replace on text that has only lone spaces (most clauses), since the cut and the ids read every unit.
 * @module
 */

/** Whitespace that `/\s+/g` → ' ' would change: any but a lone space. */
const SPACING = /[^\S ]| {2}/;

export function singleSpaced(text: string): string {
  return (SPACING.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}
