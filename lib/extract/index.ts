import type { Clause, UnsupportedReason } from '../types';

export interface Extracted {
  title: string;
  language: string;
  clauses: Clause[];
  unsupported?: { reason: UnsupportedReason; message: string };
}

// PLACEHOLDER (foundation scaffold): replaced by Readability-on-a-clone extraction.
export function extractPolicy(doc: Document): Extracted {
  const blocks = [...doc.querySelectorAll('p, li')].map((e) => (e.textContent ?? '').trim()).filter(Boolean);
  return {
    title: doc.title,
    language: 'en',
    clauses: blocks.map((text, i) => ({
      id: `c${i}`,
      text,
      section: '',
      headingPath: [],
      block: i,
      unit: 'sentence',
    })),
  };
}
