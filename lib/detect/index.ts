import type { Detection } from '../types';

// PLACEHOLDER (foundation scaffold): replaced by the real scorer.
export function detectPage(doc: Document, url: string): Detection {
  const hay = `${url} ${doc.title}`.toLowerCase();
  if (/privacy/.test(hay))
    return { kind: 'privacy-policy', confidence: 0.6, reasons: ['privacy in url/title'] };
  if (/terms/.test(hay)) return { kind: 'terms', confidence: 0.6, reasons: ['terms in url/title'] };
  return { kind: 'other', confidence: 0.6, reasons: [] };
}
