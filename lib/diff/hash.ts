/**
 * Content hashing for version identity. Not a security hash: it only has to tell two normalised texts apart, and it
 * has to be synchronous and identical in Node, service workers and pages.
 * @module
 */
import { normaliseClause } from './normalise';

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits (two 32-bit lanes with different offsets). */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * The identity of one version: the hash of its normalised clauses taken as a sorted multiset, so moved blocks,
 * reordered navigation, stamps and banners do not make a new version.
 */
export function fingerprintClauses(clauses: readonly { text: string }[]): string {
  const keys: string[] = [];
  for (const c of clauses) {
    const key = normaliseClause(c.text);
    if (key !== null) keys.push(key);
  }
  keys.sort();
  return hashText(keys.join('\n'));
}
