/**
 * Node-side HTML → `Document` for the CLI and tests. (Bytes → text is lib/fetch/decode.ts, shared with the
 * extension.)
 *
 * Why linkedom: on the largest corpus page (1.2 MB) it parses in ~25–35 ms and Readability runs on it in
 * ~25–60 ms, against ~330–480 ms + ~130 ms for jsdom (measured 2026-11-22, Node 20); happy-dom is kept for
 * unit tests that need a richer DOM. Readability works on linkedom documents unchanged.
 * @module
 */
import { DOMParser } from 'linkedom';

/** Thrown for input that is not text we can read (binary data, undecodable bytes). */
export class UnreadableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableInputError';
  }
}

/**
 * Parse an HTML string into a standalone `Document` (linkedom). Fragments and tag soup are accepted:
 * linkedom makes the first element the document element when `<html>` is missing, so such input is
 * re-parsed inside a full skeleton and the result always has `documentElement`, `head` and `body`.
 */
export function parseHtml(html: string): Document {
  const parser = new DOMParser();
  let doc = parser.parseFromString(html, 'text/html') as unknown as Document;
  if (!isWellFormed(doc)) {
    doc = parser.parseFromString(
      `<!DOCTYPE html><html><head></head><body>${html}</body></html>`,
      'text/html',
    ) as unknown as Document;
  }
  if (!isWellFormed(doc)) {
    // Input that still breaks the skeleton (e.g. a stray `</html>` early on) is read as plain text.
    doc = parser.parseFromString(
      '<!DOCTYPE html><html><head></head><body></body></html>',
      'text/html',
    ) as unknown as Document;
    doc.body.textContent = html;
  }
  mergeDuplicateSections(doc);
  return doc;
}

/**
 * Browsers fold a second `<head>`/`<body>` (common in saved pages) into the first; linkedom keeps them as
 * siblings and `document.body` then returns an empty one. Fold them the way a browser would.
 */
function mergeDuplicateSections(doc: Document): void {
  const root = doc.documentElement;
  const body = doc.body;
  const head = doc.head;
  for (const child of Array.from(root.children)) {
    if (child === body || child === head) continue;
    const tag = child.tagName.toUpperCase();
    const target = tag === 'HEAD' ? head : body;
    if (tag === 'HEAD' || tag === 'BODY') {
      while (child.firstChild) target.appendChild(child.firstChild);
      child.remove();
    } else {
      body.appendChild(child);
    }
  }
}

function isWellFormed(doc: Document): boolean {
  const root = doc.documentElement;
  if (!root || root.tagName.toUpperCase() !== 'HTML') return false;
  try {
    return !!doc.body && !!doc.head;
  } catch {
    return false;
  }
}
