/**
 * Content-script half of the pipeline: detect the page kind, and on policy pages extract clauses.
 * Imports no classifier, so the script injected into every page stays small; lib/pipeline.ts re-exports
 * these and adds the background half.
 * @module
 */
import type { ExtractedPage } from './messages';
import type { Detection, PageInfo } from './types';
import { detectPage } from './detect';
import { extractPolicy, extractPolicyChunked, type ChunkOptions, type ExtractOptions } from './extract';

/**
 * Added to `page.reasons` when a page exceeded the extraction budget (PageInfo has no field for it and
 * messages reject unknown fields).
 */
export const TRUNCATED_REASON = 'page too large: only its first part was analysed';

export interface ExtractPageOptions extends ExtractOptions {
  /** Treat the page as a policy even if detection says otherwise (user asked, or CLI `--assume-policy`). */
  assumePolicy?: boolean;
}

/** The `PageInfo` for a detection, before extraction fills in language and title. */
export function pageInfo(doc: Document, url: string, detection: Detection): PageInfo {
  return {
    kind: detection.kind,
    confidence: detection.confidence,
    language: 'und',
    title: (doc.title ?? '').replace(/\s+/g, ' ').trim(),
    url,
    reasons: detection.reasons,
  };
}

function notPolicy(page: PageInfo, url: string): ExtractedPage {
  return {
    url,
    page,
    clauses: [],
    unsupported: {
      reason: 'not-a-policy',
      message:
        page.kind === 'checkout'
          ? 'This is a checkout or sign-up page, not a policy.'
          : 'This page is not a privacy policy or terms.',
    },
  };
}

function decide(doc: Document, url: string, options: ExtractPageOptions): PageInfo {
  const detection = detectPage(doc, url);
  const page = pageInfo(doc, url, detection);
  if (options.assumePolicy && (page.kind === 'other' || page.kind === 'checkout')) {
    page.kind = /\bterms\b/i.test(page.title) ? 'terms' : 'privacy-policy';
    page.reasons = [...(page.reasons ?? []), 'treated as a policy on request'];
  }
  return page;
}

/**
 * Detect and (for privacy policies and terms) extract a page. The document is never modified.
 * Checkout and other pages come back with `unsupported.reason = 'not-a-policy'` and no clauses.
 */
export function extractPage(doc: Document, url: string, options: ExtractPageOptions = {}): ExtractedPage {
  const page = decide(doc, url, options);
  if (page.kind === 'other' || page.kind === 'checkout') return notPolicy(page, url);
  const extracted = extractPolicy(doc, options);
  page.language = extracted.language;
  page.title = extracted.title || page.title;
  if (extracted.truncated) page.reasons = [...(page.reasons ?? []), TRUNCATED_REASON];
  const out: ExtractedPage = { url, page, clauses: extracted.clauses };
  if (extracted.unsupported) out.unsupported = extracted.unsupported;
  return out;
}

/** `extractPage` with clause cutting done in time-boxed slices (see `extractPolicyChunked`). */
export async function extractPageChunked(
  doc: Document,
  url: string,
  options: ExtractPageOptions & Pick<ChunkOptions, 'now' | 'yieldControl' | 'budgetMs'>,
): Promise<ExtractedPage> {
  const page = decide(doc, url, options);
  if (page.kind === 'other' || page.kind === 'checkout') return notPolicy(page, url);
  await options.yieldControl();
  const extracted = await extractPolicyChunked(doc, options);
  page.language = extracted.language;
  page.title = extracted.title || page.title;
  if (extracted.truncated) page.reasons = [...(page.reasons ?? []), TRUNCATED_REASON];
  const out: ExtractedPage = { url, page, clauses: extracted.clauses };
  if (extracted.unsupported) out.unsupported = extracted.unsupported;
  return out;
}
