/**
 * Stable clause ids: a hash of the normalised text plus an occurrence index for repeated texts. The id
 * does not depend on the clause's position, so a paragraph inserted above does not renumber everything
 * after it, and the history diff can match clauses across versions by id.
 * @module
 */
import { singleSpaced } from './single-spaced';

/** Anything outside tab…tilde (control characters too: those texts take the full path). */
const NON_ASCII = /[^\t-~]/;

/** Text normalisation for ids: case, Unicode compatibility forms, quotes/dashes and whitespace are ignored. */
export function normaliseForId(text: string): string {
  // ASCII text is its own NFKC form and has none of the quotes and dashes below: only case and spacing.
  if (!NON_ASCII.test(text)) return singleSpaced(text.toLowerCase());
  return singleSpaced(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[‘’‚‛′]/g, "'")
      .replace(/[“”„‟″]/g, '"')
      .replace(/[‐‑‒–—―]/g, '-'),
  );
}

/** 52-bit FNV-1a style hash (two 32-bit lanes with different offsets), as 13 hex digits. */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  const hi = (a >>> 0).toString(16).padStart(8, '0');
  const lo = ((b >>> 0) & 0xfffff).toString(16).padStart(5, '0');
  return hi + lo;
}

/** Assigns ids in document order; the n-th repeat of the same text gets suffix `-n`. */
export class ClauseIdAssigner {
  private readonly seen = new Map<string, number>();

  /** Id for the next clause with this text. */
  next(text: string): string {
    const h = hashText(normaliseForId(text));
    const n = (this.seen.get(h) ?? 0) + 1;
    this.seen.set(h, n);
    return n === 1 ? `c${h}` : `c${h}-${n}`;
  }
}
