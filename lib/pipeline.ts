/**
 * The whole analysis of one document, shared by the content script and the CLI:
 * detect → extract (on a clone) → classify → explain.
 * The extension splits it: `extractPage` runs in the content script (no classifier in that bundle),
 * `classifyExtracted` in the background; `analyzeDocument` composes them for the CLI and tests.
 * This module imports lib/classify, so the content script imports `lib/pipeline-extract` instead
 * (`extractPage` lives there and is re-exported here).
 * @module
 */
import type { ExtractedPage } from './pipeline-extract';
import type { PageAnalysis, PageInfo } from './types';
import { classifyClauses } from './classify';
import { extractText } from './extract';
import { extractPage, TRUNCATED_REASON, type ExtractPageOptions } from './pipeline-extract';

export { extractPage, pageFromBlocks, pageInfo, TRUNCATED_REASON } from './pipeline-extract';
export type { ExtractPageOptions } from './pipeline-extract';

export interface AnalyzeOptions extends ExtractPageOptions {
  url: string;
}

/**
 * Background side: classify (and explain) the clauses the content script extracted. Unsupported pages
 * pass through with no clauses.
 */
export function classifyExtracted(extracted: ExtractedPage): PageAnalysis {
  const analysis: PageAnalysis = {
    page: extracted.page,
    clauses: extracted.unsupported ? [] : classifyClauses(extracted.clauses),
  };
  if (extracted.unsupported) analysis.unsupported = extracted.unsupported;
  return analysis;
}

/** Detect, extract and classify a document in one go (CLI, tests). */
export function analyzeDocument(doc: Document, options: AnalyzeOptions): PageAnalysis {
  return classifyExtracted(extractPage(doc, options.url, options));
}

export interface AnalyzeTextOptions {
  url?: string;
  format: 'markdown' | 'text';
  title?: string;
}

/**
 * Analyse Markdown or plain text that is already a policy (e.g. a saved version): no page detection;
 * the kind is inferred from the title/headings, defaulting to privacy-policy.
 */
export function analyzeText(text: string, options: AnalyzeTextOptions): PageAnalysis {
  const extracted = extractText(text, options.format);
  const title = options.title ?? extracted.title;
  const kind =
    /\b(?:terms|conditions|agreement)\b/i.test(title) && !/\bprivacy\b/i.test(title)
      ? 'terms'
      : 'privacy-policy';
  const page: PageInfo = {
    kind,
    confidence: 1,
    language: extracted.language,
    title,
    ...(options.url ? { url: options.url } : {}),
    reasons: ['input given as an extracted policy', ...(extracted.truncated ? [TRUNCATED_REASON] : [])],
  };
  if (extracted.unsupported) return { page, clauses: [], unsupported: extracted.unsupported };
  return { page, clauses: classifyClauses(extracted.clauses) };
}
