/**
 * Names of everything the page analysis puts within the page's reach — highlight registry entries, their
 * `::highlight()` rules, the fallback's `<mark>` attributes, the in-page UI's element — drawn at random for
 * each page session. A page that looks for a fixed name (a `fineprint-…` highlight, a `<fineprint-ui>`
 * element, a `data-fineprint` attribute) to learn that its visitor uses Fineprint finds nothing; the names
 * of one session say nothing about the next.
 * @module
 */
import { CATEGORY_IDS, type CategoryId } from '../classify/taxonomy';

export interface SessionNames {
  /** Highlight registry name per category (also the fallback marks' attribute value). */
  highlight: Readonly<Record<CategoryId, string>>;
  /** The highlight of the clause whose card is open, and of a clause being revealed. */
  active: string;
  flash: string;
  /** Attribute on fallback `<mark>` elements (value: the category's highlight name), and its two flags. */
  markAttr: string;
  activeAttr: string;
  flashAttr: string;
  /** Tag of the in-page UI's host element (a valid custom element name). */
  uiTag: string;
}

/** Fills a byte array with random values (`crypto.getRandomValues` in a page). */
export type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => void;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** 10 letters: ~47 bits, far beyond guessing from the page. */
const TOKEN_LETTERS = 10;

function randomToken(random: RandomBytes): string {
  const bytes = new Uint8Array(TOKEN_LETTERS);
  random(bytes);
  // 256 = 9 × 26 + 22: a slight bias towards the first letters, harmless for names no one can see a pattern in.
  return Array.from(bytes, (b) => LETTERS[b % LETTERS.length]).join('');
}

/** A fresh custom element name (two random tokens), for a host element the page must not find by name. */
export function randomElementName(random: RandomBytes): string {
  return `${randomToken(random)}-${randomToken(random)}`;
}

/** Draws a fresh set of names; every name is distinct, lower-case and starts with a letter. */
export function drawSessionNames(random: RandomBytes): SessionNames {
  const used = new Set<string>();
  const token = (): string => {
    for (;;) {
      const name = randomToken(random);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const highlight = Object.fromEntries(CATEGORY_IDS.map((c) => [c, token()])) as Record<CategoryId, string>;
  return {
    highlight,
    active: token(),
    flash: token(),
    markAttr: token(),
    activeAttr: token(),
    flashAttr: token(),
    uiTag: `${token()}-${token()}`,
  };
}
