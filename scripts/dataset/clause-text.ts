/**
 * Clause text as the dataset sees it: the markup-free text of a unit, and the hash that pins a label to it.
 * The hash is what lets a label record prove it still points at the text its annotator read, without the
 * record ever containing that text.
 * @module
 */
import { createHash } from 'node:crypto';

/**
 * Strip the block markers and inline Markdown of one unit (`- `, `## `, `| `, `[text](url)`, `**`, backticks)
 * and collapse whitespace. Used for both `.md` sources and the v1 HTML block text, which uses the same markers.
 */
export function cleanClauseText(raw: string): string {
  let t = raw;
  // Images first, then links: keep the visible text only.
  t = t.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1');
  t = t.replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1');
  t = t.replace(/^\s*#{1,6}\s+/, '');
  t = t.replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '');
  t = t.replace(/\*\*|__|`/g, '');
  // Table rows: cells become "a | b"; the outer pipes go.
  t = t.replace(/^\s*\|\s*/, '').replace(/\s*\|\s*$/, '');
  t = t.replace(/\s*\|\s*/g, ' | ');
  t = t.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  return t.replace(/\s+/g, ' ').trim();
}

/** Case-, quote- and whitespace-insensitive form of clean clause text; the input of {@link clauseHash}. */
export function normaliseClauseText(clean: string): string {
  return clean
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00a0|\u200b|\u200c|\u200d|\ufeff/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** First 16 hex digits of the SHA-256 of the normalised clean text of `raw`. */
export function clauseHash(raw: string): string {
  return createHash('sha256')
    .update(normaliseClauseText(cleanClauseText(raw)), 'utf8')
    .digest('hex')
    .slice(0, 16);
}
