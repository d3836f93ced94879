/**
 * The whole analysis of one document, shared by the content script and the CLI:
 * detect → extract (on a clone) → classify → explain.
 * The extension splits it: `extractPage` runs in the content script, `classifyExtracted` in the background.
 * @module
 */
import type { PageAnalysis } from './types';
import { detectPage } from './detect';
import { extractPolicy } from './extract';
import { classifyClauses } from './classify';

export interface AnalyzeOptions {
  url: string;
  /** Treat the input as an already-extracted policy (Markdown / text input to the CLI). */
  assumePolicy?: boolean;
}

export function analyzeDocument(doc: Document, options: AnalyzeOptions): PageAnalysis {
  const detection = detectPage(doc, options.url);
  const kind = options.assumePolicy && detection.kind === 'other' ? 'privacy-policy' : detection.kind;
  const base = {
    kind,
    confidence: detection.confidence,
    language: 'und',
    title: doc.title,
    url: options.url,
    reasons: detection.reasons,
  };
  if (kind === 'other' || kind === 'checkout') {
    return {
      page: base,
      clauses: [],
      unsupported: { reason: 'not-a-policy', message: 'This page is not a privacy policy or terms.' },
    };
  }
  const extracted = extractPolicy(doc);
  const page = { ...base, language: extracted.language, title: extracted.title || doc.title };
  if (extracted.unsupported) return { page, clauses: [], unsupported: extracted.unsupported };
  return { page, clauses: classifyClauses(extracted.clauses) };
}
